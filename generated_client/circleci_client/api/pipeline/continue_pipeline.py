from typing import Any

import httpx

from ... import _operation
from ...client import AuthenticatedClient, Client
from ...models.continue_pipeline_parameters import ContinuePipelineParameters
from ...models.error_response import ErrorResponse
from ...models.message_response import MessageResponse
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="continuePipeline",
    method="POST",
    path="/pipeline/continue",
    success_status=200,
)


def _get_kwargs(
    *,
    body: ContinuePipelineParameters,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/pipeline/continue",
    }
    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(data: Any) -> MessageResponse:
    response_200 = MessageResponse.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> MessageResponse | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "MessageResponse", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ContinuePipelineParameters,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[MessageResponse | ErrorResponse]:
    """Continue a pipeline.

    Continues a pipeline that runs a setup workflow (dynamic configuration) with the
    configuration the setup workflow generated. The setup job finds its continuation key
    in `CIRCLE_CONTINUATION_KEY`; a key works once. Not idempotent.

    ``POST /pipeline/continue`` (operation ``continuePipeline``).

    Args:
        body (ContinuePipelineParameters): How to continue a pipeline after its setup workflow.
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
    body: ContinuePipelineParameters,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> MessageResponse:
    """Continue a pipeline.

    Continues a pipeline that runs a setup workflow (dynamic configuration) with the
    configuration the setup workflow generated. The setup job finds its continuation key
    in `CIRCLE_CONTINUATION_KEY`; a key works once. Not idempotent.

    ``POST /pipeline/continue`` (operation ``continuePipeline``).

    Args:
        body (ContinuePipelineParameters): How to continue a pipeline after its setup workflow.
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
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "MessageResponse", _parse_success, response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ContinuePipelineParameters,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[MessageResponse | ErrorResponse]:
    """Continue a pipeline.

    Continues a pipeline that runs a setup workflow (dynamic configuration) with the
    configuration the setup workflow generated. The setup job finds its continuation key
    in `CIRCLE_CONTINUATION_KEY`; a key works once. Not idempotent.

    ``POST /pipeline/continue`` (operation ``continuePipeline``).

    Args:
        body (ContinuePipelineParameters): How to continue a pipeline after its setup workflow.
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
    body: ContinuePipelineParameters,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> MessageResponse:
    """Continue a pipeline.

    Continues a pipeline that runs a setup workflow (dynamic configuration) with the
    configuration the setup workflow generated. The setup job finds its continuation key
    in `CIRCLE_CONTINUATION_KEY`; a key works once. Not idempotent.

    ``POST /pipeline/continue`` (operation ``continuePipeline``).

    Args:
        body (ContinuePipelineParameters): How to continue a pipeline after its setup workflow.
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
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "MessageResponse", _parse_success, response)
