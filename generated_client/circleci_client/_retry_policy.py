# Hand-written runtime module (not generated): edit it here.
"""Retries for rate limits and transient failures: the decisions, free of I/O.

:class:`RetryPolicy` decides whether and when to retry, and :class:`_Retrying` what an API call
carries across attempts; neither does I/O. The attempt loop that does is written once, async,
in ``_async_retry`` (:class:`AsyncRetryTransport`); its sync twin ``_sync_retry``
(:class:`RetryTransport`) is generated from it. The rules:

* ``max_retries`` retries at most (so ``max_retries + 1`` attempts); an ``int`` in the request
  extension :data:`MAX_RETRIES_EXTENSION` overrides it for one call, and ``0`` turns retries off.
* A request whose body is a one-shot stream (not an ``httpx.ByteStream``) is never retried.
* 429, for every method: wait ``Retry-After`` when it parses, else back off with full jitter.
* GET, HEAD, OPTIONS, DELETE and PUT (idempotent) also retry 408, 500, 502, 503 and 504, and
  timeouts, network errors (connect, read, write, close) and ``RemoteProtocolError``.
* Every other method (POST, PATCH) retries, besides 429, only failures where the request
  cannot have reached the server: ``ConnectError``, ``ConnectTimeout`` and ``PoolTimeout``
  (no connection was ever obtained). Never a 5xx, a read or write failure or a
  ``RemoteProtocolError``: the server may already have acted on the request.
* ``Retry-After`` is honoured on any retryable response (typically 429 and 503). If it asks
  for more than ``max_retry_after`` seconds, the response is returned instead of waiting.
* Backoff: ``base = min(max_delay, initial_delay * 2**retry)``, ``retry`` counting from 0.
  429 without ``Retry-After`` waits ``uniform(0, base)`` (full jitter, which spreads out
  clients competing for the same limit); any other retry waits ``uniform(base / 2, base)``,
  so a struggling server always gets at least half the backoff.
* ``UnsupportedProtocol``, ``LocalProtocolError`` and ``ProxyError`` are never retried: they
  would fail the same way again.

API calls (requests marked with the ``API_CALL_EXTENSION``, which every generated operation
sets) get more, in the same loop:

* The body is read inside the loop, decoded, and counted as it arrives (see ``_body``), so a
  reset, a short body or a stall while reading it is retried like any other failure (never
  for POST/PATCH). A 2xx body past ``max_response_size`` raises
  :class:`~.errors.ResponseTooLargeError` (not retried); any other status keeps only the first
  ``MAX_ERROR_BODY_SIZE`` bytes. API calls ask for gzip or deflate only.
* One deadline (``deadline`` seconds, or the ``DEADLINE_EXTENSION`` for one call) spans every
  attempt, wait and redirect hop (see ``_deadline``). A retry whose wait would end past it is
  not made: the last response is returned, or the deadline's ``APITimeoutError`` raised.
* A redirect to another origin raises :class:`~.errors.CrossOriginRedirectError` before
  anything is sent there.

Error responses are returned, not raised; raising typed status errors is the caller's job.
A transport error that is not retried, or still fails after the last retry, is raised as
:class:`~.errors.APITimeoutError` (timeouts) or :class:`~.errors.APIConnectionError`.
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TypedDict

import httpx

from ._auth import Origin, _origin
from ._body import ACCEPT_ENCODING, BodyReader
from ._constants import (
    API_CALL_EXTENSION,
    DEADLINE_EXTENSION,
    DEFAULT_MAX_RETRIES,
    INITIAL_RETRY_DELAY,
    LOGGER_NAME,
    MAX_ERROR_BODY_SIZE,
    MAX_RETRIES_EXTENSION,
    MAX_RETRY_AFTER,
    MAX_RETRY_DELAY,
)
from ._deadline import BUDGET_EXTENSION, Budget
from ._timing import AsyncSleep, Sleep
from .errors import (
    APIConnectionError,
    APITimeoutError,
    CrossOriginRedirectError,
    parse_retry_after,
    redact_url,
)

__all__ = ["RetryPolicy", "RetrySettings"]

logger = logging.getLogger(LOGGER_NAME)

_CALL_STATE = "circleci_client.call_state"
"""Request-extension key of the :class:`_Call` state; httpx copies it onto redirect hops."""

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE", "PUT"})
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Failures where nothing was sent: safe to retry for any method.
_NEVER_SENT: tuple[type[httpx.TransportError], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)
# Transient failures after which an idempotent request may be sent again.
_TRANSIENT: tuple[type[httpx.TransportError], ...] = (
    httpx.TimeoutException,
    httpx.NetworkError,
    httpx.RemoteProtocolError,
)

Outcome = httpx.Response | BaseException
"""What one attempt produced: a response, or the exception the wrapped transport raised."""


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Decides whether and when to retry; pure apart from the injectable ``rand`` and ``clock``."""

    max_retries: int = DEFAULT_MAX_RETRIES
    initial_delay: float = INITIAL_RETRY_DELAY
    max_delay: float = MAX_RETRY_DELAY
    max_retry_after: float = MAX_RETRY_AFTER
    rand: Callable[[], float] = field(default=random.random, repr=False)
    """Returns a float in [0, 1); replace it to make the jitter deterministic."""
    clock: Callable[[], datetime] = field(default=_utcnow, repr=False)
    """Current time, used to turn an HTTP-date ``Retry-After`` into seconds."""
    sleep: Sleep | None = field(default=None, repr=False, compare=False)
    """How the sync transport waits between attempts (``time.sleep`` when None)."""
    async_sleep: AsyncSleep | None = field(default=None, repr=False, compare=False)
    """How the async transport waits between attempts (``asyncio.sleep`` when None)."""

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, got {self.max_retries}")
        if self.initial_delay < 0 or self.max_delay < 0 or self.max_retry_after < 0:
            raise ValueError("retry delays must be 0 or more")

    def retries_allowed(self, request: httpx.Request) -> int:
        """``max_retries``, or the request's per-call override when it is a valid ``int``."""
        override = request.extensions.get(MAX_RETRIES_EXTENSION)
        if isinstance(override, int) and not isinstance(override, bool):
            return max(0, override)
        return self.max_retries

    @staticmethod
    def can_replay(request: httpx.Request) -> bool:
        """Whether the request body can be sent again (bytes, not a one-shot stream)."""
        return isinstance(request.stream, httpx.ByteStream)

    def decide(self, request: httpx.Request, outcome: Outcome, attempt: int) -> float | None:
        """Seconds to wait before retrying, or ``None`` to stop.

        ``attempt`` is the number of retries already made (0 after the first attempt).
        """
        if outcome.__class__ is httpx.Response and outcome.status_code not in RETRYABLE_STATUSES:
            return None  # the common answer, decided before anything else is looked at
        if attempt >= self.retries_allowed(request) or not self.can_replay(request):
            return None
        idempotent = request.method.upper() in IDEMPOTENT_METHODS
        if isinstance(outcome, httpx.Response):
            return self._decide_response(outcome, attempt, idempotent=idempotent)
        if isinstance(outcome, _NEVER_SENT) or (idempotent and isinstance(outcome, _TRANSIENT)):
            return self.backoff(attempt)
        return None

    def _decide_response(
        self, response: httpx.Response, attempt: int, *, idempotent: bool
    ) -> float | None:
        status = response.status_code
        if status not in RETRYABLE_STATUSES or (status != 429 and not idempotent):
            return None
        retry_after = parse_retry_after(response.headers.get("Retry-After"), now=self.clock())
        if retry_after is not None:
            return retry_after if retry_after <= self.max_retry_after else None
        return self.backoff(attempt, full_jitter=status == 429)

    def backoff(self, attempt: int, *, full_jitter: bool = False) -> float:
        """Jittered exponential backoff for retry number ``attempt`` (counting from 0)."""
        base = min(self.max_delay, self.initial_delay * 2.0 ** min(attempt, 62))
        if full_jitter:
            return base * self.rand()
        return base * (0.5 + 0.5 * self.rand())


def describe(outcome: Outcome) -> str:
    """A short reason for the log: ``"HTTP 503"`` or the exception's class name."""
    if isinstance(outcome, httpx.Response):
        return f"HTTP {outcome.status_code}"
    return type(outcome).__name__


def _log_retry(
    policy: RetryPolicy, request: httpx.Request, outcome: Outcome, attempt: int, delay: float
) -> None:
    # Headers are never logged: they carry the token. The URL is logged without credentials.
    if logger.isEnabledFor(logging.DEBUG):
        logger.debug(
            "Retrying %s %s after %s (retry %d of %d) in %.2fs",
            request.method,
            redact_url(request.url),
            describe(outcome),
            attempt + 1,
            policy.retries_allowed(request),
            delay,
        )


def _typed_error(request: httpx.Request, exc: httpx.TransportError) -> APIConnectionError:
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(detail, request=request)
    return APIConnectionError(detail, request=request)


class RetrySettings(TypedDict, total=False):
    """Keyword settings of the retry transports, passed on to :class:`RetryPolicy`."""

    max_retries: int
    initial_delay: float
    max_delay: float
    max_retry_after: float


def _origin_text(origin: Origin) -> str:
    scheme, host, port = origin
    host = f"[{host}]" if ":" in host else host
    return f"{scheme}://{host}:{port}" if port is not None else f"{scheme}://{host}"


@dataclass(slots=True)
class _Call:
    """What one API call carries across its attempts and its redirect hops."""

    url: httpx.URL
    """The URL the call began with; its origin is the only one redirects may go to."""
    budget: Budget | None
    reads_body: bool

    @property
    def origin(self) -> Origin:
        return _origin(self.url)


class _Retrying:
    """What both retry transports share: the policy and the decisions of their attempt loop.

    For API calls (requests marked with :data:`API_CALL_EXTENSION`) the loop also reads the
    body, decoded and capped, so a failure while reading it is retried like any other; it
    refuses redirects to another origin; and it keeps to the call's overall deadline.
    """

    def __init__(
        self,
        settings: RetrySettings,
        deadline: float | None,
        max_response_size: int,
        clock: Callable[[], float],
        policy: RetryPolicy | None = None,
    ) -> None:
        if policy is not None and settings:
            raise TypeError(f"pass either policy or {', '.join(sorted(settings))}, not both")
        self.policy = policy if policy is not None else RetryPolicy(**settings)
        self.deadline = deadline
        self.max_response_size = max_response_size
        self.clock = clock

    def _call(self, request: httpx.Request) -> _Call | None:
        """The call ``request`` belongs to, begun now unless it is a redirect hop of one."""
        extensions = request.extensions
        call = extensions.get(_CALL_STATE)
        api_call = extensions.get(API_CALL_EXTENSION) is True
        if isinstance(call, _Call):
            if api_call and request.url is not call.url and _origin(request.url) != call.origin:
                target = _origin_text(_origin(request.url))
                hop = httpx.Request(request.method, request.url.copy_with(query=None))
                raise CrossOriginRedirectError(
                    target, api_origin=_origin_text(call.origin), request=hop
                )
            return call
        seconds = extensions.get(DEADLINE_EXTENSION, self.deadline if api_call else None)
        if not api_call and seconds is None:
            return None
        budget = None
        if (
            isinstance(seconds, int | float)
            and not isinstance(seconds, bool)
            and seconds < math.inf
        ):
            budget = Budget(float(seconds), self.clock)
        if api_call and request.headers.get_list("accept-encoding") != [ACCEPT_ENCODING]:
            request.headers["Accept-Encoding"] = ACCEPT_ENCODING  # httpx's default: mostly kept
        call = _Call(url=request.url, budget=budget, reads_body=api_call)
        extensions[_CALL_STATE] = call
        if budget is not None:
            extensions[BUDGET_EXTENSION] = budget  # the rate limiter's waits count too
        return call

    def _no_time_for(self, delay: float | None, call: _Call | None) -> bool:
        """Whether the deadline leaves no time for a retry after waiting ``delay``."""
        budget = call.budget if call is not None else None
        return delay is not None and budget is not None and not budget.fits(delay)

    def _failure(
        self, request: httpx.Request, exc: httpx.TransportError, call: _Call | None
    ) -> APIConnectionError:
        budget = call.budget if call is not None else None
        if budget is not None and budget.expired():
            return budget.error(request, f"passed (last failure: {type(exc).__name__})")
        return _typed_error(request, exc)

    def _reader(self, response: httpx.Response) -> BodyReader:
        if 200 <= response.status_code < 300:
            return BodyReader(response.headers, self.max_response_size)
        return BodyReader(response.headers, MAX_ERROR_BODY_SIZE, truncate=True)
