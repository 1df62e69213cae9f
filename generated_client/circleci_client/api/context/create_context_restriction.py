from typing import Any
from uuid import UUID

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.context_restriction import ContextRestriction
from ...models.context_restriction_input import ContextRestrictionInput
from ...models.error_response import ErrorResponse
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="createContextRestriction",
    method="POST",
    path="/context/{context_id}/restrictions",
    success_status=201,
)


def _get_kwargs(
    context_id: UUID,
    *,
    body: ContextRestrictionInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/context/{context_id}/restrictions".format(
            context_id=_paths.path_segment(OPERATION, "context_id", context_id),
        ),
    }
    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(data: Any) -> ContextRestriction:
    response_201 = ContextRestriction.from_dict(data)

    return response_201


def _parse(response: httpx.Response) -> ContextRestriction | ErrorResponse | None:
    if response.status_code == 201:
        return _operation.parse_body(OPERATION, "ContextRestriction", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ContextRestrictionInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[ContextRestriction | ErrorResponse]:
    """Restrict a context.

    Adds a restriction: `project` with a project ID, `expression` with an expression over
    pipeline values (e.g. `pipeline.git.branch == "main"`), or `group` with a security group
    ID. Only organization administrators may. The same restriction twice answers 409; a
    project that is not the owner's answers 404.

    ``POST /context/{context_id}/restrictions`` (operation ``createContextRestriction``).

    Args:
        context_id (UUID): The context's ID.
        body (ContextRestrictionInput): A restriction to add.
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
            body=body,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ContextRestrictionInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> ContextRestriction:
    """Restrict a context.

    Adds a restriction: `project` with a project ID, `expression` with an expression over
    pipeline values (e.g. `pipeline.git.branch == "main"`), or `group` with a security group
    ID. Only organization administrators may. The same restriction twice answers 409; a
    project that is not the owner's answers 404.

    ``POST /context/{context_id}/restrictions`` (operation ``createContextRestriction``).

    Args:
        context_id (UUID): The context's ID.
        body (ContextRestrictionInput): A restriction to add.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        ContextRestriction

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
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "ContextRestriction", _parse_success, response)


async def asyncio_detailed(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ContextRestrictionInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[ContextRestriction | ErrorResponse]:
    """Restrict a context.

    Adds a restriction: `project` with a project ID, `expression` with an expression over
    pipeline values (e.g. `pipeline.git.branch == "main"`), or `group` with a security group
    ID. Only organization administrators may. The same restriction twice answers 409; a
    project that is not the owner's answers 404.

    ``POST /context/{context_id}/restrictions`` (operation ``createContextRestriction``).

    Args:
        context_id (UUID): The context's ID.
        body (ContextRestrictionInput): A restriction to add.
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
            body=body,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: ContextRestrictionInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> ContextRestriction:
    """Restrict a context.

    Adds a restriction: `project` with a project ID, `expression` with an expression over
    pipeline values (e.g. `pipeline.git.branch == "main"`), or `group` with a security group
    ID. Only organization administrators may. The same restriction twice answers 409; a
    project that is not the owner's answers 404.

    ``POST /context/{context_id}/restrictions`` (operation ``createContextRestriction``).

    Args:
        context_id (UUID): The context's ID.
        body (ContextRestrictionInput): A restriction to add.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        ContextRestriction

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
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "ContextRestriction", _parse_success, response)
