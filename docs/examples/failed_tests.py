"""Use case: which tests failed in a workflow (every page of every job), and which are flaky."""

import asyncio

from circleci_client import AuthenticatedClient, failures
from circleci_client.api.insights import (
    get_all_insights_branches,
    get_org_summary_data,
    get_project_workflow_test_metrics,
)
from circleci_client.api.pipeline import list_pipelines_for_project, list_workflows_by_pipeline_id
from circleci_client.models.reporting_window import ReportingWindow
from circleci_client.models.workflow_status import WorkflowStatus


def newest_failed_workflow(client: AuthenticatedClient, project_slug: str) -> str | None:
    """The id of the newest failed workflow on main, among the 20 newest pipelines there."""
    for pipeline in list_pipelines_for_project.iter_items(
        project_slug, client=client, branch="main", max_items=20
    ):
        for workflow in list_workflows_by_pipeline_id.iter_items(pipeline.id, client=client):
            if workflow.status == WorkflowStatus.FAILED:
                print(f"pipeline {pipeline.number}: {workflow.name} failed")
                return str(workflow.id)
    return None


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Print a failed workflow's failed tests, the flaky tests, test metrics and branches."""
    workflow_id = newest_failed_workflow(client, project_slug)
    if workflow_id is None:
        print("no failed workflow among the newest pipelines on main")
        return

    # --8<-- [start:failed]
    report = failures.failed_tests(client, workflow_id)
    for test in report.failures:
        print(f"  job {test.job_number} {test.job_name}: {test.classname}.{test.name}")
        print(f"    {test.message}")
    for problem in report.errors:  # a job whose results could not be read
        print(f"  job {problem.job_number} not read: {problem.error}")
    print(
        f"{len(report.failures)} failed of {report.tests_read} results in {report.jobs_read} jobs"
    )
    # --8<-- [end:failed]

    # --8<-- [start:async]
    async def read_async() -> failures.FailedTests:
        async with client.with_options() as aclient:  # its own connection pool for this loop
            return await failures.afailed_tests(aclient, workflow_id, concurrency=4)

    same = asyncio.run(read_async())
    print("async:", [test.name for test in same.failures], "complete:", same.complete)
    # --8<-- [end:async]

    # --8<-- [start:flaky]
    for flaky in failures.flaky_tests(client, project_slug):
        print(
            f"flaky {flaky.times_flaked}x: {flaky.classname}.{flaky.test_name} "
            f"(last in pipeline {flaky.pipeline_number}, job {flaky.job_name} {flaky.job_number})"
        )
    # --8<-- [end:flaky]

    # --8<-- [start:metrics]
    metrics = get_project_workflow_test_metrics.sync(project_slug, "build-and-test", client=client)
    print(f"{metrics.total_test_runs} test runs in {len(metrics.test_runs)} workflow runs")
    for often in metrics.most_failed_tests:
        print(f"  most failed: {often.test_name} {often.failed_runs}/{often.total_runs}")
    slowest = metrics.slowest_tests[0]
    print(f"  slowest: {slowest.test_name}, p95 {slowest.p95_duration}s")
    # --8<-- [end:metrics]

    # --8<-- [start:org]
    org_slug = "/".join(project_slug.split("/")[:2])  # gh/acme
    summary = get_org_summary_data.sync(
        org_slug, client=client, reporting_window=ReportingWindow.LAST_7_DAYS
    )
    org = summary.org_data.metrics
    print(f"{org_slug}, last 7 days: {org.total_runs} runs, {org.success_rate:.0%} successful")
    for project in summary.org_project_data:
        print(f"  {project.project_name}: {project.metrics.total_runs} runs")
    branches = get_all_insights_branches.sync(project_slug, client=client)
    print("branches:", ", ".join(branches.branches))
    # --8<-- [end:org]


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
