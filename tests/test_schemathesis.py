"""Property-based conformance: schemathesis sends generated requests to the stand-in and checks
every response against openapi.yaml (status codes, content types, schemas, headers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.standin.server import Standin

SPEC = Path(__file__).resolve().parent.parent / "openapi.yaml"
schema = schemathesis.openapi.from_path(str(SPEC))


@schema.hook
def map_query(context: schemathesis.HookContext, query: dict[str, Any]) -> dict[str, Any]:
    """Send no made-up ``page-token``: tokens are opaque and issued by the server, so an invented
    one is refused with 400, as CircleCI does (``tests/test_standin.py`` checks that)."""
    if query:
        query.pop("page-token", None)
    return query


# Headers that frame the HTTP message itself: an invented value (``Content-Length: @q``) is
# refused by the HTTP server with a plain-text 400 before any handler runs, which says nothing
# about the stand-in's conformance.
FRAMING_HEADERS = frozenset({"content-length", "transfer-encoding", "host", "connection", "expect"})


@schema.hook
def map_headers(
    context: schemathesis.HookContext, headers: dict[str, Any] | None
) -> dict[str, Any] | None:
    """Send no invented framing headers (see :data:`FRAMING_HEADERS`)."""
    if headers:
        for name in [name for name in headers if name.lower() in FRAMING_HEADERS]:
            del headers[name]
    return headers


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_standin_conforms_to_the_spec(
    case: schemathesis.Case[Any], _standin_server: Standin
) -> None:
    case.call_and_validate(
        base_url=_standin_server.base_url,
        headers={"Circle-Token": _standin_server.token},
    )
    assert _standin_server.validation_errors == []
