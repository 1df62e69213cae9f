"""Each generated operation described once, by its ``OPERATION``, and requests built from it."""

from __future__ import annotations

import enum
import inspect
import re
import uuid
from pathlib import Path
from types import ModuleType
from typing import Any, get_args, get_origin, get_type_hints

import attrs
import circleci_client.types
import httpx
import pytest
from circleci_client import AuthenticatedClient, ResponseValidationError, _operation
from circleci_client.api.pipeline import trigger_pipeline
from circleci_client.api.project import get_project_by_slug
from circleci_client.models.trigger_pipeline_parameters import TriggerPipelineParameters
from circleci_client.slugs import ProjectSlug

from docs.refpages.examples import example_model
from tests.operations import all_operation_ids, operation_module, spec_operations
from tests.standin.server import Standin

ROOT = Path(__file__).resolve().parent.parent


SPEC_OPERATIONS = spec_operations()
OPERATION_IDS = all_operation_ids()


def _operation_of(operation_id: str) -> tuple[ModuleType, _operation.Operation[Any]]:
    module = operation_module(operation_id)
    described: _operation.Operation[Any] = module.OPERATION
    return module, described


def test_every_operation_of_the_spec_has_a_module_under_its_official_id() -> None:
    """The operationId, rebuilt from the snake-cased module name, is the spec's own."""
    assert sorted(SPEC_OPERATIONS) == OPERATION_IDS


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_operation_carries_the_method_path_and_success_statuses_of_the_spec(
    operation_id: str,
) -> None:
    _, described = _operation_of(operation_id)
    method, path, spec = SPEC_OPERATIONS[operation_id]
    template = re.sub(r"{([^}]+)}", lambda name: name.group(0).replace("-", "_"), path)
    assert (described.method, described.path) == (method, template)
    successes = sorted(int(code) for code in spec["responses"] if code.startswith("2"))
    assert sorted(success.status for success in described.successes) == successes
    assert described.success_status in successes
    assert all(described.succeeded(status) for status in successes)
    assert not described.succeeded(500)


def _spelled(annotation: Any) -> str:
    """A type as the signatures spell it: ``Project``, ``list[Collaboration]``."""
    arguments = get_args(annotation)
    if not arguments:
        return str(annotation.__name__)
    return f"{get_origin(annotation).__name__}[{', '.join(map(_spelled, arguments))}]"


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_operation_names_the_model_its_parser_returns(operation_id: str) -> None:
    module, described = _operation_of(operation_id)
    for success in described.successes:
        returned = get_type_hints(success.parse, vars(module))["return"]
        assert success.model == _spelled(returned), (success.model, returned)
        assert inspect.signature(success.parse).parameters.keys() == {"data"}


def _sample(annotation: object) -> object:
    """A value of a required keyword parameter's type: a model built from the spec's example,
    an enum's first member, a UUID, else a string."""
    kinds = get_args(annotation) or (annotation,)
    for kind in kinds:
        if attrs.has(kind):
            return example_model(kind)
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return next(iter(kind))
        if kind is uuid.UUID:
            return uuid.UUID("5034460f-c7c4-4c43-9457-de07e2029e7b")
    return "x1"


@pytest.mark.parametrize("operation_id", OPERATION_IDS)
def test_the_request_is_built_from_the_operation(operation_id: str) -> None:
    """``_get_kwargs`` takes its method and path template from ``OPERATION``: patch them and
    the request follows."""
    module, described = _operation_of(operation_id)
    parameters = inspect.signature(module._get_kwargs).parameters
    samples: dict[str, Any] = {
        "project_slug": "gh/acme/widgets",
        "provider": "gh",
        "organization": "acme",
        "project": "widgets",
    }
    positional = [
        name
        for name, parameter in parameters.items()
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    ]
    arguments: dict[str, Any] = {name: samples.get(name, "x1") for name in positional}
    hints = get_type_hints(module._get_kwargs)
    for name, parameter in parameters.items():
        if name not in arguments and parameter.default is inspect.Parameter.empty:
            arguments[name] = _sample(hints[name])  # a required body or query parameter
    fields = {name: f"{{{name}}}" for name in positional}
    marked: _operation.Operation[Any] = _operation.Operation(
        described.operation_id, "PATCH", "/marked" + "".join(f"/{v}" for v in fields.values()), 200
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, "OPERATION", marked)
        kwargs = module._get_kwargs(**arguments)
    assert kwargs["method"] == "PATCH"
    assert str(kwargs["url"]).startswith("/marked")


def test_the_parse_path_uses_the_status_model_and_names_it_in_errors() -> None:
    from circleci_client.api.pipeline import trigger_pipeline_run

    request = httpx.Request("POST", "https://circleci.com/api/v2/x")
    described = trigger_pipeline_run.OPERATION
    not_created = httpx.Response(200, json={"message": "skipped"}, request=request)
    assert type(_operation.parse_success(described, not_created)).__name__ == "PipelineNotCreated"
    with pytest.raises(ResponseValidationError) as caught:
        _operation.parse_success(described, httpx.Response(201, json={}, request=request))
    assert caught.value.model == "PipelineCreation"
    assert caught.value.operation == "triggerPipelineRun"
    with pytest.raises(ResponseValidationError, match="status 202 has no body model") as other:
        _operation.parse_success(described, httpx.Response(202, json={}, request=request))
    assert other.value.model == "PipelineCreation | PipelineNotCreated"


# --- Content-Type only with a body ----------------------------------------------------------


def test_a_get_carries_no_content_type(client: AuthenticatedClient, standin: Standin) -> None:
    get_project_by_slug.sync("gh/acme/widgets", client=client)
    record = standin.requests.api.filter(operation="getProjectBySlug")[-1]
    assert "content-type" not in record.headers


def test_a_post_without_its_optional_body_carries_no_content_type(
    client: AuthenticatedClient, standin: Standin
) -> None:
    trigger_pipeline.sync("gh/acme/widgets", client=client)
    record = standin.requests.api.filter(operation="triggerPipeline")[-1]
    assert "content-type" not in record.headers
    assert record.headers.get("content-length", "0") == "0"


def test_a_post_with_a_body_says_it_is_json(client: AuthenticatedClient, standin: Standin) -> None:
    trigger_pipeline.sync(
        "gh/acme/widgets", client=client, body=TriggerPipelineParameters(branch="main")
    )
    record = standin.requests.api.filter(operation="triggerPipeline")[-1]
    assert record.headers["content-type"] == "application/json"


# --- project slugs --------------------------------------------------------------------------


def test_every_project_slug_parameter_takes_a_project_slug_too() -> None:
    typed = 0
    for operation_id in OPERATION_IDS:
        module = operation_module(operation_id)
        for function in (module.sync, module.sync_detailed, module.asyncio, module._get_kwargs):
            hints = get_type_hints(function, vars(module))
            if "project_slug" in hints:
                assert hints["project_slug"] == str | ProjectSlug, operation_id
                typed += 1
    assert typed > 20


def test_a_project_slug_object_reaches_the_server(
    client: AuthenticatedClient, standin: Standin
) -> None:
    project = get_project_by_slug.sync(ProjectSlug.github("acme", "widgets"), client=client)
    assert project.slug == "gh/acme/widgets"


# --- no dead generated code -----------------------------------------------------------------


def test_the_generated_types_hold_only_what_the_operations_use() -> None:
    assert sorted(circleci_client.types.__all__) == ["Response", "UNSET", "Unset"]
    for dead in ("File", "FileTypes", "RequestFiles", "FileContent"):
        assert not hasattr(circleci_client.types, dead), dead
