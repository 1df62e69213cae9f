"""The ways to hand a token to the client: header or basic auth, cloud or your own server."""

from circleci_client import AuthenticatedClient
from circleci_client.api.user import get_current_user


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Authenticate with basic auth, and show which hosts a server install sends the token to."""
    # --8<-- [start:basic]
    # HTTP basic auth: the token is the user name, the password stays empty.
    with client.with_options(auth="basic") as basic:
        print("basic auth as", get_current_user.sync(client=basic).login)
    # --8<-- [end:basic]

    # --8<-- [start:server]
    # CircleCI server: the API lives on your own host, and so do the artifacts.
    server = AuthenticatedClient(
        token="a-personal-token",
        base_url="https://circleci.example.com/api/v2",
        token_hosts=["https://*.artifacts.example.com"],
    )
    for url in server.token_urls:
        print("the token may be sent to", url)
    # --8<-- [end:server]

    # The token never shows up in a repr, a log line or an error message.
    print(repr(server))


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1] if len(sys.argv) > 1 else "")
