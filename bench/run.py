"""Benchmark harness: one table of ratios measured in one run, each row against its target.

    nox -s bench                       # what to run (installs the pins in requirements/bench.txt)
    python -m bench.run [--write-docs] [--json PATH] [--only NAME ...] [--quick]

Run it from the repository root, as a module: the scripts import ``tests.standin`` (the
stand-in's entry point) and ``bench.*`` from there.

Every comparison runs in this process against a stand-in CircleCI started as a *separate*
process (``python -m tests.standin``) over loopback, so the server never competes with the
client for the interpreter lock. Timed comparisons alternate their contestants over several
rounds and report medians. Each benchmark runs three times, each time in a fresh process
(``python -m bench.run --round``); a row shows the median of the three with their min-max, and
meets its target when the median does (and most rounds met every other condition). The rows:

* ``per-call``: ``getProjectBySlug`` through the client (parsed model) vs raw
  ``httpx.Client.get`` + ``json.loads``, and vs ``pycircleci``;
* ``parse``: one 250-run insights page into models vs ``json.loads`` of the same bytes;
* ``paging``: 5,000 pipelines (250 pages of 20) through ``iter_items`` vs a raw httpx loop,
  time and memory growth per page;
* ``import``: ``python -c "import circleci_client"`` vs ``python -c "import httpx"``, whole
  processes in a fresh venv holding the package only; again for the package generated from the
  spec grown with synthetic operations to 110 (``bench/synthetic.py``), since start-up must not
  grow with the spec;
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
import os
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, replace
from pathlib import Path

from bench.comparisons import (
    IMPORT_PYTHON,
    SYNTHETIC_CLIENT,
    bench_generate,
    bench_import,
    bench_paging,
    bench_parse,
    bench_per_call,
    import_venv,
)
from bench.harness import (
    BULK_PIPELINES,
    DOCS_PAGE,
    ROOT,
    Row,
    standin,
    within,
)
from bench.report import machine, table, write_docs
from bench.scripts import bench_artifacts, bench_fanout, bench_ratelimit, bench_soak

BENCHES = ("per-call", "parse", "paging", "artifacts", "import", "generate", "fanout", "others")
ROUNDS = 3
"""Fresh processes per benchmark; each row shows their median and their range."""
SYNTHETIC_OPERATIONS = 110
"""Operations of the grown spec the second import row is measured with."""


def one_round(selected: set[str], quick: bool) -> list[Row]:
    """Measure the selected benchmarks once, in this process."""
    rounds = 4 if quick else 10
    rows: list[Row] = []

    def run(name: str, bench: Callable[[], list[Row]]) -> None:
        if name in selected:
            rows.extend(bench())

    if selected & {"per-call", "paging"}:
        with standin("--extra-pipelines", str(BULK_PIPELINES)) as server:
            run("per-call", lambda: bench_per_call(server, calls=2000, rounds=rounds))
            run("paging", lambda: bench_paging(server, rounds=3 if quick else 5))
    run("parse", lambda: bench_parse(rounds=rounds, repeat=20))
    run("import", lambda: bench_import(runs=10 if quick else 15))
    run("generate", bench_generate)
    run("artifacts", bench_artifacts)
    run("fanout", bench_fanout)
    run("others", lambda: bench_ratelimit() + bench_soak())
    return rows


def _figure(value: float, unit: str) -> str:
    return f"{value:.2f}x" if unit == "x" else f"{value:.0f}{unit}"


def combine(rounds: list[list[Row]]) -> list[Row]:
    """One row per name from the rounds: the median figure with the rounds' min-max.

    A row with a figure meets its target when the median does and most rounds met every
    condition of theirs (correct results, say); a row without one when most rounds met it.
    """
    names = list(dict.fromkeys(row.name for rows in rounds for row in rows))
    combined: list[Row] = []
    for name in names:
        rows = [row for found in rounds for row in found if row.name == name]
        votes = [row.met for row in rows if row.met is not None]
        most = sum(votes) * 2 > len(votes) if votes else None
        values = [row.value for row in rows if row.value is not None]
        bound = rows[0].bound
        if bound is None or len(values) != len(rows):
            summary = f"{rows[len(rows) // 2].measured}; met in {sum(votes)} of {len(rows)}"
            combined.append(replace(rows[0], measured=summary, met=most))
            continue
        middle = sorted(rows, key=lambda row: row.value or 0.0)[len(rows) // 2]
        median = statistics.median(values)
        spread = f"{_figure(min(values), middle.unit)}-{_figure(max(values), middle.unit)}"
        measured = f"{_figure(median, middle.unit)} (min-max {spread}; median round: "
        measured += f"{middle.measured})"
        met = within(median, bound) and bool(most)
        combined.append(replace(middle, measured=measured, met=met, value=median))
    return combined


def _child(name: str, quick: bool, env: dict[str, str]) -> list[Row]:
    """One round of ``name`` in a fresh ``python -m bench.run --round`` process."""
    with tempfile.TemporaryDirectory(prefix="circleci-bench-round-") as folder:
        out = Path(folder) / "rows.json"
        command = [sys.executable, "-m", "bench.run", "--round", "--only", name]
        command += ["--json", str(out), *(["--quick"] if quick else [])]
        done = subprocess.run(command, cwd=ROOT, env=env, check=False)
        if done.returncode != 0 or not out.is_file():
            return [Row(f"{name} (round failed, exit {done.returncode})", "", "", False)]
        return [Row.from_json(row) for row in json.loads(out.read_text())["rows"]]


def _shared_setup(selected: set[str], folder: Path, env: dict[str, str]) -> None:
    """What every round of the import rows uses, made once: the venv and the grown spec."""
    if "import" not in selected:
        return
    print("preparing the import venv and the grown spec ...", file=sys.stderr, flush=True)
    env[IMPORT_PYTHON] = import_venv(folder / "spec")
    try:
        from bench.synthetic import synthetic_client

        client, own = synthetic_client(folder / "synthetic", SYNTHETIC_OPERATIONS)
    except (ImportError, OSError, SystemExit) as exc:  # no openapi-python-client or ruff
        print(f"no grown spec: {exc}", file=sys.stderr)
        return
    grown = import_venv(folder / "grown", client)
    env[SYNTHETIC_CLIENT] = f"{grown}:{SYNTHETIC_OPERATIONS}:{own}"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, print the table and optionally write it to the docs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-docs", action="store_true", help="rewrite docs/performance.md")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    parser.add_argument("--only", nargs="+", choices=BENCHES, help="run only these benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (noisier)")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help="fresh processes per row")
    parser.add_argument("--round", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    selected = set(args.only or BENCHES)
    info = machine()
    if args.round:  # one round, in this (fresh) process
        rows = one_round(selected, args.quick)
    else:
        rows = []
        env = dict(os.environ)
        with tempfile.TemporaryDirectory(prefix="circleci-bench-") as folder:
            _shared_setup(selected, Path(folder), env)
            for name in (name for name in BENCHES if name in selected):
                rounds = []
                for number in range(1, args.rounds + 1):
                    print(f"running {name}, round {number} ...", file=sys.stderr, flush=True)
                    rounds.append(_child(name, args.quick, env))
                rows += combine(rounds)
        print(
            f"\n{info['nproc']} CPUs ({info['cpu']}), Python {info['python']}, {info['date']}; "
            f"each row the median of {args.rounds} fresh-process rounds\n",
            flush=True,
        )
        print(table(rows))
    if args.json is not None:
        args.json.write_text(json.dumps({"machine": info, "rows": [asdict(r) for r in rows]}))
    if args.write_docs and not args.round:
        write_docs(rows, info)
        print(f"\nwrote {DOCS_PAGE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
