# Hand-written runtime module (not generated): edit it here.
"""Export an organization's usage in one call: start the job, wait for it, download its files.

.. code-block:: python

    from datetime import UTC, datetime
    from circleci_client import AuthenticatedClient
    from circleci_client.usage import export_usage

    with AuthenticatedClient.from_env() as client:
        export = export_usage(
            client, "b9291e0d-a11e-41fb-8517-c545388b5953",
            start=datetime(2025, 10, 1, tzinfo=UTC),
            end=datetime(2025, 10, 31, 23, 59, 59, tzinfo=UTC),
            dest="usage",
        )
        print([path.name for path in export.files])

CircleCI produces a usage export asynchronously (``createUsageExport``, then
``getUsageExport`` until the job is ``completed``), as gzip-compressed CSV files behind
pre-signed URLs. The rules:

* **The window** is checked before anything is sent (:func:`check_usage_export_window`):
  ``start`` and ``end`` carry a time zone, ``start`` is at most one year (365 days) ago,
  ``end`` is after ``start`` and at most 31 days later. Otherwise
  :class:`~circleci_client.errors.InvalidUsageExportWindowError` names the problem.
* **Starting** an export is a POST, never retried after a server error or a timeout (each one
  starts another job, and CircleCI allows about ten an hour per organization).
* **Waiting** polls ``getUsageExport`` every ``poll_interval`` seconds (default
  :data:`DEFAULT_POLL_INTERVAL`; CircleCI allows about ten polls a minute per organization)
  through the client, so its rate limiter and retries apply. A ``completed`` job whose
  ``download_urls`` is still null is polled again (CircleCI can answer that way for a short
  while). ``failed`` raises :class:`~circleci_client.errors.UsageExportFailedError`; a job not
  ready within ``timeout`` seconds (default :data:`DEFAULT_TIMEOUT`) raises
  :class:`~circleci_client.errors.UsageExportTimeoutError`, whose ``job_id`` lets you wait for
  the same job again (``job_id=``) instead of starting another. ``sleep`` and ``clock`` can be
  injected.
* **Downloading** goes through the artifact downloader (:mod:`circleci_client.artifacts`):
  atomic writes through ``.part`` files, resume with ``Range``/``If-Range``, files already
  complete skipped, redirects and link-local checks. The URLs are pre-signed, so the requests
  carry **no token and no credential header**, whatever the host (even one of
  ``token_hosts``). Each file is named after the last segment of its URL
  (``usage-export-<n>`` when that is not a safe file name).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Unpack
from urllib.parse import unquote
from uuid import UUID

import httpx

from ._client import Client
from .api.usage import create_usage_export, get_usage_export
from .artifacts import ArtifactFile, DownloadOptions, DownloadReport, safe_relative_path
from .artifacts._entry_points import Destination, _adownload_presigned, _download_presigned
from .errors import (
    InvalidUsageExportWindowError,
    UnsafePathError,
    UsageExportFailedError,
    UsageExportTimeoutError,
)
from .models.usage_export_input import UsageExportInput
from .models.usage_export_job import UsageExportJob
from .models.usage_export_job_state import UsageExportJobState

__all__ = [
    "DEFAULT_POLL_INTERVAL",
    "DEFAULT_TIMEOUT",
    "MAX_LOOKBACK",
    "MAX_WINDOW",
    "UsageExport",
    "adownload_usage_export",
    "aexport_usage",
    "astart_usage_export",
    "await_usage_export",
    "check_usage_export_window",
    "download_usage_export",
    "export_usage",
    "start_usage_export",
    "wait_for_usage_export",
]

MAX_LOOKBACK = timedelta(days=365)
"""How far back ``start`` may be: one year."""
MAX_WINDOW = timedelta(days=31)
"""How long a window may be: ``end`` at most 31 days after ``start``."""
DEFAULT_POLL_INTERVAL = 15.0
"""Seconds between two polls of a running job."""
DEFAULT_TIMEOUT = 3600.0
"""Seconds to wait for a job before giving up (CircleCI's own limit for a job is 4 hours)."""

PollListener = Callable[[UsageExportJob], None]
"""Called with the job after each poll (a progress display, say)."""


def _wall_clock() -> float:
    return time.monotonic()


def _wall_sleep(seconds: float) -> None:
    time.sleep(seconds)


async def _wall_async_sleep(seconds: float) -> None:
    await asyncio.sleep(seconds)


def _shown(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def check_usage_export_window(
    start: datetime, end: datetime, *, now: datetime | None = None
) -> None:
    """Raise :class:`~circleci_client.errors.InvalidUsageExportWindowError` for a window
    CircleCI refuses; ``now`` defaults to the current time."""
    for name, moment in (("start", start), ("end", end)):
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise InvalidUsageExportWindowError(
                f"{name} {moment.isoformat()} has no time zone: give an aware datetime such as "
                f"datetime(2025, 10, 1, tzinfo=UTC); nothing was sent"
            )
    now = now if now is not None else datetime.now(UTC)
    earliest = now - MAX_LOOKBACK
    if start < earliest:
        raise InvalidUsageExportWindowError(
            f"start {_shown(start)} is more than one year ago: CircleCI exports usage from "
            f"{_shown(earliest)} on; choose a later start; nothing was sent"
        )
    if end <= start:
        raise InvalidUsageExportWindowError(
            f"end {_shown(end)} is not after start {_shown(start)}: give an end after the "
            f"start; nothing was sent"
        )
    if end - start > MAX_WINDOW:
        days = (end - start) / timedelta(days=1)
        raise InvalidUsageExportWindowError(
            f"the window from {_shown(start)} to {_shown(end)} is {days:.1f} days long; "
            f"CircleCI exports at most 31 days at a time: export it in pieces (one a month, "
            f"say); nothing was sent"
        )


def _request(
    start: datetime, end: datetime, shared_org_ids: Sequence[UUID | str], now: datetime | None
) -> UsageExportInput:
    check_usage_export_window(start, end, now=now)
    body = UsageExportInput(start=start, end=end)
    if shared_org_ids:
        body.shared_org_ids = [_uuid(value, "shared_org_ids") for value in shared_org_ids]
    return body


def _uuid(value: UUID | str, name: str) -> UUID:
    if isinstance(value, UUID):
        return value
    try:
        return UUID(value)
    except (TypeError, ValueError, AttributeError):
        raise ValueError(f"{name}: {value!r} is not an ID (a UUID); nothing was sent") from None


def start_usage_export(
    client: Client,
    org_id: str,
    start: datetime,
    end: datetime,
    *,
    shared_org_ids: Sequence[UUID | str] = (),
    now: datetime | None = None,
) -> UsageExportJob:
    """Check the window, then start an export job (``createUsageExport``); never retried."""
    body = _request(start, end, shared_org_ids, now)
    return create_usage_export.sync(org_id, client=client, body=body)


async def astart_usage_export(
    client: Client,
    org_id: str,
    start: datetime,
    end: datetime,
    *,
    shared_org_ids: Sequence[UUID | str] = (),
    now: datetime | None = None,
) -> UsageExportJob:
    """Async :func:`start_usage_export`."""
    body = _request(start, end, shared_org_ids, now)
    return await create_usage_export.asyncio(org_id, client=client, body=body)


class _Poll:
    """The decisions of one wait: ready, failed, or how long to sleep; no I/O."""

    def __init__(
        self, job_id: UUID, timeout: float, interval: float, clock: Callable[[], float] | None
    ) -> None:
        if not timeout > 0 or not interval > 0:
            raise ValueError(
                f"timeout and poll_interval must be above 0 seconds, got {timeout} and {interval}"
            )
        self.job_id, self.timeout, self.interval = job_id, timeout, interval
        self.clock = clock or _wall_clock
        self.began = self.clock()

    def ready(self, job: UsageExportJob) -> bool:
        """Whether the job is done; raises when it failed or time is up."""
        if job.state == UsageExportJobState.FAILED:
            reason = job.error_reason if isinstance(job.error_reason, str) else None
            raise UsageExportFailedError(
                f"usage export {self.job_id} failed: {reason or 'CircleCI gave no reason'}; "
                f"start a new export (a smaller window may help)",
                job_id=str(self.job_id),
                error_reason=reason,
            )
        if job.state == UsageExportJobState.COMPLETED and isinstance(job.download_urls, list):
            return True
        waited = self.clock() - self.began
        if waited + self.interval > self.timeout:
            raise UsageExportTimeoutError(
                f"usage export {self.job_id} is still {job.state.value} after {waited:.0f} s "
                f"(timeout {self.timeout:.0f} s): wait for it again with job_id={self.job_id} "
                f"rather than starting another",
                job_id=str(self.job_id),
                state=job.state.value,
            )
        return False


def wait_for_usage_export(
    client: Client,
    org_id: str,
    job_id: UUID | str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    sleep: Callable[[float], None] | None = None,
    clock: Callable[[], float] | None = None,
    on_poll: PollListener | None = None,
) -> UsageExportJob:
    """Poll ``getUsageExport`` until the job is completed with its URLs (see the module docs)."""
    poll = _Poll(_uuid(job_id, "job_id"), timeout, poll_interval, clock)
    wait = sleep or _wall_sleep
    while True:
        job = get_usage_export.sync(org_id, poll.job_id, client=client)
        if on_poll is not None:
            on_poll(job)
        if poll.ready(job):
            return job
        wait(poll.interval)


async def await_usage_export(
    client: Client,
    org_id: str,
    job_id: UUID | str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    sleep: Callable[[float], Awaitable[None]] | None = None,
    clock: Callable[[], float] | None = None,
    on_poll: PollListener | None = None,
) -> UsageExportJob:
    """Async :func:`wait_for_usage_export`."""
    poll = _Poll(_uuid(job_id, "job_id"), timeout, poll_interval, clock)
    wait = sleep or _wall_async_sleep
    while True:
        job = await get_usage_export.asyncio(org_id, poll.job_id, client=client)
        if on_poll is not None:
            on_poll(job)
        if poll.ready(job):
            return job
        await wait(poll.interval)


def _file_name(url: str, index: int) -> str:
    """The last segment of the URL's path when it is a safe file name, else a fallback."""
    fallback = f"usage-export-{index}"
    try:
        raw = httpx.URL(url).raw_path.decode("ascii").split("?", 1)[0]
        name = unquote(raw.rsplit("/", 1)[-1])
        if "/" in name or "\\" in name or str(safe_relative_path(name)) != name:
            return fallback
    except (httpx.InvalidURL, UnsafePathError, UnicodeDecodeError):
        return fallback
    return name


def _files(job: UsageExportJob) -> list[ArtifactFile]:
    urls = job.download_urls
    if job.state != UsageExportJobState.COMPLETED or not isinstance(urls, list):
        raise ValueError(
            f"usage export {job.usage_export_job_id} is {job.state.value} and has no download "
            f"URLs yet: wait for it first (wait_for_usage_export); nothing was downloaded"
        )
    return [
        ArtifactFile("", 0, name, 0, url, None, PurePosixPath(name))
        for index, url in enumerate(urls)
        for name in [_file_name(url, index)]
    ]


def _source(job: UsageExportJob) -> str:
    return f"usage export {job.usage_export_job_id}"


def download_usage_export(
    client: Client,
    job: UsageExportJob,
    dest: Destination = ".",
    **options: Unpack[DownloadOptions],
) -> DownloadReport:
    """Download a completed job's files into ``dest``, without a token (see the module docs).

    ``options`` are the artifact downloader's (:class:`~circleci_client.artifacts.DownloadOptions`;
    ``glob`` is ignored). A file's failure is reported, not raised. A job that is not
    ``completed`` with its URLs raises ``ValueError``.
    """
    return _download_presigned(client, _files(job), dest, _options(options), _source(job))


async def adownload_usage_export(
    client: Client,
    job: UsageExportJob,
    dest: Destination = ".",
    **options: Unpack[DownloadOptions],
) -> DownloadReport:
    """Async :func:`download_usage_export`."""
    return await _adownload_presigned(client, _files(job), dest, _options(options), _source(job))


def _options(options: DownloadOptions) -> DownloadOptions:
    checked = options.copy()
    checked.pop("glob", None)
    return checked


@dataclass(frozen=True)
class UsageExport:
    """A finished export: the completed job and what its download did."""

    job: UsageExportJob
    report: DownloadReport

    @property
    def files(self) -> list[Path]:
        """The export's files on disk (downloaded now or already there), in URL order."""
        return [r.destination for r in self.report.files if r.destination and not r.error]

    @property
    def ok(self) -> bool:
        """Whether every file is on disk."""
        return self.report.ok


def _plan(start: datetime | None, end: datetime | None, job_id: UUID | str | None) -> UUID | None:
    """The job to wait for when one is given; checks that exactly one way was chosen."""
    if job_id is not None:
        if start is not None or end is not None:
            raise ValueError("give start and end for a new export, or job_id for a started one")
        return _uuid(job_id, "job_id")
    if start is None or end is None:
        raise ValueError("give start and end for a new export (or job_id for a started one)")
    return None


def export_usage(
    client: Client,
    org_id: str,
    start: datetime | None = None,
    end: datetime | None = None,
    dest: Destination = ".",
    *,
    job_id: UUID | str | None = None,
    shared_org_ids: Sequence[UUID | str] = (),
    timeout: float = DEFAULT_TIMEOUT,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    sleep: Callable[[float], None] | None = None,
    clock: Callable[[], float] | None = None,
    now: datetime | None = None,
    on_poll: PollListener | None = None,
    download: DownloadOptions | None = None,
) -> UsageExport:
    """Start an export of ``start``..``end`` (or take the started job ``job_id``), wait until
    it is ready and download its files into ``dest``.

    Args:
        download: Options of the download (:class:`~circleci_client.artifacts.DownloadOptions`).

    Raises:
        InvalidUsageExportWindowError: the window is refused; nothing was sent.
        UsageExportFailedError: the job failed.
        UsageExportTimeoutError: the job was not ready within ``timeout`` seconds.
        APIStatusError: an API call failed (a subclass per status).
    """
    known = _plan(start, end, job_id)
    if known is None:
        assert start is not None and end is not None
        started = start_usage_export(
            client, org_id, start, end, shared_org_ids=shared_org_ids, now=now
        )
        known = started.usage_export_job_id
    job = wait_for_usage_export(
        client,
        org_id,
        known,
        timeout=timeout,
        poll_interval=poll_interval,
        sleep=sleep,
        clock=clock,
        on_poll=on_poll,
    )
    return UsageExport(job, download_usage_export(client, job, dest, **(download or {})))


async def aexport_usage(
    client: Client,
    org_id: str,
    start: datetime | None = None,
    end: datetime | None = None,
    dest: Destination = ".",
    *,
    job_id: UUID | str | None = None,
    shared_org_ids: Sequence[UUID | str] = (),
    timeout: float = DEFAULT_TIMEOUT,
    poll_interval: float = DEFAULT_POLL_INTERVAL,
    sleep: Callable[[float], Awaitable[None]] | None = None,
    clock: Callable[[], float] | None = None,
    now: datetime | None = None,
    on_poll: PollListener | None = None,
    download: DownloadOptions | None = None,
) -> UsageExport:
    """Async :func:`export_usage`."""
    known = _plan(start, end, job_id)
    if known is None:
        assert start is not None and end is not None
        started = await astart_usage_export(
            client, org_id, start, end, shared_org_ids=shared_org_ids, now=now
        )
        known = started.usage_export_job_id
    job = await await_usage_export(
        client,
        org_id,
        known,
        timeout=timeout,
        poll_interval=poll_interval,
        sleep=sleep,
        clock=clock,
        on_poll=on_poll,
    )
    report = await adownload_usage_export(client, job, dest, **(download or {}))
    return UsageExport(job, report)
