"""The rows ``run.py`` measures itself: per call, parsing, paging, import time, regeneration."""

from __future__ import annotations

import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from bench.harness import (
    BULK_PIPELINES,
    BULK_SLUG,
    NOT_AVAILABLE,
    PAGE_SIZE,
    ROOT,
    SLUG,
    TOKEN,
    Row,
    Server,
    alternate,
    median_ratio,
    ratio_row,
    rss_kib,
    us,
)

# -- 1 and 2: per-call cost -------------------------------------------------------------------


def bench_per_call(server: Server, calls: int, rounds: int) -> list[Row]:
    """``getProjectBySlug`` through the client vs raw httpx vs pycircleci."""
    from circleci_client import AuthenticatedClient
    from circleci_client.api.project import get_project_by_slug

    client = AuthenticatedClient(TOKEN, server.base_url)
    raw = httpx.Client(base_url=server.base_url, headers={"Circle-Token": TOKEN})
    path = f"/project/{SLUG}"
    contestants: dict[str, Callable[[], object]] = {
        "client": lambda: get_project_by_slug.sync(SLUG, client=client),
        "raw": lambda: json.loads(raw.get(path).content),
    }
    try:
        from pycircleci.api import Api

        legacy = Api(TOKEN, url=f"{server.origin}/api")
        contestants["pycircleci"] = lambda: legacy.get_project(SLUG)
    except ImportError:
        legacy = None
    with client, raw:
        assert get_project_by_slug.sync(SLUG, client=client).slug == SLUG
        alternate(contestants, rounds=len(contestants), repeat=50)  # warm up every path
        times = alternate(contestants, rounds=rounds, repeat=max(1, calls // rounds))
    med = {name: statistics.median(values) for name, values in times.items()}
    ratio = median_ratio(times["client"], times["raw"])
    rows = [
        ratio_row(
            f"per call: getProjectBySlug, client vs raw httpx + json.loads ({calls} calls each)",
            ratio,
            ("<=", 1.05),
            f"{us(med['client'])} vs {us(med['raw'])}",
        )
    ]
    if legacy is None:
        rows.append(Row("per call: client vs pycircleci 0.7.0", NOT_AVAILABLE, "<= 1.00x", None))
    else:
        vs = median_ratio(times["client"], times["pycircleci"])
        rows.append(
            ratio_row(
                f"per call: client vs pycircleci 0.7.0 Api.get_project ({calls} calls each)",
                vs,
                ("<=", 1.0),
                f"{us(med['client'])} vs {us(med['pycircleci'])}; not slower",
            )
        )
    return rows


# -- 3: parsing one insights page ------------------------------------------------------------


def insights_page(runs: int = 250) -> bytes:
    """A ``getProjectWorkflowRuns`` page of ``runs`` runs, shaped like CircleCI's."""
    import uuid
    from datetime import timedelta

    def stamp(moment: datetime) -> str:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"

    statuses = ["success", "failed", "success", "error", "canceled", "success", "running"]
    newest = datetime(2025, 10, 15, 12, 0, 0, tzinfo=UTC)
    items = []
    for i in range(runs):
        created = newest - timedelta(minutes=37 * i, milliseconds=139 * i)
        duration = None if i % 17 == 0 else 60 + i
        items.append(
            {
                "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"run-{i}")),
                "branch": "main" if i % 3 else f"feature/change-{i}",
                "duration": duration,
                "created_at": stamp(created),
                "stopped_at": None
                if duration is None
                else stamp(created + timedelta(seconds=duration)),
                "credits_used": 10 * (i % 9),
                "status": statuses[i % len(statuses)],
                "is_approval": False,
            }
        )
    page = {"items": items, "next_page_token": "eyJvIjoyNTB9.c2lnbmF0dXJl"}
    return json.dumps(page).encode()


def bench_parse(rounds: int, repeat: int) -> list[Row]:
    """One 250-run page into models (the operation's own parse path) vs ``json.loads``."""
    from circleci_client import _operation
    from circleci_client.api.insights import get_project_workflow_runs as op

    body = insights_page()
    response = httpx.Response(200, content=body)

    def parse() -> object:
        return _operation.parse_body(
            op.OPERATION, "WorkflowRunListResponse", op._parse_success, response
        )

    parsed = parse()
    assert len(parsed.items) == 250  # type: ignore[attr-defined]
    times = alternate({"models": parse, "json": lambda: json.loads(body)}, rounds, repeat)
    ratio = median_ratio(times["models"], times["json"])
    med = {name: statistics.median(values) for name, values in times.items()}
    return [
        ratio_row(
            "parse one 250-run insights page into models vs json.loads",
            ratio,
            ("<=", 2.2),
            f"{us(med['models'])} vs {us(med['json'])}",
        )
    ]


# -- 4: pagination ------------------------------------------------------------------------------


def _iter_client(server: Server, client: Any) -> Iterator[object]:
    from circleci_client.api.pipeline import list_pipelines_for_project

    yield from list_pipelines_for_project.iter_items(BULK_SLUG, client=client)


def _iter_raw(server: Server, raw: httpx.Client) -> Iterator[object]:
    token: str | None = None
    path = f"/project/{BULK_SLUG}/pipeline"
    while True:
        params = {"page-token": token} if token else None
        data = json.loads(raw.get(path, params=params).content)
        yield from data["items"]
        token = data["next_page_token"]
        if not token:
            return


def _count(items: Iterator[object]) -> int:
    count = 0
    for _ in items:
        count += 1
    return count


def _memory(items: Iterator[object], early_pages: int) -> tuple[int, int, int]:
    """Traced memory still held after ``early_pages`` pages and at the end (after a full
    collection), and the peak traced while iterating."""
    tracemalloc.start()
    try:
        held_early = 0
        for count, _ in enumerate(items, start=1):
            if count == early_pages * PAGE_SIZE:
                gc.collect()
                held_early = tracemalloc.get_traced_memory()[0]
        gc.collect()
        held, peak = tracemalloc.get_traced_memory()
        return held_early, held, peak
    finally:
        tracemalloc.stop()


def _rss_growth(items: Iterator[object], early_pages: int) -> int:
    """KiB the resident set grew between ``early_pages`` pages and the end (not traced)."""
    start = rss_kib()
    for count, _ in enumerate(items, start=1):
        if count == early_pages * PAGE_SIZE:
            start = rss_kib()
    return rss_kib() - start


def bench_paging(server: Server, rounds: int) -> list[Row]:
    """5,000 pipelines through ``iter_items`` vs a raw loop: time, and memory per page."""
    from circleci_client import AuthenticatedClient

    client = AuthenticatedClient(TOKEN, server.base_url)
    raw = httpx.Client(base_url=server.base_url, headers={"Circle-Token": TOKEN})
    pages = BULK_PIPELINES // PAGE_SIZE
    early = 25
    with client, raw:
        assert _count(_iter_client(server, client)) == BULK_PIPELINES
        assert _count(_iter_raw(server, raw)) == BULK_PIPELINES
        times = alternate(
            {
                "client": lambda: _count(_iter_client(server, client)),
                "raw": lambda: _count(_iter_raw(server, raw)),
            },
            rounds,
            1,
        )
        memory = {
            "client": _memory(_iter_client(server, client), early),
            "raw": _memory(_iter_raw(server, raw), early),
        }
        rss = {
            "client": _rss_growth(_iter_client(server, client), early),
            "raw": _rss_growth(_iter_raw(server, raw), early),
        }
    ratio = median_ratio(times["client"], times["raw"])
    med = {name: statistics.median(values) for name, values in times.items()}
    rows = [
        ratio_row(
            f"iterate {BULK_PIPELINES:,} pipelines ({pages} pages of {PAGE_SIZE}): "
            "iter_items vs raw httpx loop",
            ratio,
            ("<=", 1.10),
            f"{med['client']:.2f} s vs {med['raw']:.2f} s",
        )
    ]
    # A page of parsed pipelines is tens of KiB: keeping pages would grow by that much per page.
    for name, (held_early, held, peak) in memory.items():
        growth = (held - held_early) / (pages - early)
        rows.append(
            Row(
                f"memory while iterating, {name}: held after {early} pages -> after {pages}; "
                "RSS growth in between",
                f"{held_early / 1024:.0f} -> {held / 1024:.0f} KiB ({growth:+.0f} B/page, "
                f"peak {peak / 1024:.0f} KiB); RSS {rss[name]:+d} KiB",
                "flat: < 1 KiB/page, RSS < 1 MiB",
                growth < 1024 and rss[name] < 1024,
            )
        )
    return rows


# -- 6: import time ----------------------------------------------------------------------------


def import_venv(folder: Path, package: Path = ROOT / "generated_client") -> str:
    """A new virtual environment in ``folder`` holding only the package (built from
    ``package``) and what it depends on, as a user's ``pip install`` leaves it (test and CLI
    tools installed beside it would change what httpx imports at start-up); its Python."""
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    subprocess.run([python, "-m", "pip", "install", "--quiet", str(package)], check=True)
    return python


def import_ratio(python: str, runs: int) -> tuple[float, str]:
    """Whole-process wall time of ``import circleci_client`` over ``import httpx``, each the
    fastest of ``runs`` fresh interpreters (alternating); and the two times, readable."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)

    def wall(code: str) -> float:
        started = time.perf_counter()
        subprocess.run([python, "-c", code], check=True, env=env, cwd=ROOT.parent)
        return time.perf_counter() - started

    wall("import circleci_client")  # warm the file cache and write the bytecode
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(runs):
        theirs.append(wall("import httpx"))
        ours.append(wall("import circleci_client"))
    # The fastest run of each is the one least disturbed by whatever else the machine is doing.
    return min(ours) / min(theirs), f"{min(ours) * 1000:.0f} ms vs {min(theirs) * 1000:.0f} ms"


IMPORT_PYTHON = "BENCH_IMPORT_PYTHON"
"""Environment variable naming the Python of :func:`import_venv` (made once for all rounds)."""
SYNTHETIC_CLIENT = "BENCH_SYNTHETIC_CLIENT"
"""Environment variable naming the Python of a venv holding the package generated by
:func:`bench.synthetic.synthetic_client`, and the numbers of operations, as
``PYTHON:OPERATIONS:OWN``."""


def bench_import(runs: int) -> list[Row]:
    """``import circleci_client`` vs ``import httpx``, whole processes, in a fresh venv; also
    for the package generated from a spec with synthetic extra operations."""
    name = "import circleci_client vs import httpx, whole process (fresh venv, package only)"
    with tempfile.TemporaryDirectory(prefix="circleci-bench-import-") as tmp:
        python = os.environ.get(IMPORT_PYTHON) or import_venv(Path(tmp))
        ratio, detail = import_ratio(python, runs)
        rows = [ratio_row(name, ratio, ("<=", 1.3), detail)]
        synthetic = os.environ.get(SYNTHETIC_CLIENT)
        if synthetic:
            grown, total, own = synthetic.rsplit(":", 2)
            ratio, detail = import_ratio(grown, runs)
            rows.append(
                ratio_row(
                    f"{name}, spec grown from {own} to {total} operations (synthetic)",
                    ratio,
                    ("<=", 1.3),
                    detail,
                )
            )
        else:
            rows.append(
                Row(f"{name}, spec with synthetic operations", NOT_AVAILABLE, "<= 1.3x", None)
            )
    return rows


# -- 7: regeneration ----------------------------------------------------------------------------


def bench_generate() -> list[Row]:
    """``nox -s generate`` with a warm environment, in a copy so the working tree is untouched."""
    nox = [sys.executable, "-m", "nox"]
    probe = subprocess.run([*nox, "--version"], capture_output=True, check=False)
    if probe.returncode != 0:
        found = shutil.which("nox")
        if found is None:
            return [Row("nox -s generate, warm", "nox is not installed", "<= 10 s", None)]
        nox = [found]
    envdir = ROOT / ".nox"
    with tempfile.TemporaryDirectory(prefix="circleci-bench-gen-") as tmp:
        work = Path(tmp)
        for name in ("openapi.yaml", "noxfile.py", "pyproject.toml"):
            shutil.copy2(ROOT / name, work / name)
        # generated_client/ too: the noxfile reads its metadata, and the sync twins and the
        # hand-written runtime that the drift check knows live there.
        skip = shutil.ignore_patterns("__pycache__", "*.egg-info", "build", "dist")
        for name in ("generator", "requirements", "generated_client"):
            shutil.copytree(ROOT / name, work / name, ignore=skip)
        command = [*nox, "-s", "generate", "--envdir", str(envdir)]
        warm = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
        if warm.returncode != 0:
            tail = (warm.stdout + warm.stderr).strip().splitlines()[-1:]
            return [Row("nox -s generate, warm", f"failed: {tail}", "<= 10 s", False)]
        started = time.perf_counter()
        subprocess.run(command, cwd=work, capture_output=True, check=True)
        seconds = time.perf_counter() - started
    return [
        Row(
            "nox -s generate with a warm environment",
            f"{seconds:.1f} s",
            "<= 10 s",
            seconds <= 10.0,
        )
    ]
