"""What every benchmark row uses: the row type, the stand-in process, timing helpers."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DOCS_PAGE = ROOT / "docs" / "performance.md"
TOKEN = "bench-token"
SLUG = "gh/acme/widgets"
BULK_SLUG = "gh/acme/bulk"
BULK_PIPELINES = 5000
PAGE_SIZE = 20
NOT_AVAILABLE = "not available yet"


@dataclass
class Row:
    """One line of the table: what was compared, the figure, the target and the verdict.

    ``value`` is the figure the target is about (a ratio, a share, megabytes) and ``bound`` the
    target as a comparison, e.g. ``("<=", 1.05)``: ``run.py`` takes the median of ``value`` over
    its rounds and judges that. Rows without them are judged by the rounds' own verdicts.
    """

    name: str
    measured: str
    target: str
    met: bool | None  # None: not measured (missing script, failed run)
    detail: str = ""
    value: float | None = None
    bound: tuple[str, float] | None = None
    unit: str = "x"

    @property
    def verdict(self) -> str:
        """``yes`` / ``NO`` / ``n/a``."""
        return {True: "yes", False: "NO", None: "n/a"}[self.met]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Row:
        """Read what ``dataclasses.asdict`` wrote."""
        bound = data.get("bound")
        return cls(**{**data, "bound": (bound[0], float(bound[1])) if bound else None})


def within(value: float, bound: tuple[str, float]) -> bool:
    """Whether ``value`` meets ``bound`` (``("<=", 1.05)``, ``(">=", 6)``, ``("<", 100)``)."""
    op, limit = bound
    return {"<=": value <= limit, ">=": value >= limit, "<": value < limit, ">": value > limit}[op]


def ratio_row(name: str, value: float, bound: tuple[str, float], detail: str) -> Row:
    """A row whose figure is a ratio, judged against ``bound``."""
    target = f"{bound[0]} {bound[1]:g}x"
    return Row(name, f"{value:.2f}x ({detail})", target, within(value, bound), "", value, bound)


# -- the stand-in, in its own process ------------------------------------------------------


@dataclass(frozen=True)
class Server:
    """Where the stand-in listens."""

    base_url: str  # http://127.0.0.1:PORT/api/v2
    token: str

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:PORT``."""
        return self.base_url.removesuffix("/api/v2")


@contextmanager
def standin(*extra: str) -> Iterator[Server]:
    """Run ``python -m tests.standin --port 0`` in a subprocess until the block ends."""
    command = [sys.executable, "-m", "tests.standin", "--port", "0", "--token", TOKEN, *extra]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        if not first.startswith("base URL: "):
            raise RuntimeError(f"the stand-in did not start: {first!r}")
        yield Server(first.removeprefix("base URL: ").split()[0], TOKEN)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


# -- helpers ----------------------------------------------------------------------------------


def alternate(
    contestants: dict[str, Callable[[], object]], rounds: int, repeat: int
) -> dict[str, list[float]]:
    """Seconds per call of each contestant, one figure per round; the order rotates per round."""
    names = list(contestants)
    times: dict[str, list[float]] = {name: [] for name in names}
    for r in range(rounds):
        order = names[r % len(names) :] + names[: r % len(names)]
        if r % 2:
            order.reverse()
        for name in order:
            fn = contestants[name]
            started = time.perf_counter()
            for _ in range(repeat):
                fn()
            times[name].append((time.perf_counter() - started) / repeat)
    return times


def median_ratio(numerator: list[float], denominator: list[float]) -> float:
    """Median of the per-round ratios (rounds were measured side by side)."""
    return statistics.median(a / b for a, b in zip(numerator, denominator, strict=True))


def us(seconds: float) -> str:
    """Format seconds as microseconds or milliseconds."""
    if seconds < 0.01:
        return f"{seconds * 1e6:.0f} us"
    return f"{seconds * 1e3:.1f} ms"


def rss_kib() -> int:
    """The current resident set size of this process, in KiB (Linux)."""
    try:
        resident = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0
    return resident * os.sysconf("SC_PAGE_SIZE") // 1024
