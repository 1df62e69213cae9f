"""The security page (docs/security.md) names tests that exist and knobs the code has.

Every ``tests/<module>.py::<test>`` the page cites must be a test function of that module, and
every module it cites must exist. The defaults and settings it states are read back from the
code: a changed default or a renamed option fails here until the page says the same.
"""

from __future__ import annotations

import ast
import inspect
import re
import typing
from functools import cache
from pathlib import Path

import pytest
import typer
from circleci_client import AuthenticatedClient, Client
from circleci_client._client_options import CLOUD_ARTIFACT_HOSTS
from circleci_client._constants import (
    CREDENTIAL_HEADERS,
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_SIZE,
    MAX_ERROR_BODY_SIZE,
)
from circleci_client._operation import DEFAULT_MAX_PAGES
from circleci_client._redact import SECRET_QUERY_PARAMS, SUBSTRING_SECRET_LENGTH
from circleci_client._retry_policy import IDEMPOTENT_METHODS, RETRYABLE_STATUSES
from circleci_client.api.pipeline import list_pipelines_for_project
from circleci_client.artifacts import DownloadOptions
from circleci_client.artifacts._defaults import (
    DEFAULT_SKIP_EXISTING,
    DEFAULT_STALL_TIMEOUT,
    VALIDATOR_SUFFIX,
)
from circleci_client.cli import app
from circleci_client.cli._app import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    INTERRUPTED_MESSAGE,
)

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "security.md"
TEST_REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")
MODULE_REFERENCE = re.compile(r"`(tests/[\w/]+\.py)`")
WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


@cache
def page() -> str:
    return PAGE.read_text(encoding="utf-8")


@cache
def defined_tests(module: str) -> frozenset[str]:
    """Names of the test functions a test module defines (top level or in classes)."""
    tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
    return frozenset(
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    )


def glance_row(starts_with: str) -> list[str]:
    """The cells of the "At a glance" row whose promise starts with ``starts_with``."""
    for line in page().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0].startswith(starts_with):
            return cells
    raise AssertionError(f"no row starting {starts_with!r} in the At a glance table")


def paragraph(containing: str) -> str:
    """The page's paragraph (or list item) that contains ``containing``, joined into one line."""
    for block in re.split(r"\n\s*\n|\n(?=- )", page()):
        if containing in block:
            return " ".join(block.split())
    raise AssertionError(f"the page says nothing about {containing!r}")


def backticked(text: str) -> list[str]:
    return re.findall(r"`([^`]+)`", text)


def test_the_page_cites_tests_for_every_finding_theme() -> None:
    cited = {module for module, _ in TEST_REFERENCE.findall(page())}
    themes = ("paths", "transport", "downloads", "download_listing", "cli_output", "bulk")
    for theme in themes:
        assert f"tests/test_security_{theme}.py" in cited
    assert len(TEST_REFERENCE.findall(page())) >= 40


@pytest.mark.parametrize(("module", "name"), sorted(set(TEST_REFERENCE.findall(page()))))
def test_every_test_the_page_names_exists(module: str, name: str) -> None:
    assert (ROOT / module).is_file(), f"{module} is cited by docs/security.md but does not exist"
    assert name in defined_tests(module), f"docs/security.md cites {module}::{name}: no such test"


def test_every_module_the_page_names_exists() -> None:
    modules = set(MODULE_REFERENCE.findall(page()))
    assert modules
    missing = sorted(module for module in modules if not (ROOT / module).is_file())
    assert missing == []


def test_size_caps_match_the_code() -> None:
    row = glance_row("A successful body")
    assert f"{DEFAULT_MAX_RESPONSE_SIZE // 2**20} MiB" in row[0]
    assert row[1] == f"{DEFAULT_MAX_RESPONSE_SIZE // 2**20} MiB"
    assert f"{MAX_ERROR_BODY_SIZE // 2**10} KiB" in row[0]
    assert row[2] == "`max_response_size=`"
    assert "max_response_size" in _keywords(Client.__init__)
    assert f"first {MAX_ERROR_BODY_SIZE // 2**10} KiB" in paragraph("An error response keeps")


def test_deadline_matches_the_code() -> None:
    row = glance_row("A call, retries and waits included")
    assert row[1] == f"{DEFAULT_DEADLINE:g} s"
    assert row[2] == "`deadline=` (client or call)"
    assert "deadline" in _keywords(Client.__init__)
    assert "deadline" in _keywords(list_pipelines_for_project.sync)
    assert "deadline" in _keywords(list_pipelines_for_project.iter_pages)
    assert f"{DEFAULT_DEADLINE:g} s by default" in paragraph("one overall deadline")


def test_page_cap_matches_the_code() -> None:
    row = glance_row("A listing stops after")
    assert f"{DEFAULT_MAX_PAGES:,} pages" in row[0]
    assert row[1] == f"{DEFAULT_MAX_PAGES:,}"
    assert row[2] == "`max_pages=`"
    assert "max_pages" in _keywords(list_pipelines_for_project.iter_pages)
    assert "max_pages" in _keywords(list_pipelines_for_project.iter_items)
    assert f"after {DEFAULT_MAX_PAGES:,} pages" in paragraph("fresh page token forever")


def test_download_knobs_match_the_code() -> None:
    options = typing.get_type_hints(DownloadOptions)
    stall = glance_row("A stalled download")
    assert stall[1] == f"{DEFAULT_STALL_TIMEOUT:g} s"
    assert stall[2] == "`stall_timeout=`, `--stall-timeout`"
    assert f"({DEFAULT_STALL_TIMEOUT:g} by" in paragraph("Artifact downloads have a stall timeout")
    link_local = glance_row("Link-local and cloud metadata")
    assert link_local[2] == "`allow_link_local=True`, `--allow-link-local`"
    assert {"stall_timeout", "allow_link_local", "skip_existing"} <= set(options)
    assert f'`skip_existing="{DEFAULT_SKIP_EXISTING}"` (the default)' in page()
    assert f"<name>.part{VALIDATOR_SUFFIX}" in page()
    flags = _cli_flags("artifacts", "download")
    assert {"--stall-timeout", "--allow-link-local"} <= flags


def test_token_hosts_and_credential_headers_match_the_code() -> None:
    assert glance_row("The token and other credential headers")[2] == "`token_hosts=`"
    assert "token_hosts" in _keywords(AuthenticatedClient.__init__)
    assert f"`token_hosts` defaults to `{CLOUD_ARTIFACT_HOSTS[0]}`" in paragraph(
        "On CircleCI cloud"
    )
    assert len(CLOUD_ARTIFACT_HOSTS) == 1
    named = paragraph("Credential headers that you set yourself")
    listed = backticked(named.split("(", 1)[1].split(")", 1)[0])
    assert {name.lower() for name in listed} == CREDENTIAL_HEADERS


def test_retry_table_matches_the_policy() -> None:
    lines = page().split("## What is retried", 1)[1].split("\n\n", 2)[1].splitlines()
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    assert set(backticked(header[1])) == IDEMPOTENT_METHODS
    assert set(backticked(header[2])) == {"POST", "PATCH"}
    rows = {line.split("|")[1].strip(): line for line in lines[2:]}
    assert rows["429"].count("| retried") == 2
    others = {int(status) for status in rows["408, 500, 502, 503, 504"].split("|")[1].split(",")}
    assert others == RETRYABLE_STATUSES - {429}


def test_redaction_facts_match_the_code() -> None:
    text = paragraph("Secrets of")
    assert f"Secrets of {WORDS[SUBSTRING_SECRET_LENGTH - 1]} characters or more" in text
    listed = backticked(text.split("pre-signed query parameters", 1)[1].split(")", 1)[0])
    assert {name.lower() for name in listed} <= SECRET_QUERY_PARAMS
    for name in ("X-Amz-Signature", "X-Amz-Security-Token", "Signature", "sig"):
        assert name in listed


def test_exit_codes_match_the_cli() -> None:
    assert f"`{INTERRUPTED_MESSAGE}`" in paragraph("The first Ctrl-C stops")
    text = paragraph("Exit codes of")
    expected = f"{EXIT_OK} every file is there, {EXIT_FAILED} some file failed"
    assert expected in text
    assert f"{EXIT_USAGE} a usage error, {EXIT_INTERRUPTED} interrupted" in text


def _keywords(function: typing.Callable[..., object]) -> set[str]:
    return set(inspect.signature(function).parameters)


def _cli_flags(*path: str) -> set[str]:
    command = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]  # type: ignore[attr-defined]
    return {flag for parameter in command.params for flag in parameter.opts}
