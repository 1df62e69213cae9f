"""Wait for several pipelines at once, rerun the failed one from failed, cancel the redundant."""

import asyncio
import sys

from circleci_client import AuthenticatedClient
from circleci_client.pipelines import Triggered, atrigger_pipeline
from circleci_client.runs import (
    acancel_redundant,
    arerun_failed,
    atrigger_and_wait,
    awatch_pipeline,
)


async def control(client: AuthenticatedClient, project_slug: str) -> None:
    """The async functions: the same arguments and results as the sync ones."""
    # --8<-- [start:gather]
    green, red = await asyncio.gather(
        atrigger_and_wait(client, project_slug, branch="main"),
        atrigger_and_wait(client, project_slug, branch="main", parameters={"fail": True}),
    )
    print(f"green: {green.outcome}, red: {red.outcome}")
    # --8<-- [end:gather]

    # --8<-- [start:rerun]
    assert red.status is not None
    for rerun in await arerun_failed(client, red.status.pipeline_id):
        print(f"rerunning {rerun.workflow_name} from failed")
    after = await awatch_pipeline(client, red.status.pipeline_id)
    print(f"after the rerun: {after.outcome}")
    # --8<-- [end:rerun]

    # --8<-- [start:redundant]
    for _ in range(3):
        started = await atrigger_pipeline(client, project_slug, branch="feature/busy")
        assert isinstance(started, Triggered)
    done = await acancel_redundant(client, project_slug, branch="feature/busy")
    canceled = sorted({c.pipeline_number for c in done.canceled})
    print(f"kept #{done.kept}, canceled {len(canceled)} older pipelines")
    # --8<-- [end:redundant]


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Run the async example."""
    asyncio.run(control(client, project_slug))


if __name__ == "__main__":
    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
