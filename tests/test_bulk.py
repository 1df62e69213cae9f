"""``circleci_client.bulk``: bounded concurrency, input order, per-item errors."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from typing import Any

import pytest
from circleci_client import bulk


async def _echo(value: int, delay: float = 0.0) -> int:
    await asyncio.sleep(delay)
    return value


async def test_map_returns_results_in_input_order() -> None:
    results = await bulk.map(lambda n: _echo(n, (10 - n % 10) / 1000), range(50), concurrency=7)
    assert [r.index for r in results] == list(range(50))
    assert [r.unwrap() for r in results] == list(range(50))
    assert all(r.ok and r.error is None for r in results)


async def test_errors_stay_with_their_item_and_do_not_stop_the_others() -> None:
    async def maybe(n: int) -> int:
        if n % 3 == 0:
            raise ValueError(f"bad {n}")
        return n * 2

    results = await bulk.map(maybe, range(9), concurrency=2)
    assert [r.ok for r in results] == [n % 3 != 0 for n in range(9)]
    assert str(results[3].error) == "bad 3"
    assert results[4].value == 8
    with pytest.raises(ValueError, match="bad 6"):
        results[6].unwrap()


async def test_concurrency_is_bounded() -> None:
    running = 0
    peak = 0

    async def track(n: int) -> int:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.001)
        running -= 1
        return n

    await bulk.map(track, range(100), concurrency=5)
    assert peak == 5


async def test_gather_takes_callables_and_awaitables() -> None:
    calls: list[Callable[[], Awaitable[int]] | Awaitable[int]] = [
        _echo(1),
        lambda: _echo(2),
        asyncio.ensure_future(_echo(3)),
    ]
    results = await bulk.gather(calls)
    assert [r.value for r in results] == [1, 2, 3]
    not_callable: list[Any] = [42]
    bad = await bulk.gather(not_callable)
    assert isinstance(bad[0].error, TypeError)


async def test_input_is_consumed_lazily() -> None:
    taken = 0

    def calls() -> Iterator[Callable[[], Awaitable[int]]]:
        nonlocal taken
        for n in range(1000):
            taken += 1
            yield lambda n=n: _echo(n)  # type: ignore[misc]

    results = await bulk.gather(calls(), concurrency=3)
    assert len(results) == taken == 1000


async def test_empty_input_and_bad_concurrency() -> None:
    assert await bulk.gather([]) == []
    with pytest.raises(ValueError, match="concurrency"):
        await bulk.map(_echo, [1], concurrency=0)


async def test_cancellation_propagates_and_closes_unstarted_coroutines() -> None:
    started: list[int] = []

    async def slow(n: int) -> int:
        started.append(n)
        await asyncio.sleep(10)
        return n

    coroutines: list[Coroutine[Any, Any, int]] = [slow(n) for n in range(10)]
    task = asyncio.ensure_future(bulk.gather(coroutines, concurrency=2))
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert started == [0, 1]
    # Closed or finished, so no "never awaited" warnings.
    assert all(getattr(c, "cr_frame", None) is None for c in coroutines)


class _Abort(BaseException):
    pass


async def test_base_exceptions_are_not_swallowed() -> None:
    async def abort(n: int) -> int:
        raise _Abort

    with pytest.raises(BaseExceptionGroup) as info:
        await bulk.map(abort, [1])
    assert info.group_contains(_Abort)
