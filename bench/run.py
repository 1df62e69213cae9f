"""Benchmark harness: one table of ratios measured in one run, each row against its target.

    nox -s bench                       # what to run (installs the pins in requirements/bench.txt)
    python -m bench.run [--write-docs] [--json PATH] [--only NAME ...] [--quick]

Run it from the repository root, as a module: the scripts import ``tests.standin`` (the
stand-in's entry point) and ``bench.*`` from there.

Every comparison runs in this process against a stand-in CircleCI started as a *separate*
process (``python -m tests.standin``) over loopback, so the server never competes with the
client for the interpreter lock. Timed comparisons alternate their contestants over several
rounds and report medians. The rows:

* ``per-call``: ``getProjectBySlug`` through the client (parsed model) vs raw
  ``httpx.Client.get`` + ``json.loads``, and vs ``pycircleci``;
* ``parse``: one 250-run insights page into models vs ``json.loads`` of the same bytes;
* ``paging``: 5,000 pipelines (250 pages of 20) through ``iter_items`` vs a raw httpx loop,
  time and memory growth per page;
* ``import``: ``python -c "import circleci_client"`` minus ``python -c pass``;
* ``generate``: ``nox -s generate`` with a warm environment (run in a copy of the sources);
* ``artifacts``, ``fanout``, ``ratelimit``, ``soak``: the figures of ``bench/*.py`` scripts
  maintained next to this one, each run as ``python -m bench.<script> --json FILE`` in a
  subprocess and read back through its result type ("not available" while one is missing).

Modules: ``harness`` (the row type, the stand-in process, timing helpers), ``comparisons``
(the rows measured here), ``scripts`` (the rows of the scripts), ``report`` (the table and the
docs page), and this one, which runs the rows chosen.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from bench.comparisons import (
    bench_generate,
    bench_import,
    bench_paging,
    bench_parse,
    bench_per_call,
)
from bench.harness import (
    BULK_PIPELINES,
    DOCS_PAGE,
    ROOT,
    Row,
    standin,
)
from bench.report import machine, table, write_docs
from bench.scripts import bench_artifacts, bench_fanout, bench_ratelimit, bench_soak

BENCHES = ("per-call", "parse", "paging", "artifacts", "import", "generate", "fanout", "others")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the table and optionally write it to the docs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-docs", action="store_true", help="rewrite docs/performance.md")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    parser.add_argument("--only", nargs="+", choices=BENCHES, help="run only these benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer rounds (noisier)")
    args = parser.parse_args(argv)
    selected = set(args.only or BENCHES)
    rounds = 4 if args.quick else 10
    rows: list[Row] = []

    def run(name: str, bench: Callable[[], list[Row]]) -> None:
        if name in selected:
            print(f"running {name} ...", file=sys.stderr, flush=True)
            rows.extend(bench())

    if selected & {"per-call", "paging"}:
        with standin("--extra-pipelines", str(BULK_PIPELINES)) as server:
            run("per-call", lambda: bench_per_call(server, calls=2000, rounds=rounds))
            run("paging", lambda: bench_paging(server, rounds=3 if args.quick else 5))
    run("parse", lambda: bench_parse(rounds=rounds, repeat=20))
    run("import", lambda: bench_import(runs=10 if args.quick else 15))
    run("generate", bench_generate)
    run("artifacts", bench_artifacts)
    run("fanout", bench_fanout)
    run("others", lambda: bench_ratelimit() + bench_soak())

    info = machine()
    print(
        f"\n{info['nproc']} CPUs ({info['cpu']}), Python {info['python']}, {info['date']}\n",
        flush=True,
    )
    print(table(rows))
    if args.json is not None:
        args.json.write_text(json.dumps({"machine": info, "rows": [asdict(r) for r in rows]}))
    if args.write_docs:
        write_docs(rows, info)
        print(f"\nwrote {DOCS_PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
