"""Usage export jobs in the stand-in world: their window, their state on the clock, their files.

State only (``World.usage``); the HTTP side is :mod:`tests.standin.usage_handlers` and the
files are served by the foreign host (:mod:`tests.standin.hosts`). Like
:mod:`tests.standin.contexts` it imports nothing from the rest of the stand-in.

**States on the clock.** A job is ``created`` when made, ``processing`` from
:data:`PROCESSING_AFTER` simulated seconds on, and ``completed`` (or ``failed``) from
:data:`READY_AFTER` seconds on. The stand-in's clock is the engine's (a ``VirtualClock`` moves
only with ``standin.engine.advance(seconds)``), read as ``World.current_time()``.

**Failing a job.** Set ``world.usage.fail_next = "reason"``: the next job created fails at
:data:`READY_AFTER` with that ``error_reason``. **Late URLs.** Set
``world.usage.urls_late_next = seconds``: the next job is ``completed`` with
``download_urls: null`` for that long first, as CircleCI sometimes answers.

**Files.** A completed job has one gzip-compressed CSV file per started
:data:`DAYS_PER_FILE` days of its window (so a 31-day window has two), each a row per day.
Their bytes depend only on the organization, the window and the part number, so the same
window exported twice gives the same files (and the same ``ETag``): a download interrupted
in one export resumes from the next one's URLs.
"""

from __future__ import annotations

import gzip
import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

NAMESPACE = uuid.UUID("a4c1f1e2-6d0b-4c1a-9f3e-7b2d5e8c9a10")
PROCESSING_AFTER = 2.0
"""Simulated seconds a new job stays ``created``."""
READY_AFTER = 30.0
"""Simulated seconds until a job is ``completed`` (or ``failed``)."""
DAYS_PER_FILE = 16
MAX_LOOKBACK = timedelta(days=365)
"""How far back ``start`` may be: one year."""
MAX_WINDOW = timedelta(days=31)
"""How far after ``start`` ``end`` may be."""
EXPORTS_PER_HOUR = 10
"""Exports an organization may start within an hour (CircleCI's published limit)."""
CSV_HEADER = "ORGANIZATION_ID,PROJECT_NAME,JOB_NAME,JOB_RUN_DATE,COMPUTE_CREDITS,TOTAL_CREDITS\n"
PROJECTS = ("widgets", "legacy-app")


def presign_usage(job_id: str, name: str) -> str:
    """The (fake) signature of a usage file's pre-signed URL."""
    return hashlib.sha256(f"standin-usage:{job_id}:{name}".encode()).hexdigest()[:40]


def file_name(part: int) -> str:
    """The name of a job's ``part``-th file."""
    return f"usage-export-part-{part}.csv.gz"


def csv_rows(org_id: str, first: datetime, days: int) -> str:
    """The CSV text of ``days`` days from ``first`` (deterministic)."""
    lines = [CSV_HEADER]
    for offset in range(days):
        day = (first + timedelta(days=offset)).date().isoformat()
        for project in PROJECTS:
            seed = int(hashlib.sha256(f"{org_id}:{project}:{day}".encode()).hexdigest()[:4], 16)
            compute = 10 + seed % 90
            lines.append(f"{org_id},{project},build,{day},{compute},{compute + seed % 7}\n")
    return "".join(lines)


@dataclass
class UsageExportJob:
    """One export job."""

    id: str
    org_id: str
    start: datetime
    end: datetime
    shared_org_ids: list[str]
    created_at: datetime
    fail_reason: str | None = None
    urls_late: float = 0.0

    def state(self, now: datetime) -> str:
        """Where the job is at ``now``."""
        age = (now - self.created_at).total_seconds()
        if age < PROCESSING_AFTER:
            return "created"
        if age < READY_AFTER:
            return "processing"
        return "failed" if self.fail_reason is not None else "completed"

    def urls_ready(self, now: datetime) -> bool:
        """Whether a completed job's URLs are out yet."""
        return (now - self.created_at).total_seconds() >= READY_AFTER + self.urls_late

    def files(self) -> dict[str, bytes]:
        """The job's files by name: gzip-compressed CSV (``mtime`` 0, so always the same bytes)."""
        days = (self.end.date() - self.start.date()).days + 1
        first = datetime.combine(self.start.date(), datetime.min.time(), self.start.tzinfo)
        found: dict[str, bytes] = {}
        for part, offset in enumerate(range(0, days, DAYS_PER_FILE)):
            text = csv_rows(
                self.org_id, first + timedelta(days=offset), min(DAYS_PER_FILE, days - offset)
            )
            found[file_name(part)] = gzip.compress(text.encode(), mtime=0)
        return found


@dataclass
class UsageStore:
    """Every usage export job of the world."""

    jobs: dict[str, UsageExportJob] = field(default_factory=dict)
    fail_next: str | None = None
    """The ``error_reason`` of the next job, which then fails (a test hook)."""
    urls_late_next: float = 0.0
    """Seconds the next job stays completed without URLs (a test hook)."""

    def retry_after(self, org_id: str, now: datetime) -> float | None:
        """Seconds until ``org_id`` may start another export, or None when it may now."""
        hour = timedelta(hours=1)
        recent = sorted(
            job.created_at
            for job in self.jobs.values()
            if job.org_id == org_id and now - job.created_at < hour
        )
        if len(recent) < EXPORTS_PER_HOUR:
            return None
        return (recent[-EXPORTS_PER_HOUR] + hour - now).total_seconds()

    def create(
        self,
        org_id: str,
        start: datetime,
        end: datetime,
        shared_org_ids: list[str],
        now: datetime,
    ) -> UsageExportJob:
        """Add a job created at ``now``."""
        job_id = str(uuid.uuid5(NAMESPACE, f"usage-export:{len(self.jobs) + 1}"))
        job = UsageExportJob(
            job_id, org_id, start, end, shared_org_ids, now, self.fail_next, self.urls_late_next
        )
        self.fail_next, self.urls_late_next = None, 0.0
        self.jobs[job_id] = job
        return job
