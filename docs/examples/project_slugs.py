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

    # GitHub App and GitLab projects use CircleCI's IDs instead of names. The IDs are
    # case-sensitive and kept exactly as given.
    app = ProjectSlug.parse("circleci/43G3lM5RtfFE7v5sa4nWAU/44n9wujWcTnVZ2b5S8Fnat")
    print(f"circleci slug: {app} (org ID {app.org}, project ID {app.repo})")

    for bad in ("gh/acme", "gitlab/acme/widgets", "gh/acme/wid gets", "circleci/acme-co/x"):
        try:
            ProjectSlug.parse(bad)
        except InvalidProjectSlugError as error:
            print(f"rejected ({error.part or 'whole'}): {error}")


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
