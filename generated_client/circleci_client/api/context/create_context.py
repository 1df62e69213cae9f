from typing import Any

import httpx

from ... import _operation
from ...client import AuthenticatedClient, Client
from ...models.context import Context
from ...models.context_input import ContextInput
from ...models.error_response import ErrorResponse
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="createContext",
    method="POST",
    path="/context",
    success_status=200,
)


def _get_kwargs(
    *,
    body: ContextInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/context",
    }
    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(data: Any) -> Context:
    response_200 = Context.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> Context | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "Context", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ContextInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[Context | ErrorResponse]:
    """Create a context.

    Creates a context owned by an organization (`owner.id` or `owner.slug`) or, on CircleCI
    server, an account (`owner.id` with `owner.type` `account`). Names are unique within an
    owner (409 when taken): at most 200 characters, no leading, trailing or vertical
    whitespace. Not idempotent.

    ``POST /context`` (operation ``createContext``).

    Args:
        body (ContextInput): A context to create.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        The status, headers, raw body and parsed body, whatever the status. Never raises for
        an error status.

    Raises:
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
    """

    response = _operation.send(
        client,
        OPERATION,
        _get_kwargs(
            body=body,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ContextInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Context:
    """Create a context.

    Creates a context owned by an organization (`owner.id` or `owner.slug`) or, on CircleCI
    server, an account (`owner.id` with `owner.type` `account`). Names are unique within an
    owner (409 when taken): at most 200 characters, no leading, trailing or vertical
    whitespace. Not idempotent.

    ``POST /context`` (operation ``createContext``).

    Args:
        body (ContextInput): A context to create.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        Context

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = _operation.send(
        client,
        OPERATION,
        _get_kwargs(
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "Context", _parse_success, response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ContextInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[Context | ErrorResponse]:
    """Create a context.

    Creates a context owned by an organization (`owner.id` or `owner.slug`) or, on CircleCI
    server, an account (`owner.id` with `owner.type` `account`). Names are unique within an
    owner (409 when taken): at most 200 characters, no leading, trailing or vertical
    whitespace. Not idempotent.

    ``POST /context`` (operation ``createContext``).

    Args:
        body (ContextInput): A context to create.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        The status, headers, raw body and parsed body, whatever the status. Never raises for
        an error status.

    Raises:
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
    """

    response = await _operation.send_async(
        client,
        OPERATION,
        _get_kwargs(
            body=body,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ContextInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Context:
    """Create a context.

    Creates a context owned by an organization (`owner.id` or `owner.slug`) or, on CircleCI
    server, an account (`owner.id` with `owner.type` `account`). Names are unique within an
    owner (409 when taken): at most 200 characters, no leading, trailing or vertical
    whitespace. Not idempotent.

    ``POST /context`` (operation ``createContext``).

    Args:
        body (ContextInput): A context to create.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        Context

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = await _operation.send_async(
        client,
        OPERATION,
        _get_kwargs(
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "Context", _parse_success, response)
