"""Use case: a project's details, from its slug."""

from circleci_client import AuthenticatedClient
from circleci_client.api.project import get_project_by_slug, list_env_vars


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Print the project's identity, repository and the names of its environment variables."""
    project = get_project_by_slug.sync(project_slug, client=client)
    print(f"{project.name} (slug {project.slug})")
    print(f"organization: {project.organization_name} ({project.organization_slug})")
    print(f"repository:   {project.vcs_info.vcs_url} on {project.vcs_info.provider}")
    print(f"default branch: {project.vcs_info.default_branch}")

    # Values come back masked: CircleCI never returns a secret.
    for variable in list_env_vars.iter_items(project_slug, client=client):
        print(f"env var {variable.name} = {variable.value}")


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
