"""Property-based tests: hostile response bodies, slugs, artifact paths and Retry-After values.

Whatever the server sends, parsing either succeeds or raises ``ResponseValidationError``;
whatever the user types as a slug, parsing succeeds or raises ``InvalidProjectSlugError``;
``parse_retry_after`` never raises and returns ``None`` or a non-negative finite float.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import json
import math
import pkgutil
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import circleci_client.models
import httpx
import pytest
import yaml
from circleci_client import _operation
from circleci_client.errors import (
    ResponseValidationError,
    error_from_response,
    parse_retry_after,
)
from circleci_client.slugs import InvalidProjectSlugError, ProjectSlug, validate_project_slug
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.operations import all_operation_ids, operation_module
from tests.standin import (
    context_handlers,
    insights,
    result_insights,
    schedule_handlers,
    settings_handlers,
    webhook_handlers,
    wire,
)
from tests.standin.schedules import StoredWebhook
from tests.standin.world import LEGACY, WIDGETS, World, seed_world

# --- strategies -----------------------------------------------------------------------------

HUGE = "x" * 100_000
ODD_STRINGS = st.sampled_from(
    [
        "",
        " ",
        "not-a-uuid",
        "2025-13-45T25:61:61Z",
        "0000-00-00",
        "9999-12-31T23:59:59.999999+14:00",
        "-1",
        "NaN",
        "Infinity",
        "\x00",
        "\ud7ff\ue000",
        "some_future_status",
        "SUCCESS",
        "6f2c1d8e-3b0a-5c47-9e21-5a7d4c3b2a10",
        "2025-10-15T12:00:00Z",
        HUGE,
    ]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**30, max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | ODD_STRINGS
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def _deep(depth: int, kind: str) -> str:
    if kind == "list":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


DEEP_BODIES = st.builds(
    _deep, st.sampled_from([50, 5_000, 200_000]), st.sampled_from(["list", "dict"])
)
RAW_BODIES = st.binary(max_size=64) | st.text(max_size=64).map(str.encode)


SPEC: dict[str, Any] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "openapi.yaml").read_text()
)
# Keys fed to a model the spec gives no property names (a map of names chosen by the user).
MAP_KEYS = ("name", "", "not-documented", "x" * 300)


def _class_name(name: str) -> str:
    """The class name the generator gives a schema name (``git-ref`` -> ``GitRef``)."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", name) if part)


def _schemas_by_class() -> dict[str, dict[str, Any]]:
    """Every object schema in the spec, named by the class generated from it.

    Component schemas keep their name; an inline object in a property is named after its
    parent and the property, and a union member of a map's values after its parent and index.
    """
    found: dict[str, dict[str, Any]] = {}

    def visit(class_name: str, schema: dict[str, Any]) -> None:
        found[class_name] = schema
        for key, prop in (schema.get("properties") or {}).items():
            if isinstance(prop, dict) and "$ref" not in prop and prop.get("type") == "object":
                visit(class_name + _class_name(key), prop)
        values = schema.get("additionalProperties")
        if isinstance(values, dict):
            for index, member in enumerate(values.get("anyOf") or values.get("oneOf") or []):
                if "$ref" not in member and member.get("type") == "object":
                    visit(f"{class_name}AdditionalPropertyType{index}", member)

    for name, schema in SPEC["components"]["schemas"].items():
        visit(_class_name(name), schema)
    return found


SCHEMAS_BY_CLASS = _schemas_by_class()


def _json_keys(name: str) -> list[str]:
    """The JSON keys the spec gives model ``name``; sample keys for a map; [] if not in the spec."""
    schema = SCHEMAS_BY_CLASS.get(name)
    if schema is None:
        return []
    properties = sorted(schema.get("properties") or {})
    if properties:
        return properties
    return list(MAP_KEYS) if schema.get("type") == "object" else []


def _models() -> dict[str, type]:
    found: dict[str, type] = {}
    package = circleci_client.models
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if (
                inspect.isclass(obj)
                and obj.__module__ == module.__name__
                and callable(getattr(obj, "from_dict", None))
            ):
                found[name] = obj
    return found


MODELS = _models()


def _mutations(valid: Any) -> st.SearchStrategy[Any]:
    """A valid body with one value somewhere replaced, removed, or an unknown key added."""

    def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        found = [prefix]
        if isinstance(value, dict):
            for key, child in value.items():
                found += paths(child, (*prefix, key))
        elif isinstance(value, list):
            for index, child in enumerate(value[:3]):
                found += paths(child, (*prefix, index))
        return found

    all_paths = paths(valid)

    def mutate(path: tuple[Any, ...], action: str, replacement: Any) -> Any:
        body = json.loads(json.dumps(valid))
        if not path:
            return replacement
        parent = body
        for step in path[:-1]:
            parent = parent[step]
        last = path[-1]
        if action == "delete":
            del parent[last]
        elif action == "add" and isinstance(parent, dict):
            parent["unexpected_" + str(last)] = replacement
        else:
            parent[last] = replacement
        return body

    return st.builds(
        mutate,
        st.sampled_from(all_paths),
        st.sampled_from(["replace", "replace", "delete", "add"]),
        JSON_VALUES,
    )


def _schedule_and_webhook_bodies(world: World) -> dict[str, Any]:
    """Valid schedule and webhook answers, from the stand-in's serializers."""
    schedules = [
        schedule_handlers.schedule_json(world, s) for s in world.schedules.schedules.values()
    ]
    hook = StoredWebhook(
        id=world.new_id("webhook"),
        project_id=world.projects[WIDGETS].id,
        name="notifier",
        url="https://hooks.example.com/circleci",
        events=["workflow-completed", "job-completed"],
        verify_tls=True,
        signing_secret="s3cr3t-signing-key",
        created_at=world.now,
        updated_at=world.now,
    )
    return {
        "Schedule": schedules[0],
        "ScheduleListResponse": {"items": schedules, "next_page_token": "next"},
        "Webhook": webhook_handlers.webhook_json(hook),
        "WebhookListResponse": {
            "items": [webhook_handlers.webhook_json(hook)],
            "next_page_token": None,
        },
    }


def _valid_bodies() -> dict[str, Any]:
    """A valid body per response model, from the stand-in's serializers."""
    world = seed_world(1024)
    project = world.projects[WIDGETS]
    pipeline = project.pipelines[-1]
    workflow = pipeline.workflows[0]
    window = insights.window_for(world, "last-90-days", None)
    runs = insights.workflow_runs(world, project, workflow.name, window)
    job = next(j for j in workflow.jobs if j.job_number is not None)
    with_artifacts = next(j for j in world.jobs.values() if j.artifacts and j.tests)
    app = world.projects[world.facts.circleci_slug]
    contexts = list(world.contexts.contexts.values())
    restricted = next(c for c in contexts if c.restrictions)
    variables = [(c, v) for c in contexts for v in c.variables.values()]
    return {
        "User": wire.user(world.current_user),
        "list[Collaboration]": [wire.collaboration(c) for c in world.collaborations],
        "Project": wire.project(project),
        "Pipeline": wire.pipeline(world, pipeline),
        "PipelineListResponse": {
            "items": [wire.pipeline(world, p) for p in world.projects[LEGACY].pipelines[:3]],
            "next_page_token": None,
        },
        "PipelineCreation": wire.pipeline_creation(pipeline),
        "PipelineConfig": wire.pipeline_config(pipeline),
        "Workflow": wire.workflow(workflow),
        "WorkflowListResponse": {"items": [wire.workflow(workflow)], "next_page_token": None},
        "WorkflowJobListResponse": {
            "items": [wire.job(j) for j in workflow.jobs],
            "next_page_token": "abc",
        },
        "JobDetails": wire.job_details(world, project, job),
        "ArtifactListResponse": {
            "items": [
                wire.artifact(a, with_artifacts, "http://a") for a in with_artifacts.artifacts[:3]
            ],
            "next_page_token": None,
        },
        "TestsResponse": {
            "items": [wire.test_result(t) for t in with_artifacts.tests[:3]],
            "next_page_token": None,
        },
        "EnvironmentVariable": wire.env_var(next(iter(project.env_vars.values()))),
        "CheckoutKey": wire.checkout_key(project.checkout_keys[0]),
        "MessageResponse": wire.message("ok"),
        "EnvironmentVariableListResponse": {
            "items": [wire.env_var(e) for e in project.env_vars.values()],
            "next_page_token": None,
        },
        "CheckoutKeyListResponse": {
            "items": [wire.checkout_key(k) for k in project.checkout_keys],
            "next_page_token": None,
        },
        "RerunWorkflowResponse": {"workflow_id": workflow.id},
        "WorkflowMetricsListResponse": {
            "items": insights.project_workflow_metrics(world, project, window),
            "next_page_token": None,
        },
        "WorkflowRunListResponse": {
            "items": [insights.run_item(wf, pipeline.branch) for wf in runs[:5]],
            "next_page_token": "next",
        },
        "JobMetricsListResponse": {
            "items": insights.job_metrics(runs, window, None),
            "next_page_token": None,
        },
        "WorkflowSummary": insights.workflow_summary(world, project, workflow.name, window),
        "PipelineNotCreated": wire.message("Pipeline not created."),
        "PipelineDefinitionListResponse": {
            "items": [wire.pipeline_definition(d) for d in app.definitions],
        },
        "Context": context_handlers.context_json(contexts[0]),
        "ContextListResponse": {
            "items": [context_handlers.context_json(c) for c in contexts],
            "next_page_token": "next",
        },
        "ContextEnvironmentVariable": context_handlers.variable_json(*variables[0]),
        "ContextEnvironmentVariableListResponse": {
            "items": [context_handlers.variable_json(c, v) for c, v in variables],
            "next_page_token": None,
        },
        "ContextRestriction": context_handlers.restriction_json(
            restricted, restricted.restrictions[0]
        ),
        "ContextRestrictionListResponse": {
            "items": [
                context_handlers.restriction_json(restricted, r) for r in restricted.restrictions
            ],
            "next_page_token": None,
        },
        "FlakyTestsResponse": result_insights.flaky_tests(world, project),
        "WorkflowTestMetrics": result_insights.workflow_test_metrics(
            world, project, "build-and-test", None
        ),
        "OrgSummaryResponse": result_insights.org_summary(world, "gh/acme", "last-30-days", []),
        "InsightsBranchesResponse": result_insights.branches(world, project, None),
        **_schedule_and_webhook_bodies(world),
        "ProjectSettings": {
            "advanced": {
                **settings_handlers.DEFAULTS,
                "pr_only_branch_overrides": [project.default_branch],
            }
        },
        "UsageExportJob": {
            "usage_export_job_id": pipeline.id,
            "state": "completed",
            "start": wire.ts(pipeline.created_at),
            "end": wire.ts(pipeline.created_at),
            "download_urls": ["https://files.example/usage/part-0.csv.gz?X-Amz-Signature=1"],
            "error_reason": None,
        },
    }


VALID = _valid_bodies()


def _success_parsers() -> list[tuple[str, str, ModuleType]]:
    """(operationId, model name, view) for every success status of every operation.

    Read from each module's ``OPERATION``: an operation with several success statuses appears
    once per status, its view holding that status's parser as ``_parse_success``.
    """
    found = []
    for operation_id in all_operation_ids():
        module = operation_module(operation_id)
        operation: _operation.Operation[Any] = module.OPERATION
        assert operation.successes, operation_id
        for success in operation.successes:
            view = ModuleType(f"{module.__name__}[{success.status}]")
            view.OPERATION = operation  # type: ignore[attr-defined]
            view._parse_success = success.parse  # type: ignore[attr-defined]
            found.append((operation_id, success.model, view))
    return found


PARSERS = _success_parsers()
PER_CASE = settings(max_examples=25)
"""Fewer examples for tests parametrized over every operation or model."""


# Distinctive, so that finding it in an error message means the token leaked.
TOKEN = "CCIPAT_hostile-inputs-secret-7f3a9c"


def _response(content: bytes) -> httpx.Response:
    request = httpx.Request("GET", "https://circleci.com/api/v2/x", headers={"Circle-Token": TOKEN})
    return httpx.Response(200, content=content, request=request)


def _encode(body: Any) -> bytes:
    return json.dumps(body, allow_nan=True).encode()


def _parse_or_typed_error(
    operation: _operation.Operation[Any], model: str, parse: Callable[[Any], Any], content: bytes
) -> None:
    try:
        _operation.parse_body(operation, model, parse, _response(content))
    except ResponseValidationError as exc:
        assert exc.model  # names a model
        assert TOKEN not in str(exc) and TOKEN not in repr(exc.args)


# --- response bodies ------------------------------------------------------------------------


def test_every_operation_and_model_is_covered() -> None:
    assert len(PARSERS) >= 25
    assert {model for _, model, _ in PARSERS} <= set(VALID)
    assert len(MODELS) > 40


@pytest.mark.parametrize(("operation_id", "model", "module"), PARSERS, ids=lambda v: str(v)[:30])
@PER_CASE
@given(body=JSON_VALUES)
def test_operations_survive_random_json(
    operation_id: str, model: str, module: ModuleType, body: Any
) -> None:
    _parse_or_typed_error(module.OPERATION, model, module._parse_success, _encode(body))


@pytest.mark.parametrize(("operation_id", "model", "module"), PARSERS, ids=lambda v: str(v)[:30])
@PER_CASE
@given(data=st.data())
def test_operations_survive_mutated_valid_bodies(
    operation_id: str, model: str, module: ModuleType, data: st.DataObject
) -> None:
    body = data.draw(_mutations(VALID[model]))
    _parse_or_typed_error(module.OPERATION, model, module._parse_success, _encode(body))


@pytest.mark.parametrize(("operation_id", "model", "module"), PARSERS, ids=lambda v: str(v)[:30])
def test_operations_parse_their_valid_sample(
    operation_id: str, model: str, module: ModuleType
) -> None:
    _operation.parse_body(
        module.OPERATION, model, module._parse_success, _response(_encode(VALID[model]))
    )


@given(content=DEEP_BODIES.map(str.encode) | RAW_BODIES)
def test_deep_nesting_and_garbage_bytes_raise_the_typed_error(content: bytes) -> None:
    _, model, module = PARSERS[0]
    _parse_or_typed_error(module.OPERATION, model, module._parse_success, content)


@pytest.mark.parametrize("name", sorted(MODELS))
@PER_CASE
@given(data=st.data())
def test_every_model_survives_dicts_of_its_own_keys(name: str, data: st.DataObject) -> None:
    cls = MODELS[name]
    keys = _json_keys(name)
    assert keys, f"{name}: no JSON keys found for it in openapi.yaml"
    body = data.draw(
        st.fixed_dictionaries({}, optional={key: JSON_VALUES for key in keys}) | JSON_VALUES
    )
    operation: _operation.Operation[Any] = _operation.Operation(name, "GET", "/x", 200)
    _parse_or_typed_error(operation, name, cls.from_dict, _encode(body))  # type: ignore[attr-defined]


def _documented_keys(name: str) -> frozenset[str] | None:
    keys: frozenset[str] | None = getattr(
        sys.modules[MODELS[name].__module__], "_DOCUMENTED_KEYS", None
    )
    return keys


@pytest.mark.parametrize("name", sorted(n for n in MODELS if _documented_keys(n) is not None))
def test_spec_keys_match_the_keys_the_model_documents(name: str) -> None:
    """The keys the test above feeds are the ones the generated model knows, where it lists them."""
    assert sorted(_documented_keys(name) or ()) == _json_keys(name)


@given(content=JSON_VALUES.map(_encode) | DEEP_BODIES.map(str.encode) | RAW_BODIES)
def test_error_bodies_never_crash(content: bytes) -> None:
    response = httpx.Response(404, content=content, request=httpx.Request("GET", "https://x/"))
    parsed = _operation.parse_error_body(response)
    assert parsed is None or type(parsed).__name__ == "ErrorResponse"
    error = error_from_response(response, operation="getX")
    assert error.status_code == 404 and len(error.message) <= 500


# --- project slugs --------------------------------------------------------------------------

SLUG_PARTS = st.sampled_from(["gh", "github", "bb", "BitBucket", "circleci", "gl", ""]) | st.text(
    max_size=12
)


@given(text=st.text() | st.builds("/".join, st.lists(SLUG_PARTS, max_size=5)))
def test_slug_parsing_only_raises_invalid_project_slug(text: str) -> None:
    for candidate in (text, text.replace("/", "%2F"), text.replace("/", "%252F")):
        try:
            slug = ProjectSlug.parse(candidate)
        except InvalidProjectSlugError:
            continue
        assert validate_project_slug(candidate) == str(slug)
        assert ProjectSlug.parse(str(slug)) == slug


@given(vcs=SLUG_PARTS, org=st.text(max_size=40), repo=st.text(max_size=40))
def test_slug_from_parts_only_raises_invalid_project_slug(vcs: str, org: str, repo: str) -> None:
    with contextlib.suppress(InvalidProjectSlugError):
        ProjectSlug(vcs, org, repo)


# --- artifact paths -------------------------------------------------------------------------


def _safe_relative_path() -> Callable[[str], Any] | None:
    try:
        artifacts = importlib.import_module("circleci_client.artifacts")
    except ImportError:
        return None
    return getattr(artifacts, "safe_relative_path", None)


SAFE_PATH = _safe_relative_path()


@pytest.mark.skipif(SAFE_PATH is None, reason="circleci_client.artifacts has no safe_relative_path")
@given(
    path=st.text()
    | st.builds(
        "/".join,
        st.lists(
            st.sampled_from(["..", ".", "", "a", "C:", "\\", "b\x00"]) | st.text(max_size=5),
            max_size=6,
        ),
    )
)
def test_artifact_paths_are_safe_or_refused(path: str) -> None:
    from circleci_client.artifacts import UnsafePathError

    assert SAFE_PATH is not None
    try:
        result = SAFE_PATH(path)
    except UnsafePathError:
        return
    parts = result.parts
    assert parts and ".." not in parts and not result.is_absolute()
    assert all("\\" not in p and "\x00" not in p and p not in ("", ".") for p in parts)


# --- Retry-After ----------------------------------------------------------------------------

RETRY_AFTER_VALUES = (
    st.text(max_size=40)
    | st.integers().map(str)
    | st.floats(allow_nan=True, allow_infinity=True).map(repr)
    | st.floats(allow_nan=True, allow_infinity=True).map(str)
    | st.integers(min_value=0, max_value=10**400).map(str)
    | st.sampled_from(
        [
            "NaN",
            "-1",
            "1e999",
            "9" * 400,
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "Wed, 21 Oct 99999 07:28:00 GMT",
            "Wed, 21 Oct 0000 07:28:00 GMT",
            "Fri, 31 Dec 9999 23:59:59 GMT",
            "Mon, 01 Jan 0001 00:00:00 -2359",
            "Sun, 06 Nov 1994 08:49:37 +9999",
            "Thu, 32 Foo 2024 25:61:61 GMT",
            ".5",
            "5.",
            "1_000",
            "٣",
            " 3 ",
        ]
    )
)


@given(value=RETRY_AFTER_VALUES, now=st.none() | st.datetimes(timezones=st.just(UTC)))
def test_retry_after_is_none_or_a_finite_non_negative_float(
    value: str, now: datetime | None
) -> None:
    seconds = parse_retry_after(value, now=now)
    assert seconds is None or (
        isinstance(seconds, float) and math.isfinite(seconds) and seconds >= 0
    )
