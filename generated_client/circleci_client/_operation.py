# Hand-written runtime module (not generated): edit it here.
"""What every generated operation shares: sending, raising typed errors, parsing, paging."""

from __future__ import annotations

import json
import threading
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeAlias, TypeVar

import httpx

from ._constants import API_CALL_EXTENSION, DEADLINE_EXTENSION, MAX_RETRIES_EXTENSION
from ._display import visible
from ._fast_paths import absolute_url as _absolute_url
from ._scalars import FieldTypeError
from .errors import (  # the paging errors are re-exported here too
    PageLimitError,
    PaginationError,
    ResponseValidationError,
    error_from_response,
)
from .types import UNSET, Response, Unset

if TYPE_CHECKING:
    from ._client import Client
    from .models.error_response import ErrorResponse

T = TypeVar("T")
ItemT = TypeVar("ItemT", covariant=True)


@dataclass(frozen=True, slots=True)
class Success(Generic[ItemT]):
    """A success status of an operation, with the model its body holds and the body's parser."""

    status: int
    model: str
    """The body's type as the signatures spell it, e.g. ``Project`` or ``list[Collaboration]``."""
    parse: Callable[[object], ItemT]
    """Builds the model from the decoded JSON body."""


@dataclass(frozen=True, slots=True)
class Operation(Generic[ItemT]):
    """An API operation as the spec declares it: what its module and the runtime need to know.

    Generated modules build their requests from ``method`` and ``path`` and parse their
    responses with ``parse`` (or the parser of another success status), so nothing about an
    operation is written twice.
    """

    operation_id: str
    method: str
    """The HTTP method, upper case."""
    path: str
    """The path template, e.g. ``/project/{project_slug}``."""
    success_status: int
    model: str = ""
    """The type of the success body, e.g. ``Project``."""
    parse: Callable[[object], ItemT] | None = None
    """The success body's parser (None for an operation described without one)."""
    other_successes: tuple[Success[ItemT], ...] = ()
    """Further statuses that succeed too, each with its own body model (e.g. 200 and 201)."""

    def succeeded(self, status: int) -> bool:
        """Whether ``status`` is one of the operation's success statuses."""
        return status == self.success_status or any(
            other.status == status for other in self.other_successes
        )

    @property
    def successes(self) -> tuple[Success[ItemT], ...]:
        """Every success status with its model and parser, the main one first."""
        main = () if self.parse is None else (Success(self.success_status, self.model, self.parse),)
        return (*main, *self.other_successes)


ParsersByStatus: TypeAlias = Mapping[int, Callable[[Any], T]]
"""The body parser of each success status, for operations with more than one."""


class APIDeprecationWarning(UserWarning):
    """The API announced (``Deprecation`` or ``Sunset`` header) that an operation goes away."""


_warned: set[str] = set()
_warned_lock = threading.Lock()


def _request_extensions(max_retries: int | None, deadline: float | None) -> dict[str, Any]:
    """Mark the request as an API call, with the per-call retry and deadline settings."""
    extensions: dict[str, Any] = {API_CALL_EXTENSION: True}
    if max_retries is not None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {max_retries}")
        extensions[MAX_RETRIES_EXTENSION] = max_retries
    if deadline is not None:
        if isinstance(deadline, bool) or not isinstance(deadline, int | float):
            raise TypeError(f"deadline must be a number of seconds or None, got {deadline!r}")
        if not deadline > 0:
            raise ValueError(f"deadline must be more than 0 seconds, got {deadline}")
        extensions[DEADLINE_EXTENSION] = float(deadline)
    return extensions


def _prepare(
    kwargs: dict[str, Any], base_url: httpx.URL, max_retries: int | None, deadline: float | None
) -> dict[str, Any]:
    """The ``request()`` arguments: absolute URL, API-call marker and per-call settings."""
    kwargs["extensions"] = _request_extensions(max_retries, deadline)
    kwargs["url"] = _absolute_url(base_url, kwargs["url"])
    return kwargs


def send(
    client: Client,
    operation: Operation[Any],
    kwargs: dict[str, Any],
    max_retries: int | None,
    deadline: float | None = None,
) -> httpx.Response:
    """Send one request through the client's transport (which retries and authenticates).

    The transport reads the body within the retries, capped, and keeps to the deadline.
    """
    http = client.get_httpx_client()
    response = http.request(**_prepare(kwargs, http.base_url, max_retries, deadline))
    _warn_if_deprecated(operation, response)
    return response


async def send_async(
    client: Client,
    operation: Operation[Any],
    kwargs: dict[str, Any],
    max_retries: int | None,
    deadline: float | None = None,
) -> httpx.Response:
    """Send one request through the client's async transport."""
    http = client.get_async_httpx_client()
    response = await http.request(**_prepare(kwargs, http.base_url, max_retries, deadline))
    _warn_if_deprecated(operation, response)
    return response


def _warn_if_deprecated(operation: Operation[Any], response: httpx.Response) -> None:
    headers = response.headers
    if "deprecation" not in headers and "sunset" not in headers:
        return
    with _warned_lock:
        if operation.operation_id in _warned:
            return
        _warned.add(operation.operation_id)
    details = ", ".join(
        f"{name}: {visible(headers[name])}"  # server text, printed by the warnings module
        for name in ("Deprecation", "Sunset", "Link")
        if name in headers
    )
    warnings.warn(
        f"CircleCI marks {operation.operation_id} ({operation.method} {operation.path}) "
        f"as deprecated ({details})",
        APIDeprecationWarning,
        stacklevel=4,
    )


def raise_for_status(operation: Operation[Any], response: httpx.Response) -> None:
    """Raise the typed error for any status other than the operation's success statuses."""
    if not operation.succeeded(response.status_code):
        raise error_from_response(response, operation=operation.operation_id)


def parse_success(operation: Operation[T], response: httpx.Response) -> T:
    """The success body parsed into the operation's model for the response's status."""
    if response.status_code == operation.success_status and operation.parse is not None:
        return _parse_json(operation, operation.model, operation.parse, response)
    for success in operation.other_successes:
        if success.status == response.status_code:
            return _parse_json(operation, success.model, success.parse, response)
    models = " | ".join(success.model for success in operation.successes)
    statuses = ", ".join(str(success.status) for success in operation.successes)
    raise ResponseValidationError(
        f"status {response.status_code} has no body model (expected one of {statuses})",
        model=models,
        field=None,
        response=response,
        operation=operation.operation_id,
    )


def parse_response(operation: Operation[T], response: httpx.Response) -> T | ErrorResponse | None:
    """For the ``*_detailed`` functions: the success body, else the error body if it is one."""
    if operation.succeeded(response.status_code):
        return parse_success(operation, response)
    return parse_error_body(response)


def parse_body(
    operation: Operation[Any],
    model: str,
    parse: Callable[[Any], T] | ParsersByStatus[T],
    response: httpx.Response,
) -> T:
    """Decode the JSON body and build the model, turning any mismatch into one typed error.

    ``parse`` is the body parser, or one per success status (picked by the response's status).
    Nesting too deep for the JSON decoder or the models (``RecursionError``) is a mismatch too.
    """
    if isinstance(parse, Mapping):
        parse = _parser_for_status(operation, model, parse, response)
    return _parse_json(operation, model, parse, response)


def _parse_json(
    operation: Operation[Any], model: str, parse: Callable[[Any], T], response: httpx.Response
) -> T:
    try:
        data = json.loads(response.content)
    except (ValueError, RecursionError) as exc:
        problem = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
        raise ResponseValidationError(
            f"the response body is not JSON ({problem})",
            model=model,
            field=None,
            response=response,
            operation=operation.operation_id,
        ) from exc
    try:
        return parse(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _validation_error(operation, model, exc, response) from exc
    except RecursionError:
        raise ResponseValidationError(
            f"could not parse {model}: the body is nested too deeply",
            model=model,
            field=None,
            response=response,
            operation=operation.operation_id,
        ) from None


def _parser_for_status(
    operation: Operation[Any], model: str, parsers: ParsersByStatus[T], response: httpx.Response
) -> Callable[[Any], T]:
    parser = parsers.get(response.status_code)
    if parser is None:
        raise ResponseValidationError(
            f"status {response.status_code} has no body model "
            f"(expected one of {', '.join(str(status) for status in sorted(parsers))})",
            model=model,
            field=None,
            response=response,
            operation=operation.operation_id,
        )
    return parser


def _validation_error(
    operation: Operation[Any], model: str, exc: Exception, response: httpx.Response
) -> ResponseValidationError:
    failing_model = _innermost_model(exc.__traceback__) or model
    field: str | None
    if isinstance(exc, KeyError) and exc.args:
        field = str(exc.args[0])
        message = f"{failing_model} is missing required field {field!r}"
    else:
        field = exc.field if isinstance(exc, FieldTypeError) else None
        message = f"could not parse {failing_model}: {exc}"
    return ResponseValidationError(
        message,
        model=failing_model,
        field=field,
        response=response,
        operation=operation.operation_id,
    )


def _innermost_model(tb: TracebackType | None) -> str | None:
    """Name the deepest model whose ``from_dict`` was running when parsing failed."""
    name = None
    while tb is not None:
        frame = tb.tb_frame
        if frame.f_code.co_name == "from_dict":
            cls = frame.f_locals.get("cls")
            if isinstance(cls, type):
                name = cls.__name__
        tb = tb.tb_next
    return name


def parse_error_body(response: httpx.Response) -> ErrorResponse | None:
    """Parse ``{"message": ...}`` error bodies; None for anything else (plain text, HTML)."""
    from .models.error_response import ErrorResponse

    try:
        data = json.loads(response.content)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    return ErrorResponse.from_dict(data)


def build_response(response: httpx.Response, parsed: T | None) -> Response[T]:
    """Wrap an httpx response and its parsed body for the ``*_detailed`` functions."""
    try:
        status: HTTPStatus | int = HTTPStatus(response.status_code)
    except ValueError:
        status = response.status_code
    return Response(
        status_code=status,  # type: ignore[arg-type]
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


class Page(Protocol[ItemT]):
    """A page of a paginated list."""

    @property
    def items(self) -> Sequence[ItemT]: ...  # pragma: no cover

    @property
    def next_page_token(self) -> str | None: ...  # pragma: no cover


PageT = TypeVar("PageT", bound=Page[Any])


DEFAULT_MAX_PAGES = 10_000
"""Pages a listing fetches at most when ``max_pages`` is not given (``PageLimitError`` then)."""


def _check_limit(name: str, value: int | None) -> None:
    if value is not None and value < 1:
        raise ValueError(f"{name} must be 1 or more (or None for no limit), got {value}")


class _Cursor:
    """Where paging stands: the next token and whether to stop (shared by both flavours)."""

    def __init__(self, first_token: str | Unset, max_pages: int | None) -> None:
        _check_limit("max_pages", max_pages)
        self.token = first_token
        self.done = False
        self._seen: set[str] = set()
        self._count = 0
        self._max_pages = max_pages

    def advance(self, page: Page[Any]) -> None:
        """Take the next token from ``page``; stop at the last page or at ``max_pages``.

        Without ``max_pages``, a listing that still goes on after :data:`DEFAULT_MAX_PAGES`
        pages raises :class:`PageLimitError` (a server handing out fresh tokens forever).
        """
        self._count += 1
        token = page.next_page_token
        if token and token in self._seen:
            raise PaginationError(f"the server returned page token {token!r} twice; stopping")
        if token and self._max_pages is None and self._count >= DEFAULT_MAX_PAGES:
            raise PageLimitError(
                f"the server still returned a next page token after {self._count} pages; "
                f"stopping. Pass max_pages=N to fetch up to N pages (the default stops at "
                f"{DEFAULT_MAX_PAGES})"
            )
        if not token or (self._max_pages is not None and self._count >= self._max_pages):
            self.done = True
            return
        self._seen.add(token)
        self.token = token


class _Quota:
    """How many items may still be yielded (``max_items``), shared by both flavours."""

    def __init__(self, max_items: int | None) -> None:
        _check_limit("max_items", max_items)
        self.left = max_items

    def take(self) -> bool:
        """Count one item; False once ``max_items`` have been yielded."""
        if self.left is None:
            return True
        self.left -= 1
        return self.left > 0


def iter_pages(
    fetch: Callable[[str | Unset], PageT], first_token: str | Unset, max_pages: int | None
) -> Iterator[PageT]:
    """Yield pages until the last one (``next_page_token`` null) or ``max_pages``."""
    cursor = _Cursor(first_token, max_pages)

    def pages() -> Iterator[PageT]:
        while not cursor.done:
            page = fetch(cursor.token)
            yield page
            cursor.advance(page)

    return pages()


def aiter_pages(
    fetch: Callable[[str | Unset], Awaitable[PageT]],
    first_token: str | Unset,
    max_pages: int | None,
) -> AsyncIterator[PageT]:
    """Async version of :func:`iter_pages`."""
    cursor = _Cursor(first_token, max_pages)

    async def pages() -> AsyncIterator[PageT]:
        while not cursor.done:
            page = await fetch(cursor.token)
            yield page
            cursor.advance(page)

    return pages()


def iter_items(pages: Iterator[Page[T]], max_items: int | None) -> Iterator[T]:
    """Yield the items of successive pages, stopping after ``max_items``."""
    quota = _Quota(max_items)

    def items() -> Iterator[T]:
        for page in pages:
            for item in page.items:
                yield item
                if not quota.take():
                    return

    def every_item() -> Iterator[T]:  # no max_items: nothing to count per item
        for page in pages:
            yield from page.items

    return items() if max_items is not None else every_item()


def aiter_items(pages: AsyncIterator[Page[T]], max_items: int | None) -> AsyncIterator[T]:
    """Async version of :func:`iter_items`."""
    quota = _Quota(max_items)

    async def items() -> AsyncIterator[T]:
        async for page in pages:
            for item in page.items:
                yield item
                if not quota.take():
                    return

    async def every_item() -> AsyncIterator[T]:  # no max_items: nothing to count per item
        async for page in pages:
            for item in page.items:
                yield item

    return items() if max_items is not None else every_item()


__all__ = [
    "DEFAULT_MAX_PAGES",
    "UNSET",
    "APIDeprecationWarning",
    "Operation",
    "PageLimitError",
    "PaginationError",
    "ParsersByStatus",
    "Success",
]
