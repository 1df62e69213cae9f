# Hand-written runtime module (not generated): edit it here.
"""The rate-limit transport: it waits, sends and reports each answer to the limiter.

Every decision is the :class:`~._ratelimit.RateLimiter`'s, which does no I/O. Written once, by
hand, as the async transport (``_async_ratelimit``); ``generator/sync_twins.py`` rewrites it
into the sync one (``_sync_ratelimit``). Both are exported by ``_ratelimit``.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

from ._ratelimit import OriginRateLimiters, RateLimiter, _check_deadline, _pick
from ._timing import AsyncSleep, default_async_sleep

__all__ = ["AsyncRateLimitTransport"]


class AsyncRateLimitTransport(httpx.AsyncBaseTransport):
    """Paces requests through a :class:`RateLimiter` and reports every response to it.

    Given :class:`OriginRateLimiters`, each request is paced by its origin's limiter and
    ``limiter`` is the API origin's. Sync and async transports can share one limiter.
    """

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        limiter: RateLimiter | OriginRateLimiters,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: AsyncSleep | None = None,
    ) -> None:
        self._wrapped = wrapped
        self._limiters = limiter
        self.limiter = limiter.home if isinstance(limiter, OriginRateLimiters) else limiter
        self._clock = clock
        self._sleep = sleep or default_async_sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        limiter = _pick(self._limiters, request)
        limiter.enter()
        unanswered = False
        try:
            while True:
                sent_at = self._clock()
                wait = limiter.acquire(sent_at)
                if wait <= 0:
                    break
                _check_deadline(request, wait)
                await self._sleep(wait)
            unanswered = True
            response = await self._wrapped.handle_async_request(request)
            unanswered = False
            limiter.feedback(sent_at, self._clock(), response.status_code, response.headers)
            return response
        finally:
            limiter.leave(unanswered=unanswered)

    async def aclose(self) -> None:
        await self._wrapped.aclose()
