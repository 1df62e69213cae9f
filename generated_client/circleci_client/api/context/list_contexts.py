from collections.abc import AsyncIterator, Iterator
from typing import Any
from uuid import UUID

import httpx

from ... import _operation
from ...client import AuthenticatedClient, Client
from ...models.context import Context
from ...models.context_list_response import ContextListResponse
from ...models.context_owner_type import ContextOwnerType
from ...models.error_response import ErrorResponse
from ...types import UNSET, Response, Unset

OPERATION = _operation.Operation(
    operation_id="listContexts",
    method="GET",
    path="/context",
    success_status=200,
)


def _get_kwargs(
    *,
    owner_id: UUID | Unset = UNSET,
    owner_slug: str | Unset = UNSET,
    owner_type: ContextOwnerType | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_owner_id: str | Unset = UNSET
    if not isinstance(owner_id, Unset):
        json_owner_id = str(owner_id)
    params["owner-id"] = json_owner_id

    params["owner-slug"] = owner_slug

    json_owner_type: str | Unset = UNSET
    if not isinstance(owner_type, Unset):
        json_owner_type = owner_type.value
    params["owner-type"] = json_owner_type

    params["page-token"] = page_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/context",
        "params": params,
    }
    return _kwargs


def _parse_success(data: Any) -> ContextListResponse:
    response_200 = ContextListResponse.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> ContextListResponse | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "ContextListResponse", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    owner_id: UUID | Unset = UNSET,
    owner_slug: str | Unset = UNSET,
    owner_type: ContextOwnerType | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[ContextListResponse | ErrorResponse]:
    """An organization's contexts.

    Lists the contexts of an owner, oldest first. Name the owner with `owner-id` (the
    organization ID, or on CircleCI server an account ID with `owner-type=account`) or with
    `owner-slug` (e.g. `gh/acme`; not on CircleCI server). An owner that cannot be found,
    or none given, is 404.

    ``GET /context`` (operation ``listContexts``).

    Args:
        owner_id (UUID | Unset): The owner's ID: the organization ID (or an account ID on CircleCI
            server). Give this or `owner-slug`.
        owner_slug (str | Unset): The organization's slug, e.g. `gh/acme`. Give this or `owner-
            id`; not supported on CircleCI server.
        owner_type (ContextOwnerType | Unset): What owns a context. Accounts own contexts on
            CircleCI server only.
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
            owner_id=owner_id,
            owner_slug=owner_slug,
            owner_type=owner_type,
            page_token=page_token,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    *,
    client: AuthenticatedClient | Client,
    owner_id: UUID | Unset = UNSET,
    owner_slug: str | Unset = UNSET,
    owner_type: ContextOwnerType | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> ContextListResponse:
    """An organization's contexts.

    Lists the contexts of an owner, oldest first. Name the owner with `owner-id` (the
    organization ID, or on CircleCI server an account ID with `owner-type=account`) or with
    `owner-slug` (e.g. `gh/acme`; not on CircleCI server). An owner that cannot be found,
    or none given, is 404.

    ``GET /context`` (operation ``listContexts``).

    Args:
        owner_id (UUID | Unset): The owner's ID: the organization ID (or an account ID on CircleCI
            server). Give this or `owner-slug`.
        owner_slug (str | Unset): The organization's slug, e.g. `gh/acme`. Give this or `owner-
            id`; not supported on CircleCI server.
        owner_type (ContextOwnerType | Unset): What owns a context. Accounts own contexts on
            CircleCI server only.
        page_token (str | Unset): The `next_page_token` of the previous page; omit it for the
            first page.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        ContextListResponse

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = _operation.send(
        client,
        OPERATION,
        _get_kwargs(
            owner_id=owner_id,
            owner_slug=owner_slug,
            owner_type=owner_type,
            page_token=page_token,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "ContextListResponse", _parse_success, response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    owner_id: UUID | Unset = UNSET,
    owner_slug: str | Unset = UNSET,
    owner_type: ContextOwnerType | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[ContextListResponse | ErrorResponse]:
    """An organization's contexts.

    Lists the contexts of an owner, oldest first. Name the owner with `owner-id` (the
    organization ID, or on CircleCI server an account ID with `owner-type=account`) or with
    `owner-slug` (e.g. `gh/acme`; not on CircleCI server). An owner that cannot be found,
    or none given, is 404.

    ``GET /context`` (operation ``listContexts``).

    Args:
        owner_id (UUID | Unset): The owner's ID: the organization ID (or an account ID on CircleCI
            server). Give this or `owner-slug`.
        owner_slug (str | Unset): The organization's slug, e.g. `gh/acme`. Give this or `owner-
            id`; not supported on CircleCI server.
        owner_type (ContextOwnerType | Unset): What owns a context. Accounts own contexts on
            CircleCI server only.
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
            owner_id=owner_id,
            owner_slug=owner_slug,
            owner_type=owner_type,
            page_token=page_token,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    owner_id: UUID | Unset = UNSET,
    owner_slug: str | Unset = UNSET,
    owner_type: ContextOwnerType | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> ContextListResponse:
    """An organization's contexts.

    Lists the contexts of an owner, oldest first. Name the owner with `owner-id` (the
    organization ID, or on CircleCI server an account ID with `owner-type=account`) or with
    `owner-slug` (e.g. `gh/acme`; not on CircleCI server). An owner that cannot be found,
    or none given, is 404.

    ``GET /context`` (operation ``listContexts``).

    Args:
        owner_id (UUID | Unset): The owner's ID: the organization ID (or an account ID on CircleCI
            server). Give this or `owner-slug`.
        owner_slug (str | Unset): The organization's slug, e.g. `gh/acme`. Give this or `owner-
            id`; not supported on CircleCI server.
        owner_type (ContextOwnerType | Unset): What owns a context. Accounts own contexts on
            CircleCI server only.
        page_token (str | Unset): The `next_page_token` of the previous page; omit it for the
            first page.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        ContextListResponse

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    response = await _operation.send_async(
        client,
        OPERATION,
        _get_kwargs(
            owner_id=owner_id,
            owner_slug=owner_slug,
            owner_type=owner_type,
            page_token=page_token,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "ContextListResponse", _parse_success, response)


def iter_pages(
    *,
    client: AuthenticatedClient | Client,
    owner_id: UUID | Unset = UNSET,
    owner_slug: str | Unset = UNSET,
    owner_type: ContextOwnerType | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Iterator[ContextListResponse]:
    """An organization's contexts.

    Lists the contexts of an owner, oldest first. Name the owner with `owner-id` (the
    organization ID, or on CircleCI server an account ID with `owner-type=account`) or with
    `owner-slug` (e.g. `gh/acme`; not on CircleCI server). An owner that cannot be found,
    or none given, is 404.

    ``GET /context`` (operation ``listContexts``).

    Args:
        owner_id (UUID | Unset): The owner's ID: the organization ID (or an account ID on CircleCI
            server). Give this or `owner-slug`.
        owner_slug (str | Unset): The organization's slug, e.g. `gh/acme`. Give this or `owner-
            id`; not supported on CircleCI server.
        owner_type (ContextOwnerType | Unset): What owns a context. Accounts own contexts on
            CircleCI server only.
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        One ContextListResponse per page, starting at ``page_token`` (the first page if unset).

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    def fetch(token: str | Unset) -> ContextListResponse:
        page_token = token
        return sync(
            client=client,
            owner_id=owner_id,
            owner_slug=owner_slug,
            owner_type=owner_type,
            page_token=page_token,
            max_retries=max_retries,
            deadline=deadline,
        )

    return _operation.iter_pages(fetch, page_token, max_pages)


def iter_items(
    *,
    client: AuthenticatedClient | Client,
    owner_id: UUID | Unset = UNSET,
    owner_slug: str | Unset = UNSET,
    owner_type: ContextOwnerType | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_items: int | None = None,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Iterator[Context]:
    """An organization's contexts.

    Lists the contexts of an owner, oldest first. Name the owner with `owner-id` (the
    organization ID, or on CircleCI server an account ID with `owner-type=account`) or with
    `owner-slug` (e.g. `gh/acme`; not on CircleCI server). An owner that cannot be found,
    or none given, is 404.

    ``GET /context`` (operation ``listContexts``).

    Args:
        owner_id (UUID | Unset): The owner's ID: the organization ID (or an account ID on CircleCI
            server). Give this or `owner-slug`.
        owner_slug (str | Unset): The organization's slug, e.g. `gh/acme`. Give this or `owner-
            id`; not supported on CircleCI server.
        owner_type (ContextOwnerType | Unset): What owns a context. Accounts own contexts on
            CircleCI server only.
        max_items: Stop after this many items in total (None: all of them).
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        Every Context across pages, fetching each page when it is needed.

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    pages = iter_pages(
        client=client,
        owner_id=owner_id,
        owner_slug=owner_slug,
        owner_type=owner_type,
        page_token=page_token,
        max_pages=max_pages,
        max_retries=max_retries,
        deadline=deadline,
    )
    return _operation.iter_items(pages, max_items)


def aiter_pages(
    *,
    client: AuthenticatedClient | Client,
    owner_id: UUID | Unset = UNSET,
    owner_slug: str | Unset = UNSET,
    owner_type: ContextOwnerType | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> AsyncIterator[ContextListResponse]:
    """An organization's contexts.

    Lists the contexts of an owner, oldest first. Name the owner with `owner-id` (the
    organization ID, or on CircleCI server an account ID with `owner-type=account`) or with
    `owner-slug` (e.g. `gh/acme`; not on CircleCI server). An owner that cannot be found,
    or none given, is 404.

    ``GET /context`` (operation ``listContexts``).

    Args:
        owner_id (UUID | Unset): The owner's ID: the organization ID (or an account ID on CircleCI
            server). Give this or `owner-slug`.
        owner_slug (str | Unset): The organization's slug, e.g. `gh/acme`. Give this or `owner-
            id`; not supported on CircleCI server.
        owner_type (ContextOwnerType | Unset): What owns a context. Accounts own contexts on
            CircleCI server only.
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        One ContextListResponse per page, starting at ``page_token`` (the first page if unset).

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    async def fetch(token: str | Unset) -> ContextListResponse:
        page_token = token
        return await asyncio(
            client=client,
            owner_id=owner_id,
            owner_slug=owner_slug,
            owner_type=owner_type,
            page_token=page_token,
            max_retries=max_retries,
            deadline=deadline,
        )

    return _operation.aiter_pages(fetch, page_token, max_pages)


def aiter_items(
    *,
    client: AuthenticatedClient | Client,
    owner_id: UUID | Unset = UNSET,
    owner_slug: str | Unset = UNSET,
    owner_type: ContextOwnerType | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_items: int | None = None,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> AsyncIterator[Context]:
    """An organization's contexts.

    Lists the contexts of an owner, oldest first. Name the owner with `owner-id` (the
    organization ID, or on CircleCI server an account ID with `owner-type=account`) or with
    `owner-slug` (e.g. `gh/acme`; not on CircleCI server). An owner that cannot be found,
    or none given, is 404.

    ``GET /context`` (operation ``listContexts``).

    Args:
        owner_id (UUID | Unset): The owner's ID: the organization ID (or an account ID on CircleCI
            server). Give this or `owner-slug`.
        owner_slug (str | Unset): The organization's slug, e.g. `gh/acme`. Give this or `owner-
            id`; not supported on CircleCI server.
        owner_type (ContextOwnerType | Unset): What owns a context. Accounts own contexts on
            CircleCI server only.
        max_items: Stop after this many items in total (None: all of them).
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        Every Context across pages, fetching each page when it is needed.

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    pages = aiter_pages(
        client=client,
        owner_id=owner_id,
        owner_slug=owner_slug,
        owner_type=owner_type,
        page_token=page_token,
        max_pages=max_pages,
        max_retries=max_retries,
        deadline=deadline,
    )
    return _operation.aiter_items(pages, max_items)
