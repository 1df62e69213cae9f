"""Fan-out against a stand-in limited to R requests/s: 429 share and throughput.

    python bench/ratelimit_bench.py [--rate 50] [--burst 10] [--calls 500] [--concurrency 16]

Rows: the adaptive limiter (default settings) with Retry-After in hundredths of a second and
in whole seconds, and the client without its limiter (retries only) for comparison.
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
    parser.add_argument("--rate", type=float, default=50.0)
    parser.add_argument("--burst", type=int, default=10)
    parser.add_argument("--calls", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    rows = [
        ("adaptive limiter, Retry-After 0.01 s steps", True, False),
        ("adaptive limiter, Retry-After whole seconds", True, True),
        ("no limiter (retries only)", False, False),
    ]
    with Standin() as standin:
        for label, limiter, whole_seconds in rows:
            standin.reset()
            report = await rate_limited_fanout(
                standin,
                rate=args.rate,
                burst=args.burst,
                calls=args.calls,
                concurrency=args.concurrency,
                whole_seconds=whole_seconds,
                rate_limit=limiter,
            )
            print(f"{label:46} {report.row()}")


if __name__ == "__main__":
    asyncio.run(main())
