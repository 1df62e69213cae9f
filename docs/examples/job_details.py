"""Use case: the details of one job, found through the project's recent pipelines."""

from collections import Counter

from circleci_client import AuthenticatedClient
from circleci_client.api.job import get_job_details, get_tests
from circleci_client.api.pipeline import list_pipelines_for_project, list_workflows_by_pipeline_id
from circleci_client.api.workflow import list_workflow_jobs


def latest_finished_job(client: AuthenticatedClient, project_slug: str) -> int | None:
    """The number of the newest job that ran and succeeded (approval jobs have no number)."""
    for pipeline in list_pipelines_for_project.iter_items(
        project_slug, client=client, max_items=10
    ):
        for workflow in list_workflows_by_pipeline_id.iter_items(pipeline.id, client=client):
            for job in list_workflow_jobs.iter_items(workflow.id, client=client):
                if isinstance(job.job_number, int) and job.status == "success":
                    return job.job_number
    return None


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Print one job's details and a summary of its test results."""
    number = latest_finished_job(client, project_slug)
    if number is None:
        print("no finished job among the ten newest pipelines")
        return
    job = get_job_details.sync(project_slug, number, client=client)
    print(f"job {job.number}: {job.name}, {job.status}")
    print(f"workflow {job.latest_workflow.name}, pipeline {job.pipeline.id}")
    executor = f"{job.executor.type_} / {job.executor.resource_class}"
    print(f"executor {executor}, parallelism {job.parallelism}")
    if job.duration is not None:  # milliseconds in job details
        print(f"took {job.duration / 1000:.1f}s")
    for run in job.parallel_runs:
        print(f"  node {run.index}: {run.status}")

    results = Counter(
        str(test.result) for test in get_tests.iter_items(project_slug, number, client=client)
    )
    print(
        "tests:",
        ", ".join(f"{count} {result}" for result, count in sorted(results.items())) or "none",
    )


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
