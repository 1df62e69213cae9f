"""Every example of the documentation runs against the stand-in and prints what the docs promise.

Each module in ``docs/examples/`` is run with a client for a freshly seeded stand-in and the
project ``gh/acme/widgets``; what it prints must equal ``docs/examples/expected/<name>.txt``.
The seeded world is deterministic, so the output is too. After changing an example on purpose,
rewrite the expected files with ``UPDATE_DOCS_EXPECTED=1 pytest tests/test_docs_examples.py``
and review the diff.

The contract (``docs/examples/README.md``): a module defines ``main(client, project_slug)``,
which prints to stdout, or, like the tutorial, ``run(client, project_slug, out)``, which prints
to ``out``.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
from pathlib import Path
from typing import Any

import circleci_client.usage
import pytest
from circleci_client import AuthenticatedClient, RetryPolicy

from tests.standin.server import Standin

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = DOCS / "examples"
EXPECTED = EXAMPLES / "expected"
PROJECT = "gh/acme/widgets"
UPDATE = os.environ.get("UPDATE_DOCS_EXPECTED") == "1"
SNIPPET = re.compile(r"""--8<--\s+["']docs/examples/([A-Za-z0-9_]+)\.py(?::[^"']*)?["']""")


@pytest.fixture
def client_options(standin: Standin) -> dict[str, Any]:
    """Clients whose waits move the stand-in's virtual clock instead of sleeping.

    The run-control examples wait for pipelines; ``circleci_client.runs`` sleeps as the
    client's retries do, so a 14-second pipeline is done at once and prints the same each time.
    """

    def advance(seconds: float) -> None:
        standin.engine.advance(seconds)

    async def aadvance(seconds: float) -> None:
        advance(seconds)

    return {"retry": RetryPolicy(sleep=advance, async_sleep=aadvance)}


def example_names() -> list[str]:
    """Every example module (``_``-prefixed helpers excluded), sorted."""
    return sorted(p.stem for p in EXAMPLES.glob("*.py") if not p.name.startswith("_"))


def expected_path(name: str) -> Path:
    """Where the expected output of example ``name`` lives."""
    return EXPECTED / f"{name}.txt"


def run_example(name: str, client: AuthenticatedClient) -> str:
    """Run one example module against ``client`` and return everything it printed."""
    module = importlib.import_module(f"docs.examples.{name}")
    out = io.StringIO()
    run = getattr(module, "run", None)
    if callable(run):
        run(client, PROJECT, out)
    else:
        with contextlib.redirect_stdout(out):
            module.main(client, PROJECT)
    return out.getvalue()


def test_examples_exist() -> None:
    assert len(example_names()) >= 10


def test_every_example_has_expected_output() -> None:
    missing = [name for name in example_names() if not expected_path(name).is_file()]
    assert not missing, f"examples without docs/examples/expected/<name>.txt: {missing}"
    orphans = sorted({p.stem for p in EXPECTED.glob("*.txt")} - set(example_names()))
    assert not orphans, f"expected outputs without an example: {orphans}"


@pytest.mark.parametrize("name", example_names())
def test_example_prints_expected_output(
    name: str, client: AuthenticatedClient, standin: Standin, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An example that waits for a usage export moves the stand-in's clock instead of sleeping.
    monkeypatch.setattr(circleci_client.usage, "_wall_sleep", standin.engine.advance)
    output = run_example(name, client)
    path = expected_path(name)
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(output, encoding="utf-8")
    if not path.is_file():
        pytest.fail(f"{name}.py has no expected output: create {path.relative_to(ROOT)}")
    assert output.strip(), f"{name}.py printed nothing"
    assert output == path.read_text(encoding="utf-8"), (
        f"{name}.py printed something else than {path.relative_to(ROOT)}"
    )


@pytest.mark.parametrize("name", example_names())
def test_example_runs_as_a_script(name: str) -> None:
    """Each example can also be run on its own with ``python -m docs.examples.<name>``."""
    source = (EXAMPLES / f"{name}.py").read_text(encoding="utf-8")
    assert 'if __name__ == "__main__":' in source
    if name != "tutorial":
        assert "AuthenticatedClient.from_env(" in source
        assert re.search(
            r"^def main\(client: AuthenticatedClient, project_slug: str\)", source, re.M
        )


def included_examples() -> set[str]:
    """The example modules that some page of the site includes with pymdownx.snippets."""
    found: set[str] = set()
    for page in DOCS.rglob("*.md"):
        found.update(SNIPPET.findall(page.read_text(encoding="utf-8")))
    return found


def test_every_example_is_included_in_a_page() -> None:
    missing = sorted(set(example_names()) - included_examples())
    assert not missing, f"examples that no page under docs/ includes: {missing}"


def test_pages_include_only_existing_examples() -> None:
    unknown = sorted(included_examples() - set(example_names()))
    assert not unknown, f"pages include examples that do not exist: {unknown}"
