from typing import Any
from uuid import UUID

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.message_response import MessageResponse
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="deleteContextRestriction",
    method="DELETE",
    path="/context/{context_id}/restrictions/{restriction_id}",
    success_status=200,
)


def _get_kwargs(
    context_id: UUID,
    restriction_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/context/{context_id}/restrictions/{restriction_id}".format(
            context_id=_paths.path_segment(OPERATION, "context_id", context_id),
            restriction_id=_paths.path_segment(OPERATION, "restriction_id", restriction_id),
        ),
    }
    return _kwargs


def _parse_success(data: Any) -> MessageResponse:
    response_200 = MessageResponse.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> MessageResponse | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "MessageResponse", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    context_id: UUID,
    restriction_id: str,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[MessageResponse | ErrorResponse]:
    """Remove a restriction.

    Removes one of the context's restrictions.

    ``DELETE /context/{context_id}/restrictions/{restriction_id}`` (operation ``deleteContextRestriction``).

    Args:
        context_id (UUID): The context's ID.
        restriction_id (str): The restriction's ID (`id` in `getContextRestrictions`).
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
            restriction_id=restriction_id,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    context_id: UUID,
    restriction_id: str,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> MessageResponse:
    """Remove a restriction.

    Removes one of the context's restrictions.

    ``DELETE /context/{context_id}/restrictions/{restriction_id}`` (operation ``deleteContextRestriction``).

    Args:
        context_id (UUID): The context's ID.
        restriction_id (str): The restriction's ID (`id` in `getContextRestrictions`).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        MessageResponse

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
            restriction_id=restriction_id,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "MessageResponse", _parse_success, response)


async def asyncio_detailed(
    context_id: UUID,
    restriction_id: str,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[MessageResponse | ErrorResponse]:
    """Remove a restriction.

    Removes one of the context's restrictions.

    ``DELETE /context/{context_id}/restrictions/{restriction_id}`` (operation ``deleteContextRestriction``).

    Args:
        context_id (UUID): The context's ID.
        restriction_id (str): The restriction's ID (`id` in `getContextRestrictions`).
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
            restriction_id=restriction_id,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    context_id: UUID,
    restriction_id: str,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> MessageResponse:
    """Remove a restriction.

    Removes one of the context's restrictions.

    ``DELETE /context/{context_id}/restrictions/{restriction_id}`` (operation ``deleteContextRestriction``).

    Args:
        context_id (UUID): The context's ID.
        restriction_id (str): The restriction's ID (`id` in `getContextRestrictions`).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        MessageResponse

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
            restriction_id=restriction_id,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "MessageResponse", _parse_success, response)
