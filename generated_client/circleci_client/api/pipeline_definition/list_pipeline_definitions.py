from typing import Any

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.pipeline_definition_list_response import PipelineDefinitionListResponse
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="listPipelineDefinitions",
    method="GET",
    path="/projects/{project_id}/pipeline-definitions",
    success_status=200,
)


def _get_kwargs(
    project_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/projects/{project_id}/pipeline-definitions".format(
            project_id=_paths.path_segment(OPERATION, "project_id", project_id),
        ),
    }
    return _kwargs


def _parse_success(data: Any) -> PipelineDefinitionListResponse:
    response_200 = PipelineDefinitionListResponse.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> PipelineDefinitionListResponse | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(
            OPERATION, "PipelineDefinitionListResponse", _parse_success, response
        )
    return _operation.parse_error_body(response)


def sync_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[PipelineDefinitionListResponse | ErrorResponse]:
    """A project's pipeline definitions.

    Lists the project's pipeline definitions. Pass a definition's `id` as `definition_id`
    to `triggerPipelineRun`. The project ID is the `id` that `getProjectBySlug` returns.

    ``GET /projects/{project_id}/pipeline-definitions`` (operation ``listPipelineDefinitions``).

    Args:
        project_id (str): The project's ID: `id` in `getProjectBySlug`'s answer.
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
            project_id=project_id,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> PipelineDefinitionListResponse:
    """A project's pipeline definitions.

    Lists the project's pipeline definitions. Pass a definition's `id` as `definition_id`
    to `triggerPipelineRun`. The project ID is the `id` that `getProjectBySlug` returns.

    ``GET /projects/{project_id}/pipeline-definitions`` (operation ``listPipelineDefinitions``).

    Args:
        project_id (str): The project's ID: `id` in `getProjectBySlug`'s answer.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        PipelineDefinitionListResponse

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = _operation.send(
        client,
        OPERATION,
        _get_kwargs(
            project_id=project_id,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(
        OPERATION, "PipelineDefinitionListResponse", _parse_success, response
    )


async def asyncio_detailed(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[PipelineDefinitionListResponse | ErrorResponse]:
    """A project's pipeline definitions.

    Lists the project's pipeline definitions. Pass a definition's `id` as `definition_id`
    to `triggerPipelineRun`. The project ID is the `id` that `getProjectBySlug` returns.

    ``GET /projects/{project_id}/pipeline-definitions`` (operation ``listPipelineDefinitions``).

    Args:
        project_id (str): The project's ID: `id` in `getProjectBySlug`'s answer.
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
            project_id=project_id,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    project_id: str,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> PipelineDefinitionListResponse:
    """A project's pipeline definitions.

    Lists the project's pipeline definitions. Pass a definition's `id` as `definition_id`
    to `triggerPipelineRun`. The project ID is the `id` that `getProjectBySlug` returns.

    ``GET /projects/{project_id}/pipeline-definitions`` (operation ``listPipelineDefinitions``).

    Args:
        project_id (str): The project's ID: `id` in `getProjectBySlug`'s answer.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        PipelineDefinitionListResponse

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = await _operation.send_async(
        client,
        OPERATION,
        _get_kwargs(
            project_id=project_id,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(
        OPERATION, "PipelineDefinitionListResponse", _parse_success, response
    )
