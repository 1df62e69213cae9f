"""Catch the typed errors the client raises, from the most specific to the most general."""

from circleci_client import (
    APIConnectionError,
    APIStatusError,
    AuthenticatedClient,
    NotFoundError,
    RateLimitError,
)
from circleci_client.api.project import get_project_by_slug
from circleci_client.slugs import InvalidProjectSlugError


def describe_project(client: AuthenticatedClient, project_slug: str) -> str:
    """One line about the project, or about why it could not be read."""
    try:
        project = get_project_by_slug.sync(project_slug, client=client)
    except InvalidProjectSlugError as error:  # raised before any request is sent
        return f"bad slug: {error}"
    except NotFoundError as error:
        return f"404 {error.message!r}: check the slug, and use a personal API token"
    except RateLimitError as error:  # only once the retries are used up
        return f"still rate limited; the server asks for {error.retry_after}s"
    except APIStatusError as error:  # every other status: 401, 403, 5xx, ...
        return f"HTTP {error.status_code} ({type(error).__name__}): {error.message}"
    except APIConnectionError as error:  # DNS, refused connection, timeout
        return f"could not reach CircleCI: {error}"
    return f"{project.slug}: {project.organization_name}/{project.name}"


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Describe an existing project, a missing one, a malformed slug, and use a wrong token."""
    org = project_slug.rsplit("/", 1)[0]
    print(describe_project(client, project_slug))
    print(describe_project(client, f"{org}/no-such-repo"))
    print(describe_project(client, "gh/acme"))
    with client.with_options(token="revoked-token") as revoked:
        print(describe_project(revoked, project_slug))

    # sync_detailed never raises for a status: inspect the response yourself.
    response = get_project_by_slug.sync_detailed(f"{org}/no-such-repo", client=client)
    print(f"sync_detailed: status {response.status_code}, body {response.parsed}")


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
