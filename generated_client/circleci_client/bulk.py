# Hand-written runtime module (not generated): edit it here.
"""Run many independent API calls concurrently, with a bound, keeping every result.

::

    from circleci_client import bulk
    from circleci_client.api.job import get_job_details

    async with AuthenticatedClient.from_env() as client:
        results = await bulk.map(
            lambda n: get_job_details.asyncio("gh/acme/widgets", n, client=client),
            range(1, 501),
            concurrency=16,
        )
    jobs = [r.value for r in results if r.ok]
    failed = {r.index: r.error for r in results if not r.ok}

Results come back in input order, one :class:`Result` per input. A call that raises does not
stop the others: its ``Result`` holds the exception instead of a value. Pacing is the
client's job (its adaptive rate limiter slows every request of the client down after a 429),
so ``concurrency`` only bounds how many calls are in flight at once.

Cancelling the run (``task.cancel()``, ``asyncio.timeout``, Ctrl-C under ``asyncio.run``)
stops taking inputs at once: the calls in flight are cancelled and awaited, and the
cancellation propagates. An iterator input is never read further, so an endless one is fine;
a collection's coroutines that never started are closed. A call that raises
``CancelledError`` while the run is not being cancelled (something else cancelled it) gets a
:class:`~circleci_client.errors.CallCancelledError` in its ``Result``, like any other failure.
An exception from the input iterator, or a ``BaseException`` other than a cancellation from
a call, cancels the calls in flight and propagates in an ``ExceptionGroup``; nothing is
returned then.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .errors import CallCancelledError

__all__ = ["DEFAULT_CONCURRENCY", "Result", "gather", "map"]

T = TypeVar("T")
ItemT = TypeVar("ItemT")

DEFAULT_CONCURRENCY = 16
"""Calls in flight at once unless told otherwise."""


@dataclass(frozen=True, slots=True)
class Result(Generic[T]):
    """The outcome of one call: ``value`` when it returned, ``error`` when it raised."""

    index: int
    """Position of the call in the input."""
    value: T | None = None
    """What the call returned (``None`` when it raised)."""
    error: Exception | None = None
    """What the call raised (``None`` when it returned)."""

    @property
    def ok(self) -> bool:
        """Whether the call returned instead of raising."""
        return self.error is None

    def unwrap(self) -> T:
        """The value, or raise the call's exception."""
        if self.error is not None:
            raise self.error
        return self.value  # type: ignore[return-value]


Call = Callable[[], Awaitable[T]] | Awaitable[T]
"""A zero-argument function returning an awaitable (started when its turn comes), or an
awaitable such as a coroutine object (awaited when its turn comes)."""


async def gather(
    calls: Iterable[Call[T]], *, concurrency: int = DEFAULT_CONCURRENCY
) -> list[Result[T]]:
    """Await every call with at most ``concurrency`` in flight; one ``Result`` per call, in order.

    ``calls`` is consumed lazily, one item when a slot frees up, so a generator of a million
    calls (or an endless one) is fine. An exception a call raises (any ``Exception``) is kept in
    its ``Result``, and so is a ``CancelledError`` the call raised on its own (as
    ``CallCancelledError``). Cancelling ``gather`` stops reading ``calls``, cancels and awaits
    the calls in flight, closes the coroutines of a collection that never started, and
    propagates the cancellation.

    Raises:
        ValueError: ``concurrency`` is less than 1.
        TypeError: an input is neither awaitable nor callable (reported before it is awaited,
            as that input's ``Result`` error).
    """
    if concurrency < 1:
        raise ValueError(f"concurrency must be 1 or more, got {concurrency}")
    results: dict[int, Result[T]] = {}
    pending: Iterator[tuple[int, Call[T]]] = enumerate(calls)

    async def run(index: int, call: Call[T]) -> None:
        try:
            if inspect.isawaitable(call):
                value = await call
            elif callable(call):
                value = await call()
            else:
                raise TypeError(f"expected an awaitable or a callable, got {type(call).__name__}")
        except asyncio.CancelledError as exc:
            if _being_cancelled():
                raise
            error = CallCancelledError(index)
            error.__cause__ = exc
            results[index] = Result(index, error=error)
        except Exception as exc:
            results[index] = Result(index, error=exc)
        else:
            results[index] = Result(index, value=value)

    async def worker() -> None:
        for index, call in pending:  # one shared iterator: each item is taken exactly once
            await run(index, call)

    try:
        async with asyncio.TaskGroup() as group:
            for _ in range(concurrency):
                group.create_task(worker())
    finally:
        if isinstance(calls, Collection):  # already in memory: close what never started
            for _, call in pending:
                if inspect.iscoroutine(call):
                    call.close()
    return [results[index] for index in range(len(results))]


def _being_cancelled() -> bool:
    """Whether someone asked to cancel the running task (the run, not just one call)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


async def map(
    fn: Callable[[ItemT], Awaitable[T]],
    items: Iterable[ItemT],
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> list[Result[T]]:
    """``fn(item)`` for every item, at most ``concurrency`` at once; results in input order.

    The ``Result`` of an item that raised holds the exception; the others are unaffected.
    """

    def calls() -> Iterator[Callable[[], Awaitable[T]]]:
        for item in items:
            yield _bind(fn, item)

    return await gather(calls(), concurrency=concurrency)


def _bind(fn: Callable[[Any], Awaitable[T]], item: Any) -> Callable[[], Awaitable[T]]:
    return lambda: fn(item)
