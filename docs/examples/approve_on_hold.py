"""Stop waiting at an approval, approve it by name, and watch the pipeline to the end."""

import sys

from circleci_client import AuthenticatedClient
from circleci_client.pipelines import Triggered, trigger_pipeline
from circleci_client.runs import (
    OnHold,
    Outcome,
    PipelineNumber,
    WaitOptions,
    approve_job,
    watch_pipeline,
)


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Trigger a pipeline with an approval job, approve it, and watch it finish."""
    # The stand-in's ``hold`` parameter adds a workflow ``deploy`` whose approval job ``hold``
    # waits on_hold; your configuration has approval jobs of its own (type: approval).
    triggered = trigger_pipeline(client, project_slug, parameters={"hold": True})
    assert isinstance(triggered, Triggered)
    pipeline = PipelineNumber(project_slug, triggered.number)

    # --8<-- [start:stop]
    result = watch_pipeline(client, pipeline, options=WaitOptions(on_hold=OnHold.STOP))
    print(f"{result.outcome} (exit {result.exit_code})")
    assert result.status is not None
    for held in result.status.held:
        print(f"waiting for approval: {held.workflow_name} / {held.job_name}")
    # --8<-- [end:stop]

    # --8<-- [start:approve]
    if result.outcome is Outcome.ON_HOLD:
        approved = approve_job(client, pipeline, workflow="deploy", job="hold")
        print(f"approved {approved.job_name} of {approved.workflow_name}")
        result = watch_pipeline(client, pipeline)
    print(f"{result.outcome} (exit {result.exit_code})")
    # --8<-- [end:approve]

    # --8<-- [start:auto]
    again = trigger_pipeline(client, project_slug, parameters={"hold": True})
    assert isinstance(again, Triggered)
    auto = watch_pipeline(client, again.id, options=WaitOptions(on_hold=OnHold.APPROVE))
    print(f"approved by the wait: {[h.job_name for h in auto.approved]}, {auto.outcome}")
    # --8<-- [end:auto]


if __name__ == "__main__":
    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
