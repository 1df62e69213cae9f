"""One way to trigger any project (``circleci_client.pipelines``), and models whose free-form map
fields take plain mappings. Over HTTP against the stand-in."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import pkgutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast
from uuid import UUID

import attrs
import pytest
import yaml
from circleci_client import (
    AuthenticatedClient,
    CircleCIError,
    InvalidPipelineParameterError,
    InvalidTriggerError,
    NotFoundError,
    ProjectSlug,
    models,
)
from circleci_client.api.pipeline import get_pipeline_by_id, trigger_pipeline
from circleci_client.models.continue_pipeline_parameters import ContinuePipelineParameters
from circleci_client.models.job import Job
from circleci_client.models.job_status import JobStatus
from circleci_client.models.job_type import JobType
from circleci_client.models.pipeline import Pipeline
from circleci_client.models.pipeline_state import PipelineState
from circleci_client.models.pipeline_trigger_parameters import PipelineTriggerParameters
from circleci_client.models.required_job_status import RequiredJobStatus
from circleci_client.models.trigger_pipeline_parameters import TriggerPipelineParameters
from circleci_client.models.trigger_pipeline_parameters_parameters import (
    TriggerPipelineParametersParameters,
)
from circleci_client.models.trigger_pipeline_run_parameters import TriggerPipelineRunParameters
from circleci_client.pipelines import (
    NotTriggered,
    Triggered,
    atrigger_pipeline,
    check_pipeline_parameters,
)
from circleci_client.pipelines import trigger_pipeline as trigger
from circleci_client.slugs import InvalidProjectSlugError
from circleci_client.types import Unset

from tests.clients import SentRequests, standin_client
from tests.standin.server import Standin

WIDGETS = "gh/acme/widgets"
LEGACY = "bb/acme/legacy-app"


SENT = SentRequests()


@pytest.fixture
def client_options() -> dict[str, Any]:
    """The shared ``client`` fixture, recording what each request sends."""
    return SENT.client_options()


def _sent(standin: Standin, operation: str) -> dict[str, Any]:
    """The JSON body of the last request of ``operation`` (sync calls record what they send)."""
    record = standin.requests.api.filter(operation=operation)[-1]
    request = next(r for r in reversed(SENT) if r.url.raw_path.decode() == record.raw_path)
    body: dict[str, Any] = json.loads(request.content) if request.content else {}
    return body


# --- the helper: which endpoint -------------------------------------------------------------------


def test_github_app_slug_uses_trigger_pipeline_run_in_three_segments(
    standin: Standin, client: AuthenticatedClient
) -> None:
    slug = standin.world.facts.circleci_slug
    result = trigger(client, slug, branch="feature/x", parameters={"deploy": True, "n": 2})
    assert isinstance(result, Triggered) and result.created
    assert result.operation == "triggerPipelineRun" and result.project_slug == slug
    assert result.number == 5 and result.state == PipelineState.CREATED
    record = standin.requests.api.filter(operation="triggerPipelineRun")[-1]
    assert record.raw_path == f"/api/v2/project/{slug}/pipeline/run"
    assert _sent(standin, "triggerPipelineRun") == {
        "config": {"branch": "feature/x"},
        "checkout": {"branch": "feature/x"},
        "parameters": {"deploy": True, "n": 2},
    }
    stored = standin.world.pipelines[str(result.id)]
    assert stored.branch == "feature/x" and stored.trigger_parameters == {"deploy": True, "n": 2}
    assert standin.requests.api.filter(operation="triggerPipeline") == []


def test_github_app_slug_keeps_its_case_and_takes_a_definition(
    standin: Standin, client: AuthenticatedClient
) -> None:
    facts = standin.world.facts
    _, org, project = facts.circleci_slug.split("/")
    result = trigger(
        client,
        ProjectSlug.circleci(org, project),
        tag="v1.2.0",
        definition_id=facts.dynamic_definition_id,
    )
    assert isinstance(result, Triggered) and result.state == PipelineState.SETUP
    assert result.project_slug == facts.circleci_slug
    assert _sent(standin, "triggerPipelineRun") == {
        "definition_id": facts.dynamic_definition_id,
        "config": {"tag": "v1.2.0"},
        "checkout": {"tag": "v1.2.0"},
    }
    assert standin.world.pipelines[str(result.id)].definition_id == facts.dynamic_definition_id


@pytest.mark.parametrize("slug", [WIDGETS, "github/acme/widgets", LEGACY])
def test_oauth_slugs_use_trigger_pipeline(
    standin: Standin, client: AuthenticatedClient, slug: str
) -> None:
    result = trigger(client, slug, branch="main", parameters={"image": "4.8.2"})
    assert isinstance(result, Triggered) and result.operation == "triggerPipeline"
    assert result.project_slug == str(ProjectSlug.parse(slug))
    assert standin.requests.api.filter(operation="triggerPipelineRun") == []
    assert _sent(standin, "triggerPipeline") == {"branch": "main", "parameters": {"image": "4.8.2"}}
    pipeline = get_pipeline_by_id.sync(result.id, client=client)
    assert pipeline.number == result.number


def test_oauth_slug_with_a_definition_uses_trigger_pipeline_run(
    standin: Standin, client: AuthenticatedClient
) -> None:
    # The stand-in's OAuth projects have no definitions: the request goes out and gets a 404.
    with pytest.raises(NotFoundError):
        trigger(client, WIDGETS, definition_id=UUID("00000000-0000-4000-8000-000000000001"))
    record = standin.requests.api.filter(operation="triggerPipelineRun")[-1]
    assert record.raw_path == "/api/v2/project/gh/acme/widgets/pipeline/run"


def test_nothing_but_the_slug_sends_an_empty_body(
    standin: Standin, client: AuthenticatedClient
) -> None:
    created = trigger(client, standin.world.facts.circleci_slug)
    assert isinstance(created, Triggered)
    assert _sent(standin, "triggerPipelineRun") == {}
    legacy = trigger(client, WIDGETS)
    assert isinstance(legacy, Triggered) and legacy.number == 96
    assert _sent(standin, "triggerPipeline") == {}


# --- the two outcomes -----------------------------------------------------------------------------


def test_not_created_is_told_apart_from_created(
    standin: Standin, client: AuthenticatedClient
) -> None:
    slug = standin.world.facts.circleci_slug
    before = len(standin.world.pipelines)
    result = trigger(client, slug, branch="docs/skip-ci")
    assert isinstance(result, NotTriggered) and not result.created
    assert "skip CI" in result.message and result.operation == "triggerPipelineRun"
    assert len(standin.world.pipelines) == before


def test_async_both_outcomes(standin: Standin) -> None:
    slug = standin.world.facts.circleci_slug

    async def run() -> list[object]:
        async with standin_client(standin) as client:
            return [
                await atrigger_pipeline(client, slug, parameters={"fail": True}),
                await atrigger_pipeline(client, slug, tag="skip-ci"),
                await atrigger_pipeline(client, LEGACY, tag="v9"),
            ]

    created, skipped, legacy = asyncio.run(run())
    assert isinstance(created, Triggered) and created.operation == "triggerPipelineRun"
    assert isinstance(skipped, NotTriggered)
    assert isinstance(legacy, Triggered) and legacy.operation == "triggerPipeline"
    assert standin.world.pipelines[str(legacy.id)].tag == "v9"


# --- refused before sending -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parameters", "name", "type_name"),
    [
        ({"ratio": 0.5}, "ratio", "float"),
        ({"ok": True, "missing": None}, "missing", "NoneType"),
        ({"tags": ["a", "b"]}, "tags", "list"),
        ({"nested": {"a": 1}}, "nested", "dict"),
    ],
)
def test_bad_parameter_values_are_refused_by_name(
    standin: Standin,
    client: AuthenticatedClient,
    parameters: dict[str, object],
    name: str,
    type_name: str,
) -> None:
    for slug in (standin.world.facts.circleci_slug, WIDGETS):
        with pytest.raises(InvalidPipelineParameterError) as caught:
            trigger(client, slug, parameters=cast(Mapping[str, Any], parameters))
        assert caught.value.name == name and caught.value.value == parameters[name]
        assert repr(name) in str(caught.value) and type_name in str(caught.value)
        assert isinstance(caught.value, TypeError) and isinstance(caught.value, CircleCIError)
    assert standin.requests.api.filter(method="POST") == []


def test_bad_parameter_names_and_containers_are_refused(standin: Standin) -> None:
    with pytest.raises(InvalidPipelineParameterError, match="non-empty str"):
        check_pipeline_parameters(cast(Mapping[str, Any], {1: "x"}))
    with pytest.raises(InvalidPipelineParameterError, match="non-empty str"):
        check_pipeline_parameters({"": "x"})
    with pytest.raises(InvalidPipelineParameterError, match="mapping"):
        check_pipeline_parameters(cast(Mapping[str, Any], [("a", 1)]))
    assert check_pipeline_parameters({"s": "x", "i": 3, "b": False}) == {
        "s": "x",
        "i": 3,
        "b": False,
    }


def test_bad_arguments_are_refused_before_sending(
    standin: Standin, client: AuthenticatedClient
) -> None:
    slug = standin.world.facts.circleci_slug
    with pytest.raises(InvalidTriggerError, match="not both"):
        trigger(client, slug, branch="main", tag="v1")
    with pytest.raises(InvalidTriggerError, match="definition_id must be a UUID"):
        trigger(client, slug, definition_id="build")
    with pytest.raises(InvalidTriggerError, match="branch must be a non-empty str"):
        trigger(client, WIDGETS, branch="")
    with pytest.raises(InvalidProjectSlugError):
        trigger(client, "circleci/not-an-id/x")
    with pytest.raises(InvalidProjectSlugError):
        trigger(client, "gitlab/acme/widgets")
    assert standin.requests.api.filter(method="POST") == []


def test_unknown_project_is_not_found(standin: Standin, client: AuthenticatedClient) -> None:
    org = standin.world.facts.circleci_slug.split("/")[1]
    with pytest.raises(NotFoundError):
        trigger(client, f"circleci/{org}/NoSuchProject0000000000")
    with pytest.raises(NotFoundError):
        trigger(client, "gh/acme/nothing")


# --- models: free-form map fields take plain mappings ---------------------------------------------


def test_trigger_body_takes_a_plain_mapping_over_http(
    standin: Standin, client: AuthenticatedClient
) -> None:
    body = TriggerPipelineParameters(branch="main", parameters={"image-tag": "4.8.2", "n": 1})
    assert isinstance(body.parameters, TriggerPipelineParametersParameters)
    assert body.to_dict() == {"branch": "main", "parameters": {"image-tag": "4.8.2", "n": 1}}
    created = trigger_pipeline.sync(WIDGETS, client=client, body=body)
    pipeline = get_pipeline_by_id.sync(created.id, client=client)
    assert not isinstance(pipeline.trigger_parameters, Unset)
    assert pipeline.trigger_parameters.to_dict() == {"image-tag": "4.8.2", "n": 1}
    assert isinstance(pipeline.trigger_parameters, PipelineTriggerParameters)


def test_every_map_field_takes_a_mapping_and_checks_its_values() -> None:
    run = TriggerPipelineRunParameters(parameters={"deploy": False})
    assert run.to_dict() == {"parameters": {"deploy": False}}
    cont = ContinuePipelineParameters("ck-1", "version: 2.1\n", parameters={"x": 1})
    assert cont.to_dict()["parameters"] == {"x": 1}
    job = Job(
        id=UUID(int=1),
        name="lint",
        project_slug="gh/a/b",
        status=JobStatus.SUCCESS,
        type_=JobType.BUILD,
        dependencies=[],
        requires={"build": [RequiredJobStatus.SUCCESS]},
    )
    assert job.to_dict()["requires"] == {"build": ["success"]}
    with pytest.raises(TypeError, match=r"TriggerPipelineParameters.parameters: ratio"):
        TriggerPipelineParameters(parameters=cast(Mapping[str, Any], {"ratio": 0.5}))
    with pytest.raises(TypeError, match="expected a mapping, not list"):
        TriggerPipelineParameters(parameters=cast(Mapping[str, Any], ["a"]))
    same = TriggerPipelineParametersParameters.from_dict({"a": "b"})
    assert TriggerPipelineParameters(parameters=same).parameters is same


def test_responses_stay_strict() -> None:
    wire = {
        "id": str(UUID(int=7)),
        "errors": [],
        "project_slug": WIDGETS,
        "number": 1,
        "state": "created",
        "created_at": "2025-01-01T00:00:00Z",
        "trigger": {
            "type": "api",
            "received_at": "2025-01-01T00:00:00Z",
            "actor": {"login": "a", "avatar_url": None},
        },
        "trigger_parameters": {"a": 1.5},
    }
    with pytest.raises(TypeError, match="a: unexpected float"):
        Pipeline.from_dict(wire)
    wire["trigger_parameters"] = {"a": 1}
    parsed = Pipeline.from_dict(wire)
    assert isinstance(parsed.trigger_parameters, PipelineTriggerParameters)
    assert parsed.to_dict()["trigger_parameters"] == {"a": 1}


def _map_fields_in_spec() -> set[tuple[str, str]]:
    """(schema, property) of every object property of openapi.yaml that is a free-form map.

    A free-form map is an object with no declared properties, inline or through ``$ref``.
    """
    spec = yaml.safe_load((Path(__file__).resolve().parent.parent / "openapi.yaml").read_text())
    schemas = spec["components"]["schemas"]
    found: set[tuple[str, str]] = set()
    for schema_name, schema in schemas.items():
        for name, prop in (schema.get("properties") or {}).items():
            if "$ref" in prop:
                prop = schemas[prop["$ref"].rsplit("/", 1)[1]]
            free_form = prop.get("type") == "object" and not prop.get("properties")
            if free_form and prop.get("additionalProperties", True) is not False:
                found.add((schema_name, name))
    return found


def _map_fields_in_models() -> set[tuple[str, str]]:
    """(class, parameter) of every generated model whose __init__ also takes a plain mapping."""
    found: set[tuple[str, str]] = set()
    for module_info in pkgutil.iter_modules(models.__path__):
        module = importlib.import_module(f"{models.__name__}.{module_info.name}")
        for cls in vars(module).values():
            if not (inspect.isclass(cls) and cls.__module__ == module.__name__):
                continue
            init = cls.__dict__.get("__init__")
            if init is None or not hasattr(init, "__annotations__"):
                continue
            for name, annotation in init.__annotations__.items():
                if "| Mapping[str, " in str(annotation):
                    found.add((cls.__name__, name))
    return found


def test_every_free_form_map_field_of_the_spec_takes_a_mapping() -> None:
    in_spec = _map_fields_in_spec()
    assert ("TriggerPipelineParameters", "parameters") in in_spec and len(in_spec) >= 5
    assert _map_fields_in_models() == in_spec


def test_a_pipeline_built_by_hand_takes_a_mapping() -> None:
    parsed = Pipeline.from_dict(
        {
            "id": str(UUID(int=7)),
            "errors": [],
            "project_slug": WIDGETS,
            "number": 1,
            "state": "created",
            "created_at": "2025-01-01T00:00:00Z",
            "trigger": {
                "type": "api",
                "received_at": "2025-01-01T00:00:00Z",
                "actor": {"login": "a", "avatar_url": None},
            },
        }
    )
    built = attrs.evolve(parsed, trigger_parameters={"deploy": True, "n": 2})
    assert isinstance(built.trigger_parameters, PipelineTriggerParameters)
    assert built.to_dict()["trigger_parameters"] == {"deploy": True, "n": 2}
    assert attrs.evolve(built) == built
