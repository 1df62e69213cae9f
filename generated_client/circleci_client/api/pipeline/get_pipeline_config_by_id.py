from typing import Any
from uuid import UUID

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.pipeline_config import PipelineConfig
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="getPipelineConfigById",
    method="GET",
    path="/pipeline/{pipeline_id}/config",
    success_status=200,
)


def _get_kwargs(
    pipeline_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/pipeline/{pipeline_id}/config".format(
            pipeline_id=_paths.path_segment(OPERATION, "pipeline_id", pipeline_id),
        ),
    }
    return _kwargs


def _parse_success(data: Any) -> PipelineConfig:
    response_200 = PipelineConfig.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> PipelineConfig | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "PipelineConfig", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    pipeline_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[PipelineConfig | ErrorResponse]:
    """A pipeline's configuration.

    Returns the configuration a pipeline ran with, before and after compilation.

    ``GET /pipeline/{pipeline_id}/config`` (operation ``getPipelineConfigById``).

    Args:
        pipeline_id (UUID): The pipeline's ID.
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
            pipeline_id=pipeline_id,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    pipeline_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> PipelineConfig:
    """A pipeline's configuration.

    Returns the configuration a pipeline ran with, before and after compilation.

    ``GET /pipeline/{pipeline_id}/config`` (operation ``getPipelineConfigById``).

    Args:
        pipeline_id (UUID): The pipeline's ID.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        PipelineConfig

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = _operation.send(
        client,
        OPERATION,
        _get_kwargs(
            pipeline_id=pipeline_id,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "PipelineConfig", _parse_success, response)


async def asyncio_detailed(
    pipeline_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[PipelineConfig | ErrorResponse]:
    """A pipeline's configuration.

    Returns the configuration a pipeline ran with, before and after compilation.

    ``GET /pipeline/{pipeline_id}/config`` (operation ``getPipelineConfigById``).

    Args:
        pipeline_id (UUID): The pipeline's ID.
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
            pipeline_id=pipeline_id,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    pipeline_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> PipelineConfig:
    """A pipeline's configuration.

    Returns the configuration a pipeline ran with, before and after compilation.

    ``GET /pipeline/{pipeline_id}/config`` (operation ``getPipelineConfigById``).

    Args:
        pipeline_id (UUID): The pipeline's ID.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        PipelineConfig

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = await _operation.send_async(
        client,
        OPERATION,
        _get_kwargs(
            pipeline_id=pipeline_id,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "PipelineConfig", _parse_success, response)
