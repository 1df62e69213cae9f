# Hand-written runtime module (not generated): edit it here.
"""The downloads' I/O, written once: listings, discovery, and each file's fetch and resume.

Written by hand for the async functions (``_async_run``, over the awaitable I/O object of
``_workers``); ``generator/sync_twins.py`` rewrites it into the sync module (``_sync_run``,
over the blocking one: ``await`` dropped, async names swapped for their sync names). Every
decision (paths, plans, headers, outcomes) is made by the modules it imports, which do no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

import httpx

from .._auth import TOKEN_WITHHELD
from ..api.job import get_job_artifacts
from ..api.pipeline import list_pipelines_for_project, list_workflows_by_pipeline_id
from ..api.workflow import list_workflow_jobs
from ..errors import APIError
from ..models.artifact import Artifact
from ._defaults import MAX_REDIRECTS, SkipExisting
from ._discovery import _all_succeeded, _as_uuid, _job_ref, _no_successful_pipeline
from ._download import (
    _DOWNLOAD_HEADERS,
    _check_length,
    _describe,
    _Downloader,
    _failed,
    _Progress,
    _start_url,
)
from ._errors import _FileError, _Interrupted, _ListenerError, _Restart
from ._folders import _Folder, _open_part, _regular_size, _write_all, _write_validator
from ._headers import _accept, _check_redirect, _is_complete, _probe_total, _range_header
from ._listing import _check_collisions, _Entry, _JobRef, _ListingEntries
from ._reports import (
    ArtifactFile,
    DownloadReport,
    FileResult,
    FileStatus,
    ProgressListener,
    SuccessfulPipeline,
)
from ._sources import _JobSource, _plan, _report, _Source, _WorkflowSource
from ._workers import _AsyncIO

if TYPE_CHECKING:
    from ._entry_points import _Request


async def _artifacts_of(io: _AsyncIO, job: _JobRef) -> list[Artifact]:
    """Every artifact of a job, across pages."""
    pages = get_job_artifacts.aiter_items(job.project_slug, job.job_number, client=io.client)
    return [artifact async for artifact in io.each(pages)]


async def _entries_of(io: _AsyncIO, job: _JobRef) -> list[_Entry]:
    """A job's listing for a download, entry by entry (none for a job that cannot be listed)."""
    if job.problem is not None:
        return []
    entries = _ListingEntries.aiter_items(job.project_slug, job.job_number, client=io.client)
    return [entry async for entry in io.each(entries)]


async def _latest_successful(
    io: _AsyncIO, project_slug: str, branch: str, limit: int
) -> SuccessfulPipeline:
    """The newest of the branch's newest ``limit`` pipelines whose workflows all succeeded."""
    pipelines = list_pipelines_for_project.aiter_items(
        project_slug, branch=branch, max_items=limit, client=io.client
    )
    seen = 0
    async for pipeline in io.each(pipelines):
        seen += 1
        listing = list_workflows_by_pipeline_id.aiter_items(pipeline.id, client=io.client)
        workflows = [workflow async for workflow in io.each(listing)]
        if _all_succeeded(workflows):
            return SuccessfulPipeline(pipeline, workflows)
    raise _no_successful_pipeline(project_slug, branch, seen)


async def _workflow_jobs(io: _AsyncIO, workflow_id: UUID | str) -> list[_JobRef]:
    """The jobs of a workflow that have a job number (approvals and unrun jobs have none)."""
    listing = list_workflow_jobs.aiter_items(_as_uuid(workflow_id), client=io.client)
    return [ref async for job in io.each(listing) if (ref := _job_ref(job)) is not None]


async def _jobs_of(io: _AsyncIO, source: _Source) -> list[_JobRef]:
    """The jobs a download takes its artifacts from."""
    if isinstance(source, _JobSource):
        return [_JobRef(source.project_slug, source.job_number, None)]
    if isinstance(source, _WorkflowSource):
        return await _workflow_jobs(io, source.workflow_id)
    found = await _latest_successful(io, source.project_slug, source.branch, source.max_pipelines)
    source.found = found
    refs: list[_JobRef] = []
    for workflow in found.workflows:
        refs += await _workflow_jobs(io, workflow.id)
    return refs


async def _download(io: _AsyncIO, source: _Source, asked: _Request) -> DownloadReport:
    """List the source's jobs, plan every file, fetch them and report."""
    jobs = await _jobs_of(io, source)

    async def entries(job: _JobRef) -> list[_Entry]:
        return await _entries_of(io, job)

    listings = await io.map(entries, jobs)
    planned = _plan(jobs, listings, asked.globs, not isinstance(source, _JobSource), asked.listener)
    results = await _fetch_planned(io, asked, planned)
    return _report(asked.root, asked.globs, source, listings, results)


async def _fetch_planned(
    io: _AsyncIO, asked: _Request, planned: list[tuple[ArtifactFile, str | None]]
) -> list[FileResult]:
    """Download the planned files with one downloader, closing the folders it opened."""
    downloader = _AsyncDownloader(
        io, asked.root, asked.listener, asked.retries, asked.stall_timeout, asked.skip_existing
    )
    try:
        return await io.map(downloader.file, planned)
    finally:
        downloader.folders.close()


async def _download_files(
    io: _AsyncIO, files: Sequence[ArtifactFile], asked: _Request, source: str
) -> DownloadReport:
    """Fetch files that need no listing (pre-signed URLs), by the same rules, and report."""
    planned = _check_collisions(
        [(item, None if item.target is not None else "no usable file name") for item in files]
    )
    asked.listener.on_plan([item for item, _ in planned])
    results = await _fetch_planned(io, asked, planned)
    return DownloadReport(asked.root, results, source, len(files))


async def _get(
    io: _AsyncIO, url: str, headers: dict[str, str], stall_timeout: float | None = None
) -> httpx.Response:
    """GET with manual redirects; returns the final (streamed, unread) response to close.

    ``stall_timeout`` replaces the client's read timeout: the longest wait for any byte.
    """
    current = _start_url(url)
    for hops in range(MAX_REDIRECTS + 1):
        sent = {**_DOWNLOAD_HEADERS, **headers}
        response = await io.get(current, sent, stall_timeout)
        if hops:  # a redirect's target (pre-signed storage) is meant to go without the token
            response.request.extensions.pop(TOKEN_WITHHELD, None)
        try:
            target = _check_redirect(response, hops)
        except BaseException:
            await io.close(response)
            raise
        if target is None:
            return response
        await io.close(response)
        current = target
    raise AssertionError("unreachable")  # pragma: no cover


class _AsyncDownloader(_Downloader):
    """Fetches one planned file: skip, download or resume it, and report the outcome."""

    def __init__(
        self,
        io: _AsyncIO,
        root: Path,
        listener: ProgressListener,
        retries: int,
        stall_timeout: float,
        skip_existing: SkipExisting,
    ) -> None:
        super().__init__(root, listener, retries, stall_timeout, skip_existing)
        self.io = io

    async def file(self, planned: tuple[ArtifactFile, str | None]) -> FileResult:
        try:
            result = await self._file(*planned)
        except _ListenerError as exc:
            assert exc.__cause__ is not None
            raise exc.__cause__ from None
        except Exception as exc:  # whatever else the server's data provokes fails this file only
            result = _failed(planned[0], f"unexpected error: {_describe(exc)}")
        self.user_listener.on_finish(result)
        return result

    async def _file(self, item: ArtifactFile, error: str | None) -> FileResult:
        if error is not None or item.target is None:
            return _failed(item, error or "no destination")
        final: Path | None = None
        folder: _Folder | None = None
        try:
            final = await self.io.off_loop(self.folders.destination, item)
            folder = await self.io.off_loop(self.folders.open, final.parent)
            existing = await self.io.off_loop(_regular_size, folder, final.name)
            if (
                existing is not None
                and self.skip_existing == "size"
                and await self._complete(item, existing)
            ):
                detail = "same size as on the server (content not compared)"
                return FileResult(item, FileStatus.SKIPPED, final, size=existing, detail=detail)
            return await self._download(item, final, folder)
        except _FileError as exc:
            return _failed(item, str(exc), final, exc.status)
        except (httpx.HTTPError, APIError, OSError) as exc:
            return _failed(item, _describe(exc), final)
        finally:
            if folder is not None:
                self.folders.release(folder)

    async def _complete(self, item: ArtifactFile, size: int) -> bool:
        try:
            response = await _get(self.io, item.url, {"Range": "bytes=0-0"}, self.stall_timeout)
        except httpx.ReadTimeout as exc:
            raise _FileError(self._stalled()) from exc
        try:
            return _is_complete(_probe_total(response), size)
        finally:
            await self.io.close(response)

    async def _download(self, item: ArtifactFile, final: Path, folder: _Folder) -> FileResult:
        progress = _Progress(item, final, folder, self.retries)
        while True:
            try:
                written, appended = await self._attempt(progress)
            except _Restart:
                progress.drop()
                continue
            except _Interrupted as exc:
                failure = progress.interrupted(exc)
                if failure is not None:
                    return failure
                continue
            return await self.io.off_loop(progress.done, written, appended)

    async def _attempt(self, progress: _Progress) -> tuple[int, bool]:
        """Fetch the rest of the file into the ``.part``; the bytes written and whether appended."""
        item, folder = progress.item, progress.folder
        offset, validator = await self.io.off_loop(progress.resume_point)
        try:
            headers = _range_header(offset, validator)
            response = await _get(self.io, item.url, headers, self.stall_timeout)
        except httpx.ReadTimeout as exc:
            raise _Interrupted(0, self._stalled()) from exc
        try:
            body = _accept(response, offset, validator)
            if body is None:
                return 0, True
            self.listener.on_start(item, body.total, offset if body.append else 0)
            written = 0
            # File operations go through io.off_loop: async runs them in a thread.
            out = await self.io.off_loop(_open_part, folder, progress.part, body.append)
            with out:
                if not body.append:  # the version's validator first, then its bytes
                    await self.io.off_loop(
                        _write_validator, folder, progress.sidecar, body.validator
                    )
                try:
                    async for chunk in self.io.chunks(response):
                        await self.io.off_loop(_write_all, out, chunk)
                        written += len(chunk)
                        self.listener.on_bytes(item, len(chunk))
                except httpx.ReadTimeout as exc:
                    raise _Interrupted(written, self._stalled()) from exc
                except (httpx.HTTPError, APIError) as exc:
                    raise _Interrupted(written, _describe(exc)) from exc
            _check_length(body, written, progress)
            return written, body.append
        finally:
            await self.io.close(response)
