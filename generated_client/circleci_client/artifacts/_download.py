# Hand-written runtime module (not generated): edit it here.
"""One file's download, what needs no I/O: its progress across attempts, its outcome.

The fetching itself (skip, fetch, resume) is in ``_async_run`` (and its sync twin).
"""

from __future__ import annotations

import stat
from pathlib import Path

import httpx

from ..errors import APIError
from ._defaults import (
    DEFAULT_SKIP_EXISTING,
    DEFAULT_STALL_TIMEOUT,
    PART_SUFFIX,
    VALIDATOR_SUFFIX,
    SkipExisting,
)
from ._errors import _FileError, _Interrupted, _ListenerError
from ._folders import (
    _Folder,
    _Folders,
    _read_validator,
    _regular_size,
)
from ._headers import _Body
from ._reports import ArtifactFile, FileResult, FileStatus, ProgressListener

_DOWNLOAD_HEADERS = {"Accept": "*/*", "Accept-Encoding": "identity"}


def _start_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise _FileError(f"invalid artifact URL: {exc}") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise _FileError("artifact URL is not an absolute http(s) URL")
    return parsed


def _describe(exc: BaseException) -> str:
    if isinstance(exc, APIError):
        return str(exc)
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _failed(
    item: ArtifactFile, error: str, destination: Path | None = None, status: int | None = None
) -> FileResult:
    return FileResult(
        item, FileStatus.FAILED, destination=destination, error=error, http_status=status
    )


class _Progress:
    """What one file's download has done so far, across resumed attempts."""

    def __init__(self, item: ArtifactFile, final: Path, folder: _Folder, retries: int) -> None:
        self.item = item
        self.final = final
        self.folder = folder
        self.part = final.name + PART_SUFFIX
        self.sidecar = self.part + VALIDATOR_SUFFIX
        self.retries = retries
        self.received = 0
        self.resumed = False
        self.interruptions = 0

    def interrupted(self, exc: _Interrupted) -> FileResult | None:
        """Count an interruption; the failure to report once retries are used up, else None."""
        self.received += exc.written
        self.interruptions += 1
        if self.interruptions <= self.retries:
            return None
        kept = f"{_regular_size(self.folder, self.part) or 0} bytes kept in {self.part} to resume"
        return FileResult(
            self.item,
            FileStatus.FAILED,
            self.final,
            bytes_received=self.received,
            resumed=self.resumed,
            error=f"{exc.reason}; {kept}",
        )

    def done(self, written: int, appended: bool) -> FileResult:
        """Move the complete ``.part`` into place and report it."""
        self.received += written
        self.resumed = self.resumed or appended
        self.folder.replace(self.part, self.final.name)
        self.folder.unlink(self.sidecar)
        size = _regular_size(self.folder, self.final.name) or 0
        return FileResult(
            self.item,
            FileStatus.DOWNLOADED,
            self.final,
            self.received,
            size=size,
            resumed=self.resumed,
        )

    def drop(self) -> None:
        """Forget the ``.part`` and its validator: the next attempt starts from zero."""
        self.folder.unlink(self.part)
        self.folder.unlink(self.sidecar)

    def resume_point(self) -> tuple[int, str | None]:
        """Where the ``.part`` can be continued, and the validator to send; 0 means from zero.

        A ``.part`` without a readable validator, or with another hard link, is not continued.
        """
        info = self.folder.lstat(self.part)
        if info is None or info.st_size == 0:
            return 0, None
        if not stat.S_ISREG(info.st_mode):
            raise _FileError(f"{self.part} exists and is not a regular file")
        validator = _read_validator(self.folder, self.sidecar)
        if info.st_nlink != 1 or validator is None:
            self.drop()
            return 0, None
        return info.st_size, validator


def _check_length(body: _Body, written: int, progress: _Progress) -> None:
    """Raise unless exactly the announced number of bytes arrived."""
    if body.expected is None or written == body.expected:
        return
    if written < body.expected:
        raise _Interrupted(written, f"got {written} of {body.expected} bytes")
    progress.drop()
    raise _FileError(f"got {written} bytes, more than the {body.expected} announced")


class _CheckedListener(ProgressListener):
    """Passes events on, marking what the listener raises so no file handler swallows it."""

    def __init__(self, inner: ProgressListener) -> None:
        self.inner = inner

    def on_start(self, file: ArtifactFile, total: int | None, offset: int) -> None:
        try:
            self.inner.on_start(file, total, offset)
        except Exception as exc:
            raise _ListenerError from exc

    def on_bytes(self, file: ArtifactFile, count: int) -> None:
        try:
            self.inner.on_bytes(file, count)
        except Exception as exc:
            raise _ListenerError from exc


class _Downloader:
    """What fetching one planned file needs besides I/O: its folders, listener and settings."""

    def __init__(
        self,
        root: Path,
        listener: ProgressListener,
        retries: int,
        stall_timeout: float = DEFAULT_STALL_TIMEOUT,
        skip_existing: SkipExisting = DEFAULT_SKIP_EXISTING,
    ) -> None:
        self.folders = _Folders(root)
        self.listener: ProgressListener = _CheckedListener(listener)
        self.user_listener = listener
        self.retries = retries
        self.stall_timeout = stall_timeout
        self.skip_existing = skip_existing

    def _stalled(self) -> str:
        return f"stalled: no data for {self.stall_timeout:g} s"
