"""Insights computed from the stored workflow and job runs.

Definitions (all durations in seconds):

* a workflow *run* is any stored workflow with the requested name whose pipeline ran on the
  selected branch (default branch unless ``branch`` or ``all-branches=true``) and whose
  ``created_at`` lies in ``[start, end)``; ``end`` is the world clock, ``start`` is ``end``
  minus the reporting window (default ``last-90-days``);
* ``successful_runs`` counts ``success``; ``failed_runs`` counts ``failed`` and ``error``;
  ``success_rate`` is ``successful_runs / total_runs`` (0.0 without runs);
* durations use runs that stopped: ``stopped_at - created_at`` for workflows and
  ``stopped_at - started_at`` for jobs; ``mean``/``median`` are rounded to whole seconds,
  ``p95`` is the nearest-rank 95th percentile, ``standard_deviation`` the population one;
* ``throughput`` is ``total_runs`` divided by the window length in days;
* ``mttr`` is the mean time from a failed run stopping to the next successful run stopping,
  ``total_recoveries`` the number of such recoveries;
* ``trends`` compare the window with the window of equal length just before it:
  ``(current - previous) / previous``, or 0.0 when ``previous`` is 0.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tests.standin.wire import ts, ts_ms
from tests.standin.world import Job, Project, Workflow, World

WINDOWS = {
    "last-24-hours": 1,
    "last-7-days": 7,
    "last-30-days": 30,
    "last-60-days": 60,
    "last-90-days": 90,
}
RUN_STATUSES = {"success", "failed", "error", "canceled", "unauthorized"}
FAILED_WORKFLOW = {"failed", "error"}
FAILED_JOB = {"failed", "timedout", "infrastructure_fail", "terminated-unknown"}
JSON = dict[str, Any]


@dataclass(frozen=True)
class Window:
    """A half-open time window ``[start, end)`` and the branch filter (None: all branches)."""

    start: datetime
    end: datetime
    branch: str | None

    @property
    def days(self) -> float:
        """Return the window length in days."""
        return (self.end - self.start).total_seconds() / 86400

    def previous(self) -> Window:
        """Return the window of equal length right before this one."""
        return Window(self.start - (self.end - self.start), self.start, self.branch)


def window_for(world: World, reporting_window: str, branch: str | None) -> Window:
    """Return the window ending at the world clock for a ``reporting-window`` value."""
    end = world.current_time() + timedelta(seconds=1)
    return Window(end - timedelta(days=WINDOWS[reporting_window]), end, branch)


def workflow_runs(world: World, project: Project, name: str, window: Window) -> list[Workflow]:
    """Return the runs of workflow ``name`` in the window, newest first."""
    runs = [
        wf
        for p in project.pipelines
        if window.branch is None or p.branch == window.branch
        for wf in p.workflows
        if wf.name == name and window.start <= wf.created_at < window.end
    ]
    return sorted(runs, key=lambda wf: (wf.created_at, wf.id), reverse=True)


def workflow_names(project: Project) -> list[str]:
    """Return every workflow name the project has run, sorted."""
    return sorted({wf.name for p in project.pipelines for wf in p.workflows})


def _duration(wf: Workflow) -> int | None:
    if wf.stopped_at is None:
        return None
    return int((wf.stopped_at - wf.created_at).total_seconds())


def duration_metrics(durations: list[int]) -> JSON:
    """Return min/mean/median/p95/max/standard_deviation of durations (nulls when empty)."""
    if not durations:
        keys = ("min", "mean", "median", "p95", "max", "standard_deviation")
        return dict.fromkeys(keys)
    ordered = sorted(durations)
    rank = max(1, math.ceil(0.95 * len(ordered)))
    return {
        "min": ordered[0],
        "mean": round(statistics.fmean(ordered)),
        "median": round(statistics.median(ordered)),
        "p95": ordered[rank - 1],
        "max": ordered[-1],
        "standard_deviation": round(statistics.pstdev(ordered), 3),
    }


def recoveries(runs: list[Workflow]) -> list[int]:
    """Return the recovery times: failed run stop to the next successful run stop."""
    out: list[int] = []
    failed_at: datetime | None = None
    for wf in sorted(runs, key=lambda w: w.created_at):
        if wf.status in FAILED_WORKFLOW and failed_at is None:
            failed_at = wf.stopped_at or wf.created_at
        elif wf.status == "success" and failed_at is not None and wf.stopped_at is not None:
            out.append(int((wf.stopped_at - failed_at).total_seconds()))
            failed_at = None
    return out


def workflow_metrics(runs: list[Workflow], window: Window) -> JSON:
    """Return the ``metrics`` object of the workflow metrics endpoint."""
    total = len(runs)
    successful = sum(1 for wf in runs if wf.status == "success")
    recovered = recoveries(runs)
    durations = [d for d in (_duration(wf) for wf in runs) if d is not None]
    return {
        "total_runs": total,
        "successful_runs": successful,
        "mttr": round(statistics.fmean(recovered)) if recovered else None,
        "total_credits_used": sum(wf.credits() for wf in runs),
        "failed_runs": sum(1 for wf in runs if wf.status in FAILED_WORKFLOW),
        "success_rate": successful / total if total else 0.0,
        "duration_metrics": duration_metrics(durations),
        "total_recoveries": len(recovered),
        "throughput": total / window.days,
    }


def _bounds(times: list[datetime], window: Window) -> tuple[str, str]:
    if not times:
        return ts_ms(window.start), ts_ms(window.end)
    return ts_ms(min(times)), ts_ms(max(times))


def project_workflow_metrics(world: World, project: Project, window: Window) -> list[JSON]:
    """Return one metrics item per workflow name that has runs in the window."""
    items = []
    for name in workflow_names(project):
        runs = workflow_runs(world, project, name, window)
        if not runs:
            continue
        stops = [wf.stopped_at or wf.created_at for wf in runs]
        start, end = _bounds([wf.created_at for wf in runs] + stops, window)
        items.append(
            {
                "name": name,
                "metrics": workflow_metrics(runs, window),
                "window_start": start,
                "window_end": end,
                "project_id": project.id,
            }
        )
    return items


def run_item(wf: Workflow, branch: str | None) -> JSON:
    """Return one item of ``getProjectWorkflowRuns``."""
    return {
        "id": wf.id,
        "branch": branch or "",
        "duration": _duration(wf),
        "created_at": ts(wf.created_at),
        "stopped_at": ts(wf.stopped_at) if wf.stopped_at is not None else None,
        "credits_used": wf.credits(),
        "status": wf.status if wf.status in RUN_STATUSES else None,
        "is_approval": any(j.type == "approval" for j in wf.jobs),
    }


def job_metrics(runs: list[Workflow], window: Window, job_name: str | None) -> list[JSON]:
    """Return one metrics item per job name of the runs (optionally name-filtered)."""
    by_name: dict[str, list[Job]] = {}
    for wf in runs:
        for j in wf.jobs:
            if job_name is None or job_name in j.name:
                by_name.setdefault(j.name, []).append(j)
    items = []
    for name in sorted(by_name):
        jobs = by_name[name]
        total = len(jobs)
        successful = sum(1 for j in jobs if j.status == "success")
        durations = [d for d in (j.duration_seconds() for j in jobs) if d is not None]
        times = [t for j in jobs for t in (j.started_at, j.stopped_at) if t is not None]
        start, end = _bounds(times or [j.created_at for j in jobs], window)
        items.append(
            {
                "name": name,
                "metrics": {
                    "total_runs": total,
                    "failed_runs": sum(1 for j in jobs if j.status in FAILED_JOB),
                    "successful_runs": successful,
                    "duration_metrics": duration_metrics(durations),
                    "success_rate": successful / total if total else 0.0,
                    "total_credits_used": sum(j.credits() for j in jobs),
                    "throughput": total / window.days,
                },
                "window_start": start,
                "window_end": end,
            }
        )
    return items


def _trend(current: float | None, previous: float | None) -> float:
    cur, prev = float(current or 0), float(previous or 0)
    return (cur - prev) / prev if prev else 0.0


def workflow_summary(world: World, project: Project, name: str, window: Window) -> JSON:
    """Return the body of ``getWorkflowSummary``: metrics, trends and workflow names."""
    runs = workflow_runs(world, project, name, window)
    before = workflow_runs(world, project, name, window.previous())
    cur = workflow_metrics(runs, window)
    prev = workflow_metrics(before, window.previous())
    start, end = _bounds([wf.created_at for wf in runs], window)
    metrics = {
        key: cur[key]
        for key in (
            "total_runs",
            "successful_runs",
            "failed_runs",
            "mttr",
            "total_credits_used",
            "success_rate",
            "throughput",
            "duration_metrics",
        )
    }
    metrics["completed_runs"] = sum(1 for wf in runs if wf.stopped_at is not None)
    metrics["window_start"] = start
    metrics["window_end"] = end
    trends = {
        "total_runs": _trend(cur["total_runs"], prev["total_runs"]),
        "failed_runs": _trend(cur["failed_runs"], prev["failed_runs"]),
        "success_rate": _trend(cur["success_rate"], prev["success_rate"]),
        "p95_duration_secs": _trend(
            cur["duration_metrics"]["p95"], prev["duration_metrics"]["p95"]
        ),
        "median_duration_secs": _trend(
            cur["duration_metrics"]["median"], prev["duration_metrics"]["median"]
        ),
        "total_credits_used": _trend(cur["total_credits_used"], prev["total_credits_used"]),
        "mttr": _trend(cur["mttr"], prev["mttr"]),
        "throughput": _trend(cur["throughput"], prev["throughput"]),
    }
    return {"metrics": metrics, "trends": trends, "workflow_names": workflow_names(project)}
