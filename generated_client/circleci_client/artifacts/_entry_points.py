# Hand-written runtime module (not generated): edit it here.
"""The public entry points: options checked once, the sources, and the download run."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict, Unpack, cast
from uuid import UUID

from .._client import Client
from ..models.artifact import Artifact
from ._async_run import _artifacts_of as _aartifacts_of
from ._async_run import _download as _adownload
from ._async_run import _download_files as _adownload_files
from ._async_run import _latest_successful as _alatest_successful
from ._defaults import (
    DEFAULT_CONCURRENCY,
    DEFAULT_MAX_PIPELINES,
    DEFAULT_RETRIES,
    DEFAULT_SKIP_EXISTING,
    DEFAULT_STALL_TIMEOUT,
    SkipExisting,
)
from ._listing import _JobRef
from ._reports import ArtifactFile, DownloadReport, ProgressListener, SuccessfulPipeline
from ._sources import _BranchSource, _JobSource, _Source, _WorkflowSource
from ._sync_run import _artifacts_of, _download, _download_files, _latest_successful
from ._workers import _AsyncIO, _SyncIO, _Workers


def list_artifacts(client: Client, project_slug: str, job_number: int) -> list[Artifact]:
    """Every artifact of a job, across pages."""
    return _artifacts_of(_SyncIO(client), _JobRef(project_slug, job_number, None))


async def alist_artifacts(client: Client, project_slug: str, job_number: int) -> list[Artifact]:
    """Async :func:`list_artifacts`."""
    job = _JobRef(project_slug, job_number, None)
    return await _aartifacts_of(_AsyncIO(client, 1), job)


def find_latest_successful_pipeline(
    client: Client, project_slug: str, branch: str, *, max_pipelines: int = DEFAULT_MAX_PIPELINES
) -> SuccessfulPipeline:
    """The newest pipeline on ``branch`` that is *successful*.

    Successful means the pipeline has at least one workflow and every workflow's status is
    ``success``: a pipeline still running, on hold for an approval, failed, canceled or
    errored (no workflows) does not count. Only the newest ``max_pipelines`` are searched.

    Raises:
        NoSuccessfulPipelineError: none of them is successful.
    """
    return _latest_successful(_SyncIO(client), project_slug, branch, max_pipelines)


async def afind_latest_successful_pipeline(
    client: Client, project_slug: str, branch: str, *, max_pipelines: int = DEFAULT_MAX_PIPELINES
) -> SuccessfulPipeline:
    """Async :func:`find_latest_successful_pipeline`."""
    return await _alatest_successful(_AsyncIO(client, 1), project_slug, branch, max_pipelines)


def _parse_globs(glob: str | Iterable[str] | None) -> tuple[str, ...]:
    if glob is None:
        return ()
    if isinstance(glob, str):
        return (glob,)
    return tuple(glob)


def _check_concurrency(concurrency: int) -> None:
    if concurrency < 1:
        raise ValueError(f"concurrency must be 1 or more, got {concurrency}")


def _root(dest: str | os.PathLike[str]) -> Path:
    root = Path(dest).expanduser()
    root.mkdir(parents=True, exist_ok=True)
    return root.resolve()


Destination = str | os.PathLike[str]
"""A download folder: a path, created when missing."""


class DownloadOptions(TypedDict, total=False):
    """Options of every download function; all optional.

    Attributes:
        glob: One or more fnmatch patterns on the artifact path; None (default) selects all.
        concurrency: Files downloaded at the same time (default :data:`DEFAULT_CONCURRENCY`).
        progress: Receives progress events (from worker threads in the sync functions).
        retries: Resumes of an interrupted body within this run (default
            :data:`DEFAULT_RETRIES`).
        allow_link_local: Fetch URLs (and redirects) to link-local and cloud metadata
            addresses too (default False: such a file fails; see :func:`is_link_local_host`).
        stall_timeout: Seconds without a byte after which a body counts as interrupted
            (default :data:`DEFAULT_STALL_TIMEOUT`).
        skip_existing: ``"size"`` (default) keeps an existing file whose size is the server's,
            without comparing content; ``"never"`` downloads every file again.
    """

    glob: str | Iterable[str] | None
    concurrency: int
    progress: ProgressListener | None
    retries: int
    allow_link_local: bool
    stall_timeout: float
    skip_existing: SkipExisting


class BranchDownloadOptions(DownloadOptions, total=False):
    """:class:`DownloadOptions` plus how many of the branch's newest pipelines are searched."""

    max_pipelines: int


@dataclass(frozen=True, slots=True)
class _Request:
    """What a public download function was asked, checked once, before any request."""

    root: Path
    globs: tuple[str, ...]
    concurrency: int
    listener: ProgressListener
    retries: int
    allow_link_local: bool
    stall_timeout: float = DEFAULT_STALL_TIMEOUT
    skip_existing: SkipExisting = DEFAULT_SKIP_EXISTING

    @classmethod
    def make(cls, dest: str | os.PathLike[str], options: DownloadOptions) -> _Request:
        unknown = sorted(set(options) - set(DownloadOptions.__annotations__))
        if unknown:
            raise TypeError(f"unknown download option(s): {', '.join(unknown)}")
        concurrency = options.get("concurrency", DEFAULT_CONCURRENCY)
        _check_concurrency(concurrency)
        globs = _parse_globs(options.get("glob"))
        listener = options.get("progress") or ProgressListener()
        retries = options.get("retries", DEFAULT_RETRIES)
        allow_link_local = options.get("allow_link_local", False)
        if not isinstance(allow_link_local, bool):
            raise TypeError(f"allow_link_local must be True or False, got {allow_link_local!r}")
        stall_timeout = options.get("stall_timeout", DEFAULT_STALL_TIMEOUT)
        if not isinstance(stall_timeout, int | float) or not stall_timeout > 0:
            raise ValueError(
                f"stall_timeout must be a number of seconds above 0, got {stall_timeout!r}"
            )
        skip_existing = options.get("skip_existing", DEFAULT_SKIP_EXISTING)
        if skip_existing not in ("size", "never"):
            raise ValueError(f"skip_existing must be 'size' or 'never', got {skip_existing!r}")
        return cls(
            _root(dest),
            globs,
            concurrency,
            listener,
            retries,
            allow_link_local,
            float(stall_timeout),
            skip_existing,
        )


def _branch_source(
    project_slug: str, branch: str, options: BranchDownloadOptions
) -> tuple[_BranchSource, DownloadOptions]:
    """The source, and the options left once ``max_pipelines`` is taken out."""
    rest = options.copy()
    max_pipelines = rest.pop("max_pipelines", DEFAULT_MAX_PIPELINES)
    return _BranchSource(project_slug, branch, max_pipelines), cast(DownloadOptions, rest)


def _download_sync(
    client: Client, source: _Source, options: DownloadOptions, dest: Destination
) -> DownloadReport:
    asked = _Request.make(dest, options)
    workers = _Workers(asked.concurrency)
    io = _SyncIO(client, workers, allow_link_local=asked.allow_link_local)
    return _download(io, source, asked)


async def _download_async(
    client: Client, source: _Source, options: DownloadOptions, dest: Destination
) -> DownloadReport:
    asked = _Request.make(dest, options)
    io = _AsyncIO(client, asked.concurrency, allow_link_local=asked.allow_link_local)
    return await _adownload(io, source, asked)


def _download_presigned(
    client: Client,
    files: Sequence[ArtifactFile],
    dest: Destination,
    options: DownloadOptions,
    source: str,
) -> DownloadReport:
    """Download ``files`` from pre-signed URLs: no token or credential header to any host."""
    asked = _Request.make(dest, options)
    workers = _Workers(asked.concurrency)
    io = _SyncIO(client, workers, allow_link_local=asked.allow_link_local, anonymous=True)
    return _download_files(io, files, asked, source)


async def _adownload_presigned(
    client: Client,
    files: Sequence[ArtifactFile],
    dest: Destination,
    options: DownloadOptions,
    source: str,
) -> DownloadReport:
    """Async :func:`_download_presigned`."""
    asked = _Request.make(dest, options)
    io = _AsyncIO(
        client, asked.concurrency, allow_link_local=asked.allow_link_local, anonymous=True
    )
    return await _adownload_files(io, files, asked, source)


def download_job_artifacts(
    client: Client,
    project_slug: str,
    job_number: int,
    dest: Destination = ".",
    **options: Unpack[DownloadOptions],
) -> DownloadReport:
    """Download a job's artifacts into ``dest`` (see the module docs for every rule).

    Args:
        client: Its httpx client does the requests; the token goes to allowed origins only.
        options: ``glob``, ``concurrency``, ``progress``, ``retries``, ``allow_link_local``,
            ``stall_timeout``, ``skip_existing``: see :class:`DownloadOptions`. They are checked
            before any request.

    Returns:
        Every file's outcome. A file's failure is reported, not raised: a bad listing entry,
        a refused path or address, an HTTP error or a malformed response fails that file only.

    Raises:
        APIError: listing the artifacts failed (a subclass per status).
        TypeError: an unknown option.
        KeyboardInterrupt: Ctrl-C; the workers are stopped within about a second and every
            ``.part`` is kept with its validator, so the same call resumes.
    """
    return _download_sync(client, _JobSource(project_slug, job_number), options, dest)


async def adownload_job_artifacts(
    client: Client,
    project_slug: str,
    job_number: int,
    dest: Destination = ".",
    **options: Unpack[DownloadOptions],
) -> DownloadReport:
    """Async :func:`download_job_artifacts`."""
    return await _download_async(client, _JobSource(project_slug, job_number), options, dest)


def download_workflow_artifacts(
    client: Client,
    workflow_id: UUID | str,
    dest: Destination = ".",
    **options: Unpack[DownloadOptions],
) -> DownloadReport:
    """Download the artifacts of every job of a workflow, each into ``<number>-<name>/``.

    Jobs without a job number (approvals, jobs that never ran) are skipped. Other arguments
    as in :func:`download_job_artifacts`.
    """
    return _download_sync(client, _WorkflowSource(workflow_id), options, dest)


async def adownload_workflow_artifacts(
    client: Client,
    workflow_id: UUID | str,
    dest: Destination = ".",
    **options: Unpack[DownloadOptions],
) -> DownloadReport:
    """Async :func:`download_workflow_artifacts`."""
    return await _download_async(client, _WorkflowSource(workflow_id), options, dest)


def download_branch_artifacts(
    client: Client,
    project_slug: str,
    branch: str,
    dest: Destination = ".",
    **options: Unpack[BranchDownloadOptions],
) -> DownloadReport:
    """Download the artifacts of every job of the branch's latest successful pipeline.

    See :func:`find_latest_successful_pipeline` for what successful means; the layout is the
    workflow one (``<number>-<name>/`` per job).

    Options as in :func:`download_job_artifacts`, plus ``max_pipelines``: how many of the
    branch's newest pipelines are searched (default :data:`DEFAULT_MAX_PIPELINES`).

    Raises:
        NoSuccessfulPipelineError: none of the newest ``max_pipelines`` succeeded.
    """
    return _download_sync(client, *_branch_source(project_slug, branch, options), dest)


async def adownload_branch_artifacts(
    client: Client,
    project_slug: str,
    branch: str,
    dest: Destination = ".",
    **options: Unpack[BranchDownloadOptions],
) -> DownloadReport:
    """Async :func:`download_branch_artifacts`."""
    return await _download_async(client, *_branch_source(project_slug, branch, options), dest)
