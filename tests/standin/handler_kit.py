"""What every handler uses: the request context, replies, errors and route registration.

Each handler takes a :class:`Ctx` and returns a :class:`Reply`; :func:`op` registers it in
:data:`ROUTES` under its operationId. The handlers are in :mod:`~tests.standin.handlers`,
:mod:`~tests.standin.insight_handlers`, :mod:`~tests.standin.run_handlers`,
:mod:`~tests.standin.context_handlers`, :mod:`~tests.standin.schedule_handlers`,
:mod:`~tests.standin.webhook_handlers`, :mod:`~tests.standin.settings_handlers` and
:mod:`~tests.standin.usage_handlers`.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar
from urllib.parse import parse_qsl

from tests.standin.routing import Route
from tests.standin.tokens import BadPageToken, PageTokens
from tests.standin.world import Job, Pipeline, Project, Workflow, World

T = TypeVar("T")
JSON = dict[str, Any]
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class ApiError(Exception):
    """An error answered as ``{"message": ...}`` with ``status``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Reply:
    """A JSON response to send."""

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


class ApiHost(Protocol):
    """What handlers need from the server object."""

    @property
    def world(self) -> World: ...

    @property
    def page_size(self) -> int: ...

    @property
    def page_tokens(self) -> PageTokens: ...

    @property
    def artifact_base_url(self) -> str: ...

    @property
    def foreign_base_url(self) -> str: ...


@dataclass
class Ctx:
    """One API request as handlers see it."""

    host: ApiHost
    method: str
    operation: str
    params: dict[str, str]
    query: dict[str, str]
    body: bytes
    raw_query: str = ""

    @property
    def world(self) -> World:
        """Return the current world."""
        return self.host.world

    # -- lookups (404s) ---------------------------------------------------------

    def project(self) -> Project:
        """Return the project of the ``project-slug`` parameter or raise 404."""
        found = self.world.find_project(self.params["project-slug"])
        if found is None:
            raise ApiError(404, "Project not found")
        return found

    def uuid_param(self, name: str, what: str) -> str:
        found = canonical_uuid(self.params[name])
        if found is None:
            raise ApiError(404, f"{what} not found")
        return found

    def pipeline(self) -> Pipeline:
        """Return the pipeline of ``pipeline-id`` or raise 404."""
        found = self.world.pipelines.get(self.uuid_param("pipeline-id", "Pipeline"))
        if found is None:
            raise ApiError(404, "Pipeline not found")
        return found

    def workflow(self) -> Workflow:
        """Return the workflow of ``id`` or raise 404."""
        found = self.world.workflows.get(self.uuid_param("id", "Workflow"))
        if found is None:
            raise ApiError(404, "Workflow not found")
        return found

    def job(self) -> tuple[Project, Job]:
        """Return the project and job of ``job-number`` or raise 404."""
        project = self.project()
        raw = self.params["job-number"]
        found = self.world.find_job(project, int(raw)) if raw.isdigit() else None
        if found is None:
            raise ApiError(404, "Job not found")
        return project, found

    # -- query and body -------------------------------------------------------------

    def query_list(self, name: str) -> list[str]:
        """Return every value of a repeated query parameter (``?a=1&a=2``), in order."""
        pairs = parse_qsl(self.raw_query, keep_blank_values=True)
        return [value for key, value in pairs if key == name]

    def flag(self, name: str) -> bool | None:
        """Return a boolean query parameter (None when absent), 400 when not a boolean."""
        value = self.query.get(name)
        if value is None:
            return None
        if value.lower() not in ("true", "false"):
            raise ApiError(400, f"Query parameter {name} must be true or false")
        return value.lower() == "true"

    def json_value(self) -> Any:
        """The body parsed as JSON (None when empty); 400 when it is not JSON."""
        if not self.body.strip():
            return None
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "Request body is not valid JSON") from None

    def json_object(self, refusal: str = "Request body must be a JSON object") -> JSON:
        """The body as a JSON object; 400 with ``refusal`` when it is empty or another value."""
        data = self.json_value()
        if not isinstance(data, dict):
            raise ApiError(400, refusal)
        return data

    def json_body(self, allowed: set[str]) -> JSON:
        """Parse an optional JSON object body; 400 on bad JSON or unexpected fields."""
        if self.json_value() is None:
            return {}
        data = self.json_object()
        unexpected = sorted(set(data) - allowed)
        if unexpected:
            raise ApiError(400, f"Unexpected request body field(s): {', '.join(unexpected)}")
        return data

    def page(self, items: Sequence[T], serialize: Callable[[T], Any]) -> JSON:
        """Return one ``{items, next_page_token}`` page; tokens are bound to the query."""
        query = {k: v for k, v in self.query.items() if k != "page-token"}
        key = "|".join(
            [self.operation]
            + [f"{k}={v}" for k, v in sorted(self.params.items())]
            + [f"{k}={v}" for k, v in sorted(query.items())]
        )
        token = self.query.get("page-token") or ""
        try:
            offset = self.host.page_tokens.decode(token, key) if token else 0
        except BadPageToken as exc:
            raise ApiError(400, f"Invalid page-token: {exc}") from None
        size = self.host.page_size
        chunk = items[offset : offset + size]
        more = offset + size < len(items)
        return {
            "items": [serialize(item) for item in chunk],
            "next_page_token": self.host.page_tokens.encode(offset + size, key) if more else None,
        }


def canonical_uuid(value: str) -> str | None:
    """``value`` as a lower-case UUID string, or None when it is not a UUID."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def body_string(data: JSON, name: str, required: bool = False) -> str | None:
    """Return a string body field; 400 when it has another type or is missing."""
    value = data.get(name)
    if value is None:
        if required:
            raise ApiError(400, f"Field {name} is required")
        return None
    if not isinstance(value, str) or (required and not value):
        raise ApiError(400, f"Field {name} must be a non-empty string")
    return value


def body_bool(data: JSON, name: str) -> bool:
    """Return an optional boolean body field (False when absent)."""
    value = data.get(name, False)
    if not isinstance(value, bool):
        raise ApiError(400, f"Field {name} must be a boolean")
    return value


def pipeline_parameters(data: JSON) -> dict[str, Any]:
    """Return the ``parameters`` body field: an object of strings, integers and booleans."""
    parameters = data.get("parameters") or {}
    if not isinstance(parameters, dict):
        raise ApiError(400, "Field parameters must be an object")
    for name, value in parameters.items():
        if not isinstance(value, str | int | bool) or isinstance(value, float):
            raise ApiError(400, f"Pipeline parameter {name} must be a string, integer or boolean")
    return parameters


ROUTES: list[Route] = []
Handler = Callable[[Ctx], Reply]


def op(method: str, template: str, operation: str) -> Callable[[Handler], Handler]:
    """Register a handler for ``method template`` under its operationId."""

    def register(fn: Handler) -> Handler:
        ROUTES.append(Route(method, template, operation, fn))
        return fn

    return register


def ok(body: Any, status: int = 200) -> Reply:
    """Build a success reply."""
    return Reply(status, body)
