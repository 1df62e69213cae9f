from typing import Any

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.environment_variable import EnvironmentVariable
from ...models.environment_variable_input import EnvironmentVariableInput
from ...models.error_response import ErrorResponse
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="createEnvVar",
    method="POST",
    path="/project/{project_slug}/envvar",
    success_status=201,
)


def _get_kwargs(
    project_slug: str,
    *,
    body: EnvironmentVariableInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/project/{project_slug}/envvar".format(
            project_slug=_paths.slug_segment(OPERATION, project_slug),
        ),
    }
    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(data: Any) -> EnvironmentVariable:
    response_201 = EnvironmentVariable.from_dict(data)

    return response_201


def _parse(response: httpx.Response) -> EnvironmentVariable | ErrorResponse | None:
    if response.status_code == 201:
        return _operation.parse_body(OPERATION, "EnvironmentVariable", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: EnvironmentVariableInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[EnvironmentVariable | ErrorResponse]:
    """Create an environment variable.

    Creates (or replaces) one of the project's environment variables.

    ``POST /project/{project_slug}/envvar`` (operation ``createEnvVar``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        body (EnvironmentVariableInput): An environment variable to create.
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
    body: EnvironmentVariableInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> EnvironmentVariable:
    """Create an environment variable.

    Creates (or replaces) one of the project's environment variables.

    ``POST /project/{project_slug}/envvar`` (operation ``createEnvVar``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        body (EnvironmentVariableInput): An environment variable to create.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        EnvironmentVariable

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
    return _operation.parse_body(OPERATION, "EnvironmentVariable", _parse_success, response)


async def asyncio_detailed(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    body: EnvironmentVariableInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[EnvironmentVariable | ErrorResponse]:
    """Create an environment variable.

    Creates (or replaces) one of the project's environment variables.

    ``POST /project/{project_slug}/envvar`` (operation ``createEnvVar``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        body (EnvironmentVariableInput): An environment variable to create.
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
    body: EnvironmentVariableInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> EnvironmentVariable:
    """Create an environment variable.

    Creates (or replaces) one of the project's environment variables.

    ``POST /project/{project_slug}/envvar`` (operation ``createEnvVar``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        body (EnvironmentVariableInput): An environment variable to create.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        EnvironmentVariable

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
    return _operation.parse_body(OPERATION, "EnvironmentVariable", _parse_success, response)
