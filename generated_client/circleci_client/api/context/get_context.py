from typing import Any
from uuid import UUID

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.context import Context
from ...models.error_response import ErrorResponse
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="getContext",
    method="GET",
    path="/context/{context_id}",
    success_status=200,
)


def _get_kwargs(
    context_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/context/{context_id}".format(
            context_id=_paths.path_segment(OPERATION, "context_id", context_id),
        ),
    }
    return _kwargs


def _parse_success(data: Any) -> Context:
    response_200 = Context.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> Context | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "Context", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[Context | ErrorResponse]:
    """A context.

    Returns one context by ID.

    ``GET /context/{context_id}`` (operation ``getContext``).

    Args:
        context_id (UUID): The context's ID.
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
            context_id=context_id,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Context:
    """A context.

    Returns one context by ID.

    ``GET /context/{context_id}`` (operation ``getContext``).

    Args:
        context_id (UUID): The context's ID.
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
            context_id=context_id,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "Context", _parse_success, response)


async def asyncio_detailed(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[Context | ErrorResponse]:
    """A context.

    Returns one context by ID.

    ``GET /context/{context_id}`` (operation ``getContext``).

    Args:
        context_id (UUID): The context's ID.
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
            context_id=context_id,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Context:
    """A context.

    Returns one context by ID.

    ``GET /context/{context_id}`` (operation ``getContext``).

    Args:
        context_id (UUID): The context's ID.
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
            context_id=context_id,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "Context", _parse_success, response)
