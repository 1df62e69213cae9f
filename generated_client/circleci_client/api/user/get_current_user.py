from typing import Any

import httpx

from ... import _operation
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.user import User
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="getCurrentUser",
    method="GET",
    path="/me",
    success_status=200,
)


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/me",
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
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[User | ErrorResponse]:
    """The user a token belongs to.

    Returns the user who owns the API token. The quickest way to check a token works.

    ``GET /me`` (operation ``getCurrentUser``).

    Returns:
        The status, headers, raw body and parsed body, whatever the status. Never raises for
        an error status.

    Raises:
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
    """

    response = _operation.send(client, OPERATION, _get_kwargs(), max_retries, deadline)
    return _operation.build_response(response, _parse(response))


def sync(
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> User:
    """The user a token belongs to.

    Returns the user who owns the API token. The quickest way to check a token works.

    ``GET /me`` (operation ``getCurrentUser``).

    Returns:
        User

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = _operation.send(client, OPERATION, _get_kwargs(), max_retries, deadline)
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "User", _parse_success, response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[User | ErrorResponse]:
    """The user a token belongs to.

    Returns the user who owns the API token. The quickest way to check a token works.

    ``GET /me`` (operation ``getCurrentUser``).

    Returns:
        The status, headers, raw body and parsed body, whatever the status. Never raises for
        an error status.

    Raises:
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
    """

    response = await _operation.send_async(client, OPERATION, _get_kwargs(), max_retries, deadline)
    return _operation.build_response(response, _parse(response))


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> User:
    """The user a token belongs to.

    Returns the user who owns the API token. The quickest way to check a token works.

    ``GET /me`` (operation ``getCurrentUser``).

    Returns:
        User

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = await _operation.send_async(client, OPERATION, _get_kwargs(), max_retries, deadline)
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "User", _parse_success, response)
