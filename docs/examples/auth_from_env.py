"""Build a client from the environment and check whose token it carries (``GET /me``)."""

from circleci_client import AuthenticatedClient, AuthenticationError
from circleci_client.api.user import get_current_user


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Print the login and name the token belongs to, then show what a bad token gets."""
    me = get_current_user.sync(client=client)
    print(f"token belongs to {me.login} ({me.name})")

    # with_options() copies every setting but the ones you change.
    with client.with_options(token="not-a-real-token") as wrong:
        try:
            get_current_user.sync(client=wrong)
        except AuthenticationError as error:
            print(f"a wrong token gets HTTP {error.status_code}: {type(error).__name__}")


if __name__ == "__main__":
    import sys

    # Reads CIRCLE_TOKEN (or CIRCLECI_TOKEN) and, if set, CIRCLECI_BASE_URL.
    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1] if len(sys.argv) > 1 else "")
