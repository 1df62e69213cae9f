# Hand-written runtime module (not generated): edit it here.
"""Adaptive client-side rate limiting, shared by every request of one client.

CircleCI throttles bursts and sustained polling without publishing its limits, so the client
learns them. :class:`RateLimiter` makes every decision and does no I/O; the transports
:class:`RateLimitTransport` and :class:`AsyncRateLimitTransport` only ask it how long to wait
and tell it what came back. One limiter serves a client's sync and async transports alike.

The algorithm (AIMD, additive increase / multiplicative decrease):

* Until the first 429 the limiter does nothing (unless :attr:`RateLimit.initial_rate` is
  set): a client that is never throttled is never slowed down.
* A 429 blocks every request until its ``Retry-After`` has passed (``default_block``
  seconds without one), and multiplies the allowed rate by ``decrease``. The rate it
  multiplies is the lower of the allowed rate and the rate of requests the server accepted
  over the last ``window`` seconds. At most one decrease happens per ``window``: the 429s
  that follow within it (to requests already in flight, or sent while the server's own
  bucket was still empty) are the same congestion, already acted on. After a decrease the
  client sends no burst: requests resume spaced ``1 / rate`` apart.
* The first 429 of an unlimited client usually ends a burst the server's own burst allowance
  let through, so the accepted rate is only a lower bound of the real limit. The limiter then
  starts from that rate and *probes*: the rate doubles every second of accepted traffic until
  the next 429 (like TCP's slow start).
* Otherwise the rate grows additively, by ``increase`` times the rate it had when last
  throttled for every second of accepted traffic at the limit (each accepted request adds
  ``increase * ceiling / rate``), so the rate climbs back from a decrease of 0.7 to where
  it was throttled in about three seconds with the defaults, whatever the server's limit.
  The rate only grows while the client uses at least half of it, so idle time does not
  build up an allowance for a burst.
* Requests are spaced ``1 / rate`` apart with up to ``burst`` requests at once (GCRA).
* ``X-RateLimit-Remaining: 0`` or ``RateLimit-Remaining: 0`` together with a reset header
  (``RateLimit-Reset`` / ``X-RateLimit-Reset``: seconds, or a Unix time) blocks requests
  until the reset, without counting as a 429.

A client keeps one limiter per origin (:class:`OriginRateLimiters`): what an artifact host
answers (a 429, ``RateLimit-Remaining: 0``) paces that host only, never the API.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field

import httpx

from ._deadline import budget_of
from .errors import parse_retry_after

__all__ = [
    "AsyncRateLimitTransport",
    "OriginRateLimiters",
    "RateLimit",
    "RateLimitStats",
    "RateLimitTransport",
    "RateLimiter",
]

_LN2 = math.log(2.0)
_UNIX_TIME_THRESHOLD = 1_000_000_000.0  # reset values above this are Unix times


@dataclass(frozen=True, slots=True)
class RateLimit:
    """Settings of the adaptive rate limiter; the defaults never slow an unthrottled client."""

    initial_rate: float | None = None
    """Requests per second before any 429; ``None`` sends without limit until throttled."""
    min_rate: float = 0.5
    """The rate never falls below this many requests per second."""
    max_rate: float | None = None
    """The rate never grows above this; ``None`` for no ceiling."""
    decrease: float = 0.7
    """Factor the rate is multiplied by on a 429 (between 0 and 1)."""
    increase: float = 0.1
    """Share of the last throttled rate added per second of accepted traffic at the limit."""
    burst: int = 4
    """Requests that may go out at once after a pause."""
    window: float = 1.0
    """Seconds over which the accepted rate is measured."""
    default_block: float = 1.0
    """Seconds everyone waits after a 429 that has no usable ``Retry-After``."""
    max_block: float = 60.0
    """Longest wait, in seconds, a 429 or a reset header can impose on everyone."""

    def __post_init__(self) -> None:
        if self.initial_rate is not None and not self.initial_rate > 0:
            raise ValueError("initial_rate must be positive (or None for no limit)")
        if not self.min_rate > 0:
            raise ValueError("min_rate must be positive")
        if self.max_rate is not None and not self.max_rate >= self.min_rate:
            raise ValueError("max_rate must be at least min_rate (or None)")
        if not 0 < self.decrease < 1:
            raise ValueError("decrease must be between 0 and 1")
        if not self.increase >= 0:
            raise ValueError("increase must be 0 or more")
        if self.burst < 1:
            raise ValueError("burst must be 1 or more")
        if not self.window > 0:
            raise ValueError("window must be positive")
        if not (self.default_block >= 0 and self.max_block >= 0):
            raise ValueError("default_block and max_block must be 0 or more")


@dataclass(slots=True)
class RateLimitStats:
    """Counters of what the limiter has seen and done."""

    sent: int = 0
    """Requests let through."""
    throttled: int = 0
    """429 responses seen."""
    decreases: int = 0
    """Times the rate was lowered."""
    waited: float = 0.0
    """Total seconds requests were told to wait."""


@dataclass(slots=True)
class _State:
    rate: float | None
    probing: bool = False
    tat: float = 0.0  # theoretical arrival time of the next request (GCRA)
    blocked_until: float = 0.0
    last_decrease: float = -math.inf
    ceiling: float = 0.0  # the rate when last throttled
    accepted: deque[float] = field(default_factory=deque)


class RateLimiter:
    """Sans-IO AIMD limiter: ``acquire`` before sending, ``feedback`` when the answer comes.

    Times are seconds on a monotonic clock supplied by the caller. Thread-safe; it never
    blocks for longer than a few arithmetic operations, so it is safe in an event loop too.
    """

    def __init__(self, settings: RateLimit | None = None) -> None:
        self.settings = settings if settings is not None else RateLimit()
        self.stats = RateLimitStats()
        self._state = _State(rate=self.settings.initial_rate)
        self._lock = threading.Lock()

    @property
    def rate(self) -> float | None:
        """The allowed requests per second; ``None`` while unlimited."""
        return self._state.rate

    def acquire(self, now: float) -> float:
        """Take a sending slot and return 0.0, or return seconds to wait before asking again."""
        with self._lock:
            state = self._state
            wait = state.blocked_until - now
            if state.rate is not None:
                interval = 1.0 / state.rate
                tolerance = (self.settings.burst - 1) * interval
                wait = max(wait, max(state.tat, now) - tolerance - now)
            if wait > 0:
                self.stats.waited += wait
                return wait
            if state.rate is not None:
                state.tat = max(state.tat, now) + 1.0 / state.rate
            self.stats.sent += 1
            return 0.0

    def feedback(self, sent_at: float, now: float, status: int, headers: Mapping[str, str]) -> None:
        """Learn from the response to a request let through at ``sent_at``."""
        with self._lock:
            if status == 429:
                self._throttled(sent_at, now, headers)
            else:
                self._accepted(now)
            self._apply_reset_headers(now, headers)

    # -- state changes, called with the lock held --------------------------------------------

    def _accepted_rate(self, now: float) -> float:
        accepted = self._state.accepted
        horizon = now - self.settings.window
        while accepted and accepted[0] < horizon:
            accepted.popleft()
        return len(accepted) / self.settings.window

    def _accepted(self, now: float) -> None:
        state, settings = self._state, self.settings
        state.accepted.append(now)
        measured = self._accepted_rate(now)
        if state.rate is None or measured < state.rate / 2:
            return  # unlimited, or not using the rate: no reason to raise it
        step = _LN2 if state.probing else settings.increase * state.ceiling / state.rate
        state.rate += step
        if settings.max_rate is not None:
            state.rate = min(state.rate, settings.max_rate)

    def _throttled(self, sent_at: float, now: float, headers: Mapping[str, str]) -> None:
        state, settings = self._state, self.settings
        self.stats.throttled += 1
        delay = parse_retry_after(headers.get("retry-after"))
        if delay is None:
            delay = settings.default_block
        self._block(now, delay)
        if sent_at < state.last_decrease + settings.window:
            return  # the congestion the last decrease already answered
        measured = self._accepted_rate(now)
        base = measured if state.rate is None else min(state.rate, max(measured, 1e-9))
        # The first 429 of an unlimited client usually ends a burst that the server's own
        # burst allowance let through, so the accepted rate is only a lower bound: probe up.
        state.probing = state.rate is None
        new_rate = base if state.probing else base * settings.decrease
        state.rate = max(settings.min_rate, new_rate)
        if settings.max_rate is not None:
            state.rate = min(state.rate, settings.max_rate)
        state.ceiling = max(base, state.rate)
        state.last_decrease = now
        # No burst after a decrease: the server's bucket is still empty.
        state.tat = max(state.tat, state.blocked_until) + (settings.burst - 1) / state.rate
        self.stats.decreases += 1

    def _block(self, now: float, delay: float) -> None:
        delay = min(max(delay, 0.0), self.settings.max_block)
        self._state.blocked_until = max(self._state.blocked_until, now + delay)

    def _apply_reset_headers(self, now: float, headers: Mapping[str, str]) -> None:
        remaining = _first_number(headers, ("ratelimit-remaining", "x-ratelimit-remaining"))
        if remaining is None or remaining > 0:
            return
        reset = _first_number(headers, ("ratelimit-reset", "x-ratelimit-reset"))
        if reset is None:
            return
        if reset > _UNIX_TIME_THRESHOLD:
            reset -= time.time()
        self._block(now, reset)

    def __repr__(self) -> str:
        return f"RateLimiter(rate={self.rate!r}, settings={self.settings!r})"


MAX_TRACKED_ORIGINS = 64
"""Origins besides the API's whose limiter state is kept; the least recently used goes first."""


def _origin_key(url: httpx.URL) -> tuple[str, str, int | None]:
    port = url.port if url.port is not None else {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host, port)


class OriginRateLimiters:
    """One :class:`RateLimiter` per origin, all with the same settings.

    ``home`` paces the API's origin (given by ``home_url``) and is kept for good; the other
    origins (artifact hosts, pre-signed storage) get their own limiters, at most
    :data:`MAX_TRACKED_ORIGINS` of them.
    """

    def __init__(self, home: RateLimiter, home_url: str | httpx.URL) -> None:
        self.home = home
        self._home_key = _origin_key(httpx.URL(str(home_url)))
        self._others: OrderedDict[tuple[str, str, int | None], RateLimiter] = OrderedDict()
        self._lock = threading.Lock()

    def for_url(self, url: httpx.URL) -> RateLimiter:
        """The limiter of ``url``'s origin, created on first use."""
        key = _origin_key(url)
        if key == self._home_key:
            return self.home
        with self._lock:
            limiter = self._others.get(key)
            if limiter is None:
                limiter = self._others[key] = RateLimiter(self.home.settings)
                if len(self._others) > MAX_TRACKED_ORIGINS:
                    self._others.popitem(last=False)
            else:
                self._others.move_to_end(key)
            return limiter


def _pick(limiters: RateLimiter | OriginRateLimiters, request: httpx.Request) -> RateLimiter:
    if isinstance(limiters, OriginRateLimiters):
        return limiters.for_url(request.url)
    return limiters


def _first_number(headers: Mapping[str, str], names: tuple[str, ...]) -> float | None:
    for name in names:
        raw = headers.get(name)
        if raw is None:
            continue
        try:
            value = float(raw.strip())
        except ValueError:
            return None
        return value if math.isfinite(value) and value >= 0 else None
    return None


def _check_deadline(request: httpx.Request, wait: float) -> None:
    """Raise the call's deadline error rather than wait past its deadline."""
    budget = budget_of(request)
    if budget is not None and not budget.fits(wait):
        raise budget.error(request, f"would pass in the rate limiter's wait of {wait:.1f} s")


class RateLimitTransport(httpx.BaseTransport):
    """Paces requests through a :class:`RateLimiter` and reports every response to it.

    Given :class:`OriginRateLimiters`, each request is paced by its origin's limiter and
    ``limiter`` is the API origin's.
    """

    def __init__(
        self,
        wrapped: httpx.BaseTransport,
        limiter: RateLimiter | OriginRateLimiters,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._wrapped = wrapped
        self._limiters = limiter
        self.limiter = limiter.home if isinstance(limiter, OriginRateLimiters) else limiter
        self._clock = clock
        self._sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        limiter = _pick(self._limiters, request)
        while True:
            sent_at = self._clock()
            wait = limiter.acquire(sent_at)
            if wait <= 0:
                break
            _check_deadline(request, wait)
            self._sleep(wait)
        response = self._wrapped.handle_request(request)
        limiter.feedback(sent_at, self._clock(), response.status_code, response.headers)
        return response

    def close(self) -> None:
        self._wrapped.close()


class AsyncRateLimitTransport(httpx.AsyncBaseTransport):
    """Async version of :class:`RateLimitTransport`; it can share the same limiter."""

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        limiter: RateLimiter | OriginRateLimiters,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        if sleep is None:
            import asyncio  # here, not at the top: importing asyncio costs ~40 ms at startup

            sleep = asyncio.sleep
        self._wrapped = wrapped
        self._limiters = limiter
        self.limiter = limiter.home if isinstance(limiter, OriginRateLimiters) else limiter
        self._clock = clock
        self._sleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        limiter = _pick(self._limiters, request)
        while True:
            sent_at = self._clock()
            wait = limiter.acquire(sent_at)
            if wait <= 0:
                break
            _check_deadline(request, wait)
            await self._sleep(wait)
        response = await self._wrapped.handle_async_request(request)
        limiter.feedback(sent_at, self._clock(), response.status_code, response.headers)
        return response

    async def aclose(self) -> None:
        await self._wrapped.aclose()
