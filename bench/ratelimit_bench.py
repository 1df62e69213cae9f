"""Fan-out against a stand-in limited to R requests/s: 429 share and throughput.

    python bench/ratelimit_bench.py [--rate 20 50 100] [--burst 10] [--calls 500] [--concurrency 16]

Rows, for each rate: the adaptive limiter (default settings) with Retry-After in hundredths of
a second and in whole seconds; at the first rate also the client without its limiter (retries
only) for comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.load import rate_limited_fanout
from tests.standin.server import Standin


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, nargs="+", default=[20.0, 50.0, 100.0])
    parser.add_argument("--burst", type=int, default=10)
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    rows = [
        ("adaptive limiter, Retry-After 0.01 s steps", True, False),
        ("adaptive limiter, Retry-After whole seconds", True, True),
        ("no limiter (retries only)", False, False),
    ]
    runs = [(rate, row) for rate in args.rate for row in rows[:2]]
    runs.append((args.rate[0], rows[2]))
    with Standin() as standin:
        for rate, (label, limiter, whole_seconds) in runs:
            standin.reset()
            report = await rate_limited_fanout(
                standin,
                rate=rate,
                burst=args.burst,
                calls=args.calls,
                concurrency=args.concurrency,
                whole_seconds=whole_seconds,
                rate_limit=limiter,
            )
            print(f"{label:46} {report.row()}")


if __name__ == "__main__":
    asyncio.run(main())
