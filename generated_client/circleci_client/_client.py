# Hand-written runtime module (not generated): edit it here.
"""The client objects: base URL, token, timeouts, retries and the httpx clients behind them."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any, Self, Unpack

import httpx

from ._auth import (
    AsyncAuthTransport,
    AuthMethod,
    AuthTransport,
    Credentials,
    warn_if_clear_text,
)
from ._client_options import (
    BASE_URL_ENV_VAR as BASE_URL_ENV_VAR,
)
from ._client_options import (
    CLOUD_ARTIFACT_HOSTS,
    AuthenticatedClientOptions,
    AuthOptions,
    ClientOptions,
    VerifyTypes,
    check_api_root,
    check_deadline,
    read_env,
    retry_policy,
    wrap_transports,
)
from ._client_options import (
    TOKEN_HOSTS_ENV_VAR as TOKEN_HOSTS_ENV_VAR,
)
from ._constants import (
    CREDENTIAL_HEADERS,
    DEFAULT_BASE_URL,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_SIZE,
    DEFAULT_TIMEOUT,
    TOKEN_HEADER,
)
from ._deadline import bound_by_deadlines
from ._download_transport import sync_network
from ._fast_paths import AsyncCookieClient, CookieClient, skip_absent_sniffio
from ._ratelimit import (
    OriginRateLimiters,
    RateLimit,
    RateLimiter,
)
from ._retry import AsyncSleep, RetryPolicy, Sleep
from ._transport_stack import TransportStack
from ._version import __version__
from .errors import MissingTokenError, redact_url

USER_AGENT = f"circleci-client/{__version__}"


class Client:
    """Talks to the CircleCI API without a token (useful for tests and public endpoints).

    Args:
        base_url: The API root, ``https://circleci.com/api/v2`` unless you run CircleCI server.
        timeout: Seconds (or an ``httpx.Timeout``) before a request gives up.
        max_retries: Retries for rate limits and transient failures (2 by default); 0 turns
            them off. The simple form of ``retry``.
        retry: How to retry: a number of retries (like ``max_retries``), or a
            :class:`~circleci_client.RetryPolicy` that also sets the first backoff delay
            (``initial_delay``), its cap (``max_delay``) and the longest ``Retry-After`` the
            client waits for (``max_retry_after``). Give ``retry`` or ``max_retries``, not both.
        headers: Extra headers sent with every request. Credential headers among them
            (``Circle-Token``, ``Authorization``, ``Cookie``, ...) go to the API's origin only.
        verify_ssl: Verify TLS certificates (a path or ``ssl.SSLContext`` also works).
        follow_redirects: Follow redirects. The token is never sent to another host either way,
            and an API call redirected to another origin raises ``CrossOriginRedirectError``.
        httpx_args: Extra keyword arguments for ``httpx.Client`` / ``httpx.AsyncClient``.
        rate_limit: Adaptive client-side rate limiting, shared by all sync and async requests
            of this client: ``True`` (default settings: no limit until the first 429, then
            it adapts, see :class:`~circleci_client.RateLimit`), a ``RateLimit`` to tune it, or
            ``False`` to turn it off. Every attempt, retries included, is paced. Each origin
            (the API, each artifact host) has its own limiter state.
        deadline: Seconds one API call may take in all, its retries and waits included
            (300 by default); past it the call raises ``APITimeoutError``. ``None`` for none.
            Each operation function also takes ``deadline=`` for one call.
        max_response_size: Largest decoded body, in bytes, of an API response (32 MiB by
            default); a larger one raises ``ResponseTooLargeError``. Error bodies keep 64 KiB.
        sleep: How sync calls wait, between retries and in the rate limiter (``time.sleep``
            by default). A ``RetryPolicy``'s own ``sleep`` wins for its retries.
        async_sleep: How async calls wait (``asyncio.sleep`` by default); a ``RetryPolicy``'s
            own ``async_sleep`` wins for its retries.
        clock: Monotonic seconds (``time.monotonic`` by default), for deadlines and the rate
            limiter. With ``sleep`` and ``async_sleep``, it lets tests run on a fake clock.

    Warns :class:`~circleci_client.InsecureTransportWarning` when credentials would go to a
    plain ``http://`` URL whose host is not loopback.
    """

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry: RetryPolicy | int | None = None,
        headers: Mapping[str, str] | None = None,
        verify_ssl: VerifyTypes = True,
        follow_redirects: bool = False,
        httpx_args: Mapping[str, object] | None = None,
        rate_limit: RateLimit | bool = True,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        sleep: Sleep | None = None,
        async_sleep: AsyncSleep | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        if not base_url or not base_url.startswith(("http://", "https://")):
            shown = redact_url(base_url) if isinstance(base_url, str) else base_url
            raise ValueError(f"base_url must be an http(s) URL, got {shown!r}")
        check_api_root(base_url)
        self._retry = retry_policy(retry, max_retries)
        check_deadline(deadline)
        if isinstance(max_response_size, bool) or not isinstance(max_response_size, int):
            raise TypeError(f"max_response_size must be an int, got {max_response_size!r}")
        if max_response_size < 1:
            raise ValueError(f"max_response_size must be 1 or more, got {max_response_size}")
        self._deadline = deadline
        self._max_response_size = max_response_size
        self._sleep = sleep
        self._async_sleep = async_sleep
        self._clock = clock
        self._base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._headers = {"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})}
        self._verify_ssl = verify_ssl
        self._follow_redirects = follow_redirects
        self._httpx_args: dict[str, Any] = dict(httpx_args or {})
        if isinstance(rate_limit, RateLimit):
            self._rate_limit: RateLimit | bool = rate_limit
            self._limiter: RateLimiter | None = RateLimiter(rate_limit)
        elif isinstance(rate_limit, bool):
            self._rate_limit = rate_limit
            self._limiter = RateLimiter() if rate_limit else None
        else:
            raise TypeError(f"rate_limit must be a RateLimit or a bool, got {rate_limit!r}")
        self._limiters = (
            None if self._limiter is None else OriginRateLimiters(self._limiter, self._base_url)
        )
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()
        self._async_client: httpx.AsyncClient | None = None
        self._async_loop: object | None = None  # the event loop ``_async_client`` was built on
        warn_if_clear_text(self._credential_urls())

    @property
    def base_url(self) -> str:
        """The API root every operation's path is appended to."""
        return self._base_url

    @property
    def max_retries(self) -> int:
        """How many times a failed request may be retried."""
        return self._retry.max_retries

    @property
    def retry(self) -> RetryPolicy:
        """The retry policy: how often and how long to wait (``max_retries`` is its count)."""
        return self._retry

    @property
    def deadline(self) -> float | None:
        """Seconds one API call may take in all, retries and waits included (None: no limit)."""
        return self._deadline

    @property
    def max_response_size(self) -> int:
        """Largest decoded body, in bytes, accepted from an API response."""
        return self._max_response_size

    @property
    def rate_limiter(self) -> RateLimiter | None:
        """The limiter pacing this client's requests (its ``rate`` and ``stats``), if any."""
        return self._limiter

    def rate_limiter_for(self, url: str | httpx.URL) -> RateLimiter | None:
        """The limiter pacing requests to ``url``'s origin (the API's is :attr:`rate_limiter`)."""
        return None if self._limiters is None else self._limiters.for_url(httpx.URL(str(url)))

    def _credential_urls(self) -> tuple[str, ...]:
        """The URLs credentials configured on this client are sent to."""
        headers = [*self._headers, *dict(self._httpx_args.get("headers") or {})]
        in_httpx_args = any(self._httpx_args.get(name) for name in ("auth", "cookies"))
        configured = in_httpx_args or any(name.lower() in CREDENTIAL_HEADERS for name in headers)
        has_userinfo = bool(httpx.URL(self._base_url).userinfo)
        return (self._base_url,) if configured or has_userinfo else ()

    def _credentials(self) -> Credentials | None:
        return Credentials(None, home_url=self._base_url)

    def _options(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "timeout": self._timeout,
            "retry": self._retry,
            "headers": {k: v for k, v in self._headers.items() if k != "User-Agent"},
            "verify_ssl": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            "httpx_args": self._httpx_args,
            "rate_limit": self._rate_limit,
            "deadline": self._deadline,
            "max_response_size": self._max_response_size,
            "sleep": self._sleep,
            "async_sleep": self._async_sleep,
            "clock": self._clock,
        }

    def with_options(self, **changes: Unpack[ClientOptions]) -> Self:
        """A new client with the same settings except ``changes`` (e.g. ``max_retries=0``).

        ``max_retries=N`` keeps the rest of the retry policy. Unless ``rate_limit`` is among
        the changes, the copy shares this client's rate limiters (their rate and their
        blocks), so the two together keep to the server's limit.
        """
        return self._copy(dict(changes))

    def _copy(self, changes: dict[str, Any]) -> Self:
        if "max_retries" in changes:
            max_retries = changes.pop("max_retries")
            if "retry" in changes:
                changes["retry"] = retry_policy(changes["retry"], max_retries)
            elif max_retries is not None:
                changes["retry"] = replace(self._retry, max_retries=max_retries)
        copy = type(self)(**{**self._options(), **changes})
        if "rate_limit" not in changes:
            copy._share_limiters(self)
        return copy

    def _share_limiters(self, other: Client) -> None:
        """Pace this client with ``other``'s limiters (one state per origin for both)."""
        if other._limiters is None:
            return
        self._limiters = other._limiters
        self._limiter = other._limiters.for_url(httpx.URL(self._base_url))

    def _client_args(self) -> dict[str, Any]:
        return {
            "base_url": self._base_url,
            "headers": self._headers,
            "timeout": self._timeout,
            "follow_redirects": self._follow_redirects,
            **self._httpx_args,
        }

    def _transports(self) -> TransportStack:
        """What this client's transport stacks are built from, as it is configured now."""
        return TransportStack(
            limiters=self._limiters,
            retry=self._retry,
            deadline=self._deadline,
            max_response_size=self._max_response_size,
            credentials=self._credentials(),
            sleep=self._sleep,
            async_sleep=self._async_sleep,
            clock=self._clock,
        )

    def get_httpx_client(self) -> httpx.Client:
        """The ``httpx.Client`` requests go through, created on first use."""
        if self._client is None:
            with self._lock:  # threads sharing a new client must share one connection pool
                if self._client is None:
                    transport = self._transports().sync(sync_network(self._verify_ssl))
                    self._client = CookieClient(transport=transport, **self._client_args())
        return self._client

    def set_httpx_client(self, client: httpx.Client, *, wrap: bool = True) -> Self:
        """Send requests through your own ``httpx.Client`` (its proxies, hooks, timeouts).

        Its transport, and each mounted one, is wrapped in this client's stack: token scoping,
        retries, rate limiting, the body cap, the deadline and the redirect check, as on the
        client's own. ``wrap=False`` takes it as it is, with none of those: only for a
        transport that brings its own. Raises ``TypeError`` if the transport cannot be reached.
        """
        if wrap:
            wrap_transports(
                client,
                lambda transport: self._transports().sync(bound_by_deadlines(transport)),
                AuthTransport,
            )
        self._client = client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The ``httpx.AsyncClient`` async requests go through, created on first use.

        Its connections belong to one event loop: used from another loop (a second
        ``asyncio.run()``, say), the client builds a fresh one for that loop.
        """
        loop = _running_loop()
        owner = self._async_loop
        if self._async_client is not None and owner is not _YOURS and loop not in (None, owner):
            if owner is None:
                self._async_loop = loop  # built outside any loop: the first loop to use it
            else:
                self._async_client = None  # its connections belong to another loop
        if self._async_client is None:
            skip_absent_sniffio()
            self._async_loop = loop
            network = bound_by_deadlines(httpx.AsyncHTTPTransport(verify=self._verify_ssl))
            transport = self._transports().async_(network)
            self._async_client = AsyncCookieClient(transport=transport, **self._client_args())
        return self._async_client

    def set_async_httpx_client(self, async_client: httpx.AsyncClient, *, wrap: bool = True) -> Self:
        """Send async requests through your own ``httpx.AsyncClient``.

        Its transports are wrapped in this client's stack, as by :meth:`set_httpx_client`;
        ``wrap=False`` takes it as it is.
        """
        if wrap:
            wrap_transports(
                async_client,
                lambda transport: self._transports().async_(bound_by_deadlines(transport)),
                AsyncAuthTransport,
            )
        self._async_client = async_client
        self._async_loop = _YOURS  # never replaced, whichever loop uses it
        return self

    def close(self) -> None:
        """Close the sync connection pool."""
        if self._client is not None:
            self._client.close()
            self._client = None

    async def aclose(self) -> None:
        """Close the async connection pool (one built on another event loop is just dropped)."""
        client, self._async_client = self._async_client, None
        if client is not None and self._async_loop in (None, _YOURS, _running_loop()):
            await client.aclose()

    def __enter__(self) -> Self:
        self.get_httpx_client()
        return self

    def __exit__(self, *args: object) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        self.get_async_httpx_client()
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={redact_url(self._base_url)!r})"


class AuthenticatedClient(Client):
    """Talks to the CircleCI API with a personal API token.

    ``AuthenticatedClient(token=...)`` is all most programs need: it sends ``Circle-Token: <token>``
    to ``https://circleci.com/api/v2``, retries rate limits and transient failures, and never sends
    the token to any other host.

    Args:
        token: A personal API token (project tokens do not work with API v2).
        auth: ``"header"`` sends the ``Circle-Token`` header; ``"basic"`` sends HTTP basic auth
            with the token as the user name and an empty password.
        token_hosts: Further origins the token may be sent to, such as a CircleCI server
            installation's artifact host; ``https://*.example.com`` allows every subdomain. The
            API's own origin is always allowed. Defaults to CircleCI cloud's artifact hosts when
            ``base_url`` is CircleCI cloud, and to none otherwise.

    The other settings (``timeout``, ``max_retries``, ``retry``, ``rate_limit``, ...) are those
    of :class:`Client`.
    """

    def __init__(
        self,
        token: str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        auth: AuthMethod = "header",
        token_hosts: Iterable[str] | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int | None = None,
        retry: RetryPolicy | int | None = None,
        headers: Mapping[str, str] | None = None,
        verify_ssl: VerifyTypes = True,
        follow_redirects: bool = False,
        httpx_args: Mapping[str, object] | None = None,
        rate_limit: RateLimit | bool = True,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        sleep: Sleep | None = None,
        async_sleep: AsyncSleep | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        if not isinstance(token, str) or not token.strip():
            raise MissingTokenError("token is empty: pass a personal API token")
        if token != token.strip() or any(ch in token for ch in "\r\n\0"):
            raise ValueError("token contains whitespace or control characters")
        if auth not in ("header", "basic"):
            raise ValueError(f"auth must be 'header' or 'basic', got {auth!r}")
        self._token = token
        self._auth: AuthMethod = auth
        if token_hosts is None:
            cloud = isinstance(base_url, str) and base_url.rstrip("/") == DEFAULT_BASE_URL
            token_hosts = CLOUD_ARTIFACT_HOSTS if cloud else ()
        self._token_hosts = tuple(token_hosts)
        super().__init__(
            base_url,
            timeout=timeout,
            max_retries=max_retries,
            retry=retry,
            headers=headers,
            verify_ssl=verify_ssl,
            follow_redirects=follow_redirects,
            httpx_args=httpx_args,
            rate_limit=rate_limit,
            deadline=deadline,
            max_response_size=max_response_size,
            sleep=sleep,
            async_sleep=async_sleep,
            clock=clock,
        )

    def with_options(self, **changes: Unpack[AuthenticatedClientOptions]) -> Self:
        """A copy with the same settings except ``changes``; see :meth:`Client.with_options`."""
        return self._copy(dict(changes))

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, **kwargs: Unpack[AuthOptions]
    ) -> AuthenticatedClient:
        """Build a client from the environment, as the ``circleci-client`` command does.

        ``CIRCLE_TOKEN`` (or ``CIRCLECI_TOKEN``) is the token, ``CIRCLECI_BASE_URL`` the API root
        and ``CIRCLECI_TOKEN_HOSTS`` (space-separated URLs) the further origins that may
        receive the token, added to the default ones. Keyword arguments win over variables.

        Raises:
            MissingTokenError: neither token variable is set.
            ValueError: ``CIRCLECI_BASE_URL`` or ``CIRCLECI_TOKEN_HOSTS`` is not usable (the
                message names the variable).
        """
        token = read_env(os.environ if environ is None else environ, kwargs)
        return cls(token, **kwargs)

    @property
    def token_urls(self) -> tuple[str, ...]:
        """The URLs whose origin may receive the token: the API's and ``token_hosts``."""
        return (self._base_url, *self._token_hosts)

    def _credentials(self) -> Credentials:
        return Credentials(
            self._token,
            home_url=self._base_url,
            method=self._auth,
            header_name=TOKEN_HEADER,
            allowed_urls=self._token_hosts,
        )

    def _credential_urls(self) -> tuple[str, ...]:
        return self.token_urls

    def _options(self) -> dict[str, Any]:
        return {
            **super()._options(),
            "token": self._token,
            "auth": self._auth,
            "token_hosts": self._token_hosts,
        }

    def __repr__(self) -> str:
        base_url = redact_url(self._base_url)
        return f"AuthenticatedClient(base_url={base_url!r}, auth={self._auth!r}, token='***')"


_YOURS = object()
"""Marks an async client set with ``set_async_httpx_client``: never rebuilt."""


def _running_loop() -> object | None:
    """The running event loop, or None (without importing asyncio when nothing uses it)."""
    asyncio = sys.modules.get("asyncio")
    if asyncio is None:
        return None
    try:
        loop: object = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop
