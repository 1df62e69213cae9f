"""How downloads move bytes: each chunk written as it arrives, and the listing overlapped."""

from __future__ import annotations

import asyncio
import hashlib
import io
import threading
from pathlib import Path
from typing import IO, cast

import pytest
from circleci_client import AuthenticatedClient
from circleci_client.artifacts import (
    PART_SUFFIX,
    ArtifactFile,
    ProgressListener,
    _async_run,
    adownload_job_artifacts,
)
from circleci_client.artifacts._folders import _write_all

from tests.downloads import DownloadJob
from tests.standin.content import artifact_sha256
from tests.standin.server import Standin
from tests.standin.world import Artifact, Job

SIZE = 700 * 1024 + 5  # several network reads, less than any write buffer worth having


def _client(standin: Standin) -> AuthenticatedClient:
    return AuthenticatedClient(
        standin.token, standin.base_url, token_hosts=[standin.artifact_base_url], max_retries=0
    )


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
    with _client(standin) as client:
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


def test_first_files_are_requested_while_the_listing_goes_on(
    standin: Standin, tmp_path: Path, job_download: DownloadJob
) -> None:
    arts = _bulk(standin, standin.page_size + 5)  # two listing pages
    standin.faults.latency(0.3, operation="getJobArtifacts")
    facts = standin.world.facts
    with _client(standin) as client:
        report = job_download(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, concurrency=4
        )
    assert report.ok and len(report.downloaded) == len(arts)
    pages = standin.requests.api.filter(operation="getJobArtifacts")
    assert len(pages) == 2 and pages[1].finished is not None
    downloads = standin.requests.artifact.snapshot()
    # The first page's first files were fetched before the second page came back ...
    early = [r for r in downloads if r.started < pages[1].finished]
    assert [r.path.rsplit("/", 1)[1] for r in early] != []
    assert {r.path.rsplit("/", 1)[1] for r in early} <= {f"{i:02d}.bin" for i in range(4)}
    # ... each file once, with the GET a download sends, and never more at once than asked.
    assert sorted(r.path for r in downloads) == sorted(set(r.path for r in downloads))
    assert len(downloads) == len(arts) and all("range" not in r.headers for r in downloads)
    assert standin.requests.artifact.most_at_once() <= 4
    for art in arts:
        assert _sha256(tmp_path / art.path) == artifact_sha256(art)


def test_files_already_there_get_no_early_request(
    standin: Standin, tmp_path: Path, job_download: DownloadJob
) -> None:
    arts = _bulk(standin, 3)
    facts = standin.world.facts
    (tmp_path / "bulk").mkdir()
    (tmp_path / "bulk" / "00.bin").write_bytes(b"x" * arts[0].size)  # kept: same size
    (tmp_path / "bulk" / f"01.bin{PART_SUFFIX}").write_bytes(b"partial")  # no validator
    with _client(standin) as client:
        report = job_download(client, facts.widgets_slug, facts.build_job_number, tmp_path)
    assert [r.status.value for r in report.files] == ["skipped", "downloaded", "downloaded"]
    sent = {r.path.rsplit("/", 1)[1]: r.headers.get("range") for r in standin.requests.artifact}
    # The kept file was only probed; the others were fetched whole, once each.
    assert sent == {"00.bin": "bytes=0-0", "01.bin": None, "02.bin": None}
    assert len(standin.requests.artifact) == 3


def test_a_refused_file_is_not_written_even_when_it_was_requested_early(
    standin: Standin, tmp_path: Path, job_download: DownloadJob
) -> None:
    first = Artifact("bulk/caf\u00e9.txt", 0, 5, b"first", "first")
    second = Artifact("bulk/cafe\u0301.txt", 0, 5, b"other", "second")  # the same name in NFC
    with standin.world.lock:
        _job(standin).artifacts = [first, second]
    facts = standin.world.facts
    with _client(standin) as client:
        report = job_download(client, facts.widgets_slug, facts.build_job_number, tmp_path)
    assert [r.status.value for r in report.files] == ["downloaded", "failed"]
    assert "another artifact already downloads" in (report.files[1].error or "")
    assert len(standin.requests.artifact) == 2  # both were requested while listing ...
    assert _files(tmp_path) == [first.path]  # ... but only the first was written
    assert (tmp_path / first.path).read_bytes() == b"first"


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


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
        async with _client(standin) as client:
            report = await adownload_job_artifacts(
                client, facts.widgets_slug, facts.build_job_number, tmp_path
            )
            assert report.ok and len(report.downloaded) == 2
            return threading.get_ident()

    loop_thread = asyncio.run(main())
    assert writers and loop_thread not in writers
