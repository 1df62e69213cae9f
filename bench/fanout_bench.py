"""200 getJobDetails calls with 20 ms stand-in latency: async fan-out vs one by one.

    pip install pycircleci==0.7.0   # optional: the one-by-one baseline it provides
    python -m bench.fanout_bench [--calls 200] [--latency 0.02] [--concurrency 16] [--json PATH]

Rows: this client's ``bulk.map`` fan-out, pycircleci's ``Api.get_job_details`` in a loop
(pointed at the stand-in: ``url`` is the base URL without ``/v2``, which pycircleci appends),
and this client's sync ``get_job_details.sync`` in a loop. Every result is checked against
the stand-in's seeded world. The target is a fan-out at least 8 times faster than one by one.

The stand-in runs in its own process (``python -m tests.standin``), so that the server's work
does not compete with the client's for the interpreter lock. :func:`measure` returns the
figures as :class:`FanoutResult`; ``--json PATH`` writes them as JSON (``bench/run.py`` reads
that file).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from circleci_client import AuthenticatedClient, bulk
from circleci_client.api.job import get_job_details

from tests.load import job_matches, job_numbers
from tests.standin import DEFAULT_TOKEN, WIDGETS, World, seed_world

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Contestant:
    """One way of making the calls: its label, seconds and results that were right."""

    label: str
    seconds: float
    correct: int


@dataclass(frozen=True)
class FanoutResult:
    """The fan-out and the one-by-one baselines (``pycircleci`` is None when not installed)."""

    calls: int
    latency: float
    fanout: Contestant
    pycircleci: Contestant | None
    sequential: Contestant

    def speedup(self, baseline: Contestant) -> float:
        """How many times faster the fan-out was than ``baseline``."""
        return baseline.seconds / self.fanout.seconds

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FanoutResult:
        """Read what :meth:`write_json` wrote."""
        legacy = data["pycircleci"]
        return cls(
            data["calls"],
            data["latency"],
            Contestant(**data["fanout"]),
            Contestant(**legacy) if legacy else None,
            Contestant(**data["sequential"]),
        )

    def write_json(self, path: Path) -> None:
        """Write the figures to ``path`` as JSON."""
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")


@contextlib.contextmanager
def standin_process(latency: float) -> Iterator[str]:
    """Run the stand-in CLI on a free port; yield its base URL."""
    command = [sys.executable, "-m", "tests.standin", "--port", "0", "--latency", str(latency)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("base URL: "):
            raise RuntimeError(f"the stand-in did not start: {line!r}")
        yield line.removeprefix("base URL: ").strip()
    finally:
        process.terminate()
        process.wait(timeout=10)


def client(base_url: str) -> AuthenticatedClient:
    """A client for the stand-in process."""
    return AuthenticatedClient(token=DEFAULT_TOKEN, base_url=base_url, timeout=10.0)


async def fan_out(
    base_url: str, world: World, numbers: list[int], concurrency: int
) -> tuple[float, int]:
    """Seconds and correct results of an async fan-out through this client."""
    async with client(base_url) as api:
        await get_job_details.asyncio(WIDGETS, numbers[0], client=api)  # warm up
        started = time.perf_counter()
        results = await bulk.map(
            lambda n: get_job_details.asyncio(WIDGETS, n, client=api),
            numbers,
            concurrency=concurrency,
        )
        elapsed = time.perf_counter() - started
    correct = sum(
        1
        for r, n in zip(results, numbers, strict=True)
        if r.ok
        and r.value is not None
        and r.value.number == n
        and job_matches(world, WIDGETS, r.value)
    )
    return elapsed, correct


def sequential(base_url: str, world: World, numbers: list[int]) -> tuple[float, int]:
    """Seconds and correct results of this client's sync calls, one by one."""
    correct = 0
    with client(base_url) as api:
        get_job_details.sync(WIDGETS, numbers[0], client=api)
        started = time.perf_counter()
        for n in numbers:
            job = get_job_details.sync(WIDGETS, n, client=api)
            correct += job.number == n and job_matches(world, WIDGETS, job)
        return time.perf_counter() - started, correct


def pycircleci_loop(base_url: str, world: World, numbers: list[int]) -> tuple[float, int] | None:
    """Seconds and correct results of pycircleci, one by one; None when it is not installed."""
    try:
        from pycircleci.api import Api  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    api: Any = Api(token=DEFAULT_TOKEN, url=base_url.removesuffix("/v2"))
    api.get_job_details("acme", "widgets", numbers[0])
    correct = 0
    started = time.perf_counter()
    for n in numbers:
        data = api.get_job_details("acme", "widgets", n)
        job = world.projects[WIDGETS].jobs_by_number[n]
        correct += data["number"] == n and data["name"] == job.name
    return time.perf_counter() - started, correct


async def measure(calls: int = 200, latency: float = 0.02, concurrency: int = 16) -> FanoutResult:
    """Run the fan-out and the baselines against a fresh stand-in process."""
    world = seed_world()
    available = job_numbers(world)
    numbers = [available[i % len(available)] for i in range(calls)]
    with standin_process(latency) as base_url:
        fast = Contestant(
            f"circleci_client bulk.map, concurrency {concurrency}",
            *await fan_out(base_url, world, numbers, concurrency),
        )
        baseline = pycircleci_loop(base_url, world, numbers)
        legacy = None
        if baseline is not None:
            legacy = Contestant("pycircleci 0.7.0 Api.get_job_details, one by one", *baseline)
        one_by_one = Contestant(
            "circleci_client get_job_details.sync, one by one",
            *sequential(base_url, world, numbers),
        )
    return FanoutResult(calls, latency, fast, legacy, one_by_one)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()
    result = asyncio.run(measure(args.calls, args.latency, args.concurrency))
    if result.pycircleci is None:
        print("pycircleci is not installed: pip install pycircleci==0.7.0")
    print(f"{result.calls} getJobDetails calls, {result.latency * 1000:.0f} ms stand-in latency")
    for row in (result.fanout, result.pycircleci, result.sequential):
        if row is None:
            continue
        print(
            f"  {row.label:52} {row.seconds:6.2f}s  {result.calls / row.seconds:7.1f} calls/s  "
            f"correct {row.correct}/{result.calls}  "
            f"speed-up of the fan-out {result.speedup(row):5.1f}x"
        )
    if args.json is not None:
        result.write_json(args.json)


if __name__ == "__main__":
    main()
