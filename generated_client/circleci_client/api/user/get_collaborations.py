from typing import Any

import httpx

from ... import _operation
from ...client import AuthenticatedClient, Client
from ...models.collaboration import Collaboration
from ...models.error_response import ErrorResponse
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="getCollaborations",
    method="GET",
    path="/me/collaborations",
    success_status=200,
)


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/me/collaborations",
    }
    return _kwargs


def _parse_success(data: Any) -> list[Collaboration]:
    _response_200 = data
    response_200: list[Collaboration]
    if not isinstance(_response_200, list):
        raise TypeError(f"the body: expected a list, not {type(_response_200).__name__}")
    parse_response_200_item = Collaboration.from_dict
    response_200 = [parse_response_200_item(item) for item in _response_200]

    return response_200


def _parse(response: httpx.Response) -> list[Collaboration] | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "list[Collaboration]", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[list[Collaboration] | ErrorResponse]:
    """Organizations the user belongs to.

    Lists the organizations (VCS organizations and CircleCI organizations) the user collaborates in.

    ``GET /me/collaborations`` (operation ``getCollaborations``).

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
) -> list[Collaboration]:
    """Organizations the user belongs to.

    Lists the organizations (VCS organizations and CircleCI organizations) the user collaborates in.

    ``GET /me/collaborations`` (operation ``getCollaborations``).

    Returns:
        list[Collaboration]

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = _operation.send(client, OPERATION, _get_kwargs(), max_retries, deadline)
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "list[Collaboration]", _parse_success, response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[list[Collaboration] | ErrorResponse]:
    """Organizations the user belongs to.

    Lists the organizations (VCS organizations and CircleCI organizations) the user collaborates in.

    ``GET /me/collaborations`` (operation ``getCollaborations``).

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
) -> list[Collaboration]:
    """Organizations the user belongs to.

    Lists the organizations (VCS organizations and CircleCI organizations) the user collaborates in.

    ``GET /me/collaborations`` (operation ``getCollaborations``).

    Returns:
        list[Collaboration]

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = await _operation.send_async(client, OPERATION, _get_kwargs(), max_retries, deadline)
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "list[Collaboration]", _parse_success, response)
