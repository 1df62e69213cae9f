from typing import Any

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.pipeline_creation import PipelineCreation
from ...models.trigger_pipeline_parameters import TriggerPipelineParameters
from ...types import UNSET, Response, Unset

OPERATION = _operation.Operation(
    operation_id="triggerPipeline",
    method="POST",
    path="/project/{project_slug}/pipeline",
    success_status=201,
)


def _get_kwargs(
    project_slug: str,
    *,
    body: TriggerPipelineParameters | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/project/{project_slug}/pipeline".format(
            project_slug=_paths.slug_segment(OPERATION, project_slug),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(data: Any) -> PipelineCreation:
    response_201 = PipelineCreation.from_dict(data)

    return response_201


def _parse(response: httpx.Response) -> PipelineCreation | ErrorResponse | None:
    if response.status_code == 201:
        return _operation.parse_body(OPERATION, "PipelineCreation", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: TriggerPipelineParameters | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[PipelineCreation | ErrorResponse]:
    """Trigger a new pipeline.

    Starts a pipeline on the project's default branch, or on `branch`, or on `tag` (not both),
    optionally with pipeline parameters. Not idempotent: every successful call creates a
    pipeline, so clients must not retry it after a server error or a timeout.

    ``POST /project/{project_slug}/pipeline`` (operation ``triggerPipeline``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        body (TriggerPipelineParameters | Unset): What to run. `branch` and `tag` cannot both be
            given.
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
            project_slug=project_slug,
            body=body,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: TriggerPipelineParameters | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> PipelineCreation:
    """Trigger a new pipeline.

    Starts a pipeline on the project's default branch, or on `branch`, or on `tag` (not both),
    optionally with pipeline parameters. Not idempotent: every successful call creates a
    pipeline, so clients must not retry it after a server error or a timeout.

    ``POST /project/{project_slug}/pipeline`` (operation ``triggerPipeline``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        body (TriggerPipelineParameters | Unset): What to run. `branch` and `tag` cannot both be
            given.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        PipelineCreation

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = _operation.send(
        client,
        OPERATION,
        _get_kwargs(
            project_slug=project_slug,
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "PipelineCreation", _parse_success, response)


async def asyncio_detailed(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: TriggerPipelineParameters | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[PipelineCreation | ErrorResponse]:
    """Trigger a new pipeline.

    Starts a pipeline on the project's default branch, or on `branch`, or on `tag` (not both),
    optionally with pipeline parameters. Not idempotent: every successful call creates a
    pipeline, so clients must not retry it after a server error or a timeout.

    ``POST /project/{project_slug}/pipeline`` (operation ``triggerPipeline``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        body (TriggerPipelineParameters | Unset): What to run. `branch` and `tag` cannot both be
            given.
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
            project_slug=project_slug,
            body=body,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: TriggerPipelineParameters | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> PipelineCreation:
    """Trigger a new pipeline.

    Starts a pipeline on the project's default branch, or on `branch`, or on `tag` (not both),
    optionally with pipeline parameters. Not idempotent: every successful call creates a
    pipeline, so clients must not retry it after a server error or a timeout.

    ``POST /project/{project_slug}/pipeline`` (operation ``triggerPipeline``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        body (TriggerPipelineParameters | Unset): What to run. `branch` and `tag` cannot both be
            given.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        PipelineCreation

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = await _operation.send_async(
        client,
        OPERATION,
        _get_kwargs(
            project_slug=project_slug,
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "PipelineCreation", _parse_success, response)
