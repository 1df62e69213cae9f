"""Use case: list a job's artifacts and stream them to disk with the client's own connection."""

import sys
import tempfile
from pathlib import Path

from circleci_client import AuthenticatedClient
from circleci_client.api.job import get_job_artifacts
from circleci_client.api.pipeline import list_pipelines_for_project, list_workflows_by_pipeline_id
from circleci_client.api.workflow import list_workflow_jobs


def job_with_artifacts(client: AuthenticatedClient, project_slug: str) -> int | None:
    """The number of the newest job that stored at least one artifact."""
    for pipeline in list_pipelines_for_project.iter_items(
        project_slug, client=client, max_items=10
    ):
        for workflow in list_workflows_by_pipeline_id.iter_items(pipeline.id, client=client):
            for job in list_workflow_jobs.iter_items(workflow.id, client=client):
                if not isinstance(job.job_number, int):
                    continue
                if get_job_artifacts.sync(project_slug, job.job_number, client=client).items:
                    return job.job_number
    return None


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """List one job's artifacts, then download the small text ones into a temporary folder."""
    number = job_with_artifacts(client, project_slug)
    if number is None:
        print("no artifacts among the ten newest pipelines")
        return
    artifacts = list(get_job_artifacts.iter_items(project_slug, number, client=client))
    print(f"job {number} stored {len(artifacts)} artifacts")

    # The client's httpx.Client sends the token to the artifact host too (see token_hosts),
    # and drops it when a download is redirected anywhere else.
    http = client.get_httpx_client()
    with tempfile.TemporaryDirectory() as folder:
        for artifact in [a for a in artifacts if a.path.endswith((".txt", ".xml"))][:3]:
            target = Path(folder, str(artifact.node_index), artifact.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            with http.stream("GET", artifact.url, follow_redirects=True) as response:
                response.raise_for_status()
                with target.open("wb") as file:
                    for chunk in response.iter_bytes():
                        file.write(chunk)
            print(f"node {artifact.node_index}: {artifact.path} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
