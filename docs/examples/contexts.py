"""Use case: a context for an organization, its write-only variables and its restrictions."""

from circleci_client import AuthenticatedClient
from circleci_client.api.context import (
    add_environment_variable_to_context,
    create_context,
    create_context_restriction,
    delete_context,
    get_context_restrictions,
    list_contexts,
    list_environment_variables_from_context,
)
from circleci_client.api.project import get_project_by_slug
from circleci_client.errors import ConflictError
from circleci_client.models.context_environment_variable_input import (
    ContextEnvironmentVariableInput,
)
from circleci_client.models.context_input import ContextInput
from circleci_client.models.context_owner import ContextOwner
from circleci_client.models.context_restriction_input import ContextRestrictionInput
from circleci_client.models.context_restriction_type import ContextRestrictionType


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Create a context, set variables (twice: an upsert), restrict it, then delete it."""
    project = get_project_by_slug.sync(project_slug, client=client)
    org_slug = project.organization_slug  # e.g. gh/acme

    # --8<-- [start:list]
    for context in list_contexts.iter_items(client=client, owner_slug=org_slug):
        print(f"context {context.name}")
    # --8<-- [end:list]

    # --8<-- [start:create]
    owner = ContextOwner(slug=org_slug)  # or ContextOwner(id=<organization ID>)
    try:
        release = create_context.sync(client=client, body=ContextInput(name="release", owner=owner))
    except ConflictError:
        print("a context named release exists already")
        return
    # --8<-- [end:create]

    # --8<-- [start:variables]
    # In real use, read values from a secret store or a file, never from the command line.
    values = {"PUBLISH_TOKEN": "first-value", "REGISTRY": "registry.example.com"}
    for name, value in values.items():
        add_environment_variable_to_context.sync(
            release.id, name, client=client, body=ContextEnvironmentVariableInput(value=value)
        )
    # Setting a variable again replaces its value: created_at stays, updated_at moves.
    rotated = add_environment_variable_to_context.sync(
        release.id,
        "PUBLISH_TOKEN",
        client=client,
        body=ContextEnvironmentVariableInput(value="rotated-value"),
    )
    moved = rotated.updated_at > rotated.created_at
    print(f"rotated {rotated.variable}: updated_at moved past created_at: {moved}")
    for variable in list_environment_variables_from_context.iter_items(release.id, client=client):
        print(f"variable {variable.variable} (the value is never returned)")
    # --8<-- [end:variables]

    # --8<-- [start:restrict]
    only_main = ContextRestrictionInput(
        restriction_type=ContextRestrictionType.EXPRESSION,
        restriction_value='pipeline.git.branch == "main"',
    )
    create_context_restriction.sync(release.id, client=client, body=only_main)
    to_project = ContextRestrictionInput(
        restriction_type=ContextRestrictionType.PROJECT, restriction_value=str(project.id)
    )
    create_context_restriction.sync(release.id, client=client, body=to_project)
    for restriction in get_context_restrictions.iter_items(release.id, client=client):
        print(f"restriction {restriction.restriction_type}: {restriction.name}")
    # --8<-- [end:restrict]

    delete_context.sync(release.id, client=client)
    print("deleted the release context")


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
