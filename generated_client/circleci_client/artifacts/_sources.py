# Hand-written runtime module (not generated): edit it here.
"""What a download takes its jobs from (a job, a workflow, a branch), its plan and its report."""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

from ._listing import _check_collisions, _Entry, _JobRef, _plan_job
from ._reports import ArtifactFile, DownloadReport, FileResult, ProgressListener, SuccessfulPipeline


@dataclass(frozen=True, slots=True)
class _JobSource:
    """One job's artifacts, straight into the destination."""

    project_slug: str
    job_number: int

    def describe(self) -> str:
        return f"job {self.job_number} of {self.project_slug}"


@dataclass(frozen=True, slots=True)
class _WorkflowSource:
    """Every job of a workflow, each into its own folder."""

    workflow_id: UUID | str

    def describe(self) -> str:
        return f"workflow {self.workflow_id}"


@dataclass(slots=True)
class _BranchSource:
    """Every job of the branch's latest successful pipeline, once ``found``."""

    project_slug: str
    branch: str
    max_pipelines: int
    found: SuccessfulPipeline | None = None

    def describe(self) -> str:
        assert self.found is not None, "described once the pipeline is found"
        pipeline = self.found.pipeline
        return f"pipeline {pipeline.number} ({pipeline.id}) on {self.branch}"


_Source = _JobSource | _WorkflowSource | _BranchSource


def _plan(
    jobs: Sequence[_JobRef],
    listings: Sequence[Sequence[_Entry]],
    globs: Sequence[str],
    folders: bool,
    listener: ProgressListener,
) -> list[tuple[ArtifactFile, str | None]]:
    """Every file to fetch with its destination (or why it is refused), in listing order."""
    planned: list[tuple[ArtifactFile, str | None]] = []
    for job, entries in zip(jobs, listings, strict=True):
        planned += _plan_job(job, entries, globs, folders)
    planned = _check_collisions(planned)
    listener.on_plan([item for item, _ in planned])
    return planned


def _report(
    root: Path,
    globs: Sequence[str],
    source: _Source,
    listings: Sequence[Sequence[_Entry]],
    results: list[FileResult],
) -> DownloadReport:
    """The run's report, with the patterns that matched no listed path."""
    paths = [entry.path for entries in listings for entry in entries if entry.has_path]
    unmatched = [pattern for pattern in globs if not _select_any(paths, pattern)]
    listed = sum(len(entries) for entries in listings)
    return DownloadReport(root, results, source.describe(), listed, unmatched)


def _select_any(paths: Sequence[str], pattern: str) -> bool:
    return any(fnmatch.fnmatchcase(path, pattern) for path in paths)
