# Hand-written runtime module (not generated): edit it here.
"""The download of one file as steps: skip, fetch, resume, and report it."""

from __future__ import annotations

import stat
from pathlib import Path

import httpx

from .._auth import TOKEN_WITHHELD
from .._steps import Steps
from ..errors import APIError
from ._defaults import (
    DEFAULT_SKIP_EXISTING,
    DEFAULT_STALL_TIMEOUT,
    MAX_REDIRECTS,
    PART_SUFFIX,
    VALIDATOR_SUFFIX,
    SkipExisting,
)
from ._errors import _FileError, _Interrupted, _ListenerError, _Restart
from ._folders import (
    _Folder,
    _Folders,
    _open_part,
    _read_validator,
    _regular_size,
    _write_validator,
)
from ._headers import _accept, _Body, _check_redirect, _is_complete, _probe_total, _range_header
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


def _get(
    url: str, headers: dict[str, str], stall_timeout: float | None = None
) -> Steps[httpx.Response]:
    """GET with manual redirects; returns the final (streamed, unread) response to close.

    ``stall_timeout`` replaces the client's read timeout: the longest wait for any byte.
    """
    current = _start_url(url)
    for hops in range(MAX_REDIRECTS + 1):
        sent = {**_DOWNLOAD_HEADERS, **headers}
        response: httpx.Response = yield ("get", (current, sent, stall_timeout))
        if hops:  # a redirect's target (pre-signed storage) is meant to go without the token
            response.request.extensions.pop(TOKEN_WITHHELD, None)
        try:
            target = _check_redirect(response, hops)
        except BaseException:
            yield ("close", (response,))
            raise
        if target is None:
            return response
        yield ("close", (response,))
        current = target
    raise AssertionError("unreachable")  # pragma: no cover


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
    """Fetches one planned file: skip, download or resume it, and report the outcome."""

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

    def file(self, planned: tuple[ArtifactFile, str | None]) -> Steps[FileResult]:
        try:
            result = yield from self._file(*planned)
        except _ListenerError as exc:
            assert exc.__cause__ is not None
            raise exc.__cause__ from None
        except Exception as exc:  # whatever else the server's data provokes fails this file only
            result = _failed(planned[0], f"unexpected error: {_describe(exc)}")
        self.user_listener.on_finish(result)
        return result

    def _file(self, item: ArtifactFile, error: str | None) -> Steps[FileResult]:
        if error is not None or item.target is None:
            return _failed(item, error or "no destination")
        final: Path | None = None
        folder: _Folder | None = None
        try:
            final = self.folders.destination(item)
            folder = self.folders.open(final.parent)
            existing = _regular_size(folder, final.name)
            if (
                existing is not None
                and self.skip_existing == "size"
                and (yield from self._complete(item, existing))
            ):
                detail = "same size as on the server (content not compared)"
                return FileResult(item, FileStatus.SKIPPED, final, size=existing, detail=detail)
            return (yield from self._download(item, final, folder))
        except _FileError as exc:
            return _failed(item, str(exc), final, exc.status)
        except (httpx.HTTPError, APIError, OSError) as exc:
            return _failed(item, _describe(exc), final)
        finally:
            if folder is not None:
                folder.close()

    def _complete(self, item: ArtifactFile, size: int) -> Steps[bool]:
        try:
            response = yield from _get(item.url, {"Range": "bytes=0-0"}, self.stall_timeout)
        except httpx.ReadTimeout as exc:
            raise _FileError(self._stalled()) from exc
        try:
            return _is_complete(_probe_total(response), size)
        finally:
            yield ("close", (response,))

    def _stalled(self) -> str:
        return f"stalled: no data for {self.stall_timeout:g} s"

    def _download(self, item: ArtifactFile, final: Path, folder: _Folder) -> Steps[FileResult]:
        progress = _Progress(item, final, folder, self.retries)
        while True:
            try:
                written, appended = yield from self._attempt(progress)
            except _Restart:
                progress.drop()
                continue
            except _Interrupted as exc:
                failure = progress.interrupted(exc)
                if failure is not None:
                    return failure
                continue
            return progress.done(written, appended)

    def _attempt(self, progress: _Progress) -> Steps[tuple[int, bool]]:
        """Fetch the rest of the file into the ``.part``; the bytes written and whether appended."""
        item, folder = progress.item, progress.folder
        offset, validator = progress.resume_point()
        try:
            headers = _range_header(offset, validator)
            response = yield from _get(item.url, headers, self.stall_timeout)
        except httpx.ReadTimeout as exc:
            raise _Interrupted(0, self._stalled()) from exc
        try:
            body = _accept(response, offset, validator)
            if body is None:
                return 0, True
            self.listener.on_start(item, body.total, offset if body.append else 0)
            written = 0
            # Async downloads write from the event loop too: pieces go to the page cache.
            with _open_part(folder, progress.part, body.append) as out:
                if not body.append:  # the version's validator first, then its bytes
                    _write_validator(folder, progress.sidecar, body.validator)
                try:
                    chunks = yield ("chunks", (response,))
                    while (chunk := (yield ("next", (chunks,)))) is not None:
                        out.write(chunk)
                        written += len(chunk)
                        self.listener.on_bytes(item, len(chunk))
                except httpx.ReadTimeout as exc:
                    raise _Interrupted(written, self._stalled()) from exc
                except (httpx.HTTPError, APIError) as exc:
                    raise _Interrupted(written, _describe(exc)) from exc
            _check_length(body, written, progress)
            return written, body.append
        finally:
            yield ("close", (response,))
