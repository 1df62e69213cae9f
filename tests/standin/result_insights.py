"""Test insights and organization summaries computed from the stored runs and test results.

Definitions:

* a test is identified by workflow name, job name, classname and test name; its results are
  the ``tests`` of every job of that name, whatever the attempt;
* a result *failed* when it is ``failure`` or ``error`` (``failed`` too);
* **flaky** (``getFlakyTests``, branch agnostic, as CircleCI documents): a test that both
  passed and failed on the same commit, i.e. within one pipeline. ``times-flaked`` counts its
  failed results on such commits, ``time-wasted`` adds up their run times (whole seconds),
  and the other fields describe the newest such failure;
* **test metrics** (``getProjectWorkflowTestMetrics``): the 10 newest runs of the workflow
  on the branch filter (default branch by default), no older than 90 days. Per test:
  ``total_runs``, ``failed_runs``, ``p95_duration`` (nearest rank) and ``flaky`` (flaky
  within those runs). ``most_failed_tests`` lists at most 10 tests that failed, most failures
  first; ``slowest_tests`` at most 10, slowest first; the ``_extra`` counts are the ones left
  out. ``success_rate`` of a run is successes over successes plus failures (0.0 without any);
* **organization summary** (``getOrgSummaryData``): every workflow run of the
  organization's projects, all branches, in the reporting window; ``total_duration_secs``
  adds up the durations of the runs that stopped; trends compare with the window before;
* **branches** (``getAllInsightsBranches``): the branches of pipelines created in the last 90
  days that ran a workflow (of that name, when given), sorted, at most 5,000.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tests.standin import insights
from tests.standin.entities import Job, Project, TestResult, Workflow
from tests.standin.state import World
from tests.standin.wire import ts

JSON = dict[str, Any]
FAILED_RESULTS = {"failure", "failed", "error"}
TEST_METRICS_RUNS = 10
LISTED_TESTS = 10
MAX_BRANCHES = 5000
TestKey = tuple[str, str, str, str]
"""Workflow name, job name, classname, test name."""


@dataclass
class _Outcome:
    """One result of a test, with where it ran."""

    result: TestResult
    job: Job
    workflow: Workflow

    @property
    def failed(self) -> bool:
        return self.result.result in FAILED_RESULTS


def _outcomes(workflows: Iterable[Workflow]) -> dict[TestKey, list[_Outcome]]:
    by_test: dict[TestKey, list[_Outcome]] = {}
    for wf in workflows:
        for job in wf.jobs:
            for result in job.tests:
                key = (wf.name, job.name, result.classname, result.name)
                by_test.setdefault(key, []).append(_Outcome(result, job, wf))
    return by_test


def _flaked(outcomes: list[_Outcome]) -> list[_Outcome]:
    """The failed outcomes on a pipeline where the test also passed."""
    by_pipeline: dict[str, list[_Outcome]] = {}
    for outcome in outcomes:
        by_pipeline.setdefault(outcome.workflow.pipeline_id, []).append(outcome)
    flaked: list[_Outcome] = []
    for same_commit in by_pipeline.values():
        if any(o.result.result == "success" for o in same_commit):
            flaked += [o for o in same_commit if o.failed]
    return flaked


def flaky_tests(world: World, project: Project) -> JSON:
    """Return the body of ``getFlakyTests``."""
    workflows = [wf for p in project.pipelines for wf in p.workflows]
    items: list[JSON] = []
    for (wf_name, job_name, classname, name), outcomes in sorted(_outcomes(workflows).items()):
        flaked = _flaked(outcomes)
        if not flaked:
            continue
        newest = max(flaked, key=lambda o: (o.workflow.created_at, o.job.job_number or 0))
        items.append(
            {
                "test-name": name,
                "classname": classname,
                "file": newest.result.file,
                "source": newest.result.source,
                "job-name": job_name,
                "job-number": newest.job.job_number or 0,
                "workflow-name": wf_name,
                "workflow-id": newest.workflow.id,
                "workflow-created-at": ts(newest.workflow.created_at),
                "pipeline-number": world.pipelines[newest.workflow.pipeline_id].number,
                "times-flaked": len(flaked),
                "time-wasted": round(sum(o.result.run_time for o in flaked)),
            }
        )
    return {"flaky-tests": items, "total-flaky-tests": len(items)}


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(1, math.ceil(0.95 * len(ordered))) - 1] if ordered else 0.0


@dataclass
class _Counts:
    error: int = 0
    failure: int = 0
    skipped: int = 0
    success: int = 0
    total: int = 0

    def add(self, result: str) -> None:
        self.total += 1
        if result == "error":
            self.error += 1
        elif result in FAILED_RESULTS:
            self.failure += 1
        elif result == "skipped":
            self.skipped += 1
        elif result == "success":
            self.success += 1

    def as_json(self) -> JSON:
        keys = ("error", "failure", "skipped", "success", "total")
        return {key: getattr(self, key) for key in keys}

    @property
    def success_rate(self) -> float:
        decided = self.success + self.failure + self.error
        return self.success / decided if decided else 0.0


def _test_item(key: TestKey, outcomes: list[_Outcome]) -> JSON:
    _, job_name, classname, name = key
    newest = outcomes[0].result
    return {
        "test_name": name,
        "classname": classname,
        "file": newest.file,
        "source": newest.source,
        "job_name": job_name,
        "total_runs": len(outcomes),
        "failed_runs": sum(1 for o in outcomes if o.failed),
        "flaky": bool(_flaked(outcomes)),
        "p95_duration": _p95([o.result.run_time for o in outcomes]),
    }


def workflow_test_metrics(world: World, project: Project, name: str, branch: str | None) -> JSON:
    """Return the body of ``getProjectWorkflowTestMetrics``."""
    window = insights.window_for(world, "last-90-days", branch)
    runs = insights.workflow_runs(world, project, name, window)[:TEST_METRICS_RUNS]
    test_runs = []
    total = 0
    for wf in runs:
        counts = _Counts()
        for job in wf.jobs:
            for result in job.tests:
                counts.add(result.result)
        total += counts.total
        test_runs.append(
            {
                "pipeline_number": wf.pipeline_number,
                "workflow_id": wf.id,
                "success_rate": counts.success_rate,
                "test_counts": counts.as_json(),
            }
        )
    items = [_test_item(key, outcomes) for key, outcomes in sorted(_outcomes(runs).items())]
    failed = sorted(
        (i for i in items if i["failed_runs"] > 0),
        key=lambda i: (-i["failed_runs"], i["job_name"], i["classname"], i["test_name"]),
    )
    slowest = sorted(
        items, key=lambda i: (-i["p95_duration"], i["job_name"], i["classname"], i["test_name"])
    )
    return {
        "average_test_count": round(total / len(runs)) if runs else 0,
        "most_failed_tests": failed[:LISTED_TESTS],
        "most_failed_tests_extra": max(0, len(failed) - LISTED_TESTS),
        "slowest_tests": slowest[:LISTED_TESTS],
        "slowest_tests_extra": max(0, len(slowest) - LISTED_TESTS),
        "total_test_runs": total,
        "test_runs": test_runs,
    }


def _project_runs(project: Project, window: insights.Window) -> list[Workflow]:
    return [
        wf
        for p in project.pipelines
        for wf in p.workflows
        if window.start <= wf.created_at < window.end
    ]


def _summary(runs: list[Workflow], window: insights.Window) -> JSON:
    total = len(runs)
    successful = sum(1 for wf in runs if wf.status == "success")
    return {
        "total_runs": total,
        "total_duration_secs": sum(
            int((wf.stopped_at - wf.created_at).total_seconds())
            for wf in runs
            if wf.stopped_at is not None
        ),
        "total_credits_used": sum(wf.credits() for wf in runs),
        "success_rate": successful / total if total else 0.0,
        "throughput": total / window.days,
    }


def _trends(current: JSON, previous: JSON) -> JSON:
    return {
        key: (current[key] - previous[key]) / previous[key] if previous[key] else 0.0
        for key in current
    }


def org_summary(
    world: World, org_slug: str, reporting_window: str, project_names: list[str]
) -> JSON | None:
    """Return the body of ``getOrgSummaryData``, or None for an unknown organization."""
    projects = sorted(
        (p for p in world.projects.values() if p.organization_slug == org_slug),
        key=lambda p: p.name,
    )
    if not projects:
        return None
    chosen = [p for p in projects if not project_names or p.name in project_names]
    window = insights.window_for(world, reporting_window, None)
    before = window.previous()
    org_now = _summary([wf for p in chosen for wf in _project_runs(p, window)], window)
    org_before = _summary([wf for p in chosen for wf in _project_runs(p, before)], before)
    project_data = []
    for project in chosen:
        now = _summary(_project_runs(project, window), window)
        then = _summary(_project_runs(project, before), before)
        del now["throughput"], then["throughput"]
        project_data.append(
            {"project_name": project.name, "metrics": now, "trends": _trends(now, then)}
        )
    return {
        "org_data": {"metrics": org_now, "trends": _trends(org_now, org_before)},
        "org_project_data": project_data,
        "all_projects": [p.name for p in projects],
    }


def branches(world: World, project: Project, workflow_name: str | None) -> JSON:
    """Return the body of ``getAllInsightsBranches``."""
    since = world.current_time() - timedelta(days=90)
    names = {
        p.branch
        for p in project.pipelines
        if p.branch is not None
        and p.created_at >= since
        and any(workflow_name is None or wf.name == workflow_name for wf in p.workflows)
    }
    return {
        "org_id": project.organization_id,
        "project_id": project.id,
        "branches": sorted(names)[:MAX_BRANCHES],
    }
