"""Tutorial step 2: the project's pipelines, newest first."""

from circleci_client import AuthenticatedClient
from circleci_client.api.pipeline import list_pipelines_for_project


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Print the five newest pipelines, then the newest on one branch."""
    for pipeline in list_pipelines_for_project.iter_items(project_slug, client=client, max_items=5):
        vcs = pipeline.vcs
        branch = vcs.branch if vcs and vcs.branch else "-"
        print(f"#{pipeline.number:<4} {pipeline.state:<8} {branch:<16} {pipeline.trigger.type_}")

    page = list_pipelines_for_project.sync(project_slug, client=client, branch="feature/login")
    if page.items:
        print("newest on feature/login: #", page.items[0].number, sep="")


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
