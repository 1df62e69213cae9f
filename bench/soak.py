"""Fault soak at scale: 10,000 calls through random 429s, 5xx, drops and latency.

    python -m bench.soak [--calls 10000] [--seed 1] [--concurrency 16] [--json PATH]

Prints the counts; exits 1 when a GET finally failed, a trigger created more than one
pipeline or a response was parsed wrongly. ``tests/test_soak.py`` runs 1,500 calls.
:func:`measure` returns the :class:`~tests.load.SoakReport`; ``--json PATH`` writes it as
JSON (``bench/run.py`` reads that file).
"""

from __future__ import annotations

import argparse
import asyncio
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tests.load import SoakReport, soak
from tests.standin import Standin


async def measure(calls: int = 10_000, seed: int = 1, concurrency: int = 16) -> SoakReport:
    """Run the soak against a fresh in-process stand-in and return its counts."""
    with Standin() as standin:
        return await soak(standin, calls=calls, seed=seed, concurrency=concurrency)


def passed(report: SoakReport) -> bool:
    """No failed GET, duplicate trigger, wrong parse or unexpected error."""
    bad = report.gets_failed + report.duplicate_triggers + report.parsed_wrongly
    return not bad and not report.errors


def read_json(path: Path) -> SoakReport:
    """Read what ``--json`` wrote."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return SoakReport(**data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--json", type=Path, help="also write the counts as JSON to this file")
    args = parser.parse_args()
    report = asyncio.run(measure(args.calls, args.seed, args.concurrency))
    print("\n".join(report.lines()))
    for error in report.errors[:10]:
        print("  error:", error)
    if args.json is not None:
        args.json.write_text(json.dumps(asdict(report)), encoding="utf-8")
    return 0 if passed(report) else 1


if __name__ == "__main__":
    raise SystemExit(main())
