from typing import Any
from uuid import UUID

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.context_environment_variable import ContextEnvironmentVariable
from ...models.context_environment_variable_input import ContextEnvironmentVariableInput
from ...models.error_response import ErrorResponse
from ...types import Response

OPERATION = _operation.Operation(
    operation_id="addEnvironmentVariableToContext",
    method="PUT",
    path="/context/{context_id}/environment-variable/{env_var_name}",
    success_status=200,
)


def _get_kwargs(
    context_id: UUID,
    env_var_name: str,
    *,
    body: ContextEnvironmentVariableInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/context/{context_id}/environment-variable/{env_var_name}".format(
            context_id=_paths.path_segment(OPERATION, "context_id", context_id),
            env_var_name=_paths.path_segment(OPERATION, "env_var_name", env_var_name),
        ),
    }
    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"
    _kwargs["headers"] = headers
    return _kwargs


def _parse_success(data: Any) -> ContextEnvironmentVariable:
    response_200 = ContextEnvironmentVariable.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> ContextEnvironmentVariable | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(
            OPERATION, "ContextEnvironmentVariable", _parse_success, response
        )
    return _operation.parse_error_body(response)


def sync_detailed(
    context_id: UUID,
    env_var_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ContextEnvironmentVariableInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[ContextEnvironmentVariable | ErrorResponse]:
    """Set an environment variable.

    Creates the variable, or replaces its value when it exists (an upsert: `created_at`
    stays, `updated_at` moves). Putting the same value twice leaves the same value, so the
    call is idempotent (only `updated_at` moves). The answer never contains the value.

    ``PUT /context/{context_id}/environment-variable/{env_var_name}`` (operation ``addEnvironmentVariableToContext``).

    Args:
        context_id (UUID): The context's ID.
        env_var_name (str): The variable's name: a letter or `_`, then letters, digits or `_`; at
            most 300 characters.
        body (ContextEnvironmentVariableInput): The value to set. At most 32,768 characters; an
            empty value is valid.
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
            context_id=context_id,
            env_var_name=env_var_name,
            body=body,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    context_id: UUID,
    env_var_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ContextEnvironmentVariableInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> ContextEnvironmentVariable:
    """Set an environment variable.

    Creates the variable, or replaces its value when it exists (an upsert: `created_at`
    stays, `updated_at` moves). Putting the same value twice leaves the same value, so the
    call is idempotent (only `updated_at` moves). The answer never contains the value.

    ``PUT /context/{context_id}/environment-variable/{env_var_name}`` (operation ``addEnvironmentVariableToContext``).

    Args:
        context_id (UUID): The context's ID.
        env_var_name (str): The variable's name: a letter or `_`, then letters, digits or `_`; at
            most 300 characters.
        body (ContextEnvironmentVariableInput): The value to set. At most 32,768 characters; an
            empty value is valid.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        ContextEnvironmentVariable

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = _operation.send(
        client,
        OPERATION,
        _get_kwargs(
            context_id=context_id,
            env_var_name=env_var_name,
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "ContextEnvironmentVariable", _parse_success, response)


async def asyncio_detailed(
    context_id: UUID,
    env_var_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ContextEnvironmentVariableInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[ContextEnvironmentVariable | ErrorResponse]:
    """Set an environment variable.

    Creates the variable, or replaces its value when it exists (an upsert: `created_at`
    stays, `updated_at` moves). Putting the same value twice leaves the same value, so the
    call is idempotent (only `updated_at` moves). The answer never contains the value.

    ``PUT /context/{context_id}/environment-variable/{env_var_name}`` (operation ``addEnvironmentVariableToContext``).

    Args:
        context_id (UUID): The context's ID.
        env_var_name (str): The variable's name: a letter or `_`, then letters, digits or `_`; at
            most 300 characters.
        body (ContextEnvironmentVariableInput): The value to set. At most 32,768 characters; an
            empty value is valid.
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
            context_id=context_id,
            env_var_name=env_var_name,
            body=body,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    context_id: UUID,
    env_var_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: ContextEnvironmentVariableInput,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> ContextEnvironmentVariable:
    """Set an environment variable.

    Creates the variable, or replaces its value when it exists (an upsert: `created_at`
    stays, `updated_at` moves). Putting the same value twice leaves the same value, so the
    call is idempotent (only `updated_at` moves). The answer never contains the value.

    ``PUT /context/{context_id}/environment-variable/{env_var_name}`` (operation ``addEnvironmentVariableToContext``).

    Args:
        context_id (UUID): The context's ID.
        env_var_name (str): The variable's name: a letter or `_`, then letters, digits or `_`; at
            most 300 characters.
        body (ContextEnvironmentVariableInput): The value to set. At most 32,768 characters; an
            empty value is valid.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        ContextEnvironmentVariable

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = await _operation.send_async(
        client,
        OPERATION,
        _get_kwargs(
            context_id=context_id,
            env_var_name=env_var_name,
            body=body,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "ContextEnvironmentVariable", _parse_success, response)
