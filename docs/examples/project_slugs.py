"""Parse, normalise and validate project slugs before they reach the API."""

from circleci_client import AuthenticatedClient, ProjectSlug
from circleci_client.api.project import get_project_by_slug
from circleci_client.slugs import InvalidProjectSlugError


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Show the slug forms the client accepts, and that the API treats them alike."""
    slug = ProjectSlug.parse(project_slug)
    print(f"short form: {slug}   long form: {slug.long_form}")
    print(f"vcs={slug.vcs} org={slug.org} repo={slug.repo}")

    # The long form and the URL-escaped form name the same project.
    for form in (slug.long_form, str(slug).replace("/", "%2F")):
        project = get_project_by_slug.sync(form, client=client)
        print(f"{form!r} -> {project.slug}")

    # GitHub App and GitLab projects use IDs instead of names.
    app = ProjectSlug.circleci(
        "3F1E6A2C-8B4D-4E0F-9A71-2C5D8E9B0A13", "b7c2d9e4-1a3f-4c6b-8d5e-0f9a7b3c2e18"
    )
    print(f"circleci slug: {app}")

    for bad in ("gh/acme", "gitlab/acme/widgets", "gh/acme/wid gets"):
        try:
            ProjectSlug.parse(bad)
        except InvalidProjectSlugError as error:
            print(f"rejected ({error.part or 'whole'}): {error}")


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
