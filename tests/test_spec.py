"""The hand-written spec: every operation (guide, run control, contexts), responses, examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

from tests.operations import SPEC_OPERATIONS, operation_module, spec, spec_operations

ROOT = Path(__file__).resolve().parent.parent
SPEC: dict[str, Any] = spec()
ERROR_CODES = {"400", "401", "403", "404", "429", "500"}


def _resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


OPERATIONS = spec_operations()
# 201: a pipeline was created; 200: none was (e.g. the commit asks to skip CI).
TWO_SUCCESS_STATUSES = {"triggerPipelineRun": {"200", "201"}}


def test_spec_is_valid_openapi() -> None:
    validate(SPEC)


def test_exactly_the_guide_and_run_control_operations_with_official_ids() -> None:
    declared = {(m, p, op_id) for op_id, (m, p, _) in OPERATIONS.items()}
    assert declared == set(SPEC_OPERATIONS)
    assert len(OPERATIONS) == len(SPEC_OPERATIONS) == 65  # guide 30, run control 7, contexts 10,
    # test insights 4, schedules 5, outbound webhooks 5, project settings 2, usage export 2


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_operation_declares_success_and_every_error(operation_id: str) -> None:
    _, _, operation = OPERATIONS[operation_id]
    codes = set(operation["responses"])
    success = {code for code in codes if code.startswith("2")}
    if operation_id in TWO_SUCCESS_STATUSES:
        assert success == TWO_SUCCESS_STATUSES[operation_id]
    else:
        assert len(success) == 1 and next(iter(success)) in {"200", "201", "202"}
    assert codes >= ERROR_CODES
    for code in ERROR_CODES:
        schema = _resolve(operation["responses"][code])["content"]["application/json"]["schema"]
        assert _resolve(schema)["properties"]["message"]["type"] == "string"
    assert "Retry-After" in _resolve(operation["responses"]["429"])["headers"]
    assert len(operation["tags"]) == 1
    assert operation["summary"] and operation["description"]


@pytest.mark.parametrize(
    ("operation_id", "code"),
    [
        ("triggerPipeline", "201"),
        ("createCheckoutKey", "201"),
        ("createEnvVar", "201"),
        ("cancelWorkflow", "202"),
        ("rerunWorkflow", "202"),
        ("cancelJobByJobNumber", "200"),
        ("deleteEnvVar", "200"),
        ("triggerPipelineRun", "201"),
        ("triggerPipelineRun", "200"),
        ("approvePendingApprovalJobById", "202"),
        ("cancelJobByJobID", "200"),
        ("continuePipeline", "200"),
        ("createContext", "200"),
        ("addEnvironmentVariableToContext", "200"),
        ("createContextRestriction", "201"),
        ("createContextRestriction", "409"),
        ("createSchedule", "201"),
        ("updateSchedule", "200"),
        ("createWebhook", "201"),
        ("updateWebhook", "200"),
        ("getProjectSettings", "200"),
        ("patchProjectSettings", "200"),
        ("createUsageExport", "201"),
        ("getUsageExport", "200"),
    ],
)
def test_success_codes_match_the_service(operation_id: str, code: str) -> None:
    assert code in OPERATIONS[operation_id][2]["responses"]


def test_every_paginated_response_takes_a_page_token() -> None:
    for operation_id, (_, _, operation) in OPERATIONS.items():
        success = next(c for c in operation["responses"] if c.startswith("2"))
        content = _resolve(operation["responses"][success]).get("content", {})
        schema = _resolve(content.get("application/json", {}).get("schema", {}))
        params = {_resolve(p)["name"] for p in operation.get("parameters", [])}
        has_token = "next_page_token" in schema.get("properties", {})
        assert has_token == ("page-token" in params), operation_id


def test_job_and_pipeline_numbers_are_integers() -> None:
    job_number = SPEC["components"]["parameters"]["JobNumber"]["schema"]
    assert job_number["type"] == "integer"
    schemas = SPEC["components"]["schemas"]
    assert schemas["Pipeline"]["properties"]["number"]["type"] == "integer"
    assert schemas["Workflow"]["properties"]["pipeline_number"]["type"] == "integer"
    assert schemas["Job"]["properties"]["job_number"]["type"] == "integer"


def test_security_is_header_or_basic_and_never_query() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes["api_key_header"] == {**schemes["api_key_header"], "in": "header"}
    assert schemes["api_key_header"]["name"] == "Circle-Token"
    assert schemes["basic_auth"]["scheme"] == "basic"
    assert all(s.get("in") != "query" for s in schemes.values())


def _examples() -> list[tuple[str, str, str, Any]]:
    found = []
    for operation_id, (_, _, operation) in OPERATIONS.items():
        for code, response in operation["responses"].items():
            if code in ERROR_CODES:
                continue
            media = _resolve(response).get("content", {}).get("application/json", {})
            for name, example in media.get("examples", {}).items():
                found.append((operation_id, code, name, _resolve(example)["value"]))
    return found


EXAMPLES = _examples()


def test_the_guide_examples_are_attached() -> None:
    with_examples = {operation_id for operation_id, _, _, _ in EXAMPLES}
    assert {
        "listPipelinesForProject",
        "triggerPipeline",
        "getProjectBySlug",
        "getJobDetails",
        "getJobArtifacts",
        "getProjectWorkflowMetrics",
        "getProjectWorkflowRuns",
        "triggerPipelineRun",
        "listPipelineDefinitions",
    } <= with_examples


@pytest.mark.parametrize(
    ("operation_id", "code", "name", "payload"), EXAMPLES, ids=lambda v: str(v)[:40]
)
def test_example_parses_and_round_trips(
    operation_id: str, code: str, name: str, payload: Any
) -> None:
    successes = operation_module(operation_id).OPERATION.successes
    parse = next(success.parse for success in successes if success.status == int(code))
    model = parse(payload)
    dumped = model.to_dict()
    assert set(dumped) == set(payload)
    assert parse(dumped) == model
