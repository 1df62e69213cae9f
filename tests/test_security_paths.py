"""Path safety: every path parameter of every operation reaches exactly the path it names.

The operations and their path parameters are read from ``openapi.yaml``. Values that would
move a request elsewhere (``.``, ``..``, empty, escaped or hidden dot segments, control
characters) must raise ``InvalidPathParameterError`` with nothing sent; valid values, odd ones
included, must arrive on the wire as one segment each, in one request with the spec's method.
The wire is observed by a small recording server on 127.0.0.1 (what the socket received, before
any normalisation) and by the stand-in, whose router names the operation it matched.
"""

from __future__ import annotations

import asyncio
import importlib
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote
from uuid import UUID

import circleci_client
import pytest
import yaml
from circleci_client import APIStatusError, AuthenticatedClient, InvalidPathParameterError
from circleci_client.slugs import InvalidProjectSlugError, ProjectSlug

from tests.clients import standin_client
from tests.local_http import running
from tests.operations import operation_module
from tests.standin.server import Standin

SPEC: dict[str, Any] = yaml.safe_load(
    (Path(__file__).resolve().parent.parent / "openapi.yaml").read_text()
)
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
PREFIX = "/api/v2"
SLUG = "project-slug"
WIDGETS = "gh/acme/widgets"

SYNC_FLAVOURS = ("sync", "sync_detailed", "iter_pages", "iter_items")
ASYNC_FLAVOURS = ("asyncio", "asyncio_detailed", "aiter_pages", "aiter_items")

BAD_SEGMENTS = (
    # what the finding names: dot segments and the empty segment
    "..",
    ".",
    "",
    # dots escaped once or twice, which a server decodes into dot segments
    "%2e",
    "%2E%2e",
    ".%2e",
    "%252e%252e",
    # dot segments that appear once a server decodes %2F or treats \ or ; specially
    "../x",
    "x/..",
    "x/../..",
    "x%2F..%2F..",
    "..\\x",
    "..;x",
    "\uff0e\uff0e",
    # nothing but separators, and control characters that can cut a path short
    "/",
    "\\\\",
    "a\x00b",
    "a\nb",
    "\x7f",
    "a\x85b",
)
BAD_SLUGS = (
    ".",
    "..",
    "",
    "gh/acme/..",
    "gh/acme/.",
    "gh/../widgets",
    "gh/acme/%2e%2e",
    "gh%2Facme%2F..",
    "gh/acme/",
    "gh/acme/widgets/..",
    "../gh/acme",
    "gh/acme/wid\x00gets",
)
ODD_BUT_VALID_SEGMENTS = (
    "a.b",
    "...",
    ".x",
    "x.",
    "..x",
    "a%b",
    "%41",
    "x/y",
    "SHA256:ab/c+d=",
    "build v2.1",
    "caf\u00e9",
)
# Operations that take a slug as three path parameters (``triggerPipelineRun``): each part is
# also a slug part, so its odd-but-valid values are those a slug part allows.
SLUG_PARTS = ("provider", "organization", "project")
VALID_SLUG_PARTS = {
    "provider": ("gh", "github", "bb", "circleci", "CircleCI"),
    "organization": ("43G3lM5RtfFE7v5sa4nWAU", "a", "Z9", "8f9c4c0e-7a58-4b43-9a7e-1f1d3c4d5e6f"),
    "project": ("44n9wujWcTnVZ2b5S8Fnat", "b", "0", "1f1d3c4d-5e6f-4b43-9a7e-8f9c4c0e7a58"),
}
CANONICAL_PROVIDERS = {"github": "gh", "bitbucket": "bb", "CircleCI": "circleci"}
VALID_SLUGS = {
    "gh/acme/widgets": "gh/acme/widgets",
    "github/acme/widgets": "gh/acme/widgets",
    "gh%2Facme%2Fwidgets": "gh/acme/widgets",
    "bb/acme/my.repo": "bb/acme/my.repo",
}


# -- the operations, from the spec -------------------------------------------------------------


@dataclass(frozen=True)
class PathParameter:
    name: str
    """As the spec spells it, e.g. ``job-number``."""
    schema: dict[str, Any]
    example: object

    @property
    def python_name(self) -> str:
        return self.name.replace("-", "_")


@dataclass(frozen=True)
class SpecOperation:
    operation_id: str
    method: str
    path: str
    parameters: tuple[PathParameter, ...]
    body_schema: dict[str, Any] | None

    @property
    def module(self) -> ModuleType:
        return operation_module(self.operation_id)


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = SPEC
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _spec_operations() -> list[SpecOperation]:
    found = []
    for path, item in SPEC["paths"].items():
        for method, operation in item.items():
            if method not in HTTP_METHODS:
                continue
            declared = [_resolve(p) for p in item.get("parameters", [])]
            declared += [_resolve(p) for p in operation.get("parameters", [])]
            parameters = tuple(
                PathParameter(p["name"], _resolve(p["schema"]), p.get("example"))
                for p in declared
                if p["in"] == "path"
            )
            body = operation.get("requestBody")
            body_schema = None
            if body is not None and body.get("required"):
                body_schema = body["content"]["application/json"]["schema"]
            found.append(
                SpecOperation(
                    operation["operationId"], method.upper(), path, parameters, body_schema
                )
            )
    return found


SPEC_OPERATIONS = _spec_operations()
WITH_PATH_PARAMETERS = [op for op in SPEC_OPERATIONS if op.parameters]
PARAMETER_CASES = [
    pytest.param(op, parameter, id=f"{op.operation_id}-{parameter.name}")
    for op in WITH_PATH_PARAMETERS
    for parameter in op.parameters
]


def _valid_value(parameter: PathParameter) -> object:
    """A well-formed value for a parameter, from its schema."""
    if parameter.name == SLUG:
        return WIDGETS
    if parameter.schema.get("format") == "uuid":
        return UUID("5034460f-c7c4-4c43-9457-de07e2029e7b")
    if parameter.schema.get("type") == "integer":
        return 123
    return parameter.example if parameter.example is not None else "x"


def _minimal(schema: dict[str, Any]) -> object:
    """The smallest JSON value a schema accepts: required properties only."""
    schema = _resolve(schema)
    if "enum" in schema:
        return schema["enum"][0]
    if schema.get("format") == "date-time":
        return "2025-10-01T00:00:00Z"
    kind = schema.get("type")
    if kind == "object":
        return {name: _minimal(schema["properties"][name]) for name in schema.get("required", [])}
    return {"integer": 1, "number": 1.0, "boolean": True, "array": []}.get(str(kind), "x")


def _body(op: SpecOperation) -> dict[str, object]:
    """The ``body`` keyword for an operation that requires one, built from the spec."""
    if op.body_schema is None:
        return {}
    name = op.body_schema["$ref"].rsplit("/", 1)[1]
    module = importlib.import_module(
        "circleci_client.models." + re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
    )
    return {"body": getattr(module, name).from_dict(_minimal(op.body_schema))}


def _arguments(op: SpecOperation, **overrides: object) -> dict[str, object]:
    arguments = {p.python_name: _valid_value(p) for p in op.parameters}
    arguments.update(overrides)
    return {**arguments, **_body(op)}


def _wire_path(op: SpecOperation, arguments: dict[str, object]) -> str:
    """The raw path the request must arrive at: each value escaped whole into its segment."""
    path = op.path
    for parameter in op.parameters:
        value = arguments[parameter.python_name]
        if parameter.name == SLUG:
            value = VALID_SLUGS.get(str(value), str(value))
        elif parameter.name == "provider" and _takes_slug_parts(op):
            value = CANONICAL_PROVIDERS.get(str(value), str(value))
        path = path.replace("{" + parameter.name + "}", quote(str(value), safe=""))
    return PREFIX + path


def _takes_slug_parts(op: SpecOperation) -> bool:
    return tuple(p.name for p in op.parameters[:3]) == SLUG_PARTS


def _flavours(module: ModuleType, names: tuple[str, ...]) -> list[str]:
    return [name for name in names if hasattr(module, name)]


def call_sync(module: ModuleType, flavour: str, client: AuthenticatedClient, **kw: Any) -> None:
    """Call one sync flavour to the end; an error status is fine, the request is what counts."""
    try:
        result = getattr(module, flavour)(client=client, **kw)
        if flavour.startswith("iter_"):
            list(result)
    except APIStatusError:
        pass


async def call_async(
    module: ModuleType, flavour: str, client: AuthenticatedClient, **kw: Any
) -> None:
    """Await one async flavour to the end; an error status is fine."""
    try:
        if flavour.startswith("aiter_"):
            async for _ in getattr(module, flavour)(client=client, **kw):
                pass
        else:
            await getattr(module, flavour)(client=client, **kw)
    except APIStatusError:
        pass


# -- a server that records what arrives on the wire --------------------------------------------


class Recorder(ThreadingHTTPServer):
    """Answers 404 to everything and keeps each request's method and raw request target."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _RecordingHandler)
        self.requests: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{PREFIX}"

    def taken(self) -> list[tuple[str, str]]:
        """The requests received since the last call, forgetting them."""
        with self.lock:
            taken, self.requests = self.requests, []
        return taken


class _RecordingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stalls
    server: Recorder

    def _answer(self) -> None:
        with self.server.lock:
            self.server.requests.append((self.command, self.path))
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        body = b'{"message": "Not found"}'
        self.send_response(404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _answer

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def recorder() -> Iterator[Recorder]:
    with running(Recorder()) as server:
        yield server


@pytest.fixture
def recorder_client(recorder: Recorder) -> Iterator[AuthenticatedClient]:
    recorder.taken()
    with AuthenticatedClient(token="path-token", base_url=recorder.base_url, timeout=10.0) as c:
        yield c


def _async_client(recorder: Recorder) -> AuthenticatedClient:
    return AuthenticatedClient(token="path-token", base_url=recorder.base_url, timeout=10.0)


# -- the spec is covered -----------------------------------------------------------------------


def test_every_path_parameter_of_the_spec_is_a_parameter_of_its_functions() -> None:
    assert len(WITH_PATH_PARAMETERS) >= 20
    for op in WITH_PATH_PARAMETERS:
        module = op.module
        assert module.OPERATION.method == op.method, op.operation_id
        for flavour in _flavours(module, SYNC_FLAVOURS + ASYNC_FLAVOURS):
            names = getattr(module, flavour).__code__.co_varnames
            for parameter in op.parameters:
                assert parameter.python_name in names, (op.operation_id, flavour, parameter)


# -- refused before sending --------------------------------------------------------------------


def _bad_values(parameter: PathParameter) -> tuple[str, ...]:
    return BAD_SLUGS if parameter.name == SLUG else BAD_SEGMENTS


def _check_refusal(
    recorder: Recorder,
    error: InvalidPathParameterError | None,
    op: SpecOperation,
    parameter: PathParameter,
    case: tuple[str, str],
) -> None:
    """Nothing reached the server, and the error names the operation, parameter and value."""
    assert recorder.taken() == [], case
    assert error is not None, f"{case}: no InvalidPathParameterError"
    bad = case[1]
    message = str(error)
    assert error.operation == op.operation_id and op.operation_id in message
    assert error.parameter == parameter.python_name
    assert error.value == bad and repr(bad)[1:-1] in message
    assert isinstance(error, ValueError)
    if parameter.name == SLUG:
        assert isinstance(error, InvalidProjectSlugError) and error.slug == bad
    else:
        assert f"path parameter {parameter.python_name}=" in message
        assert "nothing was sent" in message


@pytest.mark.parametrize(("op", "parameter"), PARAMETER_CASES)
def test_a_bad_path_parameter_is_refused_before_anything_is_sent_sync(
    op: SpecOperation,
    parameter: PathParameter,
    recorder_client: AuthenticatedClient,
    recorder: Recorder,
) -> None:
    module = op.module
    for flavour in _flavours(module, SYNC_FLAVOURS):
        for bad in _bad_values(parameter):
            arguments = _arguments(op, **{parameter.python_name: bad})
            try:
                call_sync(module, flavour, recorder_client, **arguments)
            except InvalidPathParameterError as exc:
                error: InvalidPathParameterError | None = exc
            else:
                error = None
            _check_refusal(recorder, error, op, parameter, (flavour, bad))


@pytest.mark.parametrize(("op", "parameter"), PARAMETER_CASES)
def test_a_bad_path_parameter_is_refused_before_anything_is_sent_async(
    op: SpecOperation, parameter: PathParameter, recorder: Recorder
) -> None:
    module = op.module
    recorder.taken()

    async def main() -> None:
        async with _async_client(recorder) as client:
            for flavour in _flavours(module, ASYNC_FLAVOURS):
                for bad in _bad_values(parameter):
                    arguments = _arguments(op, **{parameter.python_name: bad})
                    try:
                        await call_async(module, flavour, client, **arguments)
                    except InvalidPathParameterError as exc:
                        error: InvalidPathParameterError | None = exc
                    else:
                        error = None
                    _check_refusal(recorder, error, op, parameter, (flavour, bad))

    asyncio.run(main())


# -- valid values reach exactly the path -------------------------------------------------------


@pytest.mark.parametrize(
    "op", [pytest.param(op, id=op.operation_id) for op in WITH_PATH_PARAMETERS]
)
def test_valid_values_reach_exactly_the_operations_path_in_every_flavour(
    op: SpecOperation, recorder_client: AuthenticatedClient, recorder: Recorder
) -> None:
    module = op.module
    arguments = _arguments(op)
    expected = (op.method, _wire_path(op, arguments))
    for flavour in _flavours(module, SYNC_FLAVOURS):
        call_sync(module, flavour, recorder_client, **arguments)
        assert recorder.taken() == [expected], flavour

    async def main() -> None:
        async with _async_client(recorder) as async_client:
            for flavour in _flavours(module, ASYNC_FLAVOURS):
                await call_async(module, flavour, async_client, **arguments)
                assert recorder.taken() == [expected], flavour

    asyncio.run(main())


@pytest.mark.parametrize(("op", "parameter"), PARAMETER_CASES)
def test_odd_but_valid_values_arrive_whole_in_their_own_segment(
    op: SpecOperation,
    parameter: PathParameter,
    recorder_client: AuthenticatedClient,
    recorder: Recorder,
) -> None:
    values: tuple[object, ...]
    if parameter.name == SLUG:
        values = (*VALID_SLUGS, ProjectSlug.github("acme", "widgets"))
    elif parameter.name in SLUG_PARTS and _takes_slug_parts(op):
        values = VALID_SLUG_PARTS[parameter.name]
    else:
        values = ODD_BUT_VALID_SEGMENTS
    for value in values:
        arguments = _arguments(op, **{parameter.python_name: value})
        call_sync(op.module, "sync_detailed", recorder_client, **arguments)
        assert recorder.taken() == [(op.method, _wire_path(op, arguments))], value


def test_the_stand_in_routes_each_call_to_the_operation_that_was_called(
    standin: Standin,
) -> None:
    """The stand-in's router, not this module's idea of the path, names the operation reached."""
    with standin_client(standin) as client:
        for op in WITH_PATH_PARAMETERS:
            call_sync(op.module, "sync_detailed", client, **_arguments(op))
            assert [(r.method, r.operation) for r in standin.requests.api] == [
                (op.method, op.operation_id)
            ]
            standin.requests.clear()


def test_the_findings_own_examples_send_nothing(standin: Standin) -> None:
    """``..`` once deleted the project, cancelled the wrong thing or read the list."""
    from circleci_client.api.job import cancel_job_by_job_number
    from circleci_client.api.project import delete_checkout_key, delete_env_var, get_env_var
    from circleci_client.api.workflow import cancel_workflow

    dots: Any = ".."
    with standin_client(standin) as client:
        calls: list[Callable[[], object]] = [
            lambda: delete_env_var.sync(WIDGETS, "..", client=client),
            lambda: delete_checkout_key.sync(WIDGETS, "..", client=client),
            lambda: cancel_job_by_job_number.sync(WIDGETS, dots, client=client),
            lambda: cancel_workflow.sync(dots, client=client),
            lambda: get_env_var.sync(WIDGETS, ".", client=client),
        ]
        for call in calls:
            with pytest.raises(InvalidPathParameterError, match="nothing was sent"):
                call()
    assert list(standin.requests.api) == []


def test_a_tampered_project_slug_object_is_checked_again(
    recorder_client: AuthenticatedClient, recorder: Recorder
) -> None:
    from circleci_client.api.project import get_project_by_slug

    slug = ProjectSlug.github("acme", "widgets")
    object.__setattr__(slug, "repo", "..")
    with pytest.raises(InvalidProjectSlugError, match=re.escape("repo must not be '..'")):
        get_project_by_slug.sync(slug, client=recorder_client)
    assert recorder.taken() == []


@pytest.mark.parametrize("path", ["/workflow/../cancel", "/project/x/envvar/.", "/x/./y"])
def test_a_request_path_that_httpx_would_rewrite_is_refused_by_the_sending_layer(
    path: str, recorder_client: AuthenticatedClient, recorder: Recorder
) -> None:
    """The layer under the generated functions refuses too, should a dot segment reach it."""
    from circleci_client import _operation
    from circleci_client.api.workflow import cancel_workflow

    kwargs: dict[str, Any] = {"method": "post", "url": path}
    with pytest.raises(InvalidPathParameterError, match="dot segments removed") as info:
        _operation.send(recorder_client, cancel_workflow.OPERATION, kwargs, None)
    assert info.value.parameter is None and info.value.value == path
    assert recorder.taken() == []

    async def main() -> None:
        async with _async_client(recorder) as async_client:
            with pytest.raises(InvalidPathParameterError, match="dot segments removed"):
                await _operation.send_async(async_client, cancel_workflow.OPERATION, kwargs, None)

    asyncio.run(main())
    assert recorder.taken() == []


def test_the_error_is_exported_from_the_package() -> None:
    assert circleci_client.InvalidPathParameterError is InvalidPathParameterError
    assert "InvalidPathParameterError" in circleci_client.__all__
    assert issubclass(InvalidPathParameterError, circleci_client.CircleCIError)
    assert issubclass(InvalidProjectSlugError, InvalidPathParameterError)
