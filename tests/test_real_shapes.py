"""Responses as CircleCI really sends them, where its published spec says otherwise.

Each difference is listed, with its evidence, in ``docs/spec-differences.md``.
"""

from __future__ import annotations

import inspect
import json

import httpx
import pytest
from circleci_client import AuthenticatedClient, ResponseValidationError, _operation
from circleci_client.api.context import (
    add_environment_variable_to_context,
    get_context_restrictions,
    list_contexts,
)
from circleci_client.api.pipeline import list_pipelines, trigger_pipeline_run
from circleci_client.api.user import get_collaborations
from circleci_client.models.collaboration import Collaboration
from circleci_client.models.context_environment_variable import ContextEnvironmentVariable
from circleci_client.models.context_environment_variable_input import (
    ContextEnvironmentVariableInput,
)
from circleci_client.models.context_restriction_list_response import (
    ContextRestrictionListResponse,
)
from circleci_client.models.context_restriction_type import ContextRestrictionType
from circleci_client.models.pipeline_list_response import PipelineListResponse
from circleci_client.models.pipeline_not_created import PipelineNotCreated
from circleci_client.models.user import User
from circleci_client.models.workflow_metrics_item import WorkflowMetricsItem
from circleci_client.types import Unset

from tests.standin.server import Standin


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
    operation = trigger_pipeline_run.OPERATION
    created = {"number": 5, "state": "created", "created_at": "2025-10-15T12:00:01Z"}
    with pytest.raises(ResponseValidationError) as caught:
        _operation.parse_success(operation, _run_answer(201, created))
    assert caught.value.field == "id"
    assert caught.value.model == "PipelineCreation"
    skipped = _operation.parse_success(operation, _run_answer(200, {}))
    assert isinstance(skipped, PipelineNotCreated) and isinstance(skipped.message, Unset)


def test_a_context_variable_put_answers_with_the_variable_and_never_the_value(
    client: AuthenticatedClient,
) -> None:
    """The ``PUT`` answer is the variable itself (the shape CircleCI's CLI decodes)."""
    org = list_contexts.sync(client=client, owner_slug="gh/acme").items[0]
    response = add_environment_variable_to_context.sync_detailed(
        org.id, "SHAPE", client=client, body=ContextEnvironmentVariableInput(value="hidden")
    )
    assert set(json.loads(response.content)) == {
        "variable",
        "created_at",
        "updated_at",
        "context_id",
    }
    assert isinstance(response.parsed, ContextEnvironmentVariable)
    with pytest.raises(KeyError):  # a bare {message} is not this operation's answer
        ContextEnvironmentVariable.from_dict({"message": "ok"})


def test_a_restriction_in_the_real_shape_parses_and_its_list_pages() -> None:
    """What CircleCI's Terraform provider reads: a list with ``next_page_token``."""
    page = ContextRestrictionListResponse.from_dict(
        {
            "items": [
                {
                    "id": "1c23d2cb-07b1-4a28-8af3-e369732050ed",
                    "context_id": "0407a4cd-7d9d-4359-a2ad-0a7c67c0ba96",
                    "project_id": None,
                    "name": 'pipeline.git.branch == "main"',
                    "restriction_type": "expression",
                    "restriction_value": 'pipeline.git.branch == "main"',
                }
            ],
            "next_page_token": None,
        }
    )
    assert page.items[0].restriction_type == ContextRestrictionType.EXPRESSION
    assert page.items[0].project_id is None and page.next_page_token is None
    assert "page_token" in inspect.signature(get_context_restrictions.sync).parameters
