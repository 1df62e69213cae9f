from typing import Any
from uuid import UUID

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.rerun_workflow_parameters import RerunWorkflowParameters
from ...models.rerun_workflow_response import RerunWorkflowResponse
from ...types import UNSET, Response, Unset

OPERATION = _operation.Operation(
    operation_id="rerunWorkflow",
    method="POST",
    path="/workflow/{id}/rerun",
    success_status=202,
)


def _get_kwargs(
    id: UUID,
    *,
    body: RerunWorkflowParameters | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/workflow/{id}/rerun".format(
            id=_paths.path_segment(OPERATION, "id", id),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(data: Any) -> RerunWorkflowResponse:
    response_202 = RerunWorkflowResponse.from_dict(data)

    return response_202


def _parse(response: httpx.Response) -> RerunWorkflowResponse | ErrorResponse | None:
    if response.status_code == 202:
        return _operation.parse_body(OPERATION, "RerunWorkflowResponse", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: RerunWorkflowParameters | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[RerunWorkflowResponse | ErrorResponse]:
    """Rerun a workflow.

    Starts a new workflow from an earlier one: all of it, from the failed jobs, or chosen jobs.
    Not idempotent.

    ``POST /workflow/{id}/rerun`` (operation ``rerunWorkflow``).

    Args:
        id (UUID): The workflow's ID.
        body (RerunWorkflowParameters | Unset): What to rerun. `from_failed` and `jobs` cannot
            both be given.
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
            body=body,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: RerunWorkflowParameters | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> RerunWorkflowResponse:
    """Rerun a workflow.

    Starts a new workflow from an earlier one: all of it, from the failed jobs, or chosen jobs.
    Not idempotent.

    ``POST /workflow/{id}/rerun`` (operation ``rerunWorkflow``).

    Args:
        id (UUID): The workflow's ID.
        body (RerunWorkflowParameters | Unset): What to rerun. `from_failed` and `jobs` cannot
            both be given.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        RerunWorkflowResponse

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
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "RerunWorkflowResponse", _parse_success, response)


async def asyncio_detailed(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: RerunWorkflowParameters | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[RerunWorkflowResponse | ErrorResponse]:
    """Rerun a workflow.

    Starts a new workflow from an earlier one: all of it, from the failed jobs, or chosen jobs.
    Not idempotent.

    ``POST /workflow/{id}/rerun`` (operation ``rerunWorkflow``).

    Args:
        id (UUID): The workflow's ID.
        body (RerunWorkflowParameters | Unset): What to rerun. `from_failed` and `jobs` cannot
            both be given.
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
            body=body,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    id: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: RerunWorkflowParameters | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> RerunWorkflowResponse:
    """Rerun a workflow.

    Starts a new workflow from an earlier one: all of it, from the failed jobs, or chosen jobs.
    Not idempotent.

    ``POST /workflow/{id}/rerun`` (operation ``rerunWorkflow``).

    Args:
        id (UUID): The workflow's ID.
        body (RerunWorkflowParameters | Unset): What to rerun. `from_failed` and `jobs` cannot
            both be given.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        RerunWorkflowResponse

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
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "RerunWorkflowResponse", _parse_success, response)
