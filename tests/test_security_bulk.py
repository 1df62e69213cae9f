"""Cancelling ``bulk``: it stops reading the input at once, and no result vanishes silently.

Inputs are endless (``itertools.count()``) or counted as they are pulled; runs are cancelled
with ``asyncio.timeout`` or ``task.cancel()``. The only time limit is pytest's: a run that
keeps reading an endless input never returns.
"""

from __future__ import annotations

import asyncio
import itertools
import signal
from collections.abc import Awaitable, Callable, Iterable, Iterator

import pytest
from circleci_client import CallCancelledError, bulk

pytestmark = pytest.mark.timeout(60)


class Counted:
    """An input that counts how many items were pulled from it."""

    def __init__(self, items: Iterable[int]) -> None:
        self.items = items
        self.pulled = 0

    def __iter__(self) -> Iterator[int]:
        for item in self.items:
            self.pulled += 1
            yield item


async def test_timeout_over_an_endless_input_of_slow_calls_returns() -> None:
    source = Counted(itertools.count())
    started: set[int] = set()
    finished: set[int] = set()

    async def slow(n: int) -> int:
        started.add(n)
        try:
            await asyncio.sleep(3600)
        finally:
            finished.add(n)
        return n

    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.05):
            await bulk.map(slow, iter(source), concurrency=4)
    assert source.pulled == 4
    assert started == finished == {0, 1, 2, 3}  # in-flight calls were cancelled and awaited


async def test_timeout_over_an_endless_input_of_fast_calls_returns() -> None:
    source = Counted(itertools.count())
    done = 0

    async def fast(n: int) -> int:
        nonlocal done
        await asyncio.sleep(0)
        done += 1
        return n

    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.05):
            await bulk.map(fast, iter(source), concurrency=8)
    assert done <= source.pulled <= done + 8


async def test_cancel_does_not_drain_a_lazy_input() -> None:
    source = Counted(range(1000))
    started = asyncio.Event()

    async def slow(n: int) -> int:
        started.set()
        await asyncio.sleep(3600)
        return n

    task = asyncio.ensure_future(bulk.map(slow, iter(source), concurrency=3))
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert source.pulled == 3


async def test_gather_cancel_does_not_drain_a_generator_of_coroutines() -> None:
    pulled = 0

    async def slow() -> None:
        await asyncio.sleep(3600)

    def calls() -> Iterator[Callable[[], Awaitable[None]]]:
        nonlocal pulled
        for _ in itertools.count():
            pulled += 1
            yield slow  # a callable: nothing to close if it is never started

    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.02):
            await bulk.gather(calls(), concurrency=2)
    assert pulled == 2


def _cancelled_by_itself(values: set[int]) -> Callable[[int], Awaitable[int]]:
    async def call(n: int) -> int:
        await asyncio.sleep(0)
        if n in values:
            raise asyncio.CancelledError("cancelled inside the call")
        return n * 10

    return call


@pytest.mark.parametrize("concurrency", [1, 2, 5])
async def test_a_call_that_raises_cancelled_error_is_reported_as_its_failure(
    concurrency: int,
) -> None:
    call = _cancelled_by_itself({2, 4})
    results = await bulk.map(call, range(7), concurrency=concurrency)
    assert [r.index for r in results] == list(range(7))
    assert [r.value for r in results if r.ok] == [0, 10, 30, 50, 60]
    for index in (2, 4):
        error = results[index].error
        assert isinstance(error, CallCancelledError)
        assert error.index == index
        assert isinstance(error.__cause__, asyncio.CancelledError)
        with pytest.raises(CallCancelledError, match=f"call {index} raised CancelledError"):
            results[index].unwrap()


async def test_an_awaitable_cancelled_elsewhere_is_reported_as_its_failure() -> None:
    victim = asyncio.ensure_future(asyncio.sleep(3600))
    victim.cancel()

    async def fine() -> int:
        return 1

    results = await bulk.gather([victim, fine()], concurrency=1)
    assert isinstance(results[0].error, CallCancelledError)
    assert results[1].value == 1


async def test_outer_cancellation_still_propagates_while_a_call_is_cancelling() -> None:
    entered = asyncio.Event()

    async def stubborn(n: int) -> int:
        entered.set()
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            await asyncio.sleep(0)  # some clean-up, then let the cancellation through
            raise
        return n

    task = asyncio.ensure_future(bulk.map(stubborn, itertools.count(), concurrency=2))
    await entered.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_an_error_from_the_input_stops_the_run_and_propagates() -> None:
    finished: list[int] = []
    pulled = 0

    def items() -> Iterator[int]:
        nonlocal pulled
        for n in range(3):
            pulled += 1
            yield n
        raise RuntimeError("the listing broke")

    async def slow(n: int) -> int:
        try:
            await asyncio.sleep(3600)
        finally:
            finished.append(n)
        return n

    with pytest.raises(ExceptionGroup) as info:
        await bulk.map(slow, items(), concurrency=4)
    assert info.group_contains(RuntimeError, match="the listing broke")
    assert pulled == 3
    assert sorted(finished) == [0, 1, 2]  # the calls in flight were cancelled and awaited


@pytest.mark.usefixtures("ctrl_c_raises")
def test_ctrl_c_under_asyncio_run_stops_an_endless_run() -> None:
    source = Counted(itertools.count())

    async def slow(n: int) -> int:
        await asyncio.sleep(3600)
        return n

    async def main() -> None:
        asyncio.get_running_loop().call_later(0.02, signal.raise_signal, signal.SIGINT)
        await bulk.map(slow, iter(source), concurrency=3)

    with pytest.raises(KeyboardInterrupt):
        asyncio.run(main())
    assert source.pulled == 3
