"""The rows of the ``bench/*.py`` scripts: each runs as ``python -m bench.<script> --json FILE``
in a subprocess, and its figures are read back through the script's result type.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.harness import (
    BENCH,
    NOT_AVAILABLE,
    ROOT,
    Row,
    ratio_row,
)

# -- 5 and the others: scripts maintained next to this one ----------------------------------


def _script(module: str, *, failure_has_data: bool = False) -> tuple[dict[str, Any] | None, str]:
    """Run ``python -m bench.<module> --json FILE``; (what it wrote, "") or (None, why not).

    A script that exits non-zero has failed, unless ``failure_has_data`` (the figures it wrote
    then say what went wrong).
    """
    if not (BENCH / f"{module}.py").exists():
        return None, NOT_AVAILABLE
    with tempfile.TemporaryDirectory(prefix="circleci-bench-") as folder:
        out = Path(folder) / f"{module}.json"
        done = subprocess.run(
            [sys.executable, "-m", f"bench.{module}", "--json", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
        if out.is_file() and (done.returncode == 0 or failure_has_data):
            data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
            return data, ""
    last = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
    return None, f"failed (exit {done.returncode}): {last[0][:80]}"


def bench_artifacts() -> list[Row]:
    """``bench/artifacts_bench.py``: concurrent vs sequential download, and a 1 GiB file's RSS."""
    speed_name = "artifacts: 100 x 1 MiB, 20 ms latency, library vs sequential"
    memory_name = "artifacts: one 1 GiB artifact, peak RSS of the downloading process"
    data, why = _script("artifacts_bench")
    if data is None:
        return [Row(speed_name, why, ">= 6x", None), Row(memory_name, why, "< 100 MB", None)]
    from bench.artifacts_bench import ArtifactsResult

    result = ArtifactsResult.from_json(data)
    speed = result.speed
    rows = [
        ratio_row(
            speed_name,
            speed.speedup,
            (">=", 6.0),
            f"{speed.tool_seconds:.2f} s vs {speed.sequential_seconds:.2f} s",
        )
    ]
    memory = result.memory
    if memory is None:
        rows.append(Row(memory_name, "not measured", "< 100 MB", None))
    else:
        rows.append(
            Row(
                memory_name,
                f"{memory.rss_peak_mb:.0f} MB ({memory.seconds:.1f} s)",
                "< 100 MB",
                memory.rss_peak_mb < 100.0,
                value=memory.rss_peak_mb,
                bound=("<", 100.0),
                unit=" MB",
            )
        )
    return rows


def bench_fanout() -> list[Row]:
    """``bench/fanout_bench.py``: 200 job details, async fan-out vs pycircleci one by one."""
    name = "fan-out: 200 getJobDetails, 20 ms latency, bulk.map vs pycircleci one by one"
    data, why = _script("fanout_bench")
    if data is None:
        return [Row(name, why, ">= 10x", None)]
    from bench.fanout_bench import FanoutResult

    result = FanoutResult.from_json(data)
    legacy = result.pycircleci
    if legacy is None:
        return [Row(name, "pycircleci is not installed", ">= 10x", None)]
    speedup = result.speedup(legacy)
    return [
        Row(
            name,
            f"{speedup:.1f}x (correct {legacy.correct}/{result.calls})",
            ">= 10x",
            speedup >= 10.0 and legacy.correct == result.calls,
            value=speedup,
            bound=(">=", 10.0),
        )
    ]


def bench_ratelimit() -> list[Row]:
    """``bench/ratelimit_bench.py``: fan-out against a rate-limited stand-in, recovery after a
    burst of 429s, and a sequential caller."""
    name = "rate limit: 500 calls, 16-way"
    target = ">= 90% of R, < 3% 429s, every call correct"
    data, why = _script("ratelimit_bench")
    if data is None:
        return [Row(name, why, target, None)]
    from bench.ratelimit_bench import RatelimitResult

    result = RatelimitResult.from_json(data)
    rows = []
    for fanout in result.fanouts:
        report = fanout.report
        share = round(report.efficiency * 100)
        throttled = round(report.throttled_share * 100, 1)
        rows.append(
            Row(
                f"{name}, R={report.rate:g}/s, {fanout.label}",
                f"{report.elapsed:.2f} s, {report.throughput:.1f}/s ({share}% of R), "
                f"429s {throttled:.1f}%, correct {report.correct}/{report.calls}",
                "comparison only" if fanout.baseline else target,
                None
                if fanout.baseline
                else report.correct == report.calls and share >= 90 and throttled < 3.0,
                value=None if fanout.baseline else report.efficiency * 100,
                bound=None if fanout.baseline else (">=", 90.0),
                unit="% of R",
            )
        )
    rows += [Row(j.name, j.measured, j.target, j.met) for j in result.judged]
    return rows or [Row(name, "no rows in its output", target, None)]


def bench_soak() -> list[Row]:
    """``bench/soak.py``: the bigger soak run (10,000 calls through random faults)."""
    name = "soak: 10,000 calls through random 429s, 5xx, drops and latency"
    target = "no failed GET, duplicate trigger or wrong parse"
    data, why = _script("soak", failure_has_data=True)
    if data is None:
        return [Row(name, why, target, None)]
    from bench.soak import passed
    from tests.load import SoakReport

    report = SoakReport(**data)
    return [
        Row(
            name,
            f"{report.elapsed:.1f} s; failed GETs {report.gets_failed}, duplicate triggers "
            f"{report.duplicate_triggers}, wrong parses {report.parsed_wrongly}",
            target,
            passed(report),
        )
    ]
