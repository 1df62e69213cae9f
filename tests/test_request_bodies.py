"""Request bodies as plain mappings: every operation of the spec that takes a body accepts its
model or a mapping of its JSON keys, sends the same JSON for both over HTTP, and refuses a
mapping that does not build the model with ``InvalidRequestBodyError`` before sending anything.

The operations are read from ``openapi.yaml``, so one added to the spec is covered here without
a change; the body each test sends is the construction example the API reference shows.
"""

from __future__ import annotations

import inspect
import json
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any
from uuid import UUID

import attrs
import pytest
import yaml
from circleci_client import AuthenticatedClient, InvalidRequestBodyError
from circleci_client.errors import CircleCIError
from circleci_client.models import ContextInput, RerunWorkflowParameters

from docs.refpages.examples import model_example
from tests.clients import SentRequests, standin_client
from tests.operations import operation_module
from tests.standin import Standin
from tests.standin.contexts import context_id_for

ROOT = Path(__file__).resolve().parents[1]


def _body_operations() -> list[str]:
    """The operationId of every operation in openapi.yaml that takes a request body."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    return sorted(
        operation["operationId"]
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "requestBody" in operation
    )


BODY_OPERATIONS = _body_operations()
SENT = SentRequests()


@pytest.fixture
def client_options() -> dict[str, Any]:
    """The shared ``client`` fixture, recording every request it sends."""
    return SENT.client_options()


def _body_model(module: ModuleType) -> type:
    """The model class an operation's ``body`` parameter takes."""
    annotation = typing.get_type_hints(module.sync_detailed)["body"]
    return next(arg for arg in typing.get_args(annotation) if attrs.has(arg))


def _path_values(standin: Standin) -> dict[str, str]:
    """A value of each path parameter name the body operations use, from the seeded world."""
    facts = standin.world.facts
    provider, organization, project = facts.circleci_slug.split("/")
    return {
        "project_slug": facts.widgets_slug,
        "provider": provider,
        "organization": organization,
        "project": project,
        "id": facts.running_workflow_id,
        "context_id": context_id_for("gh/acme", "deploy-prod"),
        "env_var_name": "MY_VARIABLE",
    }


def _call(
    module: ModuleType, standin: Standin, client: AuthenticatedClient
) -> Callable[[object], int]:
    """Calls the operation's ``sync_detailed`` with a body; returns the status it got.

    Path parameters take a seeded value where one is known, else any value of their type (the
    body is sent all the same, and the two calls compared get the same answer).
    """
    sync_detailed = module.sync_detailed
    hints = typing.get_type_hints(sync_detailed)
    names = [
        name
        for name, parameter in inspect.signature(sync_detailed).parameters.items()
        if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    ]
    seeded = _path_values(standin)
    values = [seeded.get(name, _any_value(hints[name])) for name in names]

    def call(body: object) -> int:
        response = sync_detailed(*values, client=client, body=body)
        return int(response.status_code)

    return call


def _any_value(annotation: object) -> object:
    """A value of a path parameter's type that no seeded entity has."""
    kinds = typing.get_args(annotation) or (annotation,)
    if UUID in kinds:
        return UUID("5034460f-c7c4-4c43-9457-de07e2029e7b")
    return 1 if int in kinds else "my-value"


def _sent_json() -> object:
    assert SENT, "no request was sent"
    return json.loads(SENT[-1].content)


def test_the_spec_has_body_operations_and_each_module_takes_a_mapping() -> None:
    assert len(BODY_OPERATIONS) >= 9
    for operation_id in BODY_OPERATIONS:
        annotation = typing.get_type_hints(operation_module(operation_id).sync)["body"]
        assert Mapping[str, object] in typing.get_args(annotation), operation_id


@pytest.mark.parametrize("operation_id", BODY_OPERATIONS)
def test_a_mapping_sends_what_the_model_sends(
    operation_id: str, standin: Standin, client: AuthenticatedClient
) -> None:
    module = operation_module(operation_id)
    model = _body_model(module)
    example = model_example(model.__name__, model)
    assert isinstance(example.mapping, dict)
    call = _call(module, standin, client)

    status_for_model = call(example.value)
    sent_for_model = _sent_json()
    standin.reset()  # the same seeded world for the second call (a create is not repeated)
    status_for_mapping = call(dict(example.mapping))

    assert _sent_json() == sent_for_model == example.mapping
    assert status_for_mapping == status_for_model
    assert status_for_mapping != 400, "the stand-in refused the example body"
    assert len(standin.requests.api.filter(operation=operation_id)) == 1


@pytest.mark.parametrize("operation_id", BODY_OPERATIONS)
def test_an_unknown_key_is_refused_by_name_and_nothing_is_sent(
    operation_id: str, standin: Standin, client: AuthenticatedClient
) -> None:
    module = operation_module(operation_id)
    model = _body_model(module)
    mapping = model_example(model.__name__, model).mapping
    assert isinstance(mapping, dict)
    call = _call(module, standin, client)

    with pytest.raises(InvalidRequestBodyError) as caught:
        call({**mapping, "not_a_documented_key": 1})

    error = caught.value
    assert (error.operation, error.model, error.key) == (
        operation_id,
        model.__name__,
        "not_a_documented_key",
    )
    assert "unknown key 'not_a_documented_key'" in str(error)
    assert f"Pass a {model.__name__} or a mapping" in str(error)
    assert not SENT
    assert standin.requests.api.filter(operation=operation_id) == []


def test_create_context_from_a_mapping_creates_it(
    standin: Standin, client: AuthenticatedClient
) -> None:
    from circleci_client.api.context import create_context

    created = create_context.sync(
        client=client, body={"name": "from-a-mapping", "owner": {"slug": "gh/acme"}}
    )

    assert created.name == "from-a-mapping"
    assert _sent_json() == {"name": "from-a-mapping", "owner": {"slug": "gh/acme"}}


@pytest.mark.parametrize(
    ("body", "key", "problem"),
    [
        (
            {"name": "x", "owner": {"slug": "gh/acme", "tpye": "organization"}},
            "owner.tpye",
            "unknown key 'owner.tpye' (the keys documented there: id, slug, type)",
        ),
        ({"owner": {"slug": "gh/acme"}}, "name", "the required key 'name' is missing"),
        ({"name": 7, "owner": {"slug": "gh/acme"}}, "name", "'name': expected a string, not int"),
        (["name", "owner"], None, "expected ContextInput or a mapping of its JSON keys, not list"),
    ],
)
def test_a_bad_body_names_the_key_and_sends_nothing(
    body: object, key: str | None, problem: str, standin: Standin, client: AuthenticatedClient
) -> None:
    from circleci_client.api.context import create_context

    with pytest.raises(InvalidRequestBodyError) as caught:
        create_context.sync(client=client, body=body)  # type: ignore[arg-type]

    assert caught.value.key == key
    assert str(caught.value).startswith(
        f"createContext: the request body does not build ContextInput: {problem}. "
    )
    assert isinstance(caught.value, CircleCIError | TypeError | ValueError)
    assert not SENT


def test_a_list_of_ids_in_a_mapping_is_checked_item_by_item(client: AuthenticatedClient) -> None:
    from circleci_client.api.workflow import rerun_workflow

    with pytest.raises(InvalidRequestBodyError, match=r"'jobs\[0\]': badly formed") as caught:
        rerun_workflow.sync(
            UUID("5034460f-c7c4-4c43-9457-de07e2029e7b"),
            client=client,
            body={"jobs": ["not-a-uuid"]},
        )
    assert (caught.value.model, caught.value.key) == (RerunWorkflowParameters.__name__, "jobs[0]")
    assert not SENT


def test_the_model_itself_is_sent_unchanged(client: AuthenticatedClient) -> None:
    from circleci_client.api.context import create_context

    body = ContextInput.from_dict({"name": "as-a-model", "owner": {"slug": "gh/acme"}})
    body["x-undocumented"] = "kept"  # a model may carry extra keys on purpose; a mapping may not

    create_context.sync_detailed(client=client, body=body)

    assert _sent_json() == {
        "x-undocumented": "kept",
        "name": "as-a-model",
        "owner": {"slug": "gh/acme"},
    }


async def test_the_async_functions_take_a_mapping_too(standin: Standin) -> None:
    from circleci_client.api.project import create_env_var

    # No request hook here: an async client needs async hooks; the answer shows what was sent.
    async with standin_client(standin) as aclient:
        created = await create_env_var.asyncio(
            "gh/acme/widgets", client=aclient, body={"name": "ASYNC_TOKEN", "value": "abcd-9876"}
        )
        assert (created.name, created.value) == ("ASYNC_TOKEN", "xxxx9876")

        with pytest.raises(InvalidRequestBodyError, match="the required key 'value' is missing"):
            await create_env_var.asyncio_detailed(
                "gh/acme/widgets", client=aclient, body={"name": "ASYNC_TOKEN"}
            )
    assert len(standin.requests.api.filter(operation="createEnvVar")) == 1
