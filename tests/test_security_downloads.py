"""Artifact downloads against hostile files and servers: resume validation, links, stalls, Ctrl-C.

Every test runs against the stand-in over real HTTP; the hostile behaviour is one of its faults
(a body that stalls, a host that ignores ``If-Range``) or a file planted in the destination.
"""

from __future__ import annotations

import _thread
import hashlib
import os
import threading
import time
from pathlib import Path

import pytest
from circleci_client.artifacts import (
    PART_SUFFIX,
    VALIDATOR_SUFFIX,
    ArtifactFile,
    DownloadReport,
    FileResult,
    FileStatus,
    ProgressListener,
    _folders,
    download_job_artifacts,
)
from circleci_client.cli import INTERRUPTED_MESSAGE, TOKEN_HOSTS_ENV_VAR, app
from typer.testing import CliRunner

from tests.downloads import DownloadJob, artifact_client
from tests.standin.content import artifact_sha256
from tests.standin.hosts import validators
from tests.standin.server import Standin
from tests.standin.world import Artifact

BIG = 3 * 1024 * 1024 + 17
SERVER_STALL = 30.0
"""How long a stalled body stays silent; the client must give up long before."""


@pytest.fixture
def big(standin: Standin) -> Artifact:
    """The build job's generated blob, a few MiB."""
    with standin.world.lock:
        standin.world.set_big_artifact_size(BIG)
    return standin.world.big_artifact


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _paths(standin: Standin, tmp_path: Path) -> tuple[Path, Path, Path]:
    """The big artifact's final path, its ``.part`` and the ``.part``'s validator file."""
    target = tmp_path / standin.world.facts.big_artifact_path
    part = target.with_name(target.name + PART_SUFFIX)
    return target, part, part.with_name(part.name + VALIDATOR_SUFFIX)


def _interrupted_part(standin: Standin, tmp_path: Path, download: DownloadJob) -> int:
    """Leave a ``.part`` of the big artifact (and its validator); return its size.

    The body stalls rather than breaks, so every byte sent is received: a dropped connection
    can lose the bytes still in flight.
    """
    facts = standin.world.facts
    standin.faults.stall_artifacts(after_bytes=1_000_000, seconds=SERVER_STALL, times=1)
    with artifact_client(standin) as client:
        report = download(
            client,
            facts.widgets_slug,
            facts.build_job_number,
            tmp_path,
            glob="big/*",
            retries=0,
            stall_timeout=0.5,
        )
    assert [r.status for r in report.files] == [FileStatus.FAILED]
    standin.faults.clear()
    standin.requests.clear()
    _, part, _ = _paths(standin, tmp_path)
    assert 0 < part.stat().st_size < BIG
    return part.stat().st_size


def _assert_downloaded_whole_from_zero(
    standin: Standin, target: Path, done: FileResult, big: Artifact
) -> None:
    """One plain request (no ``Range``) fetched the whole file, and its content is right."""
    assert not done.resumed and done.bytes_received == BIG
    assert _sha256(target) == artifact_sha256(big)
    [request] = list(standin.requests.artifact)
    assert "range" not in request.headers and request.status == 200


def _download_big(standin: Standin, tmp_path: Path, download: DownloadJob) -> DownloadReport:
    facts = standin.world.facts
    with artifact_client(standin) as client:
        return download(client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="big/*")


# -- finding 5: resume is validated ---------------------------------------------------------------


def test_part_of_an_older_version_is_downloaded_again_not_completed(
    standin: Standin, tmp_path: Path, job_download: DownloadJob, big: Artifact
) -> None:
    kept = _interrupted_part(standin, tmp_path, job_download)
    target, part, sidecar = _paths(standin, tmp_path)
    old_etag, _ = validators(big)
    stored = sidecar.read_text().strip() if sidecar.exists() else None
    with standin.world.lock:
        big.seed += ":v2"  # same path and size, other bytes
    report = _download_big(standin, tmp_path, job_download)
    [done] = report.downloaded
    assert _sha256(target) == artifact_sha256(big)
    assert not done.resumed and done.bytes_received == BIG
    assert stored == old_etag
    assert not part.exists() and not sidecar.exists()
    # The resume was conditional on the old version, and the server sent the new one whole.
    [request] = list(standin.requests.artifact)
    assert request.headers["range"] == f"bytes={kept}-"
    assert request.headers["if-range"] == old_etag
    assert request.status == 200


def test_resume_of_the_same_version_sends_if_range_and_appends(
    standin: Standin, tmp_path: Path, job_download: DownloadJob, big: Artifact
) -> None:
    kept = _interrupted_part(standin, tmp_path, job_download)
    report = _download_big(standin, tmp_path, job_download)
    [done] = report.downloaded
    assert done.resumed and done.bytes_received == BIG - kept
    assert _sha256(_paths(standin, tmp_path)[0]) == artifact_sha256(big)
    [request] = list(standin.requests.artifact)
    assert request.headers["if-range"] == validators(big)[0] and request.status == 206


def test_ranged_answer_of_another_version_restarts_from_zero(
    standin: Standin, tmp_path: Path, big: Artifact
) -> None:
    """A host that ignores ``If-Range`` sends 206 with the new version's ETag: not appended."""
    _interrupted_part(standin, tmp_path, download_job_artifacts)
    with standin.world.lock:
        big.seed += ":v2"
    standin.faults.ignore_if_range(times=1)
    report = _download_big(standin, tmp_path, download_job_artifacts)
    [done] = report.downloaded
    assert not done.resumed
    assert _sha256(_paths(standin, tmp_path)[0]) == artifact_sha256(big)
    assert [r.status for r in standin.requests.artifact] == [206, 200]


def test_416_for_another_version_is_not_taken_as_complete(
    standin: Standin, tmp_path: Path, big: Artifact
) -> None:
    """The file shrank to exactly the ``.part``'s size: the 416 is for another version."""
    kept = _interrupted_part(standin, tmp_path, download_job_artifacts)
    new_content = b"new version " * (kept // 12) + b"!" * (kept % 12)
    with standin.world.lock:
        big.content, big.size = new_content, kept
    standin.faults.ignore_if_range(times=1)
    report = _download_big(standin, tmp_path, download_job_artifacts)
    [done] = report.downloaded
    assert not done.resumed
    target = _paths(standin, tmp_path)[0]
    assert target.read_bytes() == new_content
    assert [r.status for r in standin.requests.artifact] == [416, 200]


def test_full_size_part_without_validator_is_not_renamed_into_place(
    standin: Standin, tmp_path: Path, job_download: DownloadJob, big: Artifact
) -> None:
    target, part, _ = _paths(standin, tmp_path)
    part.parent.mkdir(parents=True)
    part.write_bytes(b"\0" * BIG)  # stale, and nothing says which version it is
    report = _download_big(standin, tmp_path, job_download)
    [done] = report.downloaded
    _assert_downloaded_whole_from_zero(standin, target, done, big)


def test_server_without_validators_gets_no_blind_resume(
    standin: Standin, tmp_path: Path, job_download: DownloadJob, big: Artifact
) -> None:
    standin.faults.hide_validators()
    _interrupted_part(standin, tmp_path, job_download)
    target, part, sidecar = _paths(standin, tmp_path)
    assert part.stat().st_size > 0 and not sidecar.exists()
    standin.faults.hide_validators()
    [done] = _download_big(standin, tmp_path, job_download).downloaded
    _assert_downloaded_whole_from_zero(standin, target, done, big)


def test_skip_existing_compares_size_only_and_says_so(
    standin: Standin, tmp_path: Path, job_download: DownloadJob, big: Artifact
) -> None:
    target, _, _ = _paths(standin, tmp_path)
    target.parent.mkdir(parents=True)
    target.write_bytes(b"\0" * BIG)  # the right size, not the right bytes
    [kept] = _download_big(standin, tmp_path, job_download).files
    assert kept.status is FileStatus.SKIPPED
    assert "size" in (kept.detail or "") and "content not compared" in (kept.detail or "")
    facts = standin.world.facts
    with artifact_client(standin) as client:
        report = job_download(
            client,
            facts.widgets_slug,
            facts.build_job_number,
            tmp_path,
            glob="big/*",
            skip_existing="never",
        )
    assert [r.status for r in report.files] == [FileStatus.DOWNLOADED]
    assert _sha256(target) == artifact_sha256(big)


# -- finding 10: hard links and folder swaps ---------------------------------------------------


def test_part_hard_linked_outside_is_not_written_through(
    standin: Standin, tmp_path: Path, job_download: DownloadJob, big: Artifact
) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    dest = tmp_path / "dest"
    target, part, sidecar = _paths(standin, dest)
    part.parent.mkdir(parents=True)
    os.link(victim, part)
    sidecar.write_text(validators(big)[0] + "\n")  # it would be resumed, were it not linked
    report = _download_big(standin, dest, job_download)
    assert report.ok
    assert victim.read_bytes() == b"precious"
    assert _sha256(target) == artifact_sha256(big)


class _SwapFolder(ProgressListener):
    """Once the body starts, replaces the destination's ``logs`` folder with a symlink."""

    def __init__(self, folder: Path, outside: Path) -> None:
        self.folder = folder
        self.outside = outside

    def on_start(self, file: ArtifactFile, total: int | None, offset: int) -> None:
        if not self.folder.is_symlink():
            self.folder.rename(self.folder.with_name("logs-moved"))
            self.folder.symlink_to(self.outside, target_is_directory=True)


@pytest.mark.parametrize("walk", [True, False], ids=["dir-fd", "recheck"])
def test_folder_swapped_for_a_symlink_after_the_check_gets_no_bytes(
    standin: Standin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, walk: bool
) -> None:
    """With ``dir_fd`` the bytes stay in the folder that was checked; without (as on Windows)
    the folder is checked again before each step and the file fails."""
    monkeypatch.setattr(_folders, "_WALK_FOLDERS", walk)
    facts = standin.world.facts
    outside = tmp_path / "outside"
    outside.mkdir()
    dest = tmp_path / "dest"
    swap = _SwapFolder(dest / "logs", outside)
    with artifact_client(standin) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, dest, glob="logs/*", progress=swap
        )
    assert (dest / "logs").is_symlink()
    assert list(outside.iterdir()) == []
    if walk:
        assert (dest / "logs-moved" / "build.log").is_file() and report.ok
    else:
        [failed] = report.failed
        assert "outside the destination" in (failed.error or "")


# -- finding 4: stalled bodies ---------------------------------------------------------------------


def test_a_stalled_body_fails_that_file_only_and_resumes_later(
    standin: Standin, tmp_path: Path, job_download: DownloadJob, big: Artifact
) -> None:
    facts = standin.world.facts
    standin.faults.stall_artifacts(
        after_bytes=200_000, seconds=SERVER_STALL, times=None, path="*/big/*"
    )
    started = time.monotonic()
    with artifact_client(standin) as client:
        report = job_download(
            client,
            facts.widgets_slug,
            facts.build_job_number,
            tmp_path,
            stall_timeout=0.3,
            retries=0,
            glob=["big/*", "logs/*"],
        )
    assert time.monotonic() - started < SERVER_STALL / 3
    [failed] = report.failed
    assert failed.artifact.path == "big/blob.bin"
    assert "stalled" in (failed.error or "") and "resume" in (failed.error or "")
    assert [r.artifact.path for r in report.downloaded] == ["logs/build.log"]
    _, part, sidecar = _paths(standin, tmp_path)
    assert part.stat().st_size > 0 and sidecar.exists()
    standin.faults.clear()
    again = _download_big(standin, tmp_path, job_download)
    [done] = again.downloaded
    assert done.resumed
    assert _sha256(_paths(standin, tmp_path)[0]) == artifact_sha256(big)


def test_stall_timeout_must_be_positive(standin: Standin, tmp_path: Path) -> None:
    with artifact_client(standin) as client, pytest.raises(ValueError, match="stall_timeout"):
        download_job_artifacts(client, "gh/acme/widgets", 1, tmp_path, stall_timeout=0)
    assert len(standin.requests.api) == 0


# -- finding 11: one Ctrl-C stops a sync download --------------------------------------------------


class _CtrlC(ProgressListener):
    """Interrupts the main thread (as Ctrl-C does) once bytes of ``path`` are written."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.fired = threading.Event()

    def on_bytes(self, file: ArtifactFile, count: int) -> None:
        if file.path == self.path and not self.fired.is_set():
            self.fired.set()
            _thread.interrupt_main()


def _workers_alive() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name.startswith("artifacts-")]


@pytest.mark.usefixtures("ctrl_c_raises")
def test_ctrl_c_stops_a_sync_download_promptly_and_leaves_a_resumable_part(
    standin: Standin, tmp_path: Path, big: Artifact
) -> None:
    facts = standin.world.facts
    standin.faults.stall_artifacts(
        after_bytes=300_000, seconds=SERVER_STALL, times=None, host="artifact"
    )
    started = time.monotonic()
    with artifact_client(standin) as client, pytest.raises(KeyboardInterrupt):
        download_job_artifacts(
            client,
            facts.widgets_slug,
            facts.build_job_number,
            tmp_path,
            glob=["big/*", "logs/*"],
            progress=_CtrlC(facts.big_artifact_path),
        )
    assert time.monotonic() - started < SERVER_STALL / 3
    assert _workers_alive() == []  # no thread keeps writing after the call returned
    target, part, sidecar = _paths(standin, tmp_path)
    assert not target.exists()
    assert part.stat().st_size > 0 and sidecar.read_text().strip() == validators(big)[0]
    standin.faults.clear()
    standin.requests.clear()
    report = _download_big(standin, tmp_path, download_job_artifacts)
    [done] = report.downloaded
    assert done.resumed
    assert _sha256(target) == artifact_sha256(big)


@pytest.mark.usefixtures("ctrl_c_raises")
def test_cli_ctrl_c_prints_how_to_resume_and_exits_130(
    standin: Standin, tmp_path: Path, big: Artifact
) -> None:
    facts = standin.world.facts
    standin.faults.stall_artifacts(
        after_bytes=300_000, seconds=SERVER_STALL, times=None, host="artifact"
    )
    _, part, sidecar = _paths(standin, tmp_path)
    done = threading.Event()

    def press_ctrl_c_once_the_body_started() -> None:
        while not done.wait(0.02):
            if sidecar.exists():  # written just before the first byte of the body
                _thread.interrupt_main()
                return

    presser = threading.Thread(target=press_ctrl_c_once_the_body_started, daemon=True)
    env = {
        "CIRCLE_TOKEN": standin.token,
        "CIRCLECI_TOKEN": "",
        "CIRCLECI_BASE_URL": standin.base_url,
        TOKEN_HOSTS_ENV_VAR: standin.artifact_base_url,
    }
    args = ["artifacts", "download", facts.widgets_slug, str(facts.build_job_number)]
    args += ["--dest", str(tmp_path), "--glob", "big/*", "--quiet"]
    started = time.monotonic()
    presser.start()
    try:
        result = CliRunner().invoke(app, args, env=env)
    finally:
        done.set()
        presser.join()
    assert time.monotonic() - started < SERVER_STALL / 3
    assert result.exit_code == 130, result.output
    assert INTERRUPTED_MESSAGE in result.output
    assert "interrupted: run the same command again to resume" in result.output  # the text
    assert part.exists() and sidecar.exists()
