"""Fan-out against a stand-in limited to R requests/s: 429 share, throughput and recovery.

    python -m bench.ratelimit_bench [--rate 20 50 100] [--burst 10] [--calls 500]
                                    [--concurrency 16] [--json PATH]

Rows, for each rate: the adaptive limiter (default settings) with Retry-After in hundredths of
a second and in whole seconds, as a 16-way async fan-out and with 16 sync threads; at the
first rate also the client without its limiter (retries only) for comparison. Then rows the
script judges itself: the time back to 90 % of R after 5 s in which the server answers every
request 429, and a sequential caller meeting a 429 on every other call, with the limiter vs
without it (honouring each Retry-After alone).

:func:`measure` returns the figures as :class:`RatelimitResult`; ``--json PATH`` writes them
as JSON (``bench/run.py`` reads that file).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from circleci_client import bulk
from circleci_client.api.job import get_job_details
from circleci_client.api.user import get_current_user

from tests.clients import standin_client
from tests.load import FanoutReport, job_matches, job_numbers, rate_limited_fanout
from tests.standin import WIDGETS, Standin


@dataclass(frozen=True)
class FanoutRow:
    """One fan-out against the rate-limited stand-in: how it was run and what it measured."""

    label: str
    report: FanoutReport

    @property
    def baseline(self) -> bool:
        """The client without its limiter: shown for comparison, expected to give up."""
        return "no limiter" in self.label


@dataclass(frozen=True)
class JudgedRow:
    """A row this script judges itself against its target."""

    name: str
    measured: str
    target: str
    met: bool


@dataclass
class RatelimitResult:
    """Every fan-out row, then the judged rows (recovery, sequential caller)."""

    fanouts: list[FanoutRow] = field(default_factory=list)
    judged: list[JudgedRow] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RatelimitResult:
        """Read what :meth:`write_json` wrote."""
        return cls(
            [FanoutRow(f["label"], FanoutReport(**f["report"])) for f in data["fanouts"]],
            [JudgedRow(**j) for j in data["judged"]],
        )

    def write_json(self, path: Path) -> None:
        """Write the figures to ``path`` as JSON."""
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")


def threaded_fanout(
    standin: Standin, *, rate: float, burst: int, calls: int, threads: int, whole_seconds: bool
) -> FanoutReport:
    """``calls`` getJobDetails calls from ``threads`` threads sharing one sync client."""
    standin.set_rate_limit(rate, burst, whole_seconds=whole_seconds)
    standin.requests.clear()
    numbers = job_numbers(standin.world)
    wanted = [numbers[i % len(numbers)] for i in range(calls)]
    try:
        with standin_client(standin, max_retries=10) as client:
            client.get_httpx_client()  # one pool for every thread
            started = time.perf_counter()
            with ThreadPoolExecutor(threads) as pool:
                jobs = list(
                    pool.map(lambda n: get_job_details.sync(WIDGETS, n, client=client), wanted)
                )
            elapsed = time.perf_counter() - started
    finally:
        standin.set_rate_limit(None)
    correct = sum(
        1
        for job, number in zip(jobs, wanted, strict=True)
        if job.number == number and job_matches(standin.world, WIDGETS, job)
    )
    records = standin.requests.api.filter(operation="getJobDetails")
    return FanoutReport(
        rate=rate,
        burst=burst,
        calls=calls,
        concurrency=threads,
        elapsed=elapsed,
        correct=correct,
        failed=calls - correct,
        requests=len(records),
        throttled=sum(1 for r in records if r.status == 429),
    )


async def recovery(standin: Standin, *, rate: float, burst: int, concurrency: int) -> float | None:
    """Seconds after 5 s of 429s until a 1 s window reaches 90 % of ``rate`` (None: never)."""
    standin.set_rate_limit(rate, burst)
    numbers = job_numbers(standin.world)
    done: list[float] = []
    started = time.perf_counter()
    outage = (5.0, 10.0)
    until = 22.0

    async def call(number: int) -> None:
        await get_job_details.asyncio(WIDGETS, number, client=client)
        done.append(time.perf_counter() - started)

    async def switch() -> None:
        await asyncio.sleep(outage[0])
        standin.faults.rate_limit(operation="getJobDetails", retry_after="1", times=None)
        await asyncio.sleep(outage[1] - outage[0])
        standin.faults.clear()

    def inputs() -> Iterator[int]:
        i = 0
        while time.perf_counter() - started < until:
            yield numbers[i % len(numbers)]
            i += 1

    try:
        async with standin_client(standin, max_retries=20) as client:
            switcher = asyncio.create_task(switch())
            await bulk.map(call, inputs(), concurrency=concurrency)
            await switcher
    finally:
        standin.faults.clear()
        standin.set_rate_limit(None)
    step = 0.1
    t = outage[1]
    while t + 1.0 <= until:
        if sum(1 for d in done if t <= d < t + 1.0) >= 0.9 * rate:
            return t + 1.0 - outage[1]
        t += step
    return None


def sequential(standin: Standin, *, calls: int, retry_after: str, limiter: bool) -> float:
    """Seconds for ``calls`` getCurrentUser calls, one after another, every other one a 429."""
    standin.faults.clear()
    standin.faults.rate_limit(
        operation="getCurrentUser", retry_after=retry_after, times=None, every=2
    )
    try:
        with standin_client(standin, rate_limit=limiter, max_retries=3) as client:
            started = time.perf_counter()
            for _ in range(calls):
                get_current_user.sync(client=client)
            return time.perf_counter() - started
    finally:
        standin.faults.clear()


def _fanout(result: RatelimitResult, label: str, report: FanoutReport) -> None:
    result.fanouts.append(FanoutRow(label, report))
    print(f"{label:56} {report.row()}", flush=True)


def _judged(result: RatelimitResult, row: JudgedRow) -> None:
    result.judged.append(row)
    verdict = "yes" if row.met else "NO"
    print(f"{row.name}: {row.measured} (target {row.target}: {verdict})", flush=True)


async def measure(
    rates: tuple[float, ...] = (20.0, 50.0, 100.0),
    burst: int = 10,
    calls: int = 500,
    concurrency: int = 16,
    rounds: int = 3,
) -> RatelimitResult:
    """Run every row against one in-process stand-in; print each as it is measured."""
    result = RatelimitResult()
    kinds = [("Retry-After 0.01 s steps", False), ("Retry-After whole seconds", True)]
    with Standin() as standin:
        for rate in rates:
            for label, whole_seconds in kinds:
                standin.reset()
                report = await rate_limited_fanout(
                    standin,
                    rate=rate,
                    burst=burst,
                    calls=calls,
                    concurrency=concurrency,
                    whole_seconds=whole_seconds,
                )
                _fanout(result, "adaptive limiter, async, " + label, report)
                standin.reset()
                report = threaded_fanout(
                    standin,
                    rate=rate,
                    burst=burst,
                    calls=calls,
                    threads=concurrency,
                    whole_seconds=whole_seconds,
                )
                _fanout(result, "adaptive limiter, threads, " + label, report)
        standin.reset()
        report = await rate_limited_fanout(
            standin,
            rate=rates[0],
            burst=burst,
            calls=calls,
            concurrency=concurrency,
            rate_limit=False,
        )
        _fanout(result, "no limiter (retries only)", report)

        rate = rates[len(rates) // 2]
        standin.reset()
        back = await recovery(standin, rate=rate, burst=burst, concurrency=concurrency)
        _judged(
            result,
            JudgedRow(
                f"rate limit: after 5 s of 429s (Retry-After: 1), R={rate:g}/s, 16-way async, "
                "time until a 1 s window reaches 90% of R",
                "never (within 12 s)" if back is None else f"{back:.1f} s",
                "<= 10 s",
                back is not None and back <= 10.0,
            ),
        )

        sequential_calls = 8
        for retry_after in ("1", "0.3"):
            standin.reset()
            with_limiter, alone = [], []
            for _ in range(rounds):
                with_limiter.append(
                    sequential(
                        standin, calls=sequential_calls, retry_after=retry_after, limiter=True
                    )
                )
                alone.append(
                    sequential(
                        standin, calls=sequential_calls, retry_after=retry_after, limiter=False
                    )
                )
            ratio = statistics.median(a / b for a, b in zip(with_limiter, alone, strict=True))
            _judged(
                result,
                JudgedRow(
                    f"rate limit: sequential caller, {sequential_calls} calls, a 429 "
                    f"(Retry-After: {retry_after}) on every other one, limiter vs retries alone",
                    f"{ratio:.2f}x ({statistics.median(with_limiter):.2f} s vs "
                    f"{statistics.median(alone):.2f} s, median of {rounds})",
                    "<= 1.2x",
                    ratio <= 1.2,
                ),
            )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, nargs="+", default=[20.0, 50.0, 100.0])
    parser.add_argument("--burst", type=int, default=10)
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the sequential row")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()
    result = asyncio.run(
        measure(tuple(args.rate), args.burst, args.calls, args.concurrency, args.rounds)
    )
    if args.json is not None:
        result.write_json(args.json)


if __name__ == "__main__":
    main()
