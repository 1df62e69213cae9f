"""Benchmark artifact downloads against a local stand-in (not a test; run it by hand).

    python -m bench.artifacts_bench [--files 100] [--size-mib 1] [--latency 0.02] [--rounds 3]
                                    [--big-gib 1] [--json PATH]

1. Speed: a job with ``--files`` artifacts of ``--size-mib`` MiB, every request delayed by
   ``--latency`` seconds, downloaded by :func:`download_job_artifacts` (default concurrency)
   and by a plain sequential loop (one GET after the other); prints both times and the ratio.
   Both run in a fresh subprocess, so client and server do not share one interpreter lock.
2. Memory: a fresh subprocess downloads one ``--big-gib`` GiB artifact with the library and
   reports its peak RSS (``resource.getrusage``); the server runs in this process, so its
   memory is not counted.

:func:`measure` returns the figures as :class:`ArtifactsResult`; ``--json PATH`` writes them
as JSON (``bench/run.py`` reads that file).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from circleci_client import AuthenticatedClient
from circleci_client.artifacts import download_job_artifacts, list_artifacts

from tests.standin import Artifact, Standin

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024


@dataclass(frozen=True)
class SpeedResult:
    """Concurrent download by the library vs a sequential loop, medians over the rounds."""

    files: int
    size: int
    latency: float
    rounds: int
    tool_seconds: float
    sequential_seconds: float
    ratios: list[float]

    @property
    def speedup(self) -> float:
        """Median of the per-round ratios sequential / library."""
        return statistics.median(self.ratios)


@dataclass(frozen=True)
class MemoryResult:
    """One big artifact downloaded in a fresh process."""

    gib: float
    seconds: float
    rss_before_mb: float
    rss_peak_mb: float


@dataclass(frozen=True)
class ArtifactsResult:
    """Everything this benchmark measured (``memory`` is None when it was skipped)."""

    speed: SpeedResult
    memory: MemoryResult | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArtifactsResult:
        """Read what :func:`write_json` wrote."""
        memory = data["memory"]
        return cls(SpeedResult(**data["speed"]), MemoryResult(**memory) if memory else None)

    def write_json(self, path: Path) -> None:
        """Write the figures to ``path`` as JSON."""
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")


def _client(base_url: str, token: str, artifact_base_url: str) -> AuthenticatedClient:
    return AuthenticatedClient(token, base_url, token_hosts=[artifact_base_url])


def sequential(client: AuthenticatedClient, slug: str, job: int, dest: Path) -> int:
    """The baseline: list, then GET each artifact in turn and write it out."""
    http = client.get_httpx_client()
    total = 0
    for art in list_artifacts(client, slug, job):
        target = dest / art.path
        target.parent.mkdir(parents=True, exist_ok=True)
        with http.stream("GET", art.url) as response, target.open("wb") as out:
            response.raise_for_status()
            for chunk in response.iter_raw(256 * 1024):
                out.write(chunk)
                total += len(chunk)
    return total


def speed(files: int, size: int, latency: float, rounds: int) -> SpeedResult:
    """Serve the files from this process and time both downloaders in fresh processes.

    Each round is one fresh process timing both; the median ratio over the rounds is reported,
    since a single round on a shared machine can be off by 10 % either way.
    """
    tools: list[float] = []
    bases: list[float] = []
    with Standin() as standin:
        facts = standin.world.facts
        job = standin.world.projects[facts.widgets_slug].jobs_by_number[facts.build_job_number]
        with standin.world.lock:
            job.artifacts = [
                Artifact(f"bulk/file-{i:03d}.bin", 0, size, None, f"bench:{i}")
                for i in range(files)
            ]
        standin.faults.latency(latency, host="any")
        for _ in range(rounds):
            with tempfile.TemporaryDirectory() as tmp:
                data = _run_child(
                    "--child-speed", standin, facts.widgets_slug, facts.build_job_number, "*", tmp
                )
            assert data["tool_files"] == files and data["sequential_bytes"] == files * size
            tools.append(data["tool_seconds"])
            bases.append(data["sequential_seconds"])
    ratios = sorted(base / tool for base, tool in zip(bases, tools, strict=True))
    tool, base = statistics.median(tools), statistics.median(bases)
    return SpeedResult(files, size, latency, rounds, tool, base, ratios)


def print_speed(result: SpeedResult) -> None:
    """The speed figures, readable."""
    files, size, tool, base = (
        result.files,
        result.size,
        result.tool_seconds,
        result.sequential_seconds,
    )
    mib = files * size / MIB
    print(
        f"{files} x {size / MIB:g} MiB, {result.latency * 1000:g} ms latency per request, "
        f"{result.rounds} rounds"
    )
    print(f"  library, default concurrency: {tool:6.2f} s ({mib / tool:7.1f} MiB/s), median")
    print(f"  sequential one by one:  {base:6.2f} s ({mib / base:7.1f} MiB/s), median")
    print(f"  per round: {', '.join(f'{r:.2f}x' for r in result.ratios)}")
    print(f"  speed-up: {result.speedup:.1f}x (median; goal >= 6x)")


def _run_child(
    mode: str, standin: Standin, slug: str, job: int, glob: str, dest: str
) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.artifacts_bench", mode, standin.base_url]
    command += [standin.token, standin.artifact_base_url, slug, str(job), glob, dest]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    data: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return data


def child_speed(args: argparse.Namespace) -> None:
    """Time the library and the sequential loop; print JSON (run in a fresh process)."""
    client = _client(args.base_url, args.token, args.artifact_base_url)
    with client:
        started = time.perf_counter()
        report = download_job_artifacts(client, args.slug, args.job, Path(args.dest) / "tool")
        tool = time.perf_counter() - started
        assert report.ok, report.summary()
        started = time.perf_counter()
        got = sequential(client, args.slug, args.job, Path(args.dest) / "seq")
        base = time.perf_counter() - started
    result = {
        "tool_seconds": tool,
        "tool_files": len(report.downloaded),
        "sequential_seconds": base,
        "sequential_bytes": got,
    }
    print(json.dumps(result))


def child_memory(args: argparse.Namespace) -> None:
    """Download the big artifact and print JSON with the peak RSS (run in a fresh process)."""
    client = _client(args.base_url, args.token, args.artifact_base_url)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with client:
        report = download_job_artifacts(
            client, args.slug, args.job, args.dest, glob=args.glob, concurrency=8
        )
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    [result] = report.files
    print(
        json.dumps(
            {
                "ok": report.ok,
                "size": result.size,
                "seconds": elapsed,
                "rss_before_kib": before,
                "rss_peak_kib": peak,
            }
        )
    )


def memory(gib: float) -> MemoryResult:
    size = int(gib * 1024 * MIB)
    with Standin(big_artifact_size=size) as standin, tempfile.TemporaryDirectory() as tmp:
        facts = standin.world.facts
        data = _run_child(
            "--child-memory",
            standin,
            facts.widgets_slug,
            facts.build_job_number,
            facts.big_artifact_path,
            tmp,
        )
        target = Path(tmp) / facts.big_artifact_path
        assert data["ok"] and data["size"] == size == target.stat().st_size
        digest = hashlib.sha256()
        with target.open("rb") as handle:
            for chunk in iter(lambda: handle.read(4 * MIB), b""):
                digest.update(chunk)
    before, peak = data["rss_before_kib"] / 1024, data["rss_peak_kib"] / 1024
    return MemoryResult(gib, data["seconds"], before, peak)


def print_memory(result: MemoryResult) -> None:
    """The memory figures, readable."""
    print(f"one {result.gib:g} GiB artifact in a fresh process: {result.seconds:.1f} s")
    print(f"  peak RSS {result.rss_peak_mb:.1f} MB (after imports", end=" ")
    print(f"{result.rss_before_mb:.1f} MB; goal < 100 MB)")


def measure(
    files: int = 100,
    size: int = MIB,
    latency: float = 0.02,
    rounds: int = 3,
    big_gib: float = 1.0,
) -> ArtifactsResult:
    """Run both parts (``big_gib=0`` skips the memory part) and return their figures."""
    fast = speed(files, size, latency, rounds)
    return ArtifactsResult(fast, memory(big_gib) if big_gib > 0 else None)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("--child-speed", "--child-memory"):
        names = ["base_url", "token", "artifact_base_url", "slug", "job", "glob", "dest"]
        values = dict(zip(names, sys.argv[2:], strict=True))
        namespace = argparse.Namespace(**values)
        namespace.job = int(namespace.job)
        (child_speed if sys.argv[1] == "--child-speed" else child_memory)(namespace)
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--size-mib", type=float, default=1.0)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--rounds", type=int, default=3, help="speed rounds (median reported)")
    parser.add_argument("--big-gib", type=float, default=1.0, help="0 skips the memory part")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()
    result = measure(args.files, int(args.size_mib * MIB), args.latency, args.rounds, args.big_gib)
    print_speed(result.speed)
    if result.memory is not None:
        print_memory(result.memory)
    if args.json is not None:
        result.write_json(args.json)


if __name__ == "__main__":
    main()
