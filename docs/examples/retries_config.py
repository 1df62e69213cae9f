"""Choose how hard the client retries: per client, per copy of a client, per call."""

import logging

from circleci_client import AuthenticatedClient
from circleci_client.api.pipeline import list_pipelines_for_project
from circleci_client.api.user import get_current_user


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Show the three places ``max_retries`` is set, and turn on the retry log."""
    # Every retry is logged at DEBUG on the "circleci_client" logger (never with the token).
    logging.basicConfig(format="%(name)s %(levelname)s %(message)s")
    logging.getLogger("circleci_client").setLevel(logging.DEBUG)

    print("this client retries up to", client.max_retries, "times")

    # A copy for a nightly report that may wait longer for a busy API.
    with client.with_options(max_retries=6) as patient:
        print("the patient copy retries up to", patient.max_retries, "times")
        page = list_pipelines_for_project.sync(project_slug, client=patient)
        print("first page:", len(page.items), "pipelines")

    # A single call that must fail fast, e.g. a health check.
    me = get_current_user.sync(client=client, max_retries=0)
    print("health check passed for", me.login)


if __name__ == "__main__":
    import sys

    # max_retries=0 here would turn retries off for the whole client.
    with AuthenticatedClient.from_env(max_retries=4) as client:
        main(client, sys.argv[1])
