"""Use case: read a project's advanced settings and change one of them."""

from circleci_client import AuthenticatedClient, ProjectSlug
from circleci_client.api.project import get_project_settings, patch_project_settings
from circleci_client.models.advanced_settings import AdvancedSettings
from circleci_client.models.project_settings import ProjectSettings


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Show the settings, turn auto-cancel on, then put it back as it was."""
    # --8<-- [start:read]
    slug = ProjectSlug.parse(project_slug)  # the three parts travel as three path segments
    settings = get_project_settings.sync(slug.vcs, slug.org, slug.repo, client=client)
    advanced = settings.advanced
    assert isinstance(advanced, AdvancedSettings)
    print(f"auto-cancel redundant workflows: {advanced.autocancel_builds}")
    print(f"only build pull requests: {advanced.build_prs_only}")
    print(f"branches that always build: {advanced.pr_only_branch_overrides}")
    # --8<-- [end:read]

    # --8<-- [start:change]
    # Name only what changes: the other settings stay as they are.
    change = ProjectSettings(advanced=AdvancedSettings(autocancel_builds=True))
    after = patch_project_settings.sync(slug.vcs, slug.org, slug.repo, client=client, body=change)
    assert isinstance(after.advanced, AdvancedSettings)
    print(f"auto-cancel is now {after.advanced.autocancel_builds}")
    print(f"GitHub status updates unchanged: {after.advanced.set_github_status}")
    # --8<-- [end:change]

    restore = ProjectSettings(
        advanced=AdvancedSettings(autocancel_builds=advanced.autocancel_builds)
    )
    patch_project_settings.sync(slug.vcs, slug.org, slug.repo, client=client, body=restore)
    print("put auto-cancel back as it was")


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
