# Hand-written runtime module (not generated): edit it here.
"""The retry transport's attempt loop: it sends, reads, closes and waits, and nothing else.

Every decision is made by :class:`~._retry_policy.RetryPolicy` and
:class:`~._retry_policy._Retrying`, which do no I/O (the rules are in ``_retry_policy``). The
loop is written once, by hand, as the async transport (``_async_retry``);
``generator/sync_twins.py`` rewrites it into the sync one (``_sync_retry``: ``await`` dropped,
async names swapped for their sync names).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Unpack

import httpx

from ._body import BodyReader, _BodyTooLarge
from ._constants import DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_SIZE
from ._deadline import Budget, _active, budget_of
from ._retry_policy import RetryPolicy, RetrySettings, _log_retry, _Retrying
from ._timing import AsyncSleep, default_async_sleep
from .errors import APIConnectionError, ResponseTooLargeError

__all__ = ["AsyncRetryTransport"]


async def _aread_body(
    response: httpx.Response, reader: BodyReader, budget: Budget | None
) -> httpx.Response:
    """Read the body into ``reader`` (decoded, capped) within the call's deadline.

    The caller has made ``budget`` the active one, so every socket read keeps to it too.
    """
    try:
        async for chunk in response.stream:  # type: ignore[union-attr]
            reader.feed(chunk)
            if reader.done:
                break
            if budget is not None:
                budget.check_while_reading()
        else:
            reader.finish()
    finally:
        await response.stream.aclose()  # type: ignore[union-attr]  # the response itself lives on
    return reader.response(response)


class AsyncRetryTransport(_Retrying, httpx.AsyncBaseTransport):
    """Wraps a transport and retries requests as :class:`RetryPolicy` decides.

    ``sleep`` waits between attempts (else the policy's, else the standard one); ``clock``
    (monotonic seconds) times the deadline.
    """

    def __init__(
        self,
        wrapped: httpx.AsyncBaseTransport,
        *,
        sleep: AsyncSleep | None = None,
        clock: Callable[[], float] = time.monotonic,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_size: int = DEFAULT_MAX_RESPONSE_SIZE,
        policy: RetryPolicy | None = None,
        **settings: Unpack[RetrySettings],
    ) -> None:
        super().__init__(settings, deadline, max_response_size, clock, policy)
        self._wrapped = wrapped
        self._sleep: AsyncSleep = sleep or self.policy.async_sleep or default_async_sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        call = self._call(request)
        budget = budget_of(request) if call is None else call.budget
        # One scope for every attempt: its sends, reads and closes keep to the deadline.
        scope = _active.set(budget)
        try:
            attempt = 0
            while True:
                if budget is not None and call is not None:
                    budget.start_attempt(request)
                try:
                    response = await self._wrapped.handle_async_request(request)
                    delay = self.policy.decide(request, response, attempt)
                    if delay is None or self._no_time_for(delay, call):
                        if call is not None and call.reads_body:
                            response = await _aread_body(response, self._reader(response), budget)
                        return response
                except httpx.TransportError as exc:
                    delay = self.policy.decide(request, exc, attempt)
                    if delay is None:
                        raise self._failure(request, exc, call) from exc
                    if budget is not None and call is not None and self._no_time_for(delay, call):
                        reason = f"left no time to retry {type(exc).__name__}"
                        raise budget.error(request, reason) from exc
                    _log_retry(self.policy, request, exc, attempt, delay)
                except httpx.DecodingError as exc:
                    raise APIConnectionError(str(exc), request=request) from exc
                except _BodyTooLarge as exc:
                    raise ResponseTooLargeError(exc.limit, request=request) from None
                else:
                    await response.aclose()  # give the connection back before waiting
                    _log_retry(self.policy, request, response, attempt, delay)
                await self._sleep(delay)
                attempt += 1
        finally:
            _active.reset(scope)

    async def aclose(self) -> None:
        await self._wrapped.aclose()
