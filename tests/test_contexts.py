"""The context operations over HTTP on the stand-in: contexts by owner, write-only variables
(an upsert that never returns the value), restrictions, paging and 404s."""

from __future__ import annotations

from datetime import timedelta
from http import HTTPStatus
from uuid import UUID, uuid4

import pytest
from circleci_client import AuthenticatedClient, BadRequestError, NotFoundError
from circleci_client.api.context import (
    add_environment_variable_to_context,
    create_context,
    create_context_restriction,
    delete_context,
    delete_context_restriction,
    delete_environment_variable_from_context,
    get_context,
    get_context_restrictions,
    list_contexts,
    list_environment_variables_from_context,
)
from circleci_client.errors import ConflictError
from circleci_client.models.context_environment_variable import ContextEnvironmentVariable
from circleci_client.models.context_environment_variable_input import (
    ContextEnvironmentVariableInput,
)
from circleci_client.models.context_input import ContextInput
from circleci_client.models.context_owner import ContextOwner
from circleci_client.models.context_owner_type import ContextOwnerType
from circleci_client.models.context_restriction import ContextRestriction
from circleci_client.models.context_restriction_input import ContextRestrictionInput
from circleci_client.models.context_restriction_type import ContextRestrictionType

from tests.covered import covered_operations, covers
from tests.operations import CONTEXT_OPERATIONS
from tests.standin.contexts import (
    MAX_CONTEXTS_PER_OWNER,
    MAX_VARIABLES_PER_CONTEXT,
    context_id_for,
)
from tests.standin.server import Standin

SECRET = "s3cr3t-value-\u00e9\u4e2d-never-shown"


def _acme_id(standin: Standin) -> UUID:
    owner = standin.world.contexts.owner_by_slug("gh/acme")
    assert owner is not None
    return UUID(owner.id)


def _deploy_prod() -> UUID:
    return UUID(context_id_for("gh/acme", "deploy-prod"))


def _new_context(client: AuthenticatedClient, name: str, owner: ContextOwner) -> UUID:
    return create_context.sync(client=client, body=ContextInput(name=name, owner=owner)).id


# --- contexts -----------------------------------------------------------------------------------


def test_list_by_owner_id_and_by_slug_alias_give_the_same_contexts(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("listContexts")
    by_id = list(list_contexts.iter_items(client=client, owner_id=_acme_id(standin)))
    by_slug = list(list_contexts.iter_items(client=client, owner_slug="github/acme"))
    assert [c.name for c in by_id] == ["org-global", "deploy-prod"]
    assert by_slug == by_id
    typed = list_contexts.sync(
        client=client, owner_id=_acme_id(standin), owner_type=ContextOwnerType.ORGANIZATION
    )
    assert typed.items == by_id and typed.next_page_token is None
    assert [c.name for c in list_contexts.iter_items(client=client, owner_slug="bb/acme")] == []


def test_list_needs_a_known_owner(standin: Standin, client: AuthenticatedClient) -> None:
    covers("listContexts")
    with pytest.raises(NotFoundError, match="owner-id or owner-slug"):
        list_contexts.sync(client=client)
    both = list_contexts.sync(client=client, owner_id=_acme_id(standin), owner_slug="bb/acme")
    assert [c.name for c in both.items] == ["org-global", "deploy-prod"]  # the ID counts
    with pytest.raises(NotFoundError):
        list_contexts.sync(client=client, owner_id=uuid4())
    with pytest.raises(NotFoundError):
        list_contexts.sync(client=client, owner_slug="gh/nobody")
    with pytest.raises(NotFoundError):  # no accounts on cloud
        list_contexts.sync(
            client=client, owner_id=_acme_id(standin), owner_type=ContextOwnerType.ACCOUNT
        )
    with pytest.raises(NotFoundError):
        list_contexts.sync(client=client, owner_slug="gh/acme", owner_type=ContextOwnerType.ACCOUNT)


def test_list_pages_through_every_context(standin: Standin, client: AuthenticatedClient) -> None:
    covers("listContexts", "createContext")
    owner = ContextOwner(slug="gh/acme")
    for n in range(25):
        _new_context(client, f"ctx-{n:02d}", owner)
    first = list_contexts.sync(client=client, owner_slug="gh/acme")
    assert len(first.items) == standin.page_size and first.next_page_token
    pages = list(list_contexts.iter_pages(client=client, owner_slug="gh/acme"))
    names = [c.name for page in pages for c in page.items]
    assert len(pages) == 2
    assert names == ["org-global", "deploy-prod"] + [f"ctx-{n:02d}" for n in range(25)]


def test_create_by_id_or_slug_then_get_and_delete(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("createContext", "getContext", "deleteContext")
    by_id = create_context.sync(
        client=client,
        body=ContextInput(
            name="release",
            owner=ContextOwner(id=_acme_id(standin), type_=ContextOwnerType.ORGANIZATION),
        ),
    )
    cloud = standin.world.facts.circleci_slug.rsplit("/", 1)[0]
    by_slug = _new_context(client, "release", ContextOwner(slug=cloud))
    assert by_slug != by_id.id  # the same name under another owner
    fetched = get_context.sync(by_id.id, client=client)
    assert fetched == by_id and fetched.created_at.tzinfo is not None
    add_environment_variable_to_context.sync(
        by_id.id, "TOKEN", client=client, body=ContextEnvironmentVariableInput(value="x")
    )
    assert delete_context.sync(by_id.id, client=client).message
    with pytest.raises(NotFoundError):
        get_context.sync(by_id.id, client=client)
    with pytest.raises(NotFoundError):
        list_environment_variables_from_context.sync(by_id.id, client=client)
    with pytest.raises(NotFoundError):
        delete_context.sync(by_id.id, client=client)
    assert get_context.sync(by_slug, client=client).name == "release"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "1 to 200"),
        ("   ", "1 to 200"),
        ("x" * 201, "1 to 200"),
        (" padded", "whitespace"),
        ("two\nlines", "whitespace"),
    ],
)
def test_create_refuses_names_circleci_refuses(
    client: AuthenticatedClient, name: str, problem: str
) -> None:
    covers("createContext")
    with pytest.raises(BadRequestError, match=problem):
        _new_context(client, name, ContextOwner(slug="gh/acme"))


def test_create_refuses_a_name_the_owner_has(client: AuthenticatedClient) -> None:
    covers("createContext")
    with pytest.raises(ConflictError, match="already exists"):
        _new_context(client, "deploy-prod", ContextOwner(slug="gh/acme"))


def test_create_refuses_unknown_owners(standin: Standin, client: AuthenticatedClient) -> None:
    covers("createContext")
    with pytest.raises(NotFoundError):
        _new_context(client, "x", ContextOwner(id=uuid4()))
    with pytest.raises(NotFoundError, match="owner-id or owner-slug"):
        _new_context(client, "x", ContextOwner())
    with pytest.raises(NotFoundError):
        _new_context(client, "x", ContextOwner(slug="gh/acme", type_=ContextOwnerType.ACCOUNT))
    both = _new_context(client, "x", ContextOwner(id=_acme_id(standin), slug="bb/acme"))
    assert standin.world.contexts.contexts[str(both)].owner_id == str(_acme_id(standin))


def test_an_owner_holds_at_most_500_contexts(standin: Standin, client: AuthenticatedClient) -> None:
    covers("createContext")
    store = standin.world.contexts
    owner = store.owner_by_slug("gh/acme")
    assert owner is not None
    with standin.world.lock:
        for n in range(MAX_CONTEXTS_PER_OWNER - len(store.of_owner(owner.id))):
            store.create(owner, f"bulk-{n}", standin.world.now)
    with pytest.raises(BadRequestError, match="500"):
        _new_context(client, "one-too-many", ContextOwner(slug="gh/acme"))


def test_unknown_and_malformed_context_ids_are_404(client: AuthenticatedClient) -> None:
    covers("getContext", "deleteContext", "listEnvironmentVariablesFromContext")
    for call in (get_context.sync, delete_context.sync):
        with pytest.raises(NotFoundError):
            call(uuid4(), client=client)
    with pytest.raises(NotFoundError):
        list_environment_variables_from_context.sync(uuid4(), client=client)
    raw = client.get_httpx_client().get("/context/not-a-uuid")
    assert raw.status_code == HTTPStatus.NOT_FOUND


# --- environment variables ----------------------------------------------------------------------


def test_variables_list_names_and_times_never_values(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("listEnvironmentVariablesFromContext")
    org_global = UUID(context_id_for("gh/acme", "org-global"))
    detailed = list_environment_variables_from_context.sync_detailed(org_global, client=client)
    items = list_environment_variables_from_context.iter_items(org_global, client=client)
    by_name = {v.variable: v for v in items}
    assert sorted(by_name) == ["AWS_REGION", "NPM_TOKEN"]
    npm = by_name["NPM_TOKEN"]
    assert npm.context_id == org_global
    assert npm.updated_at - npm.created_at == timedelta(days=180)  # rotated, created_at kept
    stored = standin.world.contexts.contexts[str(org_global)].variables
    for variable in stored.values():
        assert variable.value.encode() not in detailed.content
    assert b"value" not in detailed.content


def test_put_is_an_upsert_and_never_answers_with_the_value(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("addEnvironmentVariableToContext", "listEnvironmentVariablesFromContext")
    context = _deploy_prod()
    body = ContextEnvironmentVariableInput(value=SECRET)
    first = add_environment_variable_to_context.sync_detailed(
        context, "NEW_SECRET", client=client, body=body
    )
    assert first.status_code == HTTPStatus.OK
    assert SECRET.encode() not in first.content and b'"value"' not in first.content
    created = first.parsed
    assert isinstance(created, ContextEnvironmentVariable) and not hasattr(created, "value")
    assert created.variable == "NEW_SECRET" and created.created_at == created.updated_at
    again = add_environment_variable_to_context.sync(
        context, "NEW_SECRET", client=client, body=ContextEnvironmentVariableInput(value="v2")
    )
    assert again.created_at == created.created_at and again.updated_at > created.updated_at
    names = [
        v.variable
        for v in list_environment_variables_from_context.iter_items(context, client=client)
    ]
    assert names.count("NEW_SECRET") == 1
    assert standin.world.contexts.contexts[str(context)].variables["NEW_SECRET"].value == "v2"
    empty = add_environment_variable_to_context.sync(
        context, "EMPTY_OK", client=client, body=ContextEnvironmentVariableInput(value="")
    )
    assert empty.variable == "EMPTY_OK"
    for record in standin.requests.api.filter(operation="listEnvironmentVariablesFromContext"):
        assert record.status == HTTPStatus.OK


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("1STARTS_WITH_DIGIT", "x", "starts with a letter"),
        ("HAS-DASH", "x", "starts with a letter"),
        ("N" * 301, "x", "300"),
        ("TOO_LONG_VALUE", "v" * 32_769, "32768"),
    ],
)
def test_put_refuses_bad_names_and_values(
    client: AuthenticatedClient, name: str, value: str, problem: str
) -> None:
    covers("addEnvironmentVariableToContext")
    with pytest.raises(BadRequestError, match=problem):
        add_environment_variable_to_context.sync(
            _deploy_prod(), name, client=client, body=ContextEnvironmentVariableInput(value=value)
        )


def test_a_context_holds_at_most_100_variables_but_replacing_still_works(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("addEnvironmentVariableToContext")
    context = standin.world.contexts.contexts[str(_deploy_prod())]
    with standin.world.lock:
        for n in range(MAX_VARIABLES_PER_CONTEXT - len(context.variables)):
            standin.world.contexts.put_variable(context, f"V{n}", "x", standin.world.now)
    body = ContextEnvironmentVariableInput(value="new")
    with pytest.raises(BadRequestError, match="100"):
        add_environment_variable_to_context.sync(
            _deploy_prod(), "ONE_MORE", client=client, body=body
        )
    replaced = add_environment_variable_to_context.sync(
        _deploy_prod(), "DEPLOY_KEY", client=client, body=body
    )
    assert replaced.variable == "DEPLOY_KEY"


def test_variables_page(standin: Standin, client: AuthenticatedClient) -> None:
    covers("listEnvironmentVariablesFromContext")
    context = _deploy_prod()
    for n in range(30):
        add_environment_variable_to_context.sync(
            context, f"VAR_{n:02d}", client=client, body=ContextEnvironmentVariableInput(value="x")
        )
    pages = list(list_environment_variables_from_context.iter_pages(context, client=client))
    assert [len(p.items) for p in pages] == [20, 12]
    names = [v.variable for p in pages for v in p.items]
    assert names == sorted(names) and len(set(names)) == 32


def test_delete_variable_then_404(client: AuthenticatedClient) -> None:
    covers("deleteEnvironmentVariableFromContext")
    context = _deploy_prod()
    assert delete_environment_variable_from_context.sync(context, "DEPLOY_KEY", client=client)
    names = [
        v.variable
        for v in list_environment_variables_from_context.iter_items(context, client=client)
    ]
    assert names == ["SLACK_WEBHOOK"]
    with pytest.raises(NotFoundError):
        delete_environment_variable_from_context.sync(context, "DEPLOY_KEY", client=client)
    with pytest.raises(NotFoundError):
        delete_environment_variable_from_context.sync(uuid4(), "SLACK_WEBHOOK", client=client)


# --- restrictions -------------------------------------------------------------------------------


def test_restrictions_list_add_and_remove(standin: Standin, client: AuthenticatedClient) -> None:
    covers("getContextRestrictions", "createContextRestriction", "deleteContextRestriction")
    context = _deploy_prod()
    seeded = get_context_restrictions.sync(context, client=client)
    assert [r.restriction_type for r in seeded.items] == [
        ContextRestrictionType.PROJECT,
        ContextRestrictionType.EXPRESSION,
    ]
    widgets = standin.world.projects["gh/acme/widgets"]
    assert seeded.items[0].project_id == UUID(widgets.id) and seeded.items[0].name == "widgets"
    assert seeded.next_page_token is None
    detailed = create_context_restriction.sync_detailed(
        context,
        client=client,
        body=ContextRestrictionInput(
            restriction_type=ContextRestrictionType.GROUP, restriction_value="team-ops"
        ),
    )
    assert detailed.status_code == HTTPStatus.CREATED
    group = detailed.parsed
    assert isinstance(group, ContextRestriction) and group.restriction_value == "team-ops"
    assert group.context_id == context
    listed = list(get_context_restrictions.iter_items(context, client=client))
    assert [r.id for r in listed][-1] == group.id
    assert delete_context_restriction.sync(context, str(group.id), client=client).message
    remaining = [r.id for r in get_context_restrictions.iter_items(context, client=client)]
    assert group.id not in remaining and len(remaining) == 2
    with pytest.raises(NotFoundError):
        delete_context_restriction.sync(context, str(group.id), client=client)
    with pytest.raises(NotFoundError):
        delete_context_restriction.sync(context, "not-a-uuid", client=client)


def test_restriction_rules(standin: Standin, client: AuthenticatedClient) -> None:
    covers("createContextRestriction", "getContextRestrictions")
    context = _deploy_prod()

    def add(kind: ContextRestrictionType, value: str) -> object:
        body = ContextRestrictionInput(restriction_type=kind, restriction_value=value)
        return create_context_restriction.sync(context, client=client, body=body)

    with pytest.raises(ConflictError):
        add(ContextRestrictionType.EXPRESSION, 'pipeline.git.branch == "main"')
    legacy = standin.world.projects["bb/acme/legacy-app"]
    with pytest.raises(NotFoundError, match="project of the owner"):
        add(ContextRestrictionType.PROJECT, legacy.id)  # another organization's project
    with pytest.raises(BadRequestError, match="not whitespace"):
        add(ContextRestrictionType.GROUP, " ")
    with pytest.raises(NotFoundError):
        body = ContextRestrictionInput(
            restriction_type=ContextRestrictionType.GROUP, restriction_value="team"
        )
        create_context_restriction.sync(uuid4(), client=client, body=body)
    with pytest.raises(NotFoundError):
        get_context_restrictions.sync(uuid4(), client=client)


def test_restrictions_page(client: AuthenticatedClient) -> None:
    covers("getContextRestrictions", "createContextRestriction")
    context = _deploy_prod()
    for n in range(25):
        body = ContextRestrictionInput(
            restriction_type=ContextRestrictionType.GROUP, restriction_value=f"team-{n:02d}"
        )
        create_context_restriction.sync(context, client=client, body=body)
    first = get_context_restrictions.sync(context, client=client)
    assert len(first.items) == 20 and first.next_page_token
    second = get_context_restrictions.sync(context, client=client, page_token=first.next_page_token)
    assert len(second.items) == 7 and second.next_page_token is None
    values = [
        r.restriction_value for r in get_context_restrictions.iter_items(context, client=client)
    ]
    assert values[2:] == [f"team-{n:02d}" for n in range(25)]


def test_deleting_a_context_deletes_its_restrictions(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("deleteContext", "getContextRestrictions")
    context = _deploy_prod()
    delete_context.sync(context, client=client)
    assert str(context) not in standin.world.contexts.contexts
    with pytest.raises(NotFoundError):
        get_context_restrictions.sync(context, client=client)


def test_every_context_operation_has_a_test() -> None:
    wanted = {operation_id for _, _, operation_id in CONTEXT_OPERATIONS}
    assert wanted == covered_operations(__file__)
