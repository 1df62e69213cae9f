from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from ... import _operation, _paths
from ...client import AuthenticatedClient, Client
from ...models.checkout_key import CheckoutKey
from ...models.checkout_key_list_response import CheckoutKeyListResponse
from ...models.error_response import ErrorResponse
from ...models.fingerprint_digest import FingerprintDigest
from ...types import UNSET, Response, Unset

OPERATION = _operation.Operation(
    operation_id="listCheckoutKeys",
    method="GET",
    path="/project/{project_slug}/checkout-key",
    success_status=200,
)


def _get_kwargs(
    project_slug: str,
    *,
    digest: FingerprintDigest | Unset = UNSET,
    page_token: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_digest: str | Unset = UNSET
    if not isinstance(digest, Unset):
        json_digest = digest.value
    params["digest"] = json_digest

    params["page-token"] = page_token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/project/{project_slug}/checkout-key".format(
            project_slug=_paths.slug_segment(OPERATION, project_slug),
        ),
        "params": params,
    }
    return _kwargs


def _parse_success(data: Any) -> CheckoutKeyListResponse:
    response_200 = CheckoutKeyListResponse.from_dict(data)

    return response_200


def _parse(response: httpx.Response) -> CheckoutKeyListResponse | ErrorResponse | None:
    if response.status_code == 200:
        return _operation.parse_body(OPERATION, "CheckoutKeyListResponse", _parse_success, response)
    return _operation.parse_error_body(response)


def sync_detailed(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    digest: FingerprintDigest | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[CheckoutKeyListResponse | ErrorResponse]:
    """A project's checkout keys.

    Lists the SSH keys CircleCI uses to check out the project's code.

    ``GET /project/{project_slug}/checkout-key`` (operation ``listCheckoutKeys``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        digest (FingerprintDigest | Unset): A fingerprint digest.
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
            project_slug=project_slug,
            digest=digest,
            page_token=page_token,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


def sync(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    digest: FingerprintDigest | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> CheckoutKeyListResponse:
    """A project's checkout keys.

    Lists the SSH keys CircleCI uses to check out the project's code.

    ``GET /project/{project_slug}/checkout-key`` (operation ``listCheckoutKeys``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        digest (FingerprintDigest | Unset): A fingerprint digest.
        page_token (str | Unset): The `next_page_token` of the previous page; omit it for the
            first page.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        CheckoutKeyListResponse

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
            digest=digest,
            page_token=page_token,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "CheckoutKeyListResponse", _parse_success, response)


async def asyncio_detailed(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    digest: FingerprintDigest | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Response[CheckoutKeyListResponse | ErrorResponse]:
    """A project's checkout keys.

    Lists the SSH keys CircleCI uses to check out the project's code.

    ``GET /project/{project_slug}/checkout-key`` (operation ``listCheckoutKeys``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        digest (FingerprintDigest | Unset): A fingerprint digest.
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
            project_slug=project_slug,
            digest=digest,
            page_token=page_token,
        ),
        max_retries,
        deadline,
    )
    return _operation.build_response(response, _parse(response))


async def asyncio(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    digest: FingerprintDigest | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> CheckoutKeyListResponse:
    """A project's checkout keys.

    Lists the SSH keys CircleCI uses to check out the project's code.

    ``GET /project/{project_slug}/checkout-key`` (operation ``listCheckoutKeys``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        digest (FingerprintDigest | Unset): A fingerprint digest.
        page_token (str | Unset): The `next_page_token` of the previous page; omit it for the
            first page.
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Returns:
        CheckoutKeyListResponse

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
            digest=digest,
            page_token=page_token,
        ),
        max_retries,
        deadline,
    )
    _operation.raise_for_status(OPERATION, response)
    return _operation.parse_body(OPERATION, "CheckoutKeyListResponse", _parse_success, response)


def iter_pages(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    digest: FingerprintDigest | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Iterator[CheckoutKeyListResponse]:
    """A project's checkout keys.

    Lists the SSH keys CircleCI uses to check out the project's code.

    ``GET /project/{project_slug}/checkout-key`` (operation ``listCheckoutKeys``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        digest (FingerprintDigest | Unset): A fingerprint digest.
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        One CheckoutKeyListResponse per page, starting at ``page_token`` (the first page if unset).

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    def fetch(token: str | Unset) -> CheckoutKeyListResponse:
        page_token = token
        return sync(
            project_slug=project_slug,
            client=client,
            digest=digest,
            page_token=page_token,
            max_retries=max_retries,
            deadline=deadline,
        )

    return _operation.iter_pages(fetch, page_token, max_pages)


def iter_items(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    digest: FingerprintDigest | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_items: int | None = None,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> Iterator[CheckoutKey]:
    """A project's checkout keys.

    Lists the SSH keys CircleCI uses to check out the project's code.

    ``GET /project/{project_slug}/checkout-key`` (operation ``listCheckoutKeys``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        digest (FingerprintDigest | Unset): A fingerprint digest.
        max_items: Stop after this many items in total (None: all of them).
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        Every CheckoutKey across pages, fetching each page when it is needed.

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    pages = iter_pages(
        project_slug=project_slug,
        client=client,
        digest=digest,
        page_token=page_token,
        max_pages=max_pages,
        max_retries=max_retries,
        deadline=deadline,
    )
    return _operation.iter_items(pages, max_items)


def aiter_pages(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    digest: FingerprintDigest | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> AsyncIterator[CheckoutKeyListResponse]:
    """A project's checkout keys.

    Lists the SSH keys CircleCI uses to check out the project's code.

    ``GET /project/{project_slug}/checkout-key`` (operation ``listCheckoutKeys``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        digest (FingerprintDigest | Unset): A fingerprint digest.
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        One CheckoutKeyListResponse per page, starting at ``page_token`` (the first page if unset).

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    async def fetch(token: str | Unset) -> CheckoutKeyListResponse:
        page_token = token
        return await asyncio(
            project_slug=project_slug,
            client=client,
            digest=digest,
            page_token=page_token,
            max_retries=max_retries,
            deadline=deadline,
        )

    return _operation.aiter_pages(fetch, page_token, max_pages)


def aiter_items(
    project_slug: str,
    *,
    client: AuthenticatedClient | Client,
    digest: FingerprintDigest | Unset = UNSET,
    page_token: str | Unset = UNSET,
    max_items: int | None = None,
    max_pages: int | None = None,
    max_retries: int | None = None,
    deadline: float | None = None,
) -> AsyncIterator[CheckoutKey]:
    """A project's checkout keys.

    Lists the SSH keys CircleCI uses to check out the project's code.

    ``GET /project/{project_slug}/checkout-key`` (operation ``listCheckoutKeys``).

    Args:
        project_slug (str): `vcs/org/repo`, where vcs is `gh`, `github`, `bb` or `bitbucket`; for
            GitHub App and GitLab projects, `circleci/<organization-id>/<project-id>`. The `/` may be
            URL-escaped.
        digest (FingerprintDigest | Unset): A fingerprint digest.
        max_items: Stop after this many items in total (None: all of them).
        max_pages: Stop after this many pages (None: all of them, up to 10,000; a listing
            longer than that raises PageLimitError).
        max_retries: Retries for this call only; None uses the client's setting.
        deadline: Seconds this call may take in all, retries included (per page when paging);
            None uses the client's setting.

    Yields:
        Every CheckoutKey across pages, fetching each page when it is needed.

    Raises:
        APIStatusError: a subclass per status, e.g. NotFoundError for 404.
        APIConnectionError: the server could not be reached (APITimeoutError on a timeout).
        ResponseValidationError: the body did not match the documented model.
    """

    pages = aiter_pages(
        project_slug=project_slug,
        client=client,
        digest=digest,
        page_token=page_token,
        max_pages=max_pages,
        max_retries=max_retries,
        deadline=deadline,
    )
    return _operation.aiter_items(pages, max_items)
