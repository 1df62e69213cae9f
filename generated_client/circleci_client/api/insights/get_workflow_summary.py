from typing import Any

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.workflow_summary import WorkflowSummary
from ...types import UNSET, Response, Unset

OPERATION = _operation.Operation(
    operation_id="getWorkflowSummary",
    method="GET",
    path="/insights/{project_slug}/workflows/{workflow_name}/summary",
    success_status=200,
)


def _get_kwargs(
    project_slug: str,
    workflow_name: str,
    *,
    all_branches: bool | Unset = UNSET,
    branch: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["all-branches"] = all_branches

    params["branch"] = branch

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/insights/{project_slug}/workflows/{workflow_name}/summary".format(
            project_slug=_paths.slug_segment(OPERATION, project_slug),
            workflow_name=_paths.path_segment(OPERATION, "workflow_name", workflow_name),
        ),
        "params": params,
    }
    return _kwargs


def _parse_success(data: Any) -> WorkflowSummary:
    response_200 = WorkflowSummary.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> WorkflowSummary | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "WorkflowSummary", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    project_slug: str,
    workflow_name: str,
    *,
    client: AuthenticatedClient | Client,
    all_branches: bool | Unset = UNSET,
    branch: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[WorkflowSummary | ErrorResponse]:
    """Metrics and trends of a workflow.

    Metrics of one workflow over the reporting window, and how each changed against the
    window before it.

    ``GET /insights/{project_slug}/workflows/{workflow_name}/summary`` (operation ``getWorkflowSummary``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        workflow_name (str): The workflow's name.
        all_branches (bool | Unset): Report on all branches together. Use either this or `branch`.
        branch (str | Unset): The VCS branch to report on. Without it (and without `all-
            branches`), the default branch.
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
    max_retries: int | None = None,
    deadline: float | None = None,
) -> WorkflowSummary:
    """Metrics and trends of a workflow.

    Metrics of one workflow over the reporting window, and how each changed against the
    window before it.

    ``GET /insights/{project_slug}/workflows/{workflow_name}/summary`` (operation ``getWorkflowSummary``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        workflow_name (str): The workflow's name.
        all_branches (bool | Unset): Report on all branches together. Use either this or `branch`.
        branch (str | Unset): The VCS branch to report on. Without it (and without `all-
            branches`), the default branch.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        WorkflowSummary

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
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "WorkflowSummary", _parse_success, response)


async def asyncio_detailed(
    project_slug: str,
    workflow_name: str,
    *,
    client: AuthenticatedClient | Client,
    all_branches: bool | Unset = UNSET,
    branch: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[WorkflowSummary | ErrorResponse]:
    """Metrics and trends of a workflow.

    Metrics of one workflow over the reporting window, and how each changed against the
    window before it.

    ``GET /insights/{project_slug}/workflows/{workflow_name}/summary`` (operation ``getWorkflowSummary``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        workflow_name (str): The workflow's name.
        all_branches (bool | Unset): Report on all branches together. Use either this or `branch`.
        branch (str | Unset): The VCS branch to report on. Without it (and without `all-
            branches`), the default branch.
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
    max_retries: int | None = None,
    deadline: float | None = None,
) -> WorkflowSummary:
    """Metrics and trends of a workflow.

    Metrics of one workflow over the reporting window, and how each changed against the
    window before it.

    ``GET /insights/{project_slug}/workflows/{workflow_name}/summary`` (operation ``getWorkflowSummary``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        workflow_name (str): The workflow's name.
        all_branches (bool | Unset): Report on all branches together. Use either this or `branch`.
        branch (str | Unset): The VCS branch to report on. Without it (and without `all-
            branches`), the default branch.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        WorkflowSummary

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
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "WorkflowSummary", _parse_success, response)
