"""The generated API reference (docs/hooks.py and docs/refpages/): every operation, model,
exception and command-line command has its place, each model's construction example runs and
builds what its mapping builds, and every Returns section is one item."""

from __future__ import annotations

import inspect
import re
import typing
from enum import Enum
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import circleci_client
import circleci_client.models
import pytest
import typer
import yaml
from circleci_client.cli import app

from docs.refpages.examples import LINE, all_examples, model_classes, model_example
from tests.operations import all_operation_ids, operation_module

# The site's tools are in the docs session (nox -s docs), which runs this module.
pytest.importorskip("griffe", reason="needs the docs requirements: nox -s docs runs it")
pytest.importorskip("mkdocs", reason="needs the docs requirements: nox -s docs runs it")
from griffe import Docstring, DocstringSectionKind, Parser, parse

from docs import hooks
from docs.refpages import cli as cli_ref
from docs.refpages import runtime

ROOT = Path(__file__).resolve().parents[1]


def _mkdocs_python_options() -> dict[str, Any]:
    # mkdocs.yml uses !!python/name tags for the theme; the plugin options are plain YAML.
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, Loader=yaml.BaseLoader)  # BaseLoader: no tags are resolved
    plugins = config["plugins"]
    mkdocstrings = next(
        p["mkdocstrings"] for p in plugins if isinstance(p, dict) and "mkdocstrings" in p
    )
    options: dict[str, Any] = mkdocstrings["handlers"]["python"]["options"]
    return options


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return hooks.generated_pages()


def test_the_reference_has_a_page_for_each_part_and_they_are_in_the_nav(
    pages: dict[str, str],
) -> None:
    expected = {
        "reference/index.md",
        "reference/client.md",
        "reference/models.md",
        "reference/errors.md",
        "reference/bulk.md",
        "reference/rate-limit.md",
        "reference/retry-policy.md",
        "reference/artifacts.md",
        "reference/cli.md",
    }
    assert expected <= set(pages)
    config = typing.cast(Any, SimpleNamespace(nav=[{hooks.REFERENCE_TITLE: "reference/index.md"}]))
    nav: list[dict[str, str]] = typing.cast(Any, hooks.on_config(config)).nav[0][
        hooks.REFERENCE_TITLE
    ]
    in_nav = {uri for entry in nav for uri in entry.values()}
    assert set(pages) == in_nav
    assert "::: circleci_client.bulk" in pages["reference/bulk.md"]
    assert "::: circleci_client._ratelimit.RateLimit" in pages["reference/rate-limit.md"]
    assert "::: circleci_client._retry_policy.RetryPolicy" in pages["reference/retry-policy.md"]
    assert "::: circleci_client.artifacts" in pages["reference/artifacts.md"]


def test_every_operation_is_in_the_overview_and_on_its_tag_page(pages: dict[str, str]) -> None:
    operations = all_operation_ids()
    assert len(operations) >= 40
    for operation_id in operations:
        module = operation_module(operation_id).__name__
        tag = module.split(".")[2]
        assert f"`{operation_id}`" in pages["reference/index.md"], operation_id
        assert f"::: {module}\n" in pages[f"reference/{tag}.md"], operation_id


def test_every_model_has_a_section_with_an_example_and_its_fields(pages: dict[str, str]) -> None:
    page = pages["reference/models.md"]
    names = list(circleci_client.models.__all__)
    assert len(names) >= 100
    for name in names:
        cls = getattr(circleci_client.models, name)
        section = page.split(f"## `{name}` {{ #{name.lower()} }}", 1)[1].split("\n## ", 1)[0]
        assert f"::: {cls.__module__}.{name}\n" in section, name
        assert f"{name}" in section.split("```python", 1)[1].split("```", 1)[0], name


def test_every_exported_exception_is_on_the_errors_page(pages: dict[str, str]) -> None:
    page = pages["reference/errors.md"]
    exported = [
        getattr(circleci_client, name)
        for name in circleci_client.__all__
        if inspect.isclass(getattr(circleci_client, name))
        and issubclass(getattr(circleci_client, name), BaseException)
    ]
    assert len(exported) >= 30
    for cls in exported:
        assert f"## `{cls.__name__}`" in page
        assert f"::: {cls.__module__}.{cls.__name__}\n" in page
        assert f"- [`{cls.__name__}`](#{cls.__name__.lower()})" in page  # in the hierarchy
    assert "[`InvalidRequestBodyError`](#invalidrequestbodyerror)" in page


def _commands(command: Any, words: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path of the click tree, found without docs/refpages."""
    found = [words]
    ctx = command.context_class(command, info_name="x")
    for name in getattr(command, "list_commands", lambda _ctx: [])(ctx):
        found += _commands(command.get_command(ctx, name), (*words, name))
    return found


def test_every_command_and_option_of_the_cli_is_on_its_page(pages: dict[str, str]) -> None:
    page = pages["reference/cli.md"]
    root: Any = typer.main.get_command(app)
    commands = _commands(root)
    assert ("artifacts", "download") in commands and ("artifacts", "list") in commands
    for words in commands:
        name = " ".join(("circleci-client", *words))
        heading = re.search(rf"#+ `{re.escape(name)}` \{{ #([\w-]+) \}}\n", page)
        assert heading, name
        section = page[heading.end() :].split("\n#", 1)[0]
        command = root
        for word in words:
            command = command.get_command(command.context_class(command), word)
        for param in command.params:
            if param.param_type_name == "option" and not param.hidden:
                assert f"<code>{param.opts[0]}" in section, (name, param.opts)
            elif param.param_type_name == "argument" and not getattr(param, "hidden", False):
                assert f"<code>{param.human_readable_name}</code>" in section, (name, param.name)


def test_a_command_group_added_later_appears_without_a_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    extra = typer.Typer(help="A group only this test adds.")

    @extra.command("ping", help="Answer pong.")
    def ping(loud: bool = typer.Option(False, "--loud", help="Shout it.")) -> None:
        """Answer pong."""

    monkeypatch.setattr(app, "registered_groups", list(app.registered_groups))
    app.add_typer(extra, name="zz-extra")

    page = cli_ref.cli_page()

    assert "\n## `circleci-client zz-extra` { #cli-zz-extra }\n" in page
    assert "\n### `circleci-client zz-extra ping` { #cli-zz-extra-ping }\n" in page
    assert "<code>--loud</code>" in page and "Shout it." in page


def test_every_detailed_function_has_a_one_item_returns_section() -> None:
    options = _mkdocs_python_options()
    assert options["docstring_style"] == "google"
    parser_options = {
        key: value == "true" if value in ("true", "false") else value
        for key, value in options.get("docstring_options", {}).items()
    }
    checked = 0
    for operation_id in all_operation_ids():
        module = operation_module(operation_id)
        for name in ("sync_detailed", "asyncio_detailed"):
            text = inspect.getdoc(getattr(module, name))
            assert text
            sections = parse(Docstring(text), Parser.google, **parser_options)
            returns = [s for s in sections if s.kind is DocstringSectionKind.returns]
            assert len(returns) == 1 and len(returns[0].value) == 1, (operation_id, name)
            assert returns[0].value[0].description.endswith("Never raises for\nan error status.")
            checked += 1
    assert checked >= 80
    # Without the option the wrapped sentence is two items: what the option fixes.
    text = inspect.getdoc(operation_module("createContext").sync_detailed) or ""
    default = parse(Docstring(text), Parser.google)
    assert len(next(s for s in default if s.kind is DocstringSectionKind.returns).value) == 2


def test_signatures_are_formatted_by_the_pinned_ruff() -> None:
    options = _mkdocs_python_options()
    assert options["separate_signature"] == "true"
    assert options["show_signature_annotations"] == "true"
    docs_pins = (ROOT / "requirements" / "docs.txt").read_text(encoding="utf-8").splitlines()
    lint_pins = (ROOT / "requirements" / "lint.txt").read_text(encoding="utf-8").splitlines()
    ruff = [line for line in lint_pins if line.startswith("ruff==")]
    assert ruff and ruff[0] in docs_pins


@pytest.mark.parametrize("with_ruff", [True, False], ids=["formatted", "as-written"])
def test_each_model_example_runs_and_its_mapping_builds_the_same_model(with_ruff: bool) -> None:
    # As written here they must be valid and fit the line too: the docs build formats them with
    # ruff, which a plain test environment may not have.
    if with_ruff:
        examples = list(all_examples())
    else:
        examples = [model_example(name, cls) for name, cls in model_classes().items()]
    assert len(examples) == len(circleci_client.models.__all__)
    for example in examples:
        namespace: dict[str, Any] = {}
        exec(compile(example.code, f"<{example.name} example>", "exec"), namespace)
        cls: Any = getattr(circleci_client.models, example.name)
        built = [value for value in namespace.values() if isinstance(value, cls)]
        assert built, example.name
        if not issubclass(cls, Enum):
            assert built[-1] == cls.from_dict(example.mapping) == example.value, example.name
            assert built[-1].to_dict() == example.mapping
        else:
            assert built[-1] == cls(example.mapping) == example.value, example.name
        assert max(len(line) for line in example.code.splitlines()) <= LINE, example.name


def test_a_required_field_of_a_model_is_in_its_example() -> None:
    by_name = {example.name: example for example in all_examples()}
    mapping = by_name["EnvironmentVariableInput"].mapping
    assert mapping == {"name": "DEPLOY_TOKEN", "value": "my-value"}  # the spec's example
    owner = {"id": "5034460f-c7c4-4c43-9457-de07e2029e7b"}  # its first field: none is required
    assert by_name["ContextInput"].mapping == {"name": "my-name", "owner": owner}
    # the spec's example of the whole object wins over the first field
    assert by_name["RerunWorkflowParameters"].mapping == {"from_failed": True}


def test_body_models_name_the_operations_that_take_them() -> None:
    operations = runtime.body_operations()
    assert operations["ContextInput"] == ["circleci_client.api.context.create_context"]
    page = runtime.models_page()
    section = page.split("## `ContextInput`", 1)[1].split("\n## ", 1)[0]
    assert "[`create_context`](context.md#create_context) takes it as `body=`" in section
