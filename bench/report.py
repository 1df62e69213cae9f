"""The table of rows, where it was measured, and ``docs/performance.md``."""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime
from pathlib import Path

from bench.harness import (
    DOCS_PAGE,
    Row,
)

# -- the table ----------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """Where the numbers were measured."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": str(os.cpu_count() or "?"),
        "cpu": cpu,
        "python": platform.python_version(),
        "platform": platform.platform(terse=True),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table (also what is printed)."""
    lines = ["| benchmark | measured | target | met |", "| --- | --- | --- | --- |"]
    for row in rows:
        cells = [row.name, row.measured, row.target, row.verdict]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines)


WHERE_THE_TIME_GOES = "## Where the time goes"


def kept_notes() -> str:
    """The page's hand-written "Where the time goes" section, which a rewrite keeps as it is."""
    page = DOCS_PAGE.read_text(encoding="utf-8")
    start = page.find(WHERE_THE_TIME_GOES)
    if start < 0:
        raise RuntimeError(f"{DOCS_PAGE} has no {WHERE_THE_TIME_GOES!r} section to keep")
    return page[start:].rstrip("\n") + "\n"


def write_docs(rows: list[Row], info: dict[str, str]) -> None:
    """Replace the table of ``docs/performance.md`` and where it was measured; keep its notes."""
    notes = kept_notes()
    text = f"""# Performance

The numbers below come from one run of the benchmark harness, `bench/run.py`. Reproduce them
with:

```bash
python3 -m pip install "nox==2026.10.20" && python3 -m nox -s bench
```

It starts a stand-in CircleCI server in a separate process on 127.0.0.1, measures each pair of
contestants alternately over several rounds, and prints every ratio with its target. Every
benchmark runs three times, each time in a fresh process: a row shows the median of the three
rounds with their min-max, and meets its target when the median does. Only ratios (and shares)
are targets: each is measured against a baseline in the same run, on the same machine.
`python3 -m nox -s bench -- --write-docs` rewrites this page.

Measured on {info["date"]}: {info["nproc"]} CPUs ({info["cpu"]}), Python {info["python"]},
{info["platform"]}.

{table(rows)}

Ratios are medians of per-round ratios, each round timing the contestants back to back.
Memory rows trace allocations with `tracemalloc` and read the resident set size from
`/proc/self/statm`; "flat" means memory does not grow with the number of pages.

{notes}"""
    DOCS_PAGE.write_text(text, encoding="utf-8")
