import datetime
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.workflow_run import WorkflowRun
from ...models.workflow_run_list_response import WorkflowRunListResponse
from ...types import UNSET, Response, Unset

OPERATION = _operation.Operation(
    operation_id="getProjectWorkflowRuns",
    method="GET",
    path="/insights/{project_slug}/workflows/{workflow_name}",
    success_status=200,
)


def _get_kwargs(
    project_slug: str,
    workflow_name: str,
    *,
    all_branches: bool | Unset = UNSET,
    branch: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["all-branches"] = all_branches

    params["branch"] = branch

    params["page-token"] = page_token

    json_start_date: str | Unset = UNSET
    if not isinstance(start_date, Unset):
        json_start_date = start_date.isoformat()
    params["start-date"] = json_start_date

    json_end_date: str | Unset = UNSET
    if not isinstance(end_date, Unset):
        json_end_date = end_date.isoformat()
    params["end-date"] = json_end_date

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/insights/{project_slug}/workflows/{workflow_name}".format(
            project_slug=_paths.slug_segment(OPERATION, project_slug),
            workflow_name=_paths.path_segment(OPERATION, "workflow_name", workflow_name),
        ),
        "params": params,
    }
    return _kwargs


def _parse_success(data: Any) -> WorkflowRunListResponse:
    response_200 = WorkflowRunListResponse.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> WorkflowRunListResponse | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "WorkflowRunListResponse", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    project_slug: str,
    workflow_name: str,
    *,
    client: AuthenticatedClient | Client,
    all_branches: bool | Unset = UNSET,
    branch: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[WorkflowRunListResponse | ErrorResponse]:
    """Recent runs of a workflow.

    Lists recent runs of one workflow, newest first, optionally within a date range.

    ``GET /insights/{project_slug}/workflows/{workflow_name}`` (operation ``getProjectWorkflowRuns``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        workflow_name (str): The workflow's name.
        all_branches (bool | Unset): Report on all branches together. Use either this or `branch`.
        branch (str | Unset): The VCS branch to report on. Without it (and without `all-
            branches`), the default branch.
        page_token (str | Unset): The `next_page_token` of the previous page; omit it for the
            first page.
        start_date (datetime.datetime | Unset): Only runs that started at or after this time.
            Required when `end-date` is given.
        end_date (datetime.datetime | Unset): Only runs that started before this time; at most 90
            days after `start-date`.
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
            workflow_name=workflow_name,
            all_branches=all_branches,
            branch=branch,
            page_token=page_token,
            start_date=start_date,
            end_date=end_date,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    project_slug: str,
    workflow_name: str,
    *,
    client: AuthenticatedClient | Client,
    all_branches: bool | Unset = UNSET,
    branch: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> WorkflowRunListResponse:
    """Recent runs of a workflow.

    Lists recent runs of one workflow, newest first, optionally within a date range.

    ``GET /insights/{project_slug}/workflows/{workflow_name}`` (operation ``getProjectWorkflowRuns``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        workflow_name (str): The workflow's name.
        all_branches (bool | Unset): Report on all branches together. Use either this or `branch`.
        branch (str | Unset): The VCS branch to report on. Without it (and without `all-
            branches`), the default branch.
        page_token (str | Unset): The `next_page_token` of the previous page; omit it for the
            first page.
        start_date (datetime.datetime | Unset): Only runs that started at or after this time.
            Required when `end-date` is given.
        end_date (datetime.datetime | Unset): Only runs that started before this time; at most 90
            days after `start-date`.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        WorkflowRunListResponse

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
            workflow_name=workflow_name,
            all_branches=all_branches,
            branch=branch,
            page_token=page_token,
            start_date=start_date,
            end_date=end_date,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "WorkflowRunListResponse", _parse_success, response)


async def asyncio_detailed(
    project_slug: str,
    workflow_name: str,
    *,
    client: AuthenticatedClient | Client,
    all_branches: bool | Unset = UNSET,
    branch: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[WorkflowRunListResponse | ErrorResponse]:
    """Recent runs of a workflow.

    Lists recent runs of one workflow, newest first, optionally within a date range.

    ``GET /insights/{project_slug}/workflows/{workflow_name}`` (operation ``getProjectWorkflowRuns``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        workflow_name (str): The workflow's name.
        all_branches (bool | Unset): Report on all branches together. Use either this or `branch`.
        branch (str | Unset): The VCS branch to report on. Without it (and without `all-
            branches`), the default branch.
        page_token (str | Unset): The `next_page_token` of the previous page; omit it for the
            first page.
        start_date (datetime.datetime | Unset): Only runs that started at or after this time.
            Required when `end-date` is given.
        end_date (datetime.datetime | Unset): Only runs that started before this time; at most 90
            days after `start-date`.
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
            workflow_name=workflow_name,
            all_branches=all_branches,
            branch=branch,
            page_token=page_token,
            start_date=start_date,
            end_date=end_date,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    project_slug: str,
    workflow_name: str,
    *,
    client: AuthenticatedClient | Client,
    all_branches: bool | Unset = UNSET,
    branch: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> WorkflowRunListResponse:
    """Recent runs of a workflow.

    Lists recent runs of one workflow, newest first, optionally within a date range.

    ``GET /insights/{project_slug}/workflows/{workflow_name}`` (operation ``getProjectWorkflowRuns``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        workflow_name (str): The workflow's name.
        all_branches (bool | Unset): Report on all branches together. Use either this or `branch`.
        branch (str | Unset): The VCS branch to report on. Without it (and without `all-
            branches`), the default branch.
        page_token (str | Unset): The `next_page_token` of the previous page; omit it for the
            first page.
        start_date (datetime.datetime | Unset): Only runs that started at or after this time.
            Required when `end-date` is given.
        end_date (datetime.datetime | Unset): Only runs that started before this time; at most 90
            days after `start-date`.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        WorkflowRunListResponse

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
            workflow_name=workflow_name,
            all_branches=all_branches,
            branch=branch,
            page_token=page_token,
            start_date=start_date,
            end_date=end_date,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "WorkflowRunListResponse", _parse_success, response)


def iter_pages(
    project_slug: str,
    workflow_name: str,
    *,
    client: AuthenticatedClient | Client,
    all_branches: bool | Unset = UNSET,
    branch: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Iterator[WorkflowRunListResponse]:
    """Recent runs of a workflow.

    Lists recent runs of one workflow, newest first, optionally within a date range.

    ``GET /insights/{project_slug}/workflows/{workflow_name}`` (operation ``getProjectWorkflowRuns``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        workflow_name (str): The workflow's name.
        all_branches (bool | Unset): Report on all branches together. Use either this or `branch`.
        branch (str | Unset): The VCS branch to report on. Without it (and without `all-
            branches`), the default branch.
        start_date (datetime.datetime | Unset): Only runs that started at or after this time.
            Required when `end-date` is given.
        end_date (datetime.datetime | Unset): Only runs that started before this time; at most 90
            days after `start-date`.
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        One WorkflowRunListResponse per page, starting at ``page_token`` (the first page if unset).

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    def fetch(token: str | Unset) -> WorkflowRunListResponse:
        page_token = token
        return sync(
            project_slug=project_slug,
            workflow_name=workflow_name,
            client=client,
            all_branches=all_branches,
            branch=branch,
            page_token=page_token,
            start_date=start_date,
            end_date=end_date,
            max_retries=max_retries,
            deadline=deadline,
        )

    return _operation.iter_pages(fetch, page_token, max_pages)


def iter_items(
    project_slug: str,
    workflow_name: str,
    *,
    client: AuthenticatedClient | Client,
    all_branches: bool | Unset = UNSET,
    branch: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    max_items: int | None = None,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Iterator[WorkflowRun]:
    """Recent runs of a workflow.

    Lists recent runs of one workflow, newest first, optionally within a date range.

    ``GET /insights/{project_slug}/workflows/{workflow_name}`` (operation ``getProjectWorkflowRuns``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        workflow_name (str): The workflow's name.
        all_branches (bool | Unset): Report on all branches together. Use either this or `branch`.
        branch (str | Unset): The VCS branch to report on. Without it (and without `all-
            branches`), the default branch.
        start_date (datetime.datetime | Unset): Only runs that started at or after this time.
            Required when `end-date` is given.
        end_date (datetime.datetime | Unset): Only runs that started before this time; at most 90
            days after `start-date`.
        max_items: Stop after this many items in total (None: all of them).
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        Every WorkflowRun across pages, fetching each page when it is needed.

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    pages = iter_pages(
        project_slug=project_slug,
        workflow_name=workflow_name,
        client=client,
        all_branches=all_branches,
        branch=branch,
        page_token=page_token,
        start_date=start_date,
        end_date=end_date,
        max_pages=max_pages,
        max_retries=max_retries,
        deadline=deadline,
    )
    return _operation.iter_items(pages, max_items)


def aiter_pages(
    project_slug: str,
    workflow_name: str,
    *,
    client: AuthenticatedClient | Client,
    all_branches: bool | Unset = UNSET,
    branch: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> AsyncIterator[WorkflowRunListResponse]:
    """Recent runs of a workflow.

    Lists recent runs of one workflow, newest first, optionally within a date range.

    ``GET /insights/{project_slug}/workflows/{workflow_name}`` (operation ``getProjectWorkflowRuns``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        workflow_name (str): The workflow's name.
        all_branches (bool | Unset): Report on all branches together. Use either this or `branch`.
        branch (str | Unset): The VCS branch to report on. Without it (and without `all-
            branches`), the default branch.
        start_date (datetime.datetime | Unset): Only runs that started at or after this time.
            Required when `end-date` is given.
        end_date (datetime.datetime | Unset): Only runs that started before this time; at most 90
            days after `start-date`.
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        One WorkflowRunListResponse per page, starting at ``page_token`` (the first page if unset).

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    async def fetch(token: str | Unset) -> WorkflowRunListResponse:
        page_token = token
        return await asyncio(
            project_slug=project_slug,
            workflow_name=workflow_name,
            client=client,
            all_branches=all_branches,
            branch=branch,
            page_token=page_token,
            start_date=start_date,
            end_date=end_date,
            max_retries=max_retries,
            deadline=deadline,
        )

    return _operation.aiter_pages(fetch, page_token, max_pages)


def aiter_items(
    project_slug: str,
    workflow_name: str,
    *,
    client: AuthenticatedClient | Client,
    all_branches: bool | Unset = UNSET,
    branch: str | Unset = UNSET,
    page_token: str | Unset = UNSET,
    start_date: datetime.datetime | Unset = UNSET,
    end_date: datetime.datetime | Unset = UNSET,
    max_items: int | None = None,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> AsyncIterator[WorkflowRun]:
    """Recent runs of a workflow.

    Lists recent runs of one workflow, newest first, optionally within a date range.

    ``GET /insights/{project_slug}/workflows/{workflow_name}`` (operation ``getProjectWorkflowRuns``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        workflow_name (str): The workflow's name.
        all_branches (bool | Unset): Report on all branches together. Use either this or `branch`.
        branch (str | Unset): The VCS branch to report on. Without it (and without `all-
            branches`), the default branch.
        start_date (datetime.datetime | Unset): Only runs that started at or after this time.
            Required when `end-date` is given.
        end_date (datetime.datetime | Unset): Only runs that started before this time; at most 90
            days after `start-date`.
        max_items: Stop after this many items in total (None: all of them).
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        Every WorkflowRun across pages, fetching each page when it is needed.

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    pages = aiter_pages(
        project_slug=project_slug,
        workflow_name=workflow_name,
        client=client,
        all_branches=all_branches,
        branch=branch,
        page_token=page_token,
        start_date=start_date,
        end_date=end_date,
        max_pages=max_pages,
        max_retries=max_retries,
        deadline=deadline,
    )
    return _operation.aiter_items(pages, max_items)
