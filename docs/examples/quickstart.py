"""Quick start: the ten most recent pipelines of a project."""

from circleci_client import AuthenticatedClient
from circleci_client.api.pipeline import list_pipelines_for_project


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Print number, state and branch of the project's ten newest pipelines."""
    for pipeline in list_pipelines_for_project.iter_items(
        project_slug, client=client, max_items=10
    ):
        branch = pipeline.vcs.branch if pipeline.vcs else None
        print(pipeline.number, pipeline.state, branch or "-")


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:  # CIRCLE_TOKEN, CIRCLECI_BASE_URL
        main(client, sys.argv[1])
