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

- **Parsing insights runs.** Decoding a run's JSON costs about 0.9 µs; building its
  `WorkflowRun` about 1.2 µs, and the cyclic garbage collector adds 15-40 % to that (each run
  allocates a model and a `UUID`, both tracked, where the JSON has one dictionary). The tricks
  kept, because the parse row shows them: a UUID parser that fills the two slots itself
  (0.44 µs against 0.94 µs for `uuid.UUID(text)`), a dictionary of enum members (0.06 µs
  against about 0.5 µs for calling the enum class, several µs for a value the spec does not
  list, whose member is made with `str.__new__`), and positional construction (0.14 µs against
  0.85 µs for keywords). Further variants (the enum lookup or the UUID parse inlined into
  `from_dict`, no check for undocumented keys) measured within 4 % and were not added. The
  rest is the attrs `__init__`, the field reads and the type checks the strict parsing needs,
  so the page stays 2.5-2.7 times `json.loads` (the target of 2.2x is not met).
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
- **Artifacts.** With 20 ms of latency per request the download is bound by waiting and by
  CPU on two cores shared with the stand-in. Where the CPU goes, for 100 files of 1 MiB: the
  client spends 0.25-0.3 s, about half of it per file (100 files of one byte cost 0.15 s:
  httpx's request path, the folder walk, the `.part` and validator files) and half per byte
  (h11 copies each 64 KiB read three times before the download sees it). The stand-in's file
  host spends 0.10-0.12 s for the whole run, 0.085 s of it with one-byte files, so serving the
  bodies costs it about 0.035 s per 100 MiB: it already sends 256 KiB pieces, and a leaner
  server (`sendfile`, no ASGI) would free at most that much, so it is unchanged. Measured side
  by side: 4 threads 2.1x, 8 threads 3.2x, 16 threads 4.4x, 24 and 32 threads slower than 16;
  1 MiB socket reads instead of 64 KiB 3.1x with 8 threads and 4.2x with 16 (more CPU, not
  less). What changed: each received chunk is now written to the `.part` as it arrives, with
  no 1 MiB write buffer (100 MiB in 64 KiB writes took 0.07-0.08 s here, in 1 MiB writes
  0.11-0.13 s), so closing a file writes nothing; and the async path runs its file operations
  (opening, the validator, each write, the rename) in a thread rather than in the event loop,
  which took it from 1.7-2.6 s to 0.8-1.3 s on a busy machine. The async path is still about
  twice the sync one: its stack (anyio, httpcore's async pool) spends about 0.55 s of CPU
  where the threads spend 0.25 s. Listing the job's 100 artifacts takes five pages one after
  the other (about 0.12 s, paid by both contestants); where a file goes is known only once
  the last page is in (node folders, collisions), so nothing is written before. Sending the
  first 16 files' requests while the later pages arrive was tried: within the noise (4.2x
  against 4.0x, 4.2x against 3.5x), and its extra threads made stopping on Ctrl-C miss its
  one-second grace on a loaded machine, so it was left out. Measured alternately against the
  previous version, twelve rounds each: 4.1x before, 4.7x after (library 0.73 s and 0.68 s,
  medians); the target of 6x is not met.
  Per file, with 100 one-byte files on one thread (the client process's CPU, the listing
  subtracted), alternating with the previous version, three rounds of seven: 1.57-1.66 ms
  before, 1.25-1.60 ms after. Two changes: each destination folder is walked from the root
  once per run and its descriptor shared by the files in it (it was walked, with its opens
  and closes, for every file; a run keeps at most 32 unused folders open and closes them all
  at its end), and a fresh `.part` and its validator are created exclusively at once, the
  unlink tried only when something is in the way, with no temporary file renamed over the
  validator (it is written while its `.part` is still empty, so a crash can cut it short
  only beside an empty `.part`, which is never resumed). A profile on the thread's CPU clock
  puts the rest of each file's cost in httpx: about 60 % in the round trip (httpcore, h11),
  10 % in parsing the artifact's URL, 10 % in building the request and storing its cookies,
  15 % in the remaining file calls (the `lstat`s, creating the `.part` and the validator,
  the rename); no logging, redaction or progress work shows. With 16 threads and no latency
  the per-file cost roughly doubles (2.3-2.5 ms), the threads contending for the interpreter
  lock. The row, alternately against the version before, four rounds each: 4.55x before,
  4.8x after (library 0.63 s and 0.60 s, medians), within the noise; the target of 6x is
  not met.
"""
