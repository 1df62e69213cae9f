from typing import Any

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.pipeline_creation import PipelineCreation
from ...models.pipeline_not_created import PipelineNotCreated
from ...models.trigger_pipeline_run_parameters import TriggerPipelineRunParameters
from ...types import UNSET, Response, Unset

OPERATION = _operation.Operation(
    operation_id="triggerPipelineRun",
    method="POST",
    path="/project/{provider}/{organization}/{project}/pipeline/run",
    success_status=201,
    other_success_statuses=(200,),
)


def _get_kwargs(
    provider: str,
    organization: str,
    project: str,
    *,
    body: TriggerPipelineRunParameters | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    provider, organization, project = _paths.slug_parts(OPERATION, provider, organization, project)
    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/project/{provider}/{organization}/{project}/pipeline/run".format(
            provider=_paths.path_segment(OPERATION, "provider", provider),
            organization=_paths.path_segment(OPERATION, "organization", organization),
            project=_paths.path_segment(OPERATION, "project", project),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_success_201(data: Any) -> PipelineCreation:
    response_201 = PipelineCreation.from_dict(data)

    return response_201


def _parse_success_200(data: Any) -> PipelineNotCreated:
    response_200 = PipelineNotCreated.from_dict(data)

    return response_200


_parse_success: _operation.ParsersByStatus[PipelineCreation | PipelineNotCreated] = {
    201: _parse_success_201,
    200: _parse_success_200,
}


def _parse(
    response: httpx.Response,
) -> PipelineCreation | PipelineNotCreated | ErrorResponse | None:
    if OPERATION.succeeded(response.status_code):
        return _operation.parse_body(
            OPERATION, "PipelineCreation | PipelineNotCreated", _parse_success, response
        )
    return _operation.parse_error_body(response)


def sync_detailed(
    provider: str,
    organization: str,
    project: str,
    *,
    client: AuthenticatedClient | Client,
    body: TriggerPipelineRunParameters | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[PipelineCreation | PipelineNotCreated | ErrorResponse]:
    """Trigger a pipeline run.

    Starts a pipeline of any project, GitHub App and GitLab projects included (which
    `triggerPipeline` does not support): from one of the project's pipeline definitions
    (`definition_id`, see `listPipelineDefinitions`; the project's default one when omitted),
    reading its configuration from `config` and checking out `checkout` (a branch or a tag
    each; `checkout` defaults to `config`, both to the default branch).

    The slug's three parts travel as three path segments: `provider` (`circleci` for GitHub
    App and GitLab projects), `organization` and `project`. Two outcomes succeed. **201**: a
    pipeline was created, and the body names it. **200**: no pipeline was created (for
    example the commit asks CircleCI to skip CI), and `message` says why; this is not an
    error. Not idempotent: clients must not retry it after a server error or a timeout.

    ``POST /project/{provider}/{organization}/{project}/pipeline/run`` (operation ``triggerPipelineRun``).

    Args:
        provider (str): The slug's first part: `circleci` for GitHub App and GitLab projects;
            `gh`, `github`, `bb` or `bitbucket` otherwise.
        organization (str): The slug's second part: the organization ID (`circleci` slugs) or
            name.
        project (str): The slug's third part: the project ID (`circleci` slugs) or repository
            name.
        body (TriggerPipelineRunParameters | Unset): What to run. Every part is optional.
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
            provider=provider,
            organization=organization,
            project=project,
            body=body,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    provider: str,
    organization: str,
    project: str,
    *,
    client: AuthenticatedClient | Client,
    body: TriggerPipelineRunParameters | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> PipelineCreation | PipelineNotCreated:
    """Trigger a pipeline run.

    Starts a pipeline of any project, GitHub App and GitLab projects included (which
    `triggerPipeline` does not support): from one of the project's pipeline definitions
    (`definition_id`, see `listPipelineDefinitions`; the project's default one when omitted),
    reading its configuration from `config` and checking out `checkout` (a branch or a tag
    each; `checkout` defaults to `config`, both to the default branch).

    The slug's three parts travel as three path segments: `provider` (`circleci` for GitHub
    App and GitLab projects), `organization` and `project`. Two outcomes succeed. **201**: a
    pipeline was created, and the body names it. **200**: no pipeline was created (for
    example the commit asks CircleCI to skip CI), and `message` says why; this is not an
    error. Not idempotent: clients must not retry it after a server error or a timeout.

    ``POST /project/{provider}/{organization}/{project}/pipeline/run`` (operation ``triggerPipelineRun``).

    Args:
        provider (str): The slug's first part: `circleci` for GitHub App and GitLab projects;
            `gh`, `github`, `bb` or `bitbucket` otherwise.
        organization (str): The slug's second part: the organization ID (`circleci` slugs) or
            name.
        project (str): The slug's third part: the project ID (`circleci` slugs) or repository
            name.
        body (TriggerPipelineRunParameters | Unset): What to run. Every part is optional.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        PipelineCreation | PipelineNotCreated

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = _operation.send(
        client,
        OPERATION,
        _get_kwargs(
            provider=provider,
            organization=organization,
            project=project,
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(
        OPERATION, "PipelineCreation | PipelineNotCreated", _parse_success, response
    )


async def asyncio_detailed(
    provider: str,
    organization: str,
    project: str,
    *,
    client: AuthenticatedClient | Client,
    body: TriggerPipelineRunParameters | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[PipelineCreation | PipelineNotCreated | ErrorResponse]:
    """Trigger a pipeline run.

    Starts a pipeline of any project, GitHub App and GitLab projects included (which
    `triggerPipeline` does not support): from one of the project's pipeline definitions
    (`definition_id`, see `listPipelineDefinitions`; the project's default one when omitted),
    reading its configuration from `config` and checking out `checkout` (a branch or a tag
    each; `checkout` defaults to `config`, both to the default branch).

    The slug's three parts travel as three path segments: `provider` (`circleci` for GitHub
    App and GitLab projects), `organization` and `project`. Two outcomes succeed. **201**: a
    pipeline was created, and the body names it. **200**: no pipeline was created (for
    example the commit asks CircleCI to skip CI), and `message` says why; this is not an
    error. Not idempotent: clients must not retry it after a server error or a timeout.

    ``POST /project/{provider}/{organization}/{project}/pipeline/run`` (operation ``triggerPipelineRun``).

    Args:
        provider (str): The slug's first part: `circleci` for GitHub App and GitLab projects;
            `gh`, `github`, `bb` or `bitbucket` otherwise.
        organization (str): The slug's second part: the organization ID (`circleci` slugs) or
            name.
        project (str): The slug's third part: the project ID (`circleci` slugs) or repository
            name.
        body (TriggerPipelineRunParameters | Unset): What to run. Every part is optional.
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
            provider=provider,
            organization=organization,
            project=project,
            body=body,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    provider: str,
    organization: str,
    project: str,
    *,
    client: AuthenticatedClient | Client,
    body: TriggerPipelineRunParameters | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> PipelineCreation | PipelineNotCreated:
    """Trigger a pipeline run.

    Starts a pipeline of any project, GitHub App and GitLab projects included (which
    `triggerPipeline` does not support): from one of the project's pipeline definitions
    (`definition_id`, see `listPipelineDefinitions`; the project's default one when omitted),
    reading its configuration from `config` and checking out `checkout` (a branch or a tag
    each; `checkout` defaults to `config`, both to the default branch).

    The slug's three parts travel as three path segments: `provider` (`circleci` for GitHub
    App and GitLab projects), `organization` and `project`. Two outcomes succeed. **201**: a
    pipeline was created, and the body names it. **200**: no pipeline was created (for
    example the commit asks CircleCI to skip CI), and `message` says why; this is not an
    error. Not idempotent: clients must not retry it after a server error or a timeout.

    ``POST /project/{provider}/{organization}/{project}/pipeline/run`` (operation ``triggerPipelineRun``).

    Args:
        provider (str): The slug's first part: `circleci` for GitHub App and GitLab projects;
            `gh`, `github`, `bb` or `bitbucket` otherwise.
        organization (str): The slug's second part: the organization ID (`circleci` slugs) or
            name.
        project (str): The slug's third part: the project ID (`circleci` slugs) or repository
            name.
        body (TriggerPipelineRunParameters | Unset): What to run. Every part is optional.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        PipelineCreation | PipelineNotCreated

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = await _operation.send_async(
        client,
        OPERATION,
        _get_kwargs(
            provider=provider,
            organization=organization,
            project=project,
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(
        OPERATION, "PipelineCreation | PipelineNotCreated", _parse_success, response
    )
