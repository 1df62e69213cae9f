# Hand-written runtime module (not generated): edit it here.
"""The client's settings: their types, and the checks that turn them into working parts."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypedDict

import httpx

from ._auth import AuthMethod
from ._constants import DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES
from ._ratelimit import RateLimit
from ._retry import AsyncSleep, RetryPolicy, Sleep
from .errors import MissingTokenError, redact_url

__all__ = [
    "BASE_URL_ENV_VAR",
    "CLOUD_ARTIFACT_HOSTS",
    "TOKEN_ENV_VARS",
    "TOKEN_HOSTS_ENV_VAR",
    "AuthOptions",
    "AuthenticatedClientOptions",
    "ClientOptions",
    "VerifyTypes",
    "check_api_root",
    "check_deadline",
    "read_env",
    "retry_policy",
    "token_hosts_from_env",
    "wrap_transports",
]


def check_deadline(deadline: float | None) -> None:
    """Refuse a deadline that is not a positive number of seconds (or None)."""
    if deadline is None:
        return
    if isinstance(deadline, bool) or not isinstance(deadline, int | float):
        raise TypeError(f"deadline must be a number of seconds or None, got {deadline!r}")
    if not deadline > 0:
        raise ValueError(f"deadline must be more than 0 seconds, got {deadline}")


def check_api_root(base_url: str) -> None:
    """Refuse a base URL that stops at ``/api``: every API v2 path lives under ``/api/v2``."""
    path = httpx.URL(base_url).path.rstrip("/")
    if path.endswith("/api"):
        shown = redact_url(base_url.rstrip("/"))
        raise ValueError(
            f"base_url {shown!r} ends in /api; the CircleCI API v2 lives under /api/v2: "
            f"use {shown + '/v2'!r}"
        )


TOKEN_ENV_VARS = ("CIRCLE_TOKEN", "CIRCLECI_TOKEN")
CLOUD_ARTIFACT_HOSTS = ("https://*.circle-artifacts.com",)
BASE_URL_ENV_VAR = "CIRCLECI_BASE_URL"
TOKEN_HOSTS_ENV_VAR = "CIRCLECI_TOKEN_HOSTS"

VerifyTypes = ssl.SSLContext | str | bool
"""What ``verify_ssl`` takes: verify or not, a CA bundle path, or an ``ssl.SSLContext``."""


class ClientOptions(TypedDict, total=False):
    """The keyword settings of :class:`Client`, for ``with_options``; see :class:`Client`."""

    base_url: str
    timeout: float | httpx.Timeout | None
    max_retries: int | None
    retry: RetryPolicy | int | None
    headers: Mapping[str, str] | None
    verify_ssl: VerifyTypes
    follow_redirects: bool
    httpx_args: Mapping[str, object] | None
    rate_limit: RateLimit | bool
    deadline: float | None
    max_response_size: int
    sleep: Sleep | None
    async_sleep: AsyncSleep | None
    clock: Callable[[], float] | None


class AuthOptions(ClientOptions, total=False):
    """:class:`ClientOptions` and the token's settings, for ``AuthenticatedClient.from_env``."""

    auth: AuthMethod
    token_hosts: Iterable[str] | None


class AuthenticatedClientOptions(AuthOptions, total=False):
    """Every keyword setting of :class:`AuthenticatedClient`, for its ``with_options``."""

    token: str


def retry_policy(retry: RetryPolicy | int | None, max_retries: int | None) -> RetryPolicy:
    """The policy ``retry`` names; ``max_retries`` alone is the simple form of it."""
    if retry is None:
        retry = DEFAULT_MAX_RETRIES if max_retries is None else max_retries
    elif max_retries is not None:
        raise TypeError(
            "pass retry= or max_retries=, not both: max_retries=N is short for retry=N, "
            "and a RetryPolicy has its own max_retries"
        )
    if isinstance(retry, RetryPolicy):
        return retry
    if isinstance(retry, bool) or not isinstance(retry, int):
        raise TypeError(f"retry must be a RetryPolicy or an int (retries), got {retry!r}")
    return RetryPolicy(max_retries=retry)


def token_hosts_from_env(value: str) -> tuple[str, ...]:
    """The origins listed in ``CIRCLECI_TOKEN_HOSTS`` (space-separated http(s) URLs)."""
    hosts = tuple(value.split())
    for host in hosts:
        if not host.startswith(("http://", "https://")):
            raise ValueError(
                f"{TOKEN_HOSTS_ENV_VAR} holds {redact_url(host)!r}, which is not an http(s) URL: "
                "list origins such as https://artifacts.example.com, separated by spaces"
            )
    return hosts


def wrap_transports(
    client: httpx.Client | httpx.AsyncClient,
    wrap: Callable[[Any], Any],
    outermost: type,
) -> None:
    """Put ``wrap`` around ``client``'s transport and each mounted transport, in place.

    httpx keeps them in ``_transport`` and ``_mounts``; without those attributes the client
    is refused rather than used without the stack. A transport already wrapped is left alone.
    """
    transport = getattr(client, "_transport", None)
    mounts = getattr(client, "_mounts", None)
    if transport is None or not isinstance(mounts, dict):
        raise TypeError(
            f"cannot wrap the transport of {type(client).__name__} {client!r} in the token, "
            "retry and rate-limit stack; pass its settings as httpx_args= instead, or "
            "wrap=False to use it without that stack"
        )

    def wrapped(inner: Any) -> Any:
        return inner if inner is None or isinstance(inner, outermost) else wrap(inner)

    client._transport = wrapped(transport)
    client._mounts = {pattern: wrapped(mounted) for pattern, mounted in mounts.items()}


def read_env(env: Mapping[str, str], options: AuthOptions) -> str:
    """The token in ``env``; ``base_url`` and ``token_hosts`` from it go into ``options``.

    Settings already in ``options`` win over the variables.
    """
    token = next((env[name] for name in TOKEN_ENV_VARS if env.get(name, "").strip()), None)
    if token is None:
        raise MissingTokenError(
            "no CircleCI token found: set CIRCLE_TOKEN (or CIRCLECI_TOKEN) to a personal API token"
        )
    base_url = env.get(BASE_URL_ENV_VAR, "").strip()
    if base_url and "base_url" not in options:
        try:
            check_api_root(base_url)
        except ValueError as exc:
            raise ValueError(f"{BASE_URL_ENV_VAR}: {exc}") from None
        options["base_url"] = base_url
    extra = token_hosts_from_env(env.get(TOKEN_HOSTS_ENV_VAR, ""))
    if extra and "token_hosts" not in options:
        root = options.get("base_url", DEFAULT_BASE_URL)
        cloud = isinstance(root, str) and root.rstrip("/") == DEFAULT_BASE_URL
        options["token_hosts"] = (*(CLOUD_ARTIFACT_HOSTS if cloud else ()), *extra)
    return token.strip()
