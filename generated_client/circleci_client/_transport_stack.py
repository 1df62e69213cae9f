# Hand-written runtime module (not generated): edit it here.
"""The transports a client sends through: auth over retries over pacing over the network."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict

import httpx

from ._auth import AsyncAuthTransport, AuthTransport, Credentials
from ._ratelimit import AsyncRateLimitTransport, OriginRateLimiters, RateLimitTransport
from ._retry import AsyncRetryTransport, RetryPolicy, RetryTransport
from ._timing import AsyncSleep, Sleep


class _Timing(TypedDict, total=False):
    """The clock and sleep a sync transport is given, when the client has them."""

    clock: Callable[[], float]
    sleep: Sleep


class _AsyncTiming(TypedDict, total=False):
    """The clock and sleep an async transport is given, when the client has them."""

    clock: Callable[[], float]
    sleep: AsyncSleep


@dataclass(frozen=True, slots=True)
class TransportStack:
    """A client's settings for its transports; builds the sync and the async stack.

    Pacing sits below the retries, so every attempt is paced. ``sleep``, ``async_sleep`` and
    ``clock`` reach the rate limiter and the retries; a :class:`RetryPolicy`'s own sleep wins
    for its retries. Settings left None are the transports' defaults.
    """

    limiters: OriginRateLimiters | None
    retry: RetryPolicy
    deadline: float | None
    max_response_size: int
    credentials: Credentials | None
    sleep: Sleep | None = None
    async_sleep: AsyncSleep | None = None
    clock: Callable[[], float] | None = None

    def _timing(self, own: Sleep | None = None) -> _Timing:
        timing: _Timing = {}
        if self.clock is not None:
            timing["clock"] = self.clock
        chosen = own or self.sleep
        if chosen is not None:
            timing["sleep"] = chosen
        return timing

    def _async_timing(self, own: AsyncSleep | None = None) -> _AsyncTiming:
        timing: _AsyncTiming = {}
        if self.clock is not None:
            timing["clock"] = self.clock
        chosen = own or self.async_sleep
        if chosen is not None:
            timing["sleep"] = chosen
        return timing

    def sync(self, network: httpx.BaseTransport) -> httpx.BaseTransport:
        """Auth over retries over pacing over ``network``."""
        inner = network
        if self.limiters is not None:
            inner = RateLimitTransport(network, self.limiters, **self._timing())
        retries = RetryTransport(
            inner,
            policy=self.retry,
            deadline=self.deadline,
            max_response_size=self.max_response_size,
            **self._timing(self.retry.sleep),
        )
        return AuthTransport(retries, self.credentials)

    def async_(self, network: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
        """The async stack, like :meth:`sync`."""
        inner = network
        if self.limiters is not None:
            inner = AsyncRateLimitTransport(network, self.limiters, **self._async_timing())
        retries = AsyncRetryTransport(
            inner,
            policy=self.retry,
            deadline=self.deadline,
            max_response_size=self.max_response_size,
            **self._async_timing(self.retry.async_sleep),
        )
        return AsyncAuthTransport(retries, self.credentials)
