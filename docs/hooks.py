"""MkDocs hook that writes the API reference pages from the installed ``circleci_client``.

Nothing in the reference is typed by hand. On every build this hook walks
``circleci_client.api``: each subpackage is an OpenAPI tag and becomes one page,
``reference/<tag>.md``, holding a mkdocstrings block per operation module. It also writes the
reference overview, a page for the client classes (client, slugs and, when the package has them,
pipelines, runs, webhooks, failures and usage), the pages of ``refpages`` (models with
construction examples, errors, ``bulk``, ``RateLimit``, ``RetryPolicy``, ``artifacts`` and the
command line), and puts all of them into the navigation under "API reference".
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

# mkdocs loads this file by its path; the repository root makes ``docs.refpages`` importable.
if str(Path(__file__).resolve().parents[1]) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from docs.refpages.cli import cli_page
from docs.refpages.runtime import RuntimePage, runtime_pages

REFERENCE_TITLE = "API reference"
OVERVIEW = "reference/index.md"
RUNTIME_PAGE = "reference/client.md"
RUNTIME_MODULES = (
    "circleci_client.client",
    "circleci_client.slugs",
    "circleci_client.pipelines",
    "circleci_client.runs",
    "circleci_client.webhooks",
    "circleci_client.failures",
    "circleci_client.usage",
)
RUNTIME_TITLE = "Client, slugs and webhooks"
CLI_PAGE = "reference/cli.md"
OPERATION_OPTIONS = """\
    options:
      show_root_heading: false
      show_root_toc_entry: false
      heading_level: 3
      filters: ["!^_", "!^OPERATION$"]
"""


@dataclass(frozen=True)
class OperationDoc:
    """One generated operation module and what its ``OPERATION`` constant declares."""

    module: str
    operation_id: str
    method: str
    path: str


@dataclass(frozen=True)
class TagDoc:
    """One OpenAPI tag: a subpackage of ``circleci_client.api``."""

    name: str
    operations: tuple[OperationDoc, ...]

    @property
    def title(self) -> str:
        """The tag's name as a page title."""
        return self.name.replace("_", " ").capitalize()

    @property
    def src_uri(self) -> str:
        """Where the tag's page lives in the site."""
        return f"reference/{self.name}.md"


def discover_tags() -> list[TagDoc]:
    """Every tag of ``circleci_client.api`` and its operation modules, sorted by name."""
    api = importlib.import_module("circleci_client.api")
    tags: list[TagDoc] = []
    for tag in sorted(pkgutil.iter_modules(api.__path__), key=lambda info: info.name):
        if not tag.ispkg:
            continue
        package = importlib.import_module(f"{api.__name__}.{tag.name}")
        operations: list[OperationDoc] = []
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            operation: Any = getattr(module, "OPERATION", None)
            if operation is None:
                continue
            operations.append(
                OperationDoc(
                    module=module.__name__,
                    operation_id=operation.operation_id,
                    method=operation.method,
                    path=operation.path,
                )
            )
        tags.append(TagDoc(name=tag.name, operations=tuple(operations)))
    return tags


def runtime_modules() -> list[str]:
    """The hand-written runtime modules the installed package has."""
    return [name for name in RUNTIME_MODULES if importlib.util.find_spec(name) is not None]


def tag_page(tag: TagDoc) -> str:
    """Markdown for one tag's reference page."""
    lines = [
        f"# {tag.title}",
        "",
        f"The {len(tag.operations)} operations tagged *{tag.title}*. Each module offers "
        "`sync` (the parsed body, raising a typed error for any other status), "
        "`sync_detailed` (status, headers and body, never raising for a status), and their "
        "`asyncio` twins; list operations add `iter_items`, `iter_pages`, `aiter_items` and "
        "`aiter_pages`. Every function takes `max_retries=` to override the client's setting "
        "for one call.",
        "",
    ]
    for op in tag.operations:
        short = op.module.rsplit(".", 1)[1]
        lines += [
            f"## `{short}` {{ #{short} }}",
            "",
            f"`{op.method} {op.path}`, operation `{op.operation_id}`.",
            "",
            "```python",
            f"from {op.module.rsplit('.', 1)[0]} import {short}",
            "```",
            "",
            f"::: {op.module}",
            OPERATION_OPTIONS,
        ]
    return "\n".join(lines)


def overview_page(tags: list[TagDoc]) -> str:
    """Markdown for the reference overview: every operation in one table."""
    total = sum(len(tag.operations) for tag in tags)
    lines = [
        f"# {REFERENCE_TITLE}",
        "",
        f"The package covers {total} operations in {len(tags)} groups, one page per OpenAPI "
        "tag. These pages are written from the installed package on every build, so they "
        "always match the code.",
        "",
        "| group | module | operation | request |",
        "| --- | --- | --- | --- |",
    ]
    for tag in tags:
        for op in tag.operations:
            short = op.module.rsplit(".", 1)[1]
            lines.append(
                f"| [{tag.title}]({tag.name}.md) | [`{short}`]({tag.name}.md#{short}) "
                f"| `{op.operation_id}` | `{op.method} {op.path}` |"
            )
    lines += [
        "",
        f"The client classes and the slug helpers are on [{RUNTIME_TITLE}](client.md); every "
        "model, with how to build it, on [Models](models.md); the exceptions on "
        "[Errors](errors.md); the command line on [Command line](cli.md).",
        "",
    ]
    return "\n".join(lines)


def runtime_page() -> str:
    """Markdown for the hand-written runtime modules."""
    lines = [
        f"# {RUNTIME_TITLE}",
        "",
        "The client classes every operation takes, project-slug parsing and, where the package "
        "has them, the pipeline helpers and webhook verification. The exceptions are on "
        "[Errors](errors.md).",
        "",
    ]
    for module in runtime_modules():
        lines += [f"::: {module}", ""]
    return "\n".join(lines)


_runtime_cache: list[RuntimePage] = []


def _runtime_pages() -> list[RuntimePage]:
    """The runtime pages, built once per process (the models page formats 100+ examples)."""
    if not _runtime_cache:
        _runtime_cache.extend(runtime_pages())
    return _runtime_cache


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Replace the "API reference" nav entry with the overview and one page per tag."""
    _runtime_cache.clear()  # a rebuild under `mkdocs serve` reads the package again
    children: list[Any] = [
        {"Overview": OVERVIEW},
        {RUNTIME_TITLE: RUNTIME_PAGE},
    ]
    children += [{page.title: page.src_uri} for page in _runtime_pages()]
    children += [{"Command line": CLI_PAGE}]
    children += [{tag.title: tag.src_uri} for tag in discover_tags()]
    nav = config.nav or []
    for index, entry in enumerate(nav):
        if isinstance(entry, dict) and REFERENCE_TITLE in entry:
            nav[index] = {REFERENCE_TITLE: children}
    return config


def generated_pages() -> dict[str, str]:
    """The Markdown of every reference page, by its path in the site."""
    tags = discover_tags()
    pages = {OVERVIEW: overview_page(tags), RUNTIME_PAGE: runtime_page(), CLI_PAGE: cli_page()}
    pages.update({page.src_uri: page.markdown for page in _runtime_pages()})
    pages.update({tag.src_uri: tag_page(tag) for tag in tags})
    return pages


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated reference pages to the site's files."""
    for src_uri, content in generated_pages().items():
        files.append(File.generated(config, src_uri, content=content))
    return files
