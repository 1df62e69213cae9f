"""The async iterators: the same paging, on ``httpx.AsyncClient``."""

import asyncio
from uuid import UUID

from circleci_client import AuthenticatedClient
from circleci_client.api.pipeline import list_pipelines_for_project, list_workflows_by_pipeline_id


async def workflow_names(client: AuthenticatedClient, project_slug: str) -> None:
    """Print the workflows of the three newest pipelines, fetched concurrently."""
    pipelines = [
        p
        async for p in list_pipelines_for_project.aiter_items(
            project_slug, client=client, max_items=3
        )
    ]

    async def names(pipeline_id: UUID) -> list[str]:
        return [
            w.name
            async for w in list_workflows_by_pipeline_id.aiter_items(pipeline_id, client=client)
        ]

    results = await asyncio.gather(*(names(p.id) for p in pipelines))
    for pipeline, found in zip(pipelines, results, strict=True):
        print(f"pipeline {pipeline.number}: {', '.join(sorted(found)) or 'no workflows'}")

    async for page in list_pipelines_for_project.aiter_pages(
        project_slug, client=client, max_pages=1
    ):
        print("first page holds", len(page.items), "pipelines")


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Run the async example to completion and close the async connection pool."""

    async def run() -> None:
        try:
            await workflow_names(client, project_slug)
        finally:
            await client.aclose()

    asyncio.run(run())


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
