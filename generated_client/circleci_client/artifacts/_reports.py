# Hand-written runtime module (not generated): edit it here.
"""What a download reports: each file's outcome, the totals, and progress events."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path, PurePosixPath

from .._display import visible
from ..models.pipeline import Pipeline
from ..models.workflow import Workflow


class FileStatus(StrEnum):
    """What happened to one artifact."""

    DOWNLOADED = "downloaded"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ArtifactFile:
    """One artifact to fetch: where it comes from and where it goes (relative to ``dest``)."""

    project_slug: str
    job_number: int
    path: str
    node_index: int
    url: str
    job_name: str | None = None
    target: PurePosixPath | None = None
    """Relative destination, or None when the path was refused."""


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one artifact."""

    artifact: ArtifactFile
    status: FileStatus
    destination: Path | None = None
    bytes_received: int = 0
    """Body bytes written in this run (0 for a skipped file)."""
    size: int | None = None
    """Size of the finished file on disk."""
    resumed: bool = False
    """Whether an existing ``.part`` was continued with a range request."""
    error: str | None = None
    detail: str | None = None
    """What a skipped file was compared on (the size, not the content)."""
    http_status: int | None = None
    """The HTTP status that failed the file, when a response did (401 when the token was
    refused or held back)."""


@dataclass
class DownloadReport:
    """Every file's outcome, in listing order, and totals."""

    destination: Path
    files: list[FileResult] = field(default_factory=list)
    source: str = ""
    """What was downloaded, e.g. ``job 12 of gh/acme/widgets``."""
    listed: int = 0
    """Artifacts the listings held, before ``glob`` selected among them."""
    unmatched_globs: list[str] = field(default_factory=list)
    """The ``glob`` patterns that matched no listed artifact (likely a typo)."""

    def _with(self, status: FileStatus) -> list[FileResult]:
        return [f for f in self.files if f.status is status]

    @property
    def downloaded(self) -> list[FileResult]:
        """Files fetched in this run."""
        return self._with(FileStatus.DOWNLOADED)

    @property
    def skipped(self) -> list[FileResult]:
        """Files already complete on disk."""
        return self._with(FileStatus.SKIPPED)

    @property
    def failed(self) -> list[FileResult]:
        """Files that could not be fetched; ``error`` says why."""
        return self._with(FileStatus.FAILED)

    @property
    def bytes_received(self) -> int:
        """Body bytes written in this run."""
        return sum(f.bytes_received for f in self.files)

    @property
    def ok(self) -> bool:
        """Whether no file failed."""
        return not self.failed

    def summary(self) -> str:
        """A few lines: counts, bytes and each failure with its reason (controls escaped)."""
        lines = [
            f"{len(self.downloaded)} downloaded ({_human_bytes(self.bytes_received)}), "
            f"{len(self.skipped)} skipped, {len(self.failed)} failed"
            + (f" - {visible(self.source)}" if self.source else "")
        ]
        for result in self.failed:
            art = result.artifact
            job, error = visible(art.job_number), visible(result.error)
            lines.append(f"  failed: job {job} {art.path!r}: {error}")
        return "\n".join(lines)


def _human_bytes(count: int) -> str:
    size = float(count)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


class ProgressListener:
    """Receives progress events; subclass and override what you need (all default to no-op).

    Sync downloads call it from worker threads, so an implementation must be thread-safe.
    """

    def on_plan(self, files: Sequence[ArtifactFile]) -> None:
        """The files about to be processed (refused ones included)."""

    def on_start(self, file: ArtifactFile, total: int | None, offset: int) -> None:
        """A body starts: ``total`` bytes in the whole file if known, ``offset`` already there."""

    def on_bytes(self, file: ArtifactFile, count: int) -> None:
        """``count`` more bytes of ``file`` were written."""

    def on_finish(self, result: FileResult) -> None:
        """A file is done, whatever its outcome."""


@dataclass(frozen=True, slots=True)
class SuccessfulPipeline:
    """A pipeline whose workflows all succeeded, with those workflows."""

    pipeline: Pipeline
    workflows: list[Workflow]
