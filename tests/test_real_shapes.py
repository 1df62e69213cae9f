"""Responses as CircleCI really sends them, where its published spec says otherwise.

Each difference is listed, with its evidence, in ``docs/spec-differences.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from circleci_client import AuthenticatedClient, ResponseValidationError, _operation
from circleci_client.api.pipeline import list_pipelines, trigger_pipeline_run
from circleci_client.api.user import get_collaborations
from circleci_client.models.collaboration import Collaboration
from circleci_client.models.pipeline_list_response import PipelineListResponse
from circleci_client.models.pipeline_not_created import PipelineNotCreated
from circleci_client.models.user import User
from circleci_client.models.workflow_metrics_item import WorkflowMetricsItem
from circleci_client.types import Unset

from tests.clients import standin_client
from tests.standin.server import Standin


@pytest.fixture
def client(standin: Standin) -> Iterator[AuthenticatedClient]:
    with standin_client(standin) as c:
        yield c


def test_collaborations_carry_vcs_type_with_an_underscore(client: AuthenticatedClient) -> None:
    response = get_collaborations.sync_detailed(client=client)
    wire = json.loads(response.content)
    assert all("vcs_type" in org and "vcs-type" not in org for org in wire)
    orgs = response.parsed
    assert isinstance(orgs, list)
    assert [org.vcs_type for org in orgs] == [org["vcs_type"] for org in wire]
    assert all("vcs_type" not in org.additional_properties for org in orgs)


def test_a_collaboration_in_the_real_shape_parses() -> None:
    org = Collaboration.from_dict(
        {
            "id": "3b05ab1d-4ec5-5ae4-aa21-3428c0582450",
            "vcs_type": "circleci",
            "name": "acme-cloud",
            "avatar_url": "https://example.com/a.png",
            "slug": "circleci/43G3lM5RtfFE7v5sa4nWAU",
        }
    )
    assert (org.vcs_type, org.slug) == ("circleci", "circleci/43G3lM5RtfFE7v5sa4nWAU")


def test_a_user_without_avatar_url_parses() -> None:
    """Self-hosted CircleCI Server answers ``/me`` without ``avatar_url``."""
    user = User.from_dict(
        {"id": "3b05ab1d-4ec5-5ae4-aa21-3428c0582450", "login": "octo", "name": "Octo"}
    )
    assert isinstance(user.avatar_url, Unset)
    assert user.to_dict() == {
        "id": "3b05ab1d-4ec5-5ae4-aa21-3428c0582450",
        "login": "octo",
        "name": "Octo",
    }


def test_workflow_metrics_with_a_null_project_id_parse() -> None:
    item = WorkflowMetricsItem.from_dict(
        {
            "name": "build",
            "project_id": None,
            "window_start": "2025-10-01T00:00:00Z",
            "window_end": "2025-10-15T00:00:00Z",
            "metrics": {
                "total_runs": 1,
                "successful_runs": 1,
                "mttr": 0,
                "total_credits_used": 5,
                "failed_runs": 0,
                "success_rate": 1.0,
                "total_recoveries": 0,
                "throughput": 1.0,
                "duration_metrics": {
                    "min": 1,
                    "mean": 1,
                    "median": 1,
                    "p95": 1,
                    "max": 1,
                    "standard_deviation": 0.0,
                },
            },
        }
    )
    assert item.project_id is None


def test_the_last_page_of_an_organization_s_pipelines_has_a_null_token(
    standin: Standin, client: AuthenticatedClient
) -> None:
    org = "/".join(standin.world.facts.circleci_slug.split("/")[:2])
    response = list_pipelines.sync_detailed(client=client, org_slug=org)
    assert json.loads(response.content)["next_page_token"] is None
    assert isinstance(response.parsed, PipelineListResponse)
    assert response.parsed.next_page_token is None


def _run_answer(status: int, body: object) -> httpx.Response:
    request = httpx.Request("POST", "https://circleci.com/api/v2/project/circleci/a/b/pipeline/run")
    return httpx.Response(status, json=body, request=request)


def test_a_created_run_must_name_its_pipeline_and_a_skipped_one_need_not_say_why() -> None:
    operation, parsers = trigger_pipeline_run.OPERATION, trigger_pipeline_run._parse_success
    created = {"number": 5, "state": "created", "created_at": "2025-10-15T12:00:01Z"}
    with pytest.raises(ResponseValidationError) as caught:
        _operation.parse_body(operation, "PipelineCreation", parsers, _run_answer(201, created))
    assert caught.value.field == "id"
    skipped = _operation.parse_body(operation, "PipelineNotCreated", parsers, _run_answer(200, {}))
    assert isinstance(skipped, PipelineNotCreated) and isinstance(skipped.message, Unset)
