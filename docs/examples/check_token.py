"""Tutorial step 1: make sure the token works (``GET /me``)."""

from circleci_client import AuthenticatedClient
from circleci_client.api.user import get_collaborations, get_current_user


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Print the token's user and the organizations it can see."""
    me = get_current_user.sync(client=client)
    print(f"authenticated as {me.login} ({me.name})")
    for org in get_collaborations.sync(client=client):
        print(f"member of {org.slug} ({org.vcs_type})")


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1] if len(sys.argv) > 1 else "")
