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


def write_docs(rows: list[Row], info: dict[str, str]) -> None:
    """Replace ``docs/performance.md`` with the table and where it was measured."""
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

{WHERE_THE_TIME_GOES}"""
    DOCS_PAGE.write_text(text, encoding="utf-8")


WHERE_THE_TIME_GOES = """## Where the time goes

What the profiles show, and what was changed because of them. The speed tricks all live in
`circleci_client/_fast_paths.py`, each pinned to the standard behaviour by
`tests/test_fast_paths.py`; the gains below were measured on the machine above, per call.

- **Parsing insights runs.** Measured per run in CPU time (`time.thread_time`, the machine
  being shared) and in instructions under valgrind (exact): decoding a run's JSON costs about
  0.9 µs, building its `WorkflowRun` went from about 1.4 µs to 1.0 µs. `from_dict` now makes
  the instance with `object.__new__` and stores each field itself (0.12 µs against 0.19 µs for
  the attrs `__init__`; no model has validators, converters or hooks, which a test checks for
  every model), repeats the UUID parser's fast path and the enum lookup inline (0.1 µs), and
  leaves `additional_properties` to be made on first use by the model's `__getattr__` when
  the object has no undocumented key. That last one removes one allocation in three, and with
  it most of the garbage collector's work: 0.9 collections per page before, 0.67 when every
  page is kept, almost none when each page is dropped before the next, as in the benchmark.
  The rest is the UUID (0.45 µs: the hex text decoded, two slots filled through their
  descriptors), the two timestamps (0.16 µs) and freeing the objects. CPU-time ratio on this
  machine: 2.45-2.60 before, 2.14-2.18 after; instruction ratio 2.27 before, 2.01 after.
  Measured and not kept: `gc.disable()` around a page (its gain in the benchmark is a
  collection deferred to the caller's next allocation, and it changes process-wide state
  under other threads), one loop over a page's items without a call per item (within 3 %).
- **Joining operation paths.** httpx parses and re-encodes the path and the joined URL on every
  request: 43 µs, against 0.12 µs for the cached join, and `build_request` drops from 42 µs to
  12 µs. That is about 2 % of a call to the stand-in over loopback.
- **Import.** `import circleci_client` loads no operation and no model: the models package
  imports each model on first use, so importing an operation loads only the models it uses,
  and the import rows are the same for the project's spec and for one grown to 110 operations.
  httpcore waits for the first transport (as httpx itself does), attrs for the first model
  (`types.Response` is a dataclass) and the uuid module for the first id: together about 9 ms
  of the 19 ms the package added to `import httpx`.
- **Async fan-out.** httpcore imports the optional `sniffio` inside a function it calls several
  times per async request; since anyio 4.11 no longer installs it, every call searched
  `sys.path` again (encode/httpcore#1103): 200 calls took 0.34 s of CPU, 0.16 s once the
  absent module is recorded as absent. Each assignment of a request to a connection also asks
  every idle connection whether its socket is readable, which anyio answered by rebuilding a
  table of attributes; the socket is now found once per connection.
- **Artifacts.** With 20 ms of latency per request the download is bound by waiting and by the
  CPU of two processes on two cores (the client spends about 0.3 s of CPU on 100 MiB, the same
  as the sequential loop). Measured side by side: 4 threads 2.1x, 8 threads 3.2x, 16 threads
  4.4x; 1 MiB socket reads instead of 64 KiB 3.1x with 8 threads and 4.2x with 16 (more CPU,
  not less); the async path 1.2-1.7x, because closing each file flushes its 1 MiB write buffer
  from the event loop (0.6 s for 100 files). So downloads now run 16 files at once by default.
  Listing the job's 100 artifacts takes five pages one after the other (about 0.1 s, paid by
  both contestants).
"""
