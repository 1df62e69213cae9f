# Hand-written runtime module (not generated): edit it here.
"""Adaptive client-side rate limiting, shared by every request of one client.

CircleCI throttles bursts and sustained polling without publishing its limits, so the client
learns them. :class:`RateLimiter` makes every decision and does no I/O; the transports
:class:`RateLimitTransport` and :class:`AsyncRateLimitTransport` only ask it how long to wait
and tell it what came back. One limiter serves a client's sync and async transports alike.

The algorithm (multiplicative decrease, cubic increase):

* Until the first 429 the limiter does nothing (unless :attr:`RateLimit.initial_rate` is
  set): a client that is never throttled is never slowed down.
* A request that is its origin's only one (none other waiting or in flight) is never paced,
  only held by the blocks below: a sequential script waits what the server asks for and
  nothing more. Pacing is for fan-out.
* A 429 blocks every request until its ``Retry-After`` has passed (``default_block`` seconds
  without one). A whole number of seconds is the server's wait rounded up, so the other
  requests wait one second less; the throttled request itself is retried after the full
  wait by the retry layer.
* A 429 also lowers the rate to ``decrease`` times the rate the client was really sending at
  (the answers of the last ``window``, 429s included, capped by the allowed rate; one cut is
  never deeper than ``decrease`` squared). 429s to requests sent before the cut could take
  effect (within one interval at the new rate, at most ``window``) are the same congestion.
  What the server accepted over the last window becomes the *ceiling*, the estimate of its
  limit, unless nothing was accepted since the previous cut: a server refusing everything (an
  outage, a burst of 429s) says nothing of its usual limit, so the ceiling is kept and the
  rate cannot collapse for long. Requests then resume spaced ``1 / rate`` apart, without a
  burst, from the end of the block.
* The first 429 of an unlimited client usually ends a burst that the server's own burst
  allowance let through, so the accepted rate is only a lower bound of the real limit. The
  limiter then starts from that rate (or ``decrease`` times the rate of answers, if higher)
  and *probes*: the rate doubles every quarter second of accepted traffic until the next 429
  (like TCP's slow start). The cut that ends probing takes the rate sent as the ceiling, as
  acceptances lag behind a doubling rate.
* Otherwise the rate grows back along a cubic curve of the time since the decrease (as in TCP
  CUBIC and the "adaptive" retry mode of AWS SDKs): fast at first, flat near the ceiling,
  then faster and faster past it, so a limit that was raised again (or a ceiling learned
  during an outage) is found within seconds. With the defaults the rate is back at the ceiling
  2.2 s after a 30 % cut, 3.2 s after any deeper one. The curve is scaled by the ceiling, so
  this holds at any rate. Time only counts while the client uses at least half of its rate:
  idle time does not build up an allowance for a burst.
* Requests are spaced ``1 / rate`` apart with up to ``burst`` requests at once (GCRA). The
  rate stays between ``min_rate`` and ``max_rate``, so under sustained 429s without
  ``Retry-After`` requests still go out ``1 / min_rate`` seconds apart.
* ``X-RateLimit-Remaining: 0`` or ``RateLimit-Remaining: 0`` together with a reset header
  (``RateLimit-Reset`` / ``X-RateLimit-Reset``: seconds, or a Unix time) blocks requests
  until the reset, without counting as a 429. An unlimited client starts pacing there, as
  after a first 429, so that the reset does not free every waiting request at once.
* When the requests in flight would use up what the server last said is left
  (``RateLimit-Remaining``), a further request waits for their answers (one round trip)
  instead of meeting a 429: a fan-out whose first answers come back while
  the rest of its first burst is still in flight does not send a second burst. Without fresh
  word within that round trip, one more request goes per round trip. Once the client paces,
  what the server refilled since the request that brought the word counts as left too, at
  the rate it was seen accepting over the last ``window`` (at most the pacing rate): at the
  limit, where little is ever left, a request waits only for that refill, not a round trip.
  While what is left is spoken for, the rate does not grow: the client is at the limit
  already; while more is left than is in flight, probing doubles the rate every 0.1 s
  instead of every 0.25 s.

A client keeps one limiter per origin (:class:`OriginRateLimiters`): what an artifact host
answers (a 429, ``RateLimit-Remaining: 0``) paces that host only, never the API.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Mapping
from dataclasses import dataclass, field

import httpx

from ._deadline import budget_of
from ._headers import is_whole_seconds, parse_retry_after, rate_limit_remaining, rate_limit_reset

__all__ = [
    "AsyncRateLimitTransport",
    "OriginRateLimiters",
    "RateLimit",
    "RateLimitStats",
    "RateLimitTransport",
    "RateLimiter",
]

PROBE_DOUBLING = 0.25
"""Seconds of accepted traffic at the rate in which a probing limiter doubles its rate."""
_PROBE_STEP = math.log(2.0) / PROBE_DOUBLING  # added per accepted request while probing
PROBE_DOUBLING_WITH_ROOM = 0.1
"""The same, on answers whose ``RateLimit-Remaining`` says more is left than is in flight."""
_PROBE_STEP_WITH_ROOM = math.log(2.0) / PROBE_DOUBLING_WITH_ROOM
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
    increase: float = 0.03
    """How fast the rate grows back: past the ceiling, by this share of it after one second,
    8 times as much after two (cubic growth); ``0`` keeps the rate where a 429 put it."""
    burst: int = 4
    """Requests that may go out at once after a pause."""
    window: float = 1.0
    """Seconds over which the sending and accepted rates are measured; 429s within it after a
    cut may still be the congestion that cut answered."""
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
    ceiling: float = 0.0  # the rate the client was sending at when last throttled
    start: float = 0.0  # the rate right after the last decrease
    busy: float = 0.0  # seconds of traffic at the rate since the last decrease
    news: bool = False  # a request was accepted since the last decrease
    callers: int = 0  # requests between enter() and leave()
    in_flight: int = 0  # requests let through and not yet answered
    left: float | None = None  # requests the server last said were left (RateLimit-Remaining)
    left_until: float = 0.0  # when that word lapses: one round trip after it came
    left_since: float = 0.0  # when the request whose answer said it was let through
    round_trip: float = 0.0  # seconds the answer that said it took
    answered: deque[float] = field(default_factory=deque)
    accepted: deque[float] = field(default_factory=deque)


def _recent(times: deque[float], now: float, window: float) -> float:
    """Events per second in ``times`` over the last ``window`` seconds (drops older ones)."""
    horizon = now - window
    while times and times[0] < horizon:
        times.popleft()
    return len(times) / window


def _reset_seconds(headers: Mapping[str, str]) -> float | None:
    """Seconds until the reset that ``RateLimit-Reset`` (or ``X-``) names, if any."""
    reset = rate_limit_reset(headers)
    if reset is not None and reset > _UNIX_TIME_THRESHOLD:
        reset -= time.time()
    return reset


class RateLimiter:
    """Sans-IO adaptive limiter: ``acquire`` before sending, ``feedback`` when the answer comes.

    A transport brackets each request with ``enter`` and ``leave``, so that a request that is
    alone is not paced. Times are seconds on a monotonic clock supplied by the caller. Thread-safe;
    it never blocks for longer than a few arithmetic operations, so it is safe in an event
    loop too.
    """

    def __init__(self, settings: RateLimit | None = None) -> None:
        self.settings = settings if settings is not None else RateLimit()
        self.stats = RateLimitStats()
        initial = self.settings.initial_rate
        self._state = _State(rate=None if initial is None else float(initial))
        self._lock = threading.Lock()

    @property
    def rate(self) -> float | None:
        """The allowed requests per second; ``None`` while unlimited."""
        return self._state.rate

    @property
    def ceiling(self) -> float | None:
        """The estimate of the server's limit learned from the last decrease, if any."""
        return self._state.ceiling or None

    def acquire(self, now: float) -> float:
        """Take a sending slot and return 0.0, or return seconds to wait before asking again."""
        with self._lock:
            state = self._state
            wait = state.blocked_until - now
            if state.rate is not None:
                interval = 1.0 / state.rate
                tolerance = (self.settings.burst - 1) * interval
                if state.callers != 1:
                    wait = max(wait, max(state.tat, now) - tolerance - now)
            short = self._short(now)
            spoken_for = state.callers != 1 and state.in_flight > 0 and short > 0
            if spoken_for:
                # The requests in flight use up what the server said was left and has refilled
                # since: wait for their answers (one round trip) instead of sending into a 429;
                # once pacing has learnt the server's rate, only until its refill covers them.
                hold = state.left_until - now
                refill = self._refill_rate(now)
                if refill:
                    hold = min(hold, short / refill)
                wait = max(wait, hold)
            if wait > 1e-9:
                self.stats.waited += wait
                return wait
            if spoken_for and state.left is not None:
                # No fresh word within the round trip: the server refills, so one more request
                # may go now, and the next one a round trip later.
                state.left += 1
                state.left_until = now + state.round_trip
            elif state.left is not None and state.rate is not None:
                # A request let through on the refill: the next lapse is a round trip away.
                state.left_until = max(state.left_until, now + state.round_trip)
            if state.rate is not None:
                # A request let through alone did not wait for its slot: it takes the next one.
                state.tat = min(max(state.tat, now), now + tolerance) + interval
            self.stats.sent += 1
            state.in_flight += 1
            return 0.0

    def feedback(self, sent_at: float, now: float, status: int, headers: Mapping[str, str]) -> None:
        """Learn from the response to a request let through at ``sent_at``."""
        with self._lock:
            state = self._state
            state.answered.append(now)
            state.in_flight = max(0, state.in_flight - 1)
            remaining = rate_limit_remaining(headers)
            if remaining is not None:
                # Held requests look again after one round trip, when the answers in flight
                # have said more; a reset that far off is the block's business, not the hold's.
                state.left, state.left_since = remaining, sent_at
                state.round_trip = min(max(now - sent_at, 0.0), self.settings.max_block)
                state.left_until = now + state.round_trip
            if status == 429:
                self._throttled(sent_at, now, headers)
            else:
                # What the server says is left is spoken for by the requests in flight: the
                # client is at the server's limit, no reason to go higher.
                room = remaining is not None and self._short(now) <= 0
                self._accepted(now, grow=remaining is None or room, room=room)
                if remaining is not None and remaining <= 0 and state.rate is None:
                    # The server's word that an unlimited client is at its limit: pace from
                    # here as after a first 429, so that its reset does not free a herd.
                    self._lower(now)
            if remaining is not None and remaining <= 0:
                self._apply_reset_headers(now, headers)

    def enter(self) -> None:
        """A request starts: it will wait in ``acquire`` and be sent (call ``leave`` after)."""
        with self._lock:
            self._state.callers += 1

    def leave(self, *, unanswered: bool = False) -> None:
        """A request that called ``enter`` is done; ``unanswered``: it was let through but
        never got an answer to give to ``feedback`` (the connection failed, say)."""
        with self._lock:
            self._state.callers = max(0, self._state.callers - 1)
            if unanswered:
                self._state.in_flight = max(0, self._state.in_flight - 1)

    # -- state changes, called with the lock held --------------------------------------------

    def _short(self, now: float) -> float:
        """Requests the server lacks for one more, by its last word on what is left: the
        requests in flight and one more, less what it said and has refilled since then."""
        state = self._state
        if state.left is None:
            return 0.0
        refill = self._refill_rate(now) * max(now - state.left_since, 0.0)
        return state.in_flight + 1 - state.left - refill

    def _refill_rate(self, now: float) -> float:
        """The server's refill as learnt: what it accepted over the last window, at most the
        pacing rate (0 before any pacing; never below ``min_rate`` once pacing)."""
        state, settings = self._state, self.settings
        if state.rate is None:
            return 0.0
        accepted = _recent(state.accepted, now, settings.window)
        return min(state.rate, max(accepted, settings.min_rate))

    def _accepted(self, now: float, *, grow: bool, room: bool = False) -> None:
        state, settings = self._state, self.settings
        state.accepted.append(now)
        state.news = True
        measured = _recent(state.accepted, now, settings.window)
        old = state.rate
        if old is None or measured < old / 2 or not grow:
            return  # unlimited, not using the rate, or told it is at the limit: stay
        new = old
        if state.probing:
            # The server saying there is room is better evidence than a missing 429.
            new = old + (_PROBE_STEP_WITH_ROOM if room else _PROBE_STEP)
        elif state.ceiling > 0:
            state.busy += 1.0 / old  # one request's share of a second at the rate
            new = self._cubic(state.busy)
        state.rate = self._clamp(new)
        if state.tat > now:  # the slots already handed out, at the new spacing
            state.tat = now + (state.tat - now) * old / state.rate

    def _cubic(self, busy: float) -> float:
        """The rate ``busy`` seconds of traffic after the last decrease."""
        state, c = self._state, self.settings.increase
        if c == 0:
            return state.start
        to_ceiling = math.cbrt((1.0 - state.start / state.ceiling) / c)
        offset = busy - to_ceiling
        return max(state.start, state.ceiling * (1.0 + c * offset * offset * offset))

    def _clamp(self, rate: float) -> float:
        settings = self.settings
        rate = max(settings.min_rate, rate)
        return rate if settings.max_rate is None else min(rate, settings.max_rate)

    def _throttled(self, sent_at: float, now: float, headers: Mapping[str, str]) -> None:
        state, settings = self._state, self.settings
        self.stats.throttled += 1
        raw = headers.get("retry-after")
        delay = parse_retry_after(raw)
        if delay is None:
            delay = settings.default_block
        elif is_whole_seconds(raw) and delay >= 1:
            delay -= 1.0  # the server's wait, rounded up: it ends within the last second
        self._block(now, delay)
        if state.rate is not None and sent_at < state.last_decrease + min(
            settings.window, 1.0 / state.rate
        ):
            return  # sent before the last decrease took effect: the congestion it answered
        self._lower(now)

    def _lower(self, now: float) -> None:
        """Lower the rate (or start pacing an unlimited client): the server's limit is reached."""
        state, settings = self._state, self.settings
        sending = _recent(state.answered, now, settings.window)
        if state.rate is None:
            # The first 429 of an unlimited client usually ends a burst that the server's own
            # burst allowance let through, so the accepted rate is only a lower bound: probe up.
            state.probing = True
            accepted = _recent(state.accepted, now, settings.window)
            state.rate = self._clamp(max(accepted, sending * settings.decrease))
            state.ceiling = state.start = state.rate
        else:
            # The server refused the rate the client was really sending at; a rate it was not
            # using says nothing, but one decrease never cuts more than decrease squared.
            before = state.rate
            sent = max(min(before, sending), before * settings.decrease)
            state.rate = state.start = self._clamp(sent * settings.decrease)
            if state.probing:
                # The rate doubled within the window: what was accepted lags behind the limit.
                state.ceiling = self._clamp(sent)
            elif state.news:
                # What the server accepted of it is the best estimate of its limit.
                accepted = _recent(state.accepted, now, settings.window)
                state.ceiling = self._clamp(max(min(sent, accepted), state.rate))
            elif not state.ceiling:
                state.ceiling = self._clamp(before)  # the starting rate, never yet accepted
            # Otherwise nothing was accepted since the last decrease: the server refuses
            # everything for now (an outage), which says nothing of its usual limit.
            state.probing = False
            state.ceiling = max(state.ceiling, state.rate)
        state.busy = 0.0
        state.news = False
        state.last_decrease = now
        # No burst after a decrease: the server's bucket is still empty.
        state.tat = max(now, state.blocked_until) + (settings.burst - 1) / state.rate
        self.stats.decreases += 1

    def _block(self, now: float, delay: float) -> None:
        state = self._state
        delay = min(max(delay, 0.0), self.settings.max_block)
        state.blocked_until = max(state.blocked_until, now + delay)
        if state.rate is not None:
            # No burst when the block ends: the server's bucket is empty until then.
            tolerance = (self.settings.burst - 1) / state.rate
            state.tat = max(state.tat, state.blocked_until + tolerance)

    def _apply_reset_headers(self, now: float, headers: Mapping[str, str]) -> None:
        reset = _reset_seconds(headers)
        if reset is not None:
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


def _check_deadline(request: httpx.Request, wait: float) -> None:
    """Raise the call's deadline error rather than wait past its deadline."""
    budget = budget_of(request)
    if budget is not None and not budget.fits(wait):
        raise budget.error(request, f"would pass in the rate limiter's wait of {wait:.1f} s")


# The transports: the async one written by hand, the sync one generated from it (see
# ``generator/sync_twins.py``). Imported last, as they build on everything above.
from ._async_ratelimit import AsyncRateLimitTransport  # noqa: E402
from ._sync_ratelimit import RateLimitTransport  # noqa: E402
