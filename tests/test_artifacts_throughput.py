"""How downloads move bytes: each chunk written as it arrives, async file work off the loop."""

from __future__ import annotations

import asyncio
import hashlib
import io
import threading
from pathlib import Path
from typing import IO, cast

import pytest
from circleci_client.artifacts import (
    PART_SUFFIX,
    ArtifactFile,
    ProgressListener,
    _async_run,
    _folders,
    adownload_job_artifacts,
)
from circleci_client.artifacts._download import _Progress
from circleci_client.artifacts._folders import _IDLE_FOLDERS_KEPT, _Folders, _write_all

from tests.downloads import DownloadJob, artifact_client
from tests.standin.content import artifact_sha256
from tests.standin.server import Standin
from tests.standin.world import Artifact, Job

SIZE = 700 * 1024 + 5  # several network reads, less than any write buffer worth having


def _job(standin: Standin) -> Job:
    facts = standin.world.facts
    return standin.world.projects[facts.widgets_slug].jobs_by_number[facts.build_job_number]


class _PartSizes(ProgressListener):
    """Records, at each ``on_bytes``, the bytes counted so far and the ``.part``'s size."""

    def __init__(self, part: Path) -> None:
        self.part = part
        self.counted = 0
        self.seen: list[tuple[int, int]] = []

    def on_bytes(self, file: ArtifactFile, count: int) -> None:
        self.counted += count
        self.seen.append((self.counted, self.part.stat().st_size))


def test_each_chunk_is_on_disk_when_it_is_reported(
    standin: Standin, tmp_path: Path, job_download: DownloadJob
) -> None:
    art = Artifact("out/data.bin", 0, SIZE, None, "throughput")
    with standin.world.lock:
        _job(standin).artifacts = [art]
    sizes = _PartSizes(tmp_path / "out" / f"data.bin{PART_SUFFIX}")
    facts = standin.world.facts
    with artifact_client(standin) as client:
        report = job_download(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, progress=sizes
        )
    assert report.ok
    assert len(sizes.seen) > 1 and sizes.counted == SIZE
    # No write buffer: every received chunk is already in the file when it is counted.
    assert all(counted == on_disk for counted, on_disk in sizes.seen), sizes.seen[:3]
    assert artifact_sha256(art) == _sha256(tmp_path / "out" / "data.bin")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class _Trickle(io.RawIOBase):
    """A file that takes at most ``step`` bytes per write, and then none at all."""

    def __init__(self, step: int, capacity: int) -> None:
        self.step = step
        self.capacity = capacity
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        assert isinstance(data, memoryview)
        room = min(self.step, len(data), self.capacity - len(self.data))
        self.data += data[:room]
        return room


def test_write_all_finishes_partial_writes() -> None:
    out = _Trickle(step=3, capacity=100)
    _write_all(cast(IO[bytes], out), b"0123456789")
    assert bytes(out.data) == b"0123456789"


def test_write_all_raises_when_the_file_takes_nothing() -> None:
    out = _Trickle(step=3, capacity=4)
    with pytest.raises(OSError, match="took none of the last 6 bytes"):
        _write_all(cast(IO[bytes], out), b"0123456789")
    assert bytes(out.data) == b"0123"


def _bulk(standin: Standin, count: int) -> list[Artifact]:
    arts = [Artifact(f"bulk/{i:02d}.bin", 0, 1000 + i, None, f"bulk:{i}") for i in range(count)]
    with standin.world.lock:
        _job(standin).artifacts = arts
    return arts


def test_async_downloads_write_their_files_off_the_event_loop(
    standin: Standin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bulk(standin, 2)
    writers: set[int] = set()

    def recording_write_all(out: IO[bytes], data: bytes) -> None:
        writers.add(threading.get_ident())
        _write_all(out, data)

    monkeypatch.setattr(_async_run, "_write_all", recording_write_all)
    facts = standin.world.facts

    async def main() -> int:
        async with artifact_client(standin) as client:
            report = await adownload_job_artifacts(
                client, facts.widgets_slug, facts.build_job_number, tmp_path
            )
            assert report.ok and len(report.downloaded) == 2
            return threading.get_ident()

    loop_thread = asyncio.run(main())
    assert writers and loop_thread not in writers


def test_a_folder_is_walked_once_per_run_and_closed_at_its_end(
    standin: Standin, tmp_path: Path, job_download: DownloadJob, monkeypatch: pytest.MonkeyPatch
) -> None:
    arts = [*_bulk(standin, 5), Artifact("other/x.bin", 0, 10, None, "other")]
    with standin.world.lock:
        _job(standin).artifacts = arts
    walked: list[tuple[str, ...]] = []
    closed: list[tuple[str, ...]] = []
    real_walk, real_close = _folders._walk, _folders._Folder.close

    def counting_walk(root: Path, parts: tuple[str, ...]) -> int:
        walked.append(tuple(parts))
        return real_walk(root, parts)

    def recording_close(folder: _folders._Folder) -> None:
        if folder.fd is not None:
            closed.append(folder.path.relative_to(tmp_path).parts)
        real_close(folder)

    monkeypatch.setattr(_folders, "_walk", counting_walk)
    monkeypatch.setattr(_folders._Folder, "close", recording_close)
    facts = standin.world.facts
    with artifact_client(standin) as client:
        report = job_download(client, facts.widgets_slug, facts.build_job_number, tmp_path)
    assert report.ok and len(report.downloaded) == 6
    if not _folders._WALK_FOLDERS:
        pytest.skip("folders are re-checked, not walked, on this platform")
    assert sorted(walked) == [("bulk",), ("other",)]  # not once per file
    assert sorted(closed) == sorted(walked)  # nothing left open after the run


def test_folders_keep_a_bounded_number_open_and_close_one_in_use_on_release(
    tmp_path: Path,
) -> None:
    folders = _Folders(tmp_path)
    paths = [tmp_path / f"d{i}" for i in range(_IDLE_FOLDERS_KEPT + 8)]
    for path in paths:
        path.mkdir()
    busy = folders.open(paths[0])
    lent = [folders.open(path) for path in paths[1:]]
    for folder in lent:
        folders.release(folder)
    assert folders.open(paths[1]) is not lent[0]  # the oldest idle ones were closed
    kept = [folder for folder in lent if folder.fd is not None or not _folders._WALK_FOLDERS]
    assert len(kept) <= _IDLE_FOLDERS_KEPT
    folders.close()
    assert all(folder.fd is None for folder in lent)
    if _folders._WALK_FOLDERS:
        assert busy.fd is not None  # still in use: not closed under its file
    folders.release(busy)
    assert busy.fd is None


@pytest.mark.skipif(not _folders._WALK_FOLDERS, reason="needs dir_fd (POSIX)")
def test_fresh_part_and_validator_replace_what_is_in_the_way_without_following_it(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"keep me")
    root = tmp_path / "root"
    root.mkdir()
    (root / "a.bin.part").symlink_to(outside)  # planted: must be replaced, not followed
    (root / "a.bin.part.validator").write_bytes(b'"old-version"\n')  # an older version's
    folders = _Folders(root)
    folder = folders.open(root)
    try:
        with _folders._open_part(folder, "a.bin.part", append=False) as out:
            _write_all(out, b"new")
        _folders._write_validator(folder, "a.bin.part.validator", '"v2"')
        assert _folders._read_validator(folder, "a.bin.part.validator") == '"v2"'
    finally:
        folders.release(folder)
        folders.close()
    assert outside.read_bytes() == b"keep me"
    part = root / "a.bin.part"
    assert not part.is_symlink() and part.read_bytes() == b"new"
    assert sorted(p.name for p in root.iterdir()) == ["a.bin.part", "a.bin.part.validator"]


@pytest.mark.skipif(not _folders._WALK_FOLDERS, reason="needs dir_fd (POSIX)")
def test_a_validator_cut_short_beside_an_empty_part_is_never_resumed(tmp_path: Path) -> None:
    # The validator is written without a temporary file: a crash can cut it short, but only
    # while its .part is still empty (no byte is written before the validator is complete).
    (tmp_path / "a.bin.part").write_bytes(b"")
    (tmp_path / "a.bin.part.validator").write_bytes(b'"abc')
    folders = _Folders(tmp_path)
    folder = folders.open(tmp_path)
    try:
        item = ArtifactFile("gh/o/r", 1, "a.bin", 0, "https://example.test/a.bin")
        progress = _Progress(item, tmp_path / "a.bin", folder, retries=0)
        assert progress.resume_point() == (0, None)
    finally:
        folders.release(folder)
        folders.close()
