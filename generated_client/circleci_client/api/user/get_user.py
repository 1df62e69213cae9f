from typing import Any
from uuid import UUID

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.user import User
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="getUser",
    method="GET",
    path="/user/{id}",
    success_status=200,
)


def _get_kwargs(
    id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/user/{id}".format(
            id=_paths.path_segment(OPERATION, "id", id),
        ),
    }
    return _kwargs


def _parse_success(data: Any) -> User:
    response_200 = User.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> User | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "User", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[User | ErrorResponse]:
    """A user by ID.

    Returns a user's public information.

    ``GET /user/{id}`` (operation ``getUser``).

    Args:
        id (UUID): The user's ID.
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
            id=id,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> User:
    """A user by ID.

    Returns a user's public information.

    ``GET /user/{id}`` (operation ``getUser``).

    Args:
        id (UUID): The user's ID.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        User

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = _operation.send(
        client,
        OPERATION,
        _get_kwargs(
            id=id,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "User", _parse_success, response)


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[User | ErrorResponse]:
    """A user by ID.

    Returns a user's public information.

    ``GET /user/{id}`` (operation ``getUser``).

    Args:
        id (UUID): The user's ID.
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
            id=id,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> User:
    """A user by ID.

    Returns a user's public information.

    ``GET /user/{id}`` (operation ``getUser``).

    Args:
        id (UUID): The user's ID.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        User

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = await _operation.send_async(
        client,
        OPERATION,
        _get_kwargs(
            id=id,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "User", _parse_success, response)
