from typing import Any

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.pipeline import Pipeline
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="getPipelineByNumber",
    method="GET",
    path="/project/{project_slug}/pipeline/{pipeline_number}",
    success_status=200,
)


def _get_kwargs(
    project_slug: str,
    pipeline_number: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/project/{project_slug}/pipeline/{pipeline_number}".format(
            project_slug=_paths.slug_segment(OPERATION, project_slug),
            pipeline_number=_paths.path_segment(OPERATION, "pipeline_number", pipeline_number),
        ),
    }
    return _kwargs


def _parse_success(data: Any) -> Pipeline:
    response_200 = Pipeline.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> Pipeline | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "Pipeline", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    project_slug: str,
    pipeline_number: int,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[Pipeline | ErrorResponse]:
    """A pipeline by number.

    Returns one pipeline by its number within the project: the number the web app shows and
    jobs see as `CIRCLE_PIPELINE_NUMBER`.

    ``GET /project/{project_slug}/pipeline/{pipeline_number}`` (operation ``getPipelineByNumber``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        pipeline_number (int): The pipeline's number within its project.
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
            pipeline_number=pipeline_number,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    project_slug: str,
    pipeline_number: int,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Pipeline:
    """A pipeline by number.

    Returns one pipeline by its number within the project: the number the web app shows and
    jobs see as `CIRCLE_PIPELINE_NUMBER`.

    ``GET /project/{project_slug}/pipeline/{pipeline_number}`` (operation ``getPipelineByNumber``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        pipeline_number (int): The pipeline's number within its project.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        Pipeline

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
            pipeline_number=pipeline_number,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "Pipeline", _parse_success, response)


async def asyncio_detailed(
    project_slug: str,
    pipeline_number: int,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[Pipeline | ErrorResponse]:
    """A pipeline by number.

    Returns one pipeline by its number within the project: the number the web app shows and
    jobs see as `CIRCLE_PIPELINE_NUMBER`.

    ``GET /project/{project_slug}/pipeline/{pipeline_number}`` (operation ``getPipelineByNumber``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        pipeline_number (int): The pipeline's number within its project.
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
            pipeline_number=pipeline_number,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    project_slug: str,
    pipeline_number: int,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Pipeline:
    """A pipeline by number.

    Returns one pipeline by its number within the project: the number the web app shows and
    jobs see as `CIRCLE_PIPELINE_NUMBER`.

    ``GET /project/{project_slug}/pipeline/{pipeline_number}`` (operation ``getPipelineByNumber``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        pipeline_number (int): The pipeline's number within its project.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        Pipeline

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
            pipeline_number=pipeline_number,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "Pipeline", _parse_success, response)
