from collections.abc import AsyncIterator, Iterator
from typing import Any
from uuid import UUID

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.context_restriction import ContextRestriction
from ...models.context_restriction_list_response import ContextRestrictionListResponse
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset

OPERATION = _operation.Operation(
    operation_id="getContextRestrictions",
    method="GET",
    path="/context/{context_id}/restrictions",
    success_status=200,
)


def _get_kwargs(
    context_id: UUID,
    *,
    page_token: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["page-token"] = page_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/context/{context_id}/restrictions".format(
            context_id=_paths.path_segment(OPERATION, "context_id", context_id),
        ),
        "params": params,
    }
    return _kwargs


def _parse_success(data: Any) -> ContextRestrictionListResponse:
    response_200 = ContextRestrictionListResponse.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> ContextRestrictionListResponse | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(
            OPERATION, "ContextRestrictionListResponse", _parse_success, response
        )
    return _operation.parse_error_body(response)


def sync_detailed(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[ContextRestrictionListResponse | ErrorResponse]:
    """A context's restrictions.

    Lists the restrictions that decide which pipelines may use the context: projects,
    expressions over pipeline values, and security groups. A context without restrictions
    is open to every member of the organization.

    ``GET /context/{context_id}/restrictions`` (operation ``getContextRestrictions``).

    Args:
        context_id (UUID): The context's ID.
        page_token (str | Unset): The `next_page_token` of the previous page; omit it for the
            first page.
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
            page_token=page_token,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> ContextRestrictionListResponse:
    """A context's restrictions.

    Lists the restrictions that decide which pipelines may use the context: projects,
    expressions over pipeline values, and security groups. A context without restrictions
    is open to every member of the organization.

    ``GET /context/{context_id}/restrictions`` (operation ``getContextRestrictions``).

    Args:
        context_id (UUID): The context's ID.
        page_token (str | Unset): The `next_page_token` of the previous page; omit it for the
            first page.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        ContextRestrictionListResponse

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
            page_token=page_token,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(
        OPERATION, "ContextRestrictionListResponse", _parse_success, response
    )


async def asyncio_detailed(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[ContextRestrictionListResponse | ErrorResponse]:
    """A context's restrictions.

    Lists the restrictions that decide which pipelines may use the context: projects,
    expressions over pipeline values, and security groups. A context without restrictions
    is open to every member of the organization.

    ``GET /context/{context_id}/restrictions`` (operation ``getContextRestrictions``).

    Args:
        context_id (UUID): The context's ID.
        page_token (str | Unset): The `next_page_token` of the previous page; omit it for the
            first page.
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
            page_token=page_token,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> ContextRestrictionListResponse:
    """A context's restrictions.

    Lists the restrictions that decide which pipelines may use the context: projects,
    expressions over pipeline values, and security groups. A context without restrictions
    is open to every member of the organization.

    ``GET /context/{context_id}/restrictions`` (operation ``getContextRestrictions``).

    Args:
        context_id (UUID): The context's ID.
        page_token (str | Unset): The `next_page_token` of the previous page; omit it for the
            first page.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        ContextRestrictionListResponse

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
            page_token=page_token,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(
        OPERATION, "ContextRestrictionListResponse", _parse_success, response
    )


def iter_pages(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Iterator[ContextRestrictionListResponse]:
    """A context's restrictions.

    Lists the restrictions that decide which pipelines may use the context: projects,
    expressions over pipeline values, and security groups. A context without restrictions
    is open to every member of the organization.

    ``GET /context/{context_id}/restrictions`` (operation ``getContextRestrictions``).

    Args:
        context_id (UUID): The context's ID.
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        One ContextRestrictionListResponse per page, starting at ``page_token`` (the first page if unset).

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    def fetch(token: str | Unset) -> ContextRestrictionListResponse:
        page_token = token
        return sync(
            context_id=context_id,
            client=client,
            page_token=page_token,
            max_retries=max_retries,
            deadline=deadline,
        )

    return _operation.iter_pages(fetch, page_token, max_pages)


def iter_items(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    max_items: int | None = None,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Iterator[ContextRestriction]:
    """A context's restrictions.

    Lists the restrictions that decide which pipelines may use the context: projects,
    expressions over pipeline values, and security groups. A context without restrictions
    is open to every member of the organization.

    ``GET /context/{context_id}/restrictions`` (operation ``getContextRestrictions``).

    Args:
        context_id (UUID): The context's ID.
        max_items: Stop after this many items in total (None: all of them).
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        Every ContextRestriction across pages, fetching each page when it is needed.

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    pages = iter_pages(
        context_id=context_id,
        client=client,
        page_token=page_token,
        max_pages=max_pages,
        max_retries=max_retries,
        deadline=deadline,
    )
    return _operation.iter_items(pages, max_items)


def aiter_pages(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> AsyncIterator[ContextRestrictionListResponse]:
    """A context's restrictions.

    Lists the restrictions that decide which pipelines may use the context: projects,
    expressions over pipeline values, and security groups. A context without restrictions
    is open to every member of the organization.

    ``GET /context/{context_id}/restrictions`` (operation ``getContextRestrictions``).

    Args:
        context_id (UUID): The context's ID.
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        One ContextRestrictionListResponse per page, starting at ``page_token`` (the first page if unset).

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    async def fetch(token: str | Unset) -> ContextRestrictionListResponse:
        page_token = token
        return await asyncio(
            context_id=context_id,
            client=client,
            page_token=page_token,
            max_retries=max_retries,
            deadline=deadline,
        )

    return _operation.aiter_pages(fetch, page_token, max_pages)


def aiter_items(
    context_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    page_token: str | Unset = UNSET,
    max_items: int | None = None,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> AsyncIterator[ContextRestriction]:
    """A context's restrictions.

    Lists the restrictions that decide which pipelines may use the context: projects,
    expressions over pipeline values, and security groups. A context without restrictions
    is open to every member of the organization.

    ``GET /context/{context_id}/restrictions`` (operation ``getContextRestrictions``).

    Args:
        context_id (UUID): The context's ID.
        max_items: Stop after this many items in total (None: all of them).
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        Every ContextRestriction across pages, fetching each page when it is needed.

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    pages = aiter_pages(
        context_id=context_id,
        client=client,
        page_token=page_token,
        max_pages=max_pages,
        max_retries=max_retries,
        deadline=deadline,
    )
    return _operation.aiter_items(pages, max_items)
