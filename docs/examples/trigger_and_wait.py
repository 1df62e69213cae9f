"""Trigger a pipeline, wait until it is done, and branch on the outcome."""

import sys

from circleci_client import AuthenticatedClient
from circleci_client.runs import Outcome, RunStatus, WaitOptions, trigger_and_wait


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Trigger a pipeline of ``project_slug`` and wait for it, showing each change."""
    # --8<-- [start:wait]
    shown: list[str] = []

    def show(status: RunStatus) -> None:
        line = ", ".join(f"{w.name} {w.status}" for w in status.workflows) or str(status.phase)
        if not shown or shown[-1] != line:  # print only what changed
            shown.append(line)
            print(f"  #{status.number} {status.state}: {line}")

    result = trigger_and_wait(
        client,
        project_slug,
        branch="main",
        options=WaitOptions(timeout=30 * 60),  # give up after 30 minutes
        on_update=show,
    )
    # --8<-- [end:wait]

    # --8<-- [start:outcome]
    if result.status is not None:
        for workflow in result.status.workflows:
            jobs = ", ".join(f"{job.name} {job.status}" for job in workflow.jobs)
            print(f"{workflow.name}: {workflow.status} ({jobs})")
    match result.outcome:
        case Outcome.SUCCESS:
            print("all green")
        case Outcome.ERRORED:
            assert result.status is not None
            for error in result.status.errors:
                print(f"{error.type} error: {error.message}")
        case Outcome.NOT_CREATED:
            print(f"nothing to wait for: {result.message}")
        case _:
            print(f"not green: {result.outcome}")
    print(f"exit code for scripts: {result.exit_code}")
    # --8<-- [end:outcome]


if __name__ == "__main__":
    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
