"""Server text on the terminal: shown literally, never as control sequences or Rich markup.

Artifact paths, URLs and error messages come from the server. The CLI must print them so
that the terminal shows exactly those characters: an ESC, an 8-bit CSI (U+009B) or a bidi
override is shown as an escape (``\\x1b``, ``\\x9b``, ``\\u202e``), and brackets are never
read as Rich markup.
"""

from __future__ import annotations

import io
import json
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from circleci_client import (
    APIDeprecationWarning,
    AuthenticatedClient,
    NotFoundError,
    ResponseValidationError,
    _operation,
    cli,
)
from circleci_client._display import visible
from circleci_client.api.job import get_job_artifacts
from circleci_client.api.user import get_collaborations
from circleci_client.artifacts import ArtifactFile, DownloadReport, FileResult, FileStatus
from circleci_client.cli import _progress as cli_progress
from rich.console import Console
from typer.testing import CliRunner

from tests.clients import standin_client
from tests.standin import wire
from tests.standin.server import Standin
from tests.standin.world import Artifact

runner = CliRunner()

HOSTILE_PATHS = [
    "logs/\x1b]0;owned\x07title.log",  # OSC: sets the window title
    "logs/\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\.log",  # OSC 8 hyperlink
    "logs/\x1b[2J\x1b[31mred.log",  # 7-bit CSI: clear screen, red
    "logs/\x9b2Jclear.log",  # 8-bit CSI
    "logs/\x85next\x8dline.log",  # other C1 controls
    "logs/invoice\u202egpj.exe",  # right-to-left override
    "logs/\u2066isolated\u2069\u200f\u200b\ufeff.log",  # isolates, RLM, zero width, BOM
    "logs/tab\there\nnewline\r.log",
    "report[/bold].txt",
    "test_x[param-1].xml",
]
"""Artifact paths a hostile server could list."""

ALLOWED_LAYOUT = frozenset("\n\t")
"""Line breaks and the column separator the CLI itself prints."""


def _raw_controls(text: str, allowed: frozenset[str] = ALLOWED_LAYOUT) -> set[str]:
    """Controls (Cc), format characters (Cf) and separators (Zl, Zp) left in ``text``."""
    return {
        char
        for char in text
        if char not in allowed and unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp")
    }


def _env(standin: Standin) -> dict[str, str]:
    return {
        "CIRCLE_TOKEN": standin.token,
        "CIRCLECI_TOKEN": "",
        "CIRCLECI_BASE_URL": standin.base_url,
        cli.TOKEN_HOSTS_ENV_VAR: "",
    }


def _add_artifacts(standin: Standin, paths: list[str]) -> tuple[str, int]:
    facts = standin.world.facts
    job = standin.world.projects[facts.widgets_slug].jobs_by_number[facts.build_job_number]
    with standin.world.lock:
        job.artifacts[:] = [Artifact(path, 0, 3, b"abc", "x") for path in paths]
    return facts.widgets_slug, facts.build_job_number


# --- the rendering function ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain/path.txt", "plain/path.txt"),
        ("a\x1b[31mb", "a\\x1b[31mb"),
        ("a\x9bb", "a\\x9bb"),
        ("x\u202ey\u2066z\u2069", "x\\u202ey\\u2066z\\u2069"),
        ("line\nbreak\ttab\r", "line\\nbreak\\ttab\\r"),
        ("\x00\x7f", "\\x00\\x7f"),
        ("a\u2028b\u2029c", "a\\u2028b\\u2029c"),
        ("tag\U000e0041", "tag\\U000e0041"),
        ("lone \ud800 surrogate", "lone \\ud800 surrogate"),
        ("ünïcødé 名前 [/bold] back\\slash", "ünïcødé 名前 [/bold] back\\slash"),
    ],
)
def test_visible_escapes_exactly_the_unprintable_characters(raw: str, shown: str) -> None:
    assert visible(raw) == shown
    assert not _raw_controls(visible(raw), frozenset())
    visible(raw).encode("utf-8")  # surrogates are gone too: printing cannot fail


# --- artifacts list ----------------------------------------------------------------------------


def test_list_shows_hostile_paths_literally(standin: Standin) -> None:
    slug, job = _add_artifacts(standin, HOSTILE_PATHS)
    result = runner.invoke(
        cli.app, ["artifacts", "list", slug, str(job)], env=_env(standin), color=True
    )
    assert result.exit_code == 0, result.output
    assert not _raw_controls(result.stdout)
    lines = result.stdout.splitlines()
    assert len(lines) == len(HOSTILE_PATHS)  # a newline in a path does not make a new row
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == 3 for row in rows)  # a tab in a path does not make a new column
    assert [row[1] for row in rows] == [visible(path) for path in HOSTILE_PATHS]
    assert "report[/bold].txt" in result.stdout
    assert "test_x[param-1].xml" in result.stdout
    assert "logs/\\x1b]0;owned\\x07title.log" in result.stdout
    assert "logs/invoice\\u202egpj.exe" in result.stdout


def test_list_shows_a_hostile_url_literally(
    standin: Standin, monkeypatch: pytest.MonkeyPatch
) -> None:
    slug, job = _add_artifacts(standin, ["ok.txt"])
    serialize = wire.artifact

    def hostile(*args: object) -> wire.JSON:
        item = dict(serialize(*args))  # type: ignore[arg-type]
        item["url"] = "https://evil.example/\x1b]8;;x\x07\u202eexe.txt\x9b0m"
        return item

    monkeypatch.setattr(wire, "artifact", hostile)
    result = runner.invoke(
        cli.app, ["artifacts", "list", slug, str(job)], env=_env(standin), color=True
    )
    assert result.exit_code == 0, result.output
    assert not _raw_controls(result.stdout)
    assert "https://evil.example/\\x1b]8;;x\\x07\\u202eexe.txt\\x9b0m" in result.stdout


def test_list_json_is_escaped_and_round_trips(standin: Standin) -> None:
    slug, job = _add_artifacts(standin, HOSTILE_PATHS)
    args = ["artifacts", "list", slug, str(job), "--json"]
    result = runner.invoke(cli.app, args, env=_env(standin), color=True)
    assert result.exit_code == 0, result.output
    assert not _raw_controls(result.stdout)
    assert [item["path"] for item in json.loads(result.stdout)] == HOSTILE_PATHS


# --- error messages ----------------------------------------------------------------------------

HOSTILE_MESSAGE = "no job \x1b]0;owned\x07 \x9b2J \u202eerror [/bold] [red]x[/red]"


def test_cli_error_messages_show_server_text_literally(standin: Standin) -> None:
    slug, job = _add_artifacts(standin, ["ok.txt"])
    standin.faults.add("getJobArtifacts", status=404, when="before", message=HOSTILE_MESSAGE)
    result = runner.invoke(
        cli.app, ["artifacts", "list", slug, str(job)], env=_env(standin), color=True
    )
    assert result.exit_code == 2, result.output
    assert not _raw_controls(result.stderr)
    assert "no job \\x1b]0;owned\\x07 \\x9b2J \\u202eerror [/bold] [red]x[/red]" in result.stderr


def test_error_str_is_safe_and_the_raw_message_stays_available(standin: Standin) -> None:
    slug, job = _add_artifacts(standin, ["ok.txt"])
    standin.faults.add("getJobArtifacts", status=404, when="before", message=HOSTILE_MESSAGE)
    with standin_client(standin) as client, pytest.raises(NotFoundError) as info:
        get_job_artifacts.sync(slug, job, client=client)
    assert not _raw_controls(str(info.value))
    assert info.value.message == HOSTILE_MESSAGE
    assert isinstance(info.value.body, dict) and info.value.body["message"] == HOSTILE_MESSAGE


def test_validation_error_str_is_safe() -> None:
    error = ResponseValidationError("'\x1b[2J\u202e' is not a valid status", model="Job")
    assert str(error) == "'\\x1b[2J\\u202e' is not a valid status"


# --- download summary and progress bar ---------------------------------------------------------


def _file(path: str) -> ArtifactFile:
    return ArtifactFile("gh/acme/widgets", 7, path, 0, "https://x.example/a", None, None)


def test_summary_escapes_server_text_in_failures() -> None:
    failure = FileResult(
        _file("logs/\x1b[31mred.log"),
        FileStatus.FAILED,
        error="HTTP 404 from https://x.example/\x1b]0;owned\x07 \u202e",
    )
    report = DownloadReport(Path("."), [failure], source="job 7 of gh/acme/\x9bwidgets")
    summary = report.summary()
    assert not _raw_controls(summary)
    assert "\\x1b]0;owned\\x07 \\u202e" in summary
    assert "gh/acme/\\x9bwidgets" in summary
    assert len(summary.splitlines()) == 2


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """Make the CLI's progress console a terminal that writes into a buffer."""
    screen = io.StringIO()

    def console(**_: object) -> Console:
        return Console(file=screen, force_terminal=True, color_system=None, width=200)

    monkeypatch.setattr(cli_progress, "Console", console)
    yield screen


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_progress_rows_show_paths_literally(terminal: io.StringIO, path: str) -> None:
    file = _file(path)
    with cli_progress.progress(True) as listener:
        assert listener is not None
        listener.on_plan([file])
        listener.on_start(file, 3, 0)
    screen = terminal.getvalue()
    shown = visible(path if len(path) <= 40 else "…" + path[-39:])
    assert shown in screen
    # Rich's own cursor moves, erase sequences and line breaks are there; the path's are not.
    for char in _raw_controls(path, frozenset("\x1b\r\n")):
        assert char not in screen
    for sequence in ("\x1b]0;", "\x1b]8;", "\x1b[31m", "\x1b[2J"):
        assert sequence not in screen


def test_deprecation_warnings_escape_header_values(monkeypatch: pytest.MonkeyPatch) -> None:
    """The warnings module prints the server's Deprecation/Sunset/Link values to stderr."""
    monkeypatch.setattr(_operation, "_warned", set())
    headers = [(b"Sunset", "soon\u202egnp.exe".encode()), (b"Link", "<https://x>\x9b2J".encode())]

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=[], headers=headers)

    client = AuthenticatedClient(token="t", base_url="https://circleci.test/api/v2")
    client.set_httpx_client(
        httpx.Client(base_url=client.base_url, transport=httpx.MockTransport(answer))
    )
    with pytest.warns(APIDeprecationWarning) as caught:
        get_collaborations.sync(client=client)
    [message] = [str(w.message) for w in caught if w.category is APIDeprecationWarning]
    assert not _raw_controls(message)
    assert "Sunset: soon\\u202egnp.exe" in message and "Link: <https://x>\\x9b2J" in message
