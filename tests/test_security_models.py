"""Strict scalar fields: a JSON value of the wrong type never reaches a model field.

Every field the spec types as a string, integer, boolean or number is found in ``openapi.yaml``
(not listed here), set to each kind of JSON value in turn inside an otherwise valid object, and
parsed. Values of the declared type (``null`` where the field is nullable, an integer where a
number is declared) still parse, unchanged; every other value, NaN and Infinity included, is
refused with a ``ResponseValidationError`` naming the model and the field. One case runs end to
end against a hostile server on 127.0.0.1.
"""

from __future__ import annotations

import copy
import http.server
import inspect
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import circleci_client.models
import httpx
import pytest
import yaml
from circleci_client import AuthenticatedClient, ResponseValidationError, _operation
from circleci_client.api.insights import get_project_workflow_runs
from circleci_client.api.project import get_project_by_slug
from circleci_client.types import UNSET
from hypothesis import given
from hypothesis import strategies as st

from tests.local_http import origin, serving

SPEC = yaml.safe_load((Path(__file__).resolve().parent.parent / "openapi.yaml").read_text())
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
REF = "#/components/schemas/"
SPECIAL_FORMATS = {"uuid", "date-time", "date", "binary", "byte"}
KIND_OF_TYPE = {"string": "str", "integer": "int", "number": "number", "boolean": "bool"}

# One JSON value of every kind, as ``json.loads`` can produce them (NaN and Infinity included).
JSON_VALUES: dict[str, Any] = {
    "string": "text",
    "numeric string": "7",
    "empty string": "",
    "integer": 7,
    "big integer": 2**70,
    "float": 1.5,
    "integral float": 3.0,
    "true": True,
    "false": False,
    "null": None,
    "array": ["text"],
    "object": {"a": 1},
    "NaN": math.nan,
    "Infinity": math.inf,
    "-Infinity": -math.inf,
}
ACCEPTED = {
    "str": {"string", "numeric string", "empty string"},
    "int": {"integer", "big integer"},
    "number": {"integer", "big integer", "float", "integral float"},
    "bool": {"true", "false"},
}


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref`` and a single-member ``allOf`` (keeping ``nullable``)."""
    nullable = bool(schema.get("nullable"))
    while True:
        if "$ref" in schema:
            schema = SCHEMAS[schema["$ref"].removeprefix(REF)]
        elif len(schema.get("allOf", [])) == 1:
            nullable = nullable or bool(schema.get("nullable"))
            schema = schema["allOf"][0]
        else:
            break
        nullable = nullable or bool(schema.get("nullable"))
    return {**schema, "nullable": nullable} if nullable else schema


def _scalar_kind(schema: dict[str, Any]) -> str | None:
    """``str``/``int``/``number``/``bool`` for a plain scalar schema; None otherwise (enums too)."""
    if "enum" in schema or schema.get("format") in SPECIAL_FORMATS:
        return None
    return KIND_OF_TYPE.get(schema.get("type", ""))


def _sample(schema: dict[str, Any]) -> Any:
    """A valid JSON value for ``schema``, with every documented property present."""
    schema = _resolve(schema)
    if "enum" in schema:
        return schema["enum"][0]
    if "anyOf" in schema or "oneOf" in schema:
        return _sample((schema.get("anyOf") or schema["oneOf"])[0])
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        return {key: _sample(sub) for key, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [_sample(schema["items"])]
    fmt = schema.get("format")
    if fmt == "uuid":
        return "9f5ee4c6-7f1a-4a04-9a2b-1f4c9d2e6b11"
    if fmt == "date-time":
        return "2025-10-15T12:00:00.139Z"
    return {"string": "text", "integer": 7, "number": 1.5, "boolean": True}[str(kind)]


@dataclass(frozen=True)
class Slot:
    """One scalar-typed field: where it sits in a sample of a component schema, and its type."""

    component: str
    parents: tuple[str | int, ...]  # keys/indexes from the component's object to the field's object
    key: str
    kind: str
    nullable: bool
    required: bool
    in_array: bool  # the field is an array whose items are the scalar

    def __str__(self) -> str:
        path = ".".join(str(step) for step in (*self.parents, self.key))
        return f"{self.component}.{path}{'[]' if self.in_array else ''}"


def _slots_in(component: str, schema: dict[str, Any], parents: tuple[str | int, ...]) -> list[Slot]:
    found: list[Slot] = []
    required = set(schema.get("required", []))
    for key, raw in schema.get("properties", {}).items():
        sub = _resolve(raw)
        nullable = bool(sub.get("nullable"))
        kind = _scalar_kind(sub)
        if kind:
            found.append(Slot(component, parents, key, kind, nullable, key in required, False))
        elif sub.get("type") == "array":
            items = _resolve(sub["items"])
            item_kind = _scalar_kind(items)
            if item_kind:
                found.append(Slot(component, parents, key, item_kind, False, key in required, True))
            elif "$ref" not in sub["items"] and "properties" in items:
                found += _slots_in(component, items, (*parents, key, 0))
        elif "$ref" not in raw and "properties" in sub:
            found += _slots_in(component, sub, (*parents, key))
    return found


def _all_slots() -> list[Slot]:
    return [
        slot
        for name, schema in SCHEMAS.items()
        if "properties" in schema
        for slot in _slots_in(name, schema, ())
    ]


SLOTS = _all_slots()
ANY_OPERATION = get_project_workflow_runs.OPERATION


def _model(component: str) -> Any:
    return getattr(circleci_client.models, component)


def _with_value(slot: Slot, value: Any) -> dict[str, Any]:
    """A valid sample of the slot's component with the field set to ``value``."""
    body: dict[str, Any] = _sample(SCHEMAS[slot.component])
    holder: Any = body
    for step in slot.parents:
        holder = holder[step]
    holder[slot.key] = [copy.deepcopy(value)] if slot.in_array else copy.deepcopy(value)
    return body


def _without_field(slot: Slot) -> dict[str, Any]:
    body: dict[str, Any] = _sample(SCHEMAS[slot.component])
    holder: Any = body
    for step in slot.parents:
        holder = holder[step]
    del holder[slot.key]
    return body


def _parse(slot: Slot, body: dict[str, Any]) -> Any:
    """Parse through the operations' own path: JSON bytes, ``parse_body``, ``from_dict``."""
    response = httpx.Response(200, content=json.dumps(body).encode())
    return _operation.parse_body(
        ANY_OPERATION, slot.component, _model(slot.component).from_dict, response
    )


def _parsed_field(slot: Slot, parsed: Any) -> Any:
    """The field's value in the parsed model, found through ``to_dict``'s JSON names."""
    holder = parsed.to_dict()
    for step in slot.parents:
        holder = holder[step]
    return holder.get(slot.key, UNSET)


def _accepts(slot: Slot, label: str) -> bool:
    return label in ACCEPTED[slot.kind] or (label == "null" and slot.nullable)


# --- the spec drives the sweep ----------------------------------------------------------------


def test_the_sweep_covers_every_scalar_kind_and_shape() -> None:
    kinds = {slot.kind for slot in SLOTS}
    assert kinds == {"str", "int", "number", "bool"}
    assert len(SLOTS) > 60
    assert any(slot.nullable for slot in SLOTS) and any(not slot.required for slot in SLOTS)
    assert any(slot.in_array for slot in SLOTS)
    assert "WorkflowRun.credits_used" in {str(slot) for slot in SLOTS}


@pytest.mark.parametrize("slot", SLOTS, ids=str)
def test_a_wrong_json_type_is_refused_naming_model_and_field(slot: Slot) -> None:
    refused = [label for label in JSON_VALUES if not _accepts(slot, label)]
    for label in refused:
        body = _with_value(slot, JSON_VALUES[label])
        with pytest.raises(TypeError, match=f"^{slot.key}(\\[\\])?: expected "):
            _model(slot.component).from_dict(body)
        with pytest.raises(ResponseValidationError) as caught:
            _parse(slot, body)
        error = caught.value
        assert error.field == slot.key + ("[]" if slot.in_array else ""), label
        if slot.parents:  # an inline object: its own generated model reads the key
            holder = getattr(circleci_client.models, error.model)
            assert f'"{slot.key}"' in inspect.getsource(holder.from_dict), label
        else:
            assert error.model == slot.component, label
        assert f"{slot.key}" in str(error) and "expected" in str(error), label


@pytest.mark.parametrize("slot", SLOTS, ids=str)
def test_every_value_of_the_declared_type_still_parses_unchanged(slot: Slot) -> None:
    accepted = [label for label in JSON_VALUES if _accepts(slot, label)]
    for label in accepted:
        value = JSON_VALUES[label]
        parsed = _parse(slot, _with_value(slot, value))
        got = _parsed_field(slot, parsed)
        expected = [value] if slot.in_array else value
        assert got == expected and type(got) is type(expected), label
        if slot.in_array:
            assert [type(item) for item in got] == [type(value)], label
    if not slot.required:
        parsed = _parse(slot, _without_field(slot))
        assert _parsed_field(slot, parsed) is UNSET


@given(
    slot=st.sampled_from(SLOTS),
    value=st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
    | st.lists(st.integers(), max_size=2)
    | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
def test_a_field_takes_exactly_the_json_values_of_its_type(slot: Slot, value: Any) -> None:
    expected = {
        "str": isinstance(value, str),
        "int": type(value) is int,
        "bool": type(value) is bool,
        "number": type(value) in (int, float) and math.isfinite(value),
    }[slot.kind] or (value is None and slot.nullable)
    try:
        _parse(slot, _with_value(slot, value))
    except ResponseValidationError as exc:
        assert not expected, f"{slot} refused {value!r}: {exc}"
    else:
        assert expected, f"{slot} accepted {value!r}"


def _nullable_string_fields() -> list[tuple[str, str]]:
    """(component, key) of nullable timestamps, ids and enums: strings converted on parse."""
    return [
        (name, key)
        for name, schema in SCHEMAS.items()
        for key, raw in schema.get("properties", {}).items()
        if (sub := _resolve(raw)).get("nullable")
        and sub.get("type") == "string"
        and ("enum" in sub or sub.get("format") in SPECIAL_FORMATS)
    ]


@pytest.mark.parametrize(("component", "key"), _nullable_string_fields(), ids=str)
def test_nullable_timestamps_ids_and_enums_take_null_or_a_string_only(
    component: str, key: str
) -> None:
    valid = _sample(SCHEMAS[component])
    parsed = _model(component).from_dict({**valid, key: None}).to_dict()
    assert parsed[key] is None
    for label in ("integer", "true", "float", "NaN", "array", "object"):
        body = json.dumps({**valid, key: JSON_VALUES[label]}).encode()
        with pytest.raises(ResponseValidationError, match=f": {key}: unexpected ") as caught:
            _operation.parse_body(
                ANY_OPERATION,
                component,
                _model(component).from_dict,
                httpx.Response(200, content=body),
            )
        assert caught.value.model == component, label


def test_unknown_fields_still_keep_any_value_nan_included() -> None:
    body = _sample(SCHEMAS["WorkflowRun"])
    body["queued_for"] = math.nan
    body["labels"] = {"a": [1, True]}
    run = circleci_client.models.WorkflowRun.from_dict(json.loads(json.dumps(body)))
    assert math.isnan(run.additional_properties["queued_for"])
    assert run.additional_properties["labels"] == {"a": [1, True]}


def test_an_unknown_enum_value_still_parses_in_a_checked_model() -> None:
    body = _sample(SCHEMAS["WorkflowRun"])
    body["status"] = "on-hold"
    run = circleci_client.models.WorkflowRun.from_dict(body)
    assert run.status == "on-hold"


# --- end to end: a hostile server on 127.0.0.1 ------------------------------------------------


class _FixedBody(http.server.BaseHTTPRequestHandler):
    body = b"{}"

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def hostile_server() -> Iterator[tuple[str, type[_FixedBody]]]:
    """A server on 127.0.0.1 that answers every GET with ``handler.body``."""
    handler = type("Handler", (_FixedBody,), {})
    with serving(handler) as server:
        yield f"{origin(server)}/api/v2", handler


def test_nan_as_a_project_name_is_refused_end_to_end(
    hostile_server: tuple[str, type[_FixedBody]],
) -> None:
    base_url, handler = hostile_server
    project = _sample(SCHEMAS["Project"])
    handler.body = json.dumps(project).encode().replace(b'"name": "text"', b'"name": NaN')
    client = AuthenticatedClient(token="t0ken-secret", base_url=base_url)
    with client, pytest.raises(ResponseValidationError) as caught:
        get_project_by_slug.sync("gh/acme/widgets", client=client)
    error = caught.value
    assert (error.model, error.field) == ("Project", "name")
    assert str(error) == (
        "getProjectBySlug: could not parse Project: name: expected a string, not NaN"
    )


def test_true_as_credits_in_an_insights_page_is_refused_end_to_end(
    hostile_server: tuple[str, type[_FixedBody]],
) -> None:
    base_url, handler = hostile_server
    run = _sample(SCHEMAS["WorkflowRun"])
    page = {"items": [run, {**run, "credits_used": True}], "next_page_token": None}
    handler.body = json.dumps(page).encode()
    with AuthenticatedClient(token="t0ken-secret", base_url=base_url) as client:
        with pytest.raises(ResponseValidationError) as caught:
            get_project_workflow_runs.sync("gh/acme/widgets", "build", client=client)
        handler.body = json.dumps({**page, "items": [run, run]}).encode()
        assert (
            len(get_project_workflow_runs.sync("gh/acme/widgets", "build", client=client).items)
            == 2
        )
    assert (caught.value.model, caught.value.field) == ("WorkflowRun", "credits_used")
    assert "credits_used: expected an integer, not bool" in str(caught.value)
