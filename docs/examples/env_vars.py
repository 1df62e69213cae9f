"""How-to: a project's environment variables: list, create or replace, read back, delete."""

from circleci_client import AuthenticatedClient, NotFoundError
from circleci_client.api.project import create_env_var, delete_env_var, get_env_var, list_env_vars
from circleci_client.models import EnvironmentVariableInput


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Create a variable, replace its value, read it back masked, then delete it."""
    # --8<-- [start:list]
    for variable in list_env_vars.iter_items(project_slug, client=client):
        print(f"{variable.name} = {variable.value}")  # values come back masked
    # --8<-- [end:list]

    # --8<-- [start:create]
    # In real use, read values from a secret store or a file, never from the command line.
    created = create_env_var.sync(
        project_slug, client=client, body={"name": "PUBLISH_TOKEN", "value": "first-secret-1234"}
    )
    print(f"created {created.name} = {created.value}")
    # The same call with the model; creating a name that exists replaces its value.
    replaced = create_env_var.sync(
        project_slug,
        client=client,
        body=EnvironmentVariableInput(name="PUBLISH_TOKEN", value="second-secret-5678"),
    )
    print(f"replaced {replaced.name} = {replaced.value}")
    # --8<-- [end:create]

    # --8<-- [start:get]
    variable = get_env_var.sync(project_slug, "PUBLISH_TOKEN", client=client)
    print(f"read back {variable.name} = {variable.value}")
    # --8<-- [end:get]

    # --8<-- [start:delete]
    delete_env_var.sync(project_slug, "PUBLISH_TOKEN", client=client)
    try:
        get_env_var.sync(project_slug, "PUBLISH_TOKEN", client=client)
    except NotFoundError:
        print("PUBLISH_TOKEN is gone")
    # --8<-- [end:delete]


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
