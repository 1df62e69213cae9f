"""Use case: Insights, from a project's workflow metrics down to one workflow's jobs."""

from datetime import timedelta

from circleci_client import AuthenticatedClient
from circleci_client.api.insights import (
    get_project_workflow_job_metrics,
    get_project_workflow_metrics,
    get_project_workflow_runs,
    get_workflow_summary,
)
from circleci_client.models.reporting_window import ReportingWindow


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Print workflow metrics, a week of runs, job metrics and the summary with its trends."""
    # --8<-- [start:metrics]
    metrics = list(
        get_project_workflow_metrics.iter_items(
            project_slug,
            client=client,
            all_branches=True,
            reporting_window=ReportingWindow.LAST_30_DAYS,
        )
    )
    for item in metrics:
        m = item.metrics
        print(
            f"{item.name}: {m.total_runs} runs, {m.success_rate:.0%} successful, "
            f"median {m.duration_metrics.median}s, {m.total_credits_used} credits"
        )
    # --8<-- [end:metrics]
    if not metrics:
        print("no workflow ran in the last 30 days")
        return
    workflow = metrics[0].name

    # --8<-- [start:runs]
    # A date window: start-date is required with end-date, and may be at most 90 days before it.
    latest = next(
        get_project_workflow_runs.iter_items(
            project_slug, workflow, client=client, all_branches=True, max_items=1
        )
    )
    week = get_project_workflow_runs.iter_items(
        project_slug,
        workflow,
        client=client,
        all_branches=True,
        start_date=latest.created_at - timedelta(days=7),
        end_date=latest.created_at + timedelta(seconds=1),
    )
    statuses: dict[str, int] = {}
    for run in week:
        status = str(run.status or "running")
        statuses[status] = statuses.get(status, 0) + 1
    print(f"{workflow}, the week before its latest run:", statuses)
    # --8<-- [end:runs]

    # --8<-- [start:jobs]
    for job in get_project_workflow_job_metrics.iter_items(project_slug, workflow, client=client):
        d = job.metrics.duration_metrics
        print(f"  job {job.name}: {job.metrics.total_runs} runs, p95 {d.p95}s, max {d.max_}s")
    # --8<-- [end:jobs]

    # --8<-- [start:summary]
    summary = get_workflow_summary.sync(project_slug, workflow, client=client, all_branches=True)
    overall, trends = summary.metrics, summary.trends
    print(f"summary: {overall.success_rate:.0%} success over {overall.total_runs} runs")
    print(f"trends: runs {trends.total_runs:+.2f}, failures {trends.failed_runs:+.2f}")
    # --8<-- [end:summary]


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
