"""Use case: download artifacts with ``circleci_client.artifacts``: safe, resumable, parallel."""

import sys
import tempfile
from pathlib import Path

from circleci_client import AuthenticatedClient
from circleci_client.api.pipeline import list_pipelines_for_project, list_workflows_by_pipeline_id
from circleci_client.api.workflow import list_workflow_jobs
from circleci_client.artifacts import (
    NoSuccessfulPipelineError,
    download_branch_artifacts,
    download_job_artifacts,
    list_artifacts,
)


def newest_job_named(client: AuthenticatedClient, project_slug: str, name: str) -> int | None:
    """The newest job called ``name`` that stored artifacts, in the ten newest pipelines."""
    for pipeline in list_pipelines_for_project.iter_items(
        project_slug, client=client, max_items=10
    ):
        for workflow in list_workflows_by_pipeline_id.iter_items(pipeline.id, client=client):
            for job in list_workflow_jobs.iter_items(workflow.id, client=client):
                number = job.job_number
                if job.name != name or not isinstance(number, int):
                    continue  # another job, or an approval (which has no number)
                if list_artifacts(client, project_slug, number):
                    return number
    return None


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Download one job's test reports twice (the second run skips them), then a branch's."""
    number = newest_job_named(client, project_slug, "test")
    if number is None:
        print("no job called 'test' stored artifacts in the ten newest pipelines")
        return
    print(f"job {number} has {len(list_artifacts(client, project_slug, number))} artifacts")

    with tempfile.TemporaryDirectory() as folder:
        # --8<-- [start:job]
        report = download_job_artifacts(
            client, project_slug, number, folder, glob="test-results/*.xml"
        )
        print(report.summary())
        for result in report.files:
            print(f"  {result.status}: {Path(result.destination or '').relative_to(folder)}")
        # --8<-- [end:job]

        # Files already complete on disk are skipped: re-running is cheap.
        again = download_job_artifacts(
            client, project_slug, number, folder, glob="test-results/*.xml"
        )
        print(f"again: {len(again.skipped)} skipped, {len(again.downloaded)} downloaded")

    with tempfile.TemporaryDirectory() as folder:
        # --8<-- [start:branch]
        try:
            branch = download_branch_artifacts(
                client, project_slug, "main", folder, glob=["*.xml", "*.json"]
            )
        except NoSuccessfulPipelineError as error:
            print(f"nothing to download: {error}")
        else:
            print(branch.summary())
            jobs = sorted({p.relative_to(folder).parts[0] for p in Path(folder).rglob("*.*")})
            print("job folders:", ", ".join(jobs))
        # --8<-- [end:branch]


if __name__ == "__main__":
    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
