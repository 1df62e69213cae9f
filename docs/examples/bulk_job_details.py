"""Rate limits: fetch many jobs at once, politely, and keep every result."""

import asyncio

from circleci_client import AuthenticatedClient, RateLimit, bulk
from circleci_client.api.job import get_job_details
from circleci_client.api.pipeline import list_pipelines_for_project, list_workflows_by_pipeline_id
from circleci_client.api.workflow import list_workflow_jobs


async def job_statuses(client: AuthenticatedClient, project_slug: str) -> None:
    """Collect the job numbers of the ten newest pipelines, then fetch them 16 at a time."""
    async with client:  # closes the async connection pool inside this event loop
        await _fetch(client, project_slug)


async def _fetch(client: AuthenticatedClient, project_slug: str) -> None:
    numbers: list[int] = []
    async for pipeline in list_pipelines_for_project.aiter_items(
        project_slug, client=client, max_items=10
    ):
        async for workflow in list_workflows_by_pipeline_id.aiter_items(pipeline.id, client=client):
            async for job in list_workflow_jobs.aiter_items(workflow.id, client=client):
                if isinstance(job.job_number, int):  # approval jobs have no number
                    numbers.append(job.job_number)
    numbers.append(999_999)  # a job that does not exist: its error stays with its result

    # --8<-- [start:bulk]
    results = await bulk.map(
        lambda number: get_job_details.asyncio(project_slug, number, client=client),
        numbers,
        concurrency=16,
    )
    # --8<-- [end:bulk]
    done = [r.value for r in results if r.value is not None]
    print(f"{len(done)} of {len(results)} jobs fetched, in input order")
    print("first:", done[0].number, done[0].name, done[0].status)
    for result in results:
        if result.error is not None:
            print(f"job {numbers[result.index]} failed: {type(result.error).__name__}")


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Run the fan-out with a client whose rate limiter starts cautious."""
    # --8<-- [start:limiter]
    # Adaptive limiting is on by default and costs nothing until CircleCI answers 429;
    # RateLimit tunes it, rate_limit=False turns it off.
    polite = client.with_options(rate_limit=RateLimit(initial_rate=20, max_rate=50))
    # --8<-- [end:limiter]
    asyncio.run(job_statuses(polite, project_slug))
    limiter = polite.rate_limiter
    print("requests per second allowed now:", limiter.rate if limiter else "no limit")


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
