"""Fault soak at scale: 10,000 calls through random 429s, 5xx, drops and latency.

    python bench/soak.py [--calls 10000] [--seed 1] [--concurrency 16]

Prints the counts; exits 1 when a GET finally failed, a trigger created more than one
pipeline or a response was parsed wrongly. ``tests/test_soak.py`` runs 1,500 calls.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.load import soak
from tests.standin.server import Standin


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--concurrency", type=int, default=16)
    args = parser.parse_args()
    with Standin() as standin:
        report = await soak(standin, calls=args.calls, seed=args.seed, concurrency=args.concurrency)
    print("\n".join(report.lines()))
    for error in report.errors[:10]:
        print("  error:", error)
    bad = report.gets_failed + report.duplicate_triggers + report.parsed_wrongly
    return 1 if bad or report.errors else 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
