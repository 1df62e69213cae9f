"""The test insights operations over HTTP on the stand-in (flaky tests, a workflow's test
metrics, an organization's summary, the branches insights know), and the failed-tests helper
that reads every page of every job of a workflow."""

from __future__ import annotations

from uuid import UUID

import pytest
from circleci_client import AuthenticatedClient, BadRequestError, NotFoundError, failures
from circleci_client.api.insights import (
    get_all_insights_branches,
    get_flaky_tests,
    get_org_summary_data,
    get_project_workflow_test_metrics,
)
from circleci_client.api.job import get_tests
from circleci_client.models.flaky_tests_response import FlakyTestsResponse
from circleci_client.models.insights_branches_response import InsightsBranchesResponse
from circleci_client.models.reporting_window import ReportingWindow
from circleci_client.models.workflow_test_metrics import WorkflowTestMetrics

from tests.clients import standin_client
from tests.conftest import PacingClock
from tests.covered import covered_operations, covers
from tests.operations import TEST_INSIGHT_OPERATIONS
from tests.standin.result_seed import FLAKY_CASES, FLAKY_PIPELINE, PAGED_FAILURES
from tests.standin.server import Standin
from tests.standin.world import TestResult as StoredResult

WIDGETS = "gh/acme/widgets"
WORKFLOW = "build-and-test"


def _pipeline_branches(standin: Standin) -> dict[int, str | None]:
    return {p.number: p.branch for p in standin.world.projects[WIDGETS].pipelines}


# -- getFlakyTests ----------------------------------------------------------------------


def test_flaky_tests_are_those_that_passed_and_failed_on_one_commit(
    client: AuthenticatedClient,
) -> None:
    covers("getFlakyTests")
    answer = get_flaky_tests.sync(WIDGETS, client=client)
    names = sorted(t.test_name for t in answer.flaky_tests)
    assert names == [f"test_case_{i:02d}" for i in FLAKY_CASES]
    assert answer.total_flaky_tests == len(FLAKY_CASES)
    for test in answer.flaky_tests:
        assert test.pipeline_number == FLAKY_PIPELINE
        assert test.times_flaked == 1 and test.workflow_name == WORKFLOW
        assert test.job_name == "test" and isinstance(test.workflow_id, UUID)
    # pipeline 82's failures never passed on that commit: failing is not flaking
    assert not {f"test_case_{i:02d}" for i in PAGED_FAILURES} & set(names)


def test_a_failure_that_then_passes_on_the_same_commit_becomes_flaky(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("getFlakyTests")
    job = standin.world.find_job(
        standin.world.projects[WIDGETS], standin.world.facts.paged_failures_job_number
    )
    assert job is not None
    failed = next(t for t in job.tests if t.name == f"test_case_{PAGED_FAILURES[0]}")
    with standin.world.lock:
        job.tests.append(
            StoredResult(None, "pytest", 2.6, failed.file, "success", failed.name, failed.classname)
        )
    answer = get_flaky_tests.sync(WIDGETS, client=client)
    became = next(t for t in answer.flaky_tests if t.test_name == failed.name)
    assert became.pipeline_number == 82 and became.job_number == job.job_number
    assert became.times_flaked == 1 and became.time_wasted == round(failed.run_time)
    assert answer.total_flaky_tests == len(FLAKY_CASES) + 1


def test_flaky_tests_of_an_unknown_project_is_not_found(client: AuthenticatedClient) -> None:
    covers("getFlakyTests")
    with pytest.raises(NotFoundError):
        get_flaky_tests.sync("gh/acme/no-such-project", client=client)


# -- getProjectWorkflowTestMetrics ----------------------------------------------------------


def test_test_metrics_cover_the_ten_newest_runs_on_the_default_branch(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("getProjectWorkflowTestMetrics")
    metrics = get_project_workflow_test_metrics.sync(WIDGETS, WORKFLOW, client=client)
    branches = _pipeline_branches(standin)
    numbers = [run.pipeline_number for run in metrics.test_runs]
    assert len(numbers) == 10 and numbers == sorted(numbers, reverse=True)
    assert {branches[n] for n in numbers} == {"main"}
    assert metrics.total_test_runs == sum(run.test_counts.total for run in metrics.test_runs)
    assert metrics.average_test_count == round(metrics.total_test_runs / 10)
    showcase = next(run for run in metrics.test_runs if run.pipeline_number == 94)
    counts = showcase.test_counts
    assert (counts.total, counts.failure, counts.skipped, counts.success) == (45, 0, 5, 40)
    assert showcase.success_rate == 1.0
    paged = next(run for run in metrics.test_runs if run.pipeline_number == 82)
    assert paged.test_counts.failure == len(PAGED_FAILURES)
    assert paged.success_rate == pytest.approx(38 / 40)  # 5 of the 45 skipped, 2 failed
    failed = {t.test_name: t for t in metrics.most_failed_tests}
    assert set(failed) == {f"test_case_{i}" for i in PAGED_FAILURES}
    assert all(t.failed_runs == 1 and not t.flaky for t in failed.values())
    assert metrics.most_failed_tests_extra == 0
    durations = [t.p95_duration for t in metrics.slowest_tests]
    assert len(durations) == 10 and durations == sorted(durations, reverse=True)
    assert metrics.slowest_tests_extra == 35  # 45 different tests ran


def test_test_metrics_on_a_branch_mark_the_flaky_tests(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("getProjectWorkflowTestMetrics")
    metrics = get_project_workflow_test_metrics.sync(
        WIDGETS, WORKFLOW, client=client, branch="feature/search"
    )
    branches = _pipeline_branches(standin)
    assert {branches[run.pipeline_number] for run in metrics.test_runs} == {"feature/search"}
    newest = metrics.test_runs[0]
    assert newest.pipeline_number == FLAKY_PIPELINE
    assert newest.test_counts.failure == len(FLAKY_CASES)  # the retried attempt's failures
    flaky = {t.test_name for t in metrics.most_failed_tests if t.flaky}
    assert flaky == {f"test_case_{i:02d}" for i in FLAKY_CASES}


def test_test_metrics_of_all_branches_and_of_an_unknown_workflow(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("getProjectWorkflowTestMetrics")
    every = get_project_workflow_test_metrics.sync(
        WIDGETS, WORKFLOW, client=client, all_branches=True
    )
    branches = _pipeline_branches(standin)
    assert len({branches[run.pipeline_number] for run in every.test_runs}) > 1
    none = get_project_workflow_test_metrics.sync(WIDGETS, "no-such-workflow", client=client)
    assert none.test_runs == [] and none.total_test_runs == 0 and none.average_test_count == 0
    with pytest.raises(BadRequestError, match="either branch or all-branches"):
        get_project_workflow_test_metrics.sync(
            WIDGETS, WORKFLOW, client=client, branch="main", all_branches=True
        )


# -- getOrgSummaryData ----------------------------------------------------------------------


def test_org_summary_adds_up_the_runs_of_the_window(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("getOrgSummaryData")
    summary = get_org_summary_data.sync(
        "gh/acme", client=client, reporting_window=ReportingWindow.LAST_30_DAYS
    )
    assert summary.all_projects == ["widgets"]
    [project] = summary.org_project_data
    assert project.project_name == "widgets"
    world = standin.world
    since = world.current_time().timestamp() - 30 * 86400
    runs = [
        wf
        for p in world.projects[WIDGETS].pipelines
        for wf in p.workflows
        if wf.created_at.timestamp() > since
    ]
    assert project.metrics.total_runs == summary.org_data.metrics.total_runs == len(runs)
    successes = sum(1 for wf in runs if wf.status == "success")
    assert project.metrics.success_rate == pytest.approx(successes / len(runs))
    assert summary.org_data.metrics.throughput == pytest.approx(len(runs) / 30, rel=1e-3)
    assert project.metrics.total_credits_used == sum(wf.credits() for wf in runs)
    longer = get_org_summary_data.sync("github/acme", client=client)  # default: 90 days
    assert longer.org_data.metrics.total_runs > summary.org_data.metrics.total_runs


def test_org_summary_sends_repeated_project_names_and_filters_by_them(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("getOrgSummaryData")
    chosen = get_org_summary_data.sync(
        "gh/acme", client=client, project_names=["widgets", "elsewhere"]
    )
    [request] = standin.requests.api.filter("getOrgSummaryData")
    assert request.query == "project-names=widgets&project-names=elsewhere"
    assert [p.project_name for p in chosen.org_project_data] == ["widgets"]
    other = get_org_summary_data.sync("gh/acme", client=client, project_names=["elsewhere"])
    assert other.org_project_data == [] and other.org_data.metrics.total_runs == 0
    assert other.all_projects == ["widgets"]


def test_org_summary_of_an_unknown_organization_is_not_found(
    client: AuthenticatedClient,
) -> None:
    covers("getOrgSummaryData")
    with pytest.raises(NotFoundError):
        get_org_summary_data.sync("gh/nobody", client=client)


# -- getAllInsightsBranches -----------------------------------------------------------------


def test_branches_of_a_project_and_of_one_workflow(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("getAllInsightsBranches")
    project = standin.world.projects[WIDGETS]
    every = get_all_insights_branches.sync(WIDGETS, client=client)
    assert every.branches == ["feature/login", "feature/search", "main"]
    assert str(every.project_id) == project.id and str(every.org_id) == project.organization_id
    deploy = get_all_insights_branches.sync(WIDGETS, client=client, workflow_name="deploy")
    assert deploy.branches == ["main"]  # only main pipelines deploy
    none = get_all_insights_branches.sync(WIDGETS, client=client, workflow_name="nope")
    assert none.branches == []
    with pytest.raises(NotFoundError):
        get_all_insights_branches.sync("gh/acme/no-such-project", client=client)


# -- failures.failed_tests ------------------------------------------------------------------


def test_the_seeded_failures_are_past_the_first_page(
    standin: Standin, client: AuthenticatedClient
) -> None:
    """The condition the next tests rely on: one page of getTests shows no failure."""
    first = get_tests.sync(WIDGETS, standin.world.facts.paged_failures_job_number, client=client)
    assert first.next_page_token is not None
    assert all(t.result != "failure" for t in first.items)


def test_failed_tests_reads_every_page_of_every_job(
    standin: Standin, client: AuthenticatedClient
) -> None:
    facts = standin.world.facts
    report = failures.failed_tests(client, facts.paged_failures_workflow_id)
    assert [(f.job_number, f.name) for f in report.failures] == [
        (facts.paged_failures_job_number, f"test_case_{i}") for i in PAGED_FAILURES
    ]
    first = report.failures[0]
    assert first.job_name == "test" and first.result == "failure"
    assert first.message == f"AssertionError: widget {PAGED_FAILURES[0]} rendered twice"
    assert first.classname == "tests.test_module_4" and first.file == "tests/test_module_4.py"
    assert report.complete and report.jobs_read == 2 and report.tests_read == 45
    pages = standin.requests.api.filter("getTests")
    assert len(pages) == 3 + 1  # three pages of the test job, one of lint


async def test_afailed_tests_reads_every_page_of_every_job(
    standin: Standin, aclient: AuthenticatedClient
) -> None:
    facts = standin.world.facts
    report = await failures.afailed_tests(
        aclient, UUID(facts.paged_failures_workflow_id), concurrency=1
    )
    assert [f.name for f in report.failures] == [f"test_case_{i}" for i in PAGED_FAILURES]
    assert report.complete and report.jobs_read == 2


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_a_job_that_cannot_be_read_is_reported_not_lost(
    standin: Standin, flavour: str
) -> None:
    facts = standin.world.facts
    job = standin.world.find_job(standin.world.projects[WIDGETS], facts.paged_failures_job_number)
    assert job is not None
    workflow = standin.world.workflows[job.workflow_id]
    lint = next(j for j in workflow.jobs if j.name == "lint")
    standin.faults.add(
        "getTests", status=404, when="before", times=None, path=f"*/{lint.job_number}/tests"
    )
    if flavour == "sync":
        with standin_client(standin) as client:
            report = failures.failed_tests(client, workflow.id)
    else:
        async with standin_client(standin) as client:
            report = await failures.afailed_tests(client, workflow.id)
    assert not report.complete
    [problem] = report.errors
    assert (problem.job_number, problem.job_name) == (lint.job_number, "lint")
    assert isinstance(problem.error, NotFoundError)
    assert len(report.failures) == len(PAGED_FAILURES)  # the other job was still read
    assert report.jobs_read == 1


def test_failed_tests_waits_out_a_429_through_the_client(
    pacing_clock: PacingClock, standin: Standin, client: AuthenticatedClient
) -> None:
    """The job reads go through the client: a 429 is waited out and retried, not lost."""
    standin.faults.rate_limit("getTests", retry_after="1")
    report = failures.failed_tests(client, standin.world.facts.paged_failures_workflow_id)
    assert report.complete and len(report.failures) == len(PAGED_FAILURES)
    assert 1.0 in pacing_clock.sleeps
    statuses = [r.status for r in standin.requests.api.filter("getTests")]
    assert statuses.count(429) == 1 and len(statuses) == 4 + 1


@pytest.mark.parametrize("flavour", ["sync", "async"])
async def test_failed_tests_reads_at_most_concurrency_jobs_at_once(
    standin: Standin, flavour: str
) -> None:
    standin.faults.latency(0.05, operation="getTests")  # long enough for reads to overlap
    workflow_id = standin.world.facts.paged_failures_workflow_id
    if flavour == "sync":
        with standin_client(standin) as client:
            report = failures.failed_tests(client, workflow_id, concurrency=1)
    else:
        async with standin_client(standin) as client:
            report = await failures.afailed_tests(client, workflow_id, concurrency=1)
    assert report.complete
    assert standin.requests.api.most_at_once() == 1


def test_failed_tests_of_a_passing_workflow_and_bad_input(
    standin: Standin, client: AuthenticatedClient
) -> None:
    showcase = next(
        p for p in standin.world.projects[WIDGETS].pipelines if p.number == 94
    ).workflows[0]
    report = failures.failed_tests(client, showcase.id, concurrency=2)
    assert report.failures == [] and report.complete and report.tests_read == 45
    with pytest.raises(ValueError, match="not a workflow id"):
        failures.failed_tests(client, "not-a-uuid")
    with pytest.raises(ValueError, match="concurrency must be 1 or more"):
        failures.failed_tests(client, showcase.id, concurrency=0)
    with pytest.raises(NotFoundError):
        failures.failed_tests(client, UUID(int=7))


def test_flaky_tests_helper_lists_the_most_flaky_first(
    standin: Standin, client: AuthenticatedClient
) -> None:
    project = standin.world.projects[WIDGETS]
    retried = next(
        j
        for p in project.pipelines
        if p.number == FLAKY_PIPELINE
        for wf in p.workflows
        for j in wf.jobs
        if j.status == "retried"
    )
    again = next(t for t in retried.tests if t.name == f"test_case_{FLAKY_CASES[1]:02d}")
    with standin.world.lock:
        retried.tests.append(again)  # failed twice on that commit now
    flaky = failures.flaky_tests(client, WIDGETS)
    assert [t.test_name for t in flaky] == [
        f"test_case_{FLAKY_CASES[1]:02d}",
        f"test_case_{FLAKY_CASES[0]:02d}",
    ]
    assert [t.times_flaked for t in flaky] == [2, 1]


def test_ids_the_published_spec_leaves_untyped_may_be_null(client: AuthenticatedClient) -> None:
    """``workflow-id``, ``workflow_id``, ``org_id`` and ``project_id`` have no type in the
    published spec, so they are nullable here (docs/spec-differences.md)."""
    flaky = get_flaky_tests.sync(WIDGETS, client=client).to_dict()
    flaky["flaky-tests"][0]["workflow-id"] = None
    assert FlakyTestsResponse.from_dict(flaky).flaky_tests[0].workflow_id is None
    metrics = get_project_workflow_test_metrics.sync(WIDGETS, WORKFLOW, client=client).to_dict()
    metrics["test_runs"][0]["workflow_id"] = None
    assert WorkflowTestMetrics.from_dict(metrics).test_runs[0].workflow_id is None
    branches = {"org_id": None, "project_id": None, "branches": ["main"]}
    parsed = InsightsBranchesResponse.from_dict(branches)
    assert parsed.org_id is None and parsed.project_id is None


def test_every_test_insight_operation_is_tested() -> None:
    wanted = {operation_id for _, _, operation_id in TEST_INSIGHT_OPERATIONS}
    assert wanted == covered_operations(__file__)
