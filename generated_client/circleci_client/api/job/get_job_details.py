from typing import Any

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.job_details import JobDetails
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="getJobDetails",
    method="GET",
    path="/project/{project_slug}/job/{job_number}",
    success_status=200,
)


def _get_kwargs(
    project_slug: str,
    job_number: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/project/{project_slug}/job/{job_number}".format(
            project_slug=_paths.slug_segment(OPERATION, project_slug),
            job_number=_paths.path_segment(OPERATION, "job_number", job_number),
        ),
    }
    return _kwargs


def _parse_success(data: Any) -> JobDetails:
    response_200 = JobDetails.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> JobDetails | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "JobDetails", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    project_slug: str,
    job_number: int,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[JobDetails | ErrorResponse]:
    """A job's details.

    Returns a job: its status, timing, executor, parallel runs and the pipeline and workflow
    it belongs to. Approval jobs have no job number and cannot be fetched here.

    ``GET /project/{project_slug}/job/{job_number}`` (operation ``getJobDetails``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        job_number (int): The job's number within its project.
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
            job_number=job_number,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    project_slug: str,
    job_number: int,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> JobDetails:
    """A job's details.

    Returns a job: its status, timing, executor, parallel runs and the pipeline and workflow
    it belongs to. Approval jobs have no job number and cannot be fetched here.

    ``GET /project/{project_slug}/job/{job_number}`` (operation ``getJobDetails``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        job_number (int): The job's number within its project.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        JobDetails

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
            job_number=job_number,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "JobDetails", _parse_success, response)


async def asyncio_detailed(
    project_slug: str,
    job_number: int,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[JobDetails | ErrorResponse]:
    """A job's details.

    Returns a job: its status, timing, executor, parallel runs and the pipeline and workflow
    it belongs to. Approval jobs have no job number and cannot be fetched here.

    ``GET /project/{project_slug}/job/{job_number}`` (operation ``getJobDetails``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        job_number (int): The job's number within its project.
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
            job_number=job_number,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    project_slug: str,
    job_number: int,
    *,
    client: AuthenticatedClient | Client,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> JobDetails:
    """A job's details.

    Returns a job: its status, timing, executor, parallel runs and the pipeline and workflow
    it belongs to. Approval jobs have no job number and cannot be fetched here.

    ``GET /project/{project_slug}/job/{job_number}`` (operation ``getJobDetails``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        job_number (int): The job's number within its project.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        JobDetails

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
            job_number=job_number,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "JobDetails", _parse_success, response)
