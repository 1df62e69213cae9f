"""How-to: cancel a running job or workflow, and rerun a failed workflow."""

from circleci_client import AuthenticatedClient
from circleci_client.api.job import cancel_job_by_job_id, cancel_job_by_job_number
from circleci_client.api.pipeline import list_pipelines_for_project, list_workflows_by_pipeline_id
from circleci_client.api.workflow import (
    cancel_workflow,
    get_workflow_by_id,
    list_workflow_jobs,
    rerun_workflow,
)
from circleci_client.models import RerunWorkflowParameters, Workflow, WorkflowStatus


def newest_workflow(
    client: AuthenticatedClient, project_slug: str, status: WorkflowStatus
) -> Workflow:
    """The newest workflow of the project with ``status``."""
    for pipeline in list_pipelines_for_project.iter_items(project_slug, client=client):
        for workflow in list_workflows_by_pipeline_id.iter_items(pipeline.id, client=client):
            if workflow.status == status:
                return workflow
    raise LookupError(f"no {status} workflow")


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Cancel one job, then the rest of its workflow; rerun a failed workflow two ways."""
    # --8<-- [start:cancel]
    running = newest_workflow(client, project_slug, WorkflowStatus.RUNNING)
    for job in list_workflow_jobs.iter_items(running.id, client=client):
        print(f"{job.name}: {job.status}")
        if job.status == "running" and isinstance(job.job_number, int):
            cancel_job_by_job_number.sync(project_slug, job.job_number, client=client)
            print(f"  canceled job {job.name} by its number")
    # The whole workflow: every job that has not finished is canceled too.
    cancel_workflow.sync(running.id, client=client)
    print(f"workflow {running.name}: {get_workflow_by_id.sync(running.id, client=client).status}")
    # --8<-- [end:cancel]

    # --8<-- [start:rerun]
    failed = newest_workflow(client, project_slug, WorkflowStatus.FAILED)
    # Only the jobs that failed (and what depends on them), with a plain mapping as the body:
    rerun = rerun_workflow.sync(failed.id, client=client, body={"from_failed": True})
    new = get_workflow_by_id.sync(rerun.workflow_id, client=client)
    print(f"rerun from failed: workflow {new.name} is {new.status}")
    # Chosen jobs, with the model as the body; the other jobs keep their old results.
    first = next(iter(list_workflow_jobs.iter_items(failed.id, client=client)))
    body = RerunWorkflowParameters(jobs=[first.id])
    rerun = rerun_workflow.sync(failed.id, client=client, body=body)
    print(f"rerun of {first.name} only:")
    for job in list_workflow_jobs.iter_items(rerun.workflow_id, client=client):
        print(f"  {job.name}: {job.status}")
    # --8<-- [end:rerun]

    # --8<-- [start:by-id]
    # A job without a number (an approval job), or one of a GitHub App or GitLab project,
    # is canceled by its ID.
    on_hold = newest_workflow(client, project_slug, WorkflowStatus.ON_HOLD)
    for job in list_workflow_jobs.iter_items(on_hold.id, client=client):
        if job.type_ == "approval":
            cancel_job_by_job_id.sync(job.id, client=client)
            print(f"canceled the approval job {job.name} by its ID")
    # --8<-- [end:by-id]


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
