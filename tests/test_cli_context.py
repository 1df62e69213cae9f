"""``circleci-client context env set|sync`` against the stand-in: values come from stdin or a
file, never argv, and never appear in output, logs or error text; .env parsing; sync's upserts,
prune and honest report."""

from __future__ import annotations

import json
import logging
import os
import shlex
from pathlib import Path

import pytest
from circleci_client.cli import app
from circleci_client.cli._dotenv import _DotenvError, parse_dotenv
from typer.testing import CliRunner, Result

from tests.clients import cli_env
from tests.standin.contexts import context_id_for
from tests.standin.server import Standin

runner = CliRunner()
SECRET = "tok3n-\u00e9-never-shown-7f3a"
DEPLOY_PROD = context_id_for("gh/acme", "deploy-prod")


def _invoke(standin: Standin, args: list[str], stdin: str | None = None) -> Result:
    assert not any(SECRET in arg for arg in args)  # the value never travels in argv
    return runner.invoke(app, args, env=cli_env(standin), input=stdin)


def _values(standin: Standin, context_id: str = DEPLOY_PROD) -> dict[str, str]:
    context = standin.world.contexts.contexts[context_id]
    return {name: variable.value for name, variable in context.variables.items()}


def _puts(standin: Standin) -> list[str]:
    return [
        r.raw_path.rsplit("/", 1)[-1]
        for r in standin.requests.api.filter(operation="addEnvironmentVariableToContext")
    ]


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every logger at DEBUG, httpx and httpcore included."""
    caplog.set_level(logging.DEBUG)
    for name in ("httpx", "httpcore", "circleci_client"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def _assert_hidden(result: Result, logs: pytest.LogCaptureFixture) -> None:
    assert SECRET not in result.stdout and SECRET not in result.stderr
    assert SECRET not in logs.text
    assert SECRET not in str(result.exception or "")


# --- set ----------------------------------------------------------------------------------------


def test_set_reads_stdin_and_never_shows_the_value(
    standin: Standin, debug_logs: pytest.LogCaptureFixture
) -> None:
    result = _invoke(standin, ["context", "env", "set", DEPLOY_PROD, "NEW_TOKEN"], SECRET + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("created NEW_TOKEN in context")
    assert _values(standin)["NEW_TOKEN"] == SECRET  # one trailing newline dropped
    assert any("PUT" in record.getMessage() for record in debug_logs.records)  # logs were on
    _assert_hidden(result, debug_logs)


def test_set_by_name_and_org_from_a_file_replaces_the_value(
    standin: Standin, tmp_path: Path, debug_logs: pytest.LogCaptureFixture
) -> None:
    secret_file = tmp_path / "value.txt"
    secret_file.write_text(SECRET + "\r\n", encoding="utf-8")
    args = ["context", "env", "set", "deploy-prod", "DEPLOY_KEY", "--org", "gh/acme"]
    result = _invoke(standin, [*args, "--from-file", str(secret_file)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("updated DEPLOY_KEY")
    assert _values(standin)["DEPLOY_KEY"] == SECRET
    _assert_hidden(result, debug_logs)
    owner = standin.world.contexts.owner_by_slug("gh/acme")
    assert owner is not None
    by_id = _invoke(standin, [*args[:-1], owner.id], "second")
    assert by_id.exit_code == 0 and _values(standin)["DEPLOY_KEY"] == "second"


def test_a_value_in_argv_is_refused_without_echoing_it_or_sending(
    standin: Standin, debug_logs: pytest.LogCaptureFixture
) -> None:
    leaked = "argv-secret-9d2c"
    args = ["context", "env", "set", DEPLOY_PROD, "NEW_TOKEN", leaked]
    result = runner.invoke(app, args, env=cli_env(standin))
    assert result.exit_code == 2
    assert "command line" in result.stderr and "--from-file" in result.stderr
    assert leaked not in result.output and leaked not in debug_logs.text
    assert len(standin.requests.api) == 0


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["deploy-prod", "X"], ["--org"]),
        (["nope", "X", "--org", "gh/acme"], ["no context named 'nope'"]),
        ([DEPLOY_PROD, "1BAD"], ["not a variable name"]),
    ],
)
def test_set_usage_errors_exit_2(standin: Standin, args: list[str], words: list[str]) -> None:
    result = _invoke(standin, ["context", "env", "set", *args], SECRET)
    assert result.exit_code == 2, result.output
    assert all(word in result.output for word in words), result.output
    assert _puts(standin) == []


def test_an_error_that_quotes_the_value_is_shown_without_it(
    standin: Standin, debug_logs: pytest.LogCaptureFixture
) -> None:
    standin.faults.add(
        "addEnvironmentVariableToContext",
        status=400,
        when="before",
        message=f"value {SECRET} is not allowed",
    )
    result = _invoke(standin, ["context", "env", "set", DEPLOY_PROD, "NEW_TOKEN"], SECRET)
    assert result.exit_code == 2
    assert "value *** is not allowed" in result.stderr
    _assert_hidden(result, debug_logs)


# --- sync ---------------------------------------------------------------------------------------

DOTENV = f"""\
# deploy settings
export DEPLOY_KEY="{SECRET}"
SLACK_WEBHOOK='https://hooks.example/#not-a-comment'
REGION = eu-west-1   # a comment
EMPTY=
QUOTED="line one\\nline two \\"q\\""

"""


def test_sync_upserts_and_reports_names_only(
    standin: Standin, tmp_path: Path, debug_logs: pytest.LogCaptureFixture
) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(DOTENV, encoding="utf-8")
    args = ["context", "env", "sync", DEPLOY_PROD, "--from-file", str(env_file)]
    result = _invoke(standin, args)
    assert result.exit_code == 0, result.output
    assert "3 created, 2 updated, 0 removed, 0 failed" in result.stdout
    assert "created: REGION, EMPTY, QUOTED" in result.stdout
    assert "updated: DEPLOY_KEY, SLACK_WEBHOOK" in result.stdout
    assert "write-only" in result.stderr
    assert _values(standin) == {
        "DEPLOY_KEY": SECRET,
        "SLACK_WEBHOOK": "https://hooks.example/#not-a-comment",
        "REGION": "eu-west-1",
        "EMPTY": "",
        "QUOTED": 'line one\nline two "q"',
    }
    _assert_hidden(result, debug_logs)
    again = _invoke(standin, [*args, "--json"])
    assert again.exit_code == 0, again.output
    report = json.loads(again.stdout)
    assert report["created"] == [] and report["removed"] == [] and report["failed"] == {}
    assert sorted(report["updated"]) == ["DEPLOY_KEY", "EMPTY", "QUOTED", "REGION", "SLACK_WEBHOOK"]
    _assert_hidden(again, debug_logs)


def test_prune_removes_only_names_missing_from_the_file(standin: Standin, tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("DEPLOY_KEY=k\nNEW_ONE=n\n", encoding="utf-8")
    args = ["context", "env", "sync", "deploy-prod", "--org", "github/acme"]
    result = _invoke(standin, [*args, "--from-file", str(env_file), "--prune"])
    assert result.exit_code == 0, result.output
    assert "1 created, 1 updated, 1 removed" in result.stdout
    assert "removed: SLACK_WEBHOOK" in result.stdout
    assert _values(standin) == {"DEPLOY_KEY": "k", "NEW_ONE": "n"}
    other = context_id_for("gh/acme", "org-global")
    assert set(_values(standin, other)) == {"AWS_REGION", "NPM_TOKEN"}


def test_without_prune_nothing_is_removed(standin: Standin, tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("NEW_ONE=n\n", encoding="utf-8")
    result = _invoke(standin, ["context", "env", "sync", DEPLOY_PROD, "--from-file", str(env_file)])
    assert result.exit_code == 0 and "0 removed" in result.stdout
    assert set(_values(standin)) == {"DEPLOY_KEY", "SLACK_WEBHOOK", "NEW_ONE"}


def test_a_failed_put_is_reported_and_prune_is_skipped(standin: Standin, tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(f"GOOD=1\nBAD={SECRET}\n", encoding="utf-8")
    standin.faults.add(
        status=400,
        when="before",
        message=f"refused {SECRET}",
        path="/context/*/environment-variable/BAD",
        times=None,
    )
    args = ["context", "env", "sync", DEPLOY_PROD, "--from-file", str(env_file), "--prune"]
    result = _invoke(standin, args)
    assert result.exit_code == 1, result.output
    assert "failed: BAD:" in result.stdout and "refused ***" in result.stdout
    assert SECRET not in result.output
    assert set(_values(standin)) == {"DEPLOY_KEY", "SLACK_WEBHOOK", "GOOD"}  # nothing pruned


def _many(tmp_path: Path, count: int) -> tuple[list[str], Path]:
    names = [f"VAR_{n:02d}" for n in range(count)]
    env_file = tmp_path / ".env"
    env_file.write_text("".join(f"{name}=v{name}\n" for name in names), encoding="utf-8")
    return names, env_file


def test_sync_fans_out(standin: Standin, tmp_path: Path) -> None:
    names, env_file = _many(tmp_path, 8)
    standin.faults.latency(0.05, operation="addEnvironmentVariableToContext")
    args = ["context", "env", "sync", DEPLOY_PROD, "--from-file", str(env_file)]
    result = _invoke(standin, [*args, "--concurrency", "4"])
    assert result.exit_code == 0, result.output
    assert set(_puts(standin)) == set(names)
    assert 1 < standin.requests.api.most_at_once() <= 4


def test_sync_waits_out_the_rate_limit(standin: Standin, tmp_path: Path) -> None:
    names, env_file = _many(tmp_path, 12)
    standin.set_rate_limit(40, burst=2)
    # The limiter may pace itself from RateLimit-Remaining before the bucket answers 429, so
    # two throttled answers are certain: the run must wait them out too.
    standin.faults.rate_limit("addEnvironmentVariableToContext", retry_after="0.05", times=2)
    args = ["context", "env", "sync", DEPLOY_PROD, "--from-file", str(env_file)]
    result = _invoke(standin, [*args, "--concurrency", "6"])
    assert result.exit_code == 0, result.output
    assert "12 created, 0 updated, 0 removed, 0 failed" in result.stdout
    puts = standin.requests.api.filter(operation="addEnvironmentVariableToContext")
    assert {r.status for r in puts} == {200, 429}  # throttled, retried, all set in the end
    assert set(_values(standin)) >= set(names)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("A=1\n1BAD=2\n", 2, ["'1BAD' is not a variable name"]),
        (f'A=1\n\nB="{SECRET}\n', 3, ["quote is not closed"]),
        (f"A=1\n{SECRET}\n", 2, ["expected NAME=value"]),
        ("A=1\nexport A=2\n", 2, ["A is set again (first on line 1)"]),
        (f"A='{SECRET}' trailing\n", 1, ["only a # comment"]),
    ],
)
def test_a_bad_dotenv_line_is_named_and_nothing_is_sent(
    standin: Standin, tmp_path: Path, text: str, line: int, words: list[str]
) -> None:
    env_file = tmp_path / "prod.env"
    env_file.write_text(text, encoding="utf-8")
    result = _invoke(standin, ["context", "env", "sync", DEPLOY_PROD, "--from-file", str(env_file)])
    assert result.exit_code == 2, result.output
    assert f"prod.env, line {line}:" in result.stderr
    assert all(word in result.stderr for word in words), result.stderr
    assert SECRET not in result.output
    assert len(standin.requests.api) == 0


def test_parse_dotenv_rules() -> None:
    text = (
        "  # comment\n"
        "export   A=plain value  \n"
        "B='single # kept \\n'\n"
        'C="tab\\tq\\"bs\\\\ other\\x"  # c\n'
        "D=\n"
        "E=x#y\r\n"
        'F=""\n'
    )
    assert parse_dotenv(text) == {
        "A": "plain value",
        "B": "single # kept \\n",
        "C": 'tab\tq"bs\\ other\\x',
        "D": "",
        "E": "x#y",
        "F": "",
    }
    with pytest.raises(_DotenvError) as caught:
        parse_dotenv("A=" + "x" * 32_769, "big.env")
    assert caught.value.line == 1 and "x" * 10 not in str(caught.value)


# --- the documented commands --------------------------------------------------------------------

DOCS_EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


def test_the_documented_commands_work_and_print_what_the_page_shows(
    standin: Standin,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    debug_logs: pytest.LogCaptureFixture,
) -> None:
    """Run each command of docs/examples/context_secrets.sh; their output is .out beside it."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text((DOCS_EXAMPLES / "context_secrets.env").read_text())
    (tmp_path / "npm-token.txt").write_text(SECRET + "\n")
    printed: list[str] = []
    script = (DOCS_EXAMPLES / "context_secrets.sh").read_text().splitlines()
    for line in (line for line in script if line.startswith("circleci-client ")):
        words = shlex.split(line)[1:]
        stdin = None
        if "<" in words:
            at = words.index("<")
            stdin = (tmp_path / words[at + 1]).read_text()
            words = words[:at] + words[at + 2 :]
        result = _invoke(standin, words, stdin)
        assert result.exit_code == 0, (line, result.output)
        _assert_hidden(result, debug_logs)
        printed.append(f"$ {line}\n{result.stdout}")
    expected = DOCS_EXAMPLES / "context_secrets.out"
    if os.environ.get("UPDATE_DOCS_EXPECTED") == "1":
        expected.write_text("".join(printed), encoding="utf-8")
    assert "".join(printed) == expected.read_text(encoding="utf-8")
    assert _values(standin) == {
        "DEPLOY_KEY": "dk-9f2c-rotated",
        "SLACK_WEBHOOK": "https://hooks.example/services/T000/B000",
        "REGION": "eu-west-1",
        "FEATURE_FLAGS": "",
    }
