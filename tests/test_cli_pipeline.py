"""``circleci-client pipeline`` against a stand-in whose pipelines run on a sped-up clock.

The command polls with real sleeps, so these tests use a stand-in whose clock runs 50 times
faster than the wall (a 14-second pipeline takes under a third of a second) and poll every
few hundredths of a second. Outcomes and exit codes do not depend on how fast the machine is.
"""

from __future__ import annotations

import io
import json
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from uuid import UUID

import pytest
from circleci_client import runs
from circleci_client.cli import app
from circleci_client.cli._runview import PlainLines, live_view
from circleci_client.models.job_status import JobStatus
from circleci_client.models.job_type import JobType
from circleci_client.models.pipeline_state import PipelineState
from circleci_client.models.workflow_status import WorkflowStatus
from circleci_client.runs import (
    EXIT_ERRORED,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_NOT_CREATED,
    EXIT_ON_HOLD,
    EXIT_SUCCESS,
    EXIT_TIMED_OUT,
    EXIT_USAGE,
    JobState,
    Phase,
    RunStatus,
    WorkflowState,
)
from rich.console import Console
from typer.testing import CliRunner, Result

from tests.clients import cli_env
from tests.standin.clocks import ScaledClock
from tests.standin.server import Standin
from tests.standin.world import seed_world

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
FAST = ["--poll-interval", "0.02", "--timeout", "60"]
"""Poll often: the stand-in's pipelines run 50 times faster than real time."""


@pytest.fixture(scope="module")
def _fast_server() -> Iterator[Standin]:
    with Standin(validate_responses=True, clock=ScaledClock(50)) as server:
        yield server


@pytest.fixture
def fast(_fast_server: Standin) -> Standin:
    """A stand-in whose triggered pipelines run 50 times faster than real time, reset."""
    _fast_server.reset()
    return _fast_server


def invoke(standin: Standin, *args: str) -> Result:
    return runner.invoke(app, ["pipeline", *args], env=cli_env(standin))


def _app_slug(standin: Standin) -> str:
    return standin.world.facts.circleci_slug


def _trigger(standin: Standin, *args: str) -> dict[str, object]:
    done = invoke(standin, "trigger", _app_slug(standin), *args, "--json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert isinstance(data, dict)
    return data


# --- Must show: what a user runs against the sandbox ------------------------------------------


@dataclass(frozen=True)
class Sandbox:
    """A started ``python -m tests.standin``: what it printed, and a shell with its exports."""

    printed: list[str]
    env: dict[str, str]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """``python -m tests.standin --port 0 --speed 10``, started as a user starts it.

    At 10 times real time the lint job runs for 0.8 s, so a wait that polls every 0.05 s sees
    it running even on a busy machine (at 100 times it ran for 0.08 s and could be missed).
    """
    command = [sys.executable, "-m", "tests.standin", "--port", "0", "--speed", "10"]
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        assert process.stdout is not None
        printed: list[str] = []
        while not printed or printed[-1] != "Serving until Ctrl-C.":
            line = process.stdout.readline()
            assert line, f"the sandbox stopped after printing {printed}"
            printed.append(line.rstrip("\n"))
        env = {**os.environ, "CIRCLECI_TOKEN": ""}
        for line in printed:
            if line.startswith("export "):
                name, _, value = line.removeprefix("export ").partition("=")
                [env[name]] = shlex.split(value)
        yield Sandbox(printed, env)
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.skipif(shutil.which("circleci-client") is None, reason="console script not installed")
@pytest.mark.parametrize(
    ("suggested", "code", "outcome"),
    [(0, EXIT_SUCCESS, "success"), (1, EXIT_FAILED, "failed")],
)
def test_must_show_sandbox_trigger_wait_exit_codes(
    sandbox: Sandbox, suggested: int, code: int, outcome: str
) -> None:
    """The sandbox suggests ``circleci-client pipeline trigger <github-app-slug> [--param
    fail=true] --wait``; run in a shell with its exports, it exits 0, or 1 when it fails."""
    tries = [line.strip() for line in sandbox.printed if "pipeline trigger circleci/" in line]
    command = shlex.split(tries[suggested])
    assert command[3] == seed_world().facts.circleci_slug and "--wait" in command
    assert ("--param" in command) is (code == EXIT_FAILED)
    done = subprocess.run(
        [shutil.which("circleci-client") or "", *command[1:], "--poll-interval", "0.05"],
        env=sandbox.env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == code, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1] == f"outcome: {outcome} (exit {code})"
    assert "ci: running  [lint running, build blocked]" in done.stderr  # plain live lines


def test_must_show_watch_by_pipeline_number(fast: Standin) -> None:
    created = _trigger(fast, "--param", "parallel=true")
    number = str(created["number"])
    done = invoke(fast, "watch", _app_slug(fast), number, *FAST)
    assert done.exit_code == EXIT_SUCCESS, done.output
    assert f"#{number}: created, finished" in done.stdout
    assert "ci: success  [lint success, test success, build success]" in done.stdout


def test_must_show_approving_releases_a_held_workflow(fast: Standin) -> None:
    slug = _app_slug(fast)
    held = invoke(fast, "trigger", slug, "--param", "hold=true", "--wait", *FAST)
    assert held.exit_code == EXIT_ON_HOLD, held.output
    assert "deploy: on_hold  [hold on_hold, deploy blocked]" in held.stdout
    assert "approve with: circleci-client pipeline approve --id" in held.stderr
    number = held.stdout.split("#", 1)[1].split(":", 1)[0]
    approved = invoke(fast, "approve", slug, number, "--workflow", "deploy", "--job", "hold")
    assert approved.exit_code == 0, approved.output
    assert approved.stdout.strip() == "approved job hold of workflow deploy"
    done = invoke(fast, "watch", slug, number, *FAST)
    assert done.exit_code == EXIT_SUCCESS, done.output
    assert "deploy: success  [hold success, deploy success]" in done.stdout


# --- exit codes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "line"),
    [
        (["--param", "config_error=true"], EXIT_ERRORED, "error (config): Config does not"),
        (["--param", "dynamic=true"], EXIT_SUCCESS, "docs: success  [docs success]"),
        (["--param", "not_run=true"], EXIT_FAILED, "ci: not_run"),
        (
            ["--param", "hold=true", "--on-hold", "approve"],
            EXIT_SUCCESS,
            "approved: workflow deploy",
        ),
        (["--branch", "docs/skip-ci"], EXIT_NOT_CREATED, "no pipeline was created: "),
    ],
)
def test_trigger_wait_exit_codes(fast: Standin, args: list[str], code: int, line: str) -> None:
    done = invoke(fast, "trigger", _app_slug(fast), *args, "--wait", *FAST)
    assert done.exit_code == code, done.output
    assert line in done.stdout


def test_a_wait_that_times_out_exits_4(fast: Standin) -> None:
    args = ["--param", "hold=true", "--on-hold", "wait", "--wait", "--poll-interval", "0.02"]
    done = invoke(fast, "trigger", _app_slug(fast), *args, "--timeout", "0.3")
    assert done.exit_code == EXIT_TIMED_OUT, done.output
    assert done.stdout.splitlines()[-1] == "outcome: timed_out (exit 4)"


def test_json_result(fast: Standin) -> None:
    done = invoke(
        fast, "trigger", _app_slug(fast), "--param", "fail=true", "--wait", "--json", *FAST
    )
    assert done.exit_code == EXIT_FAILED
    data = json.loads(done.stdout)
    assert data["outcome"] == "failed" and data["exit_code"] == EXIT_FAILED
    [workflow] = data["pipeline"]["workflows"]
    assert [(j["name"], j["status"]) for j in workflow["jobs"]] == [
        ("lint", "success"),
        ("build", "failed"),
    ]


def test_trigger_without_wait_and_typed_parameters(fast: Standin) -> None:
    args = ["--param", "replicas=3", "--param", "deploy=true", "--param", "name=x=y"]
    created = _trigger(fast, *args, "--param-str", "version=3", "--branch", "main")
    pipeline = fast.world.pipelines[str(created["id"])]
    assert pipeline.trigger_parameters == {
        "replicas": 3,
        "deploy": True,
        "name": "x=y",
        "version": "3",
    }
    assert created["operation"] == "triggerPipelineRun" and created["state"] == "created"
    plain = invoke(fast, "trigger", "gh/acme/widgets")
    assert (
        plain.exit_code == 0
        and "created (id " in plain.stdout
        and "via triggerPipeline)" in plain.stdout
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["trigger", "gh/acme/widgets", "--param", "novalue"], "is not NAME=VALUE"),
        (["trigger", "gh/acme/widgets", "--on-hold", "later"], "give stop, wait or approve"),
        (["watch"], "give the pipeline as SLUG NUMBER"),
        (["watch", "gh/acme/widgets", "1", "--id", "x"], "not both"),
        (["watch", "--id", "42"], "is not a pipeline ID"),
        (["cancel", "gh/acme/widgets"], "give the pipeline as SLUG NUMBER"),
        (["approve", "--id", "42", "--workflow", "w", "--job", "j"], "is not a pipeline ID"),
    ],
)
def test_usage_errors_exit_2(fast: Standin, args: list[str], message: str) -> None:
    done = invoke(fast, *args)
    assert done.exit_code == EXIT_USAGE, done.output
    assert message in done.output
    assert fast.requests.api.filter("triggerPipeline") == []


def test_approve_errors_exit_2_and_name_the_problem(fast: Standin) -> None:
    created = _trigger(fast, "--param", "hold=true")
    base = ["approve", "--id", str(created["id"])]
    wrong = invoke(fast, *base, "--workflow", "deploy", "--job", "deploy")
    assert wrong.exit_code == EXIT_USAGE
    assert (
        "error: job 'deploy' of workflow 'deploy' is a build job, not an approval job"
        in wrong.stderr
    )
    missing = invoke(fast, *base, "--workflow", "release", "--job", "hold")
    assert missing.exit_code == EXIT_USAGE and "no workflow 'release'" in missing.stderr


def test_cancel_then_watch_exits_1(standin: Standin) -> None:
    """On the usual stand-in, whose clock stands still: the workflows are running when canceled."""
    created = _trigger(standin, "--param", "hold=true")
    done = invoke(standin, "cancel", "--id", str(created["id"]))
    assert done.exit_code == 0 and done.stdout.strip() == "canceled: ci, deploy"
    watched = invoke(standin, "watch", "--id", str(created["id"]), *FAST)
    assert watched.exit_code == EXIT_FAILED and "outcome: canceled (exit 1)" in watched.stdout
    again = invoke(standin, "cancel", "--id", str(created["id"]))
    assert again.stdout.strip() == "nothing to cancel: every workflow has finished"


def test_rerun_from_failed_and_wait(fast: Standin) -> None:
    failed = invoke(
        fast, "trigger", _app_slug(fast), "--param", "fail=true", "--wait", "--json", *FAST
    )
    assert failed.exit_code == EXIT_FAILED
    pipeline_id = json.loads(failed.stdout)["pipeline"]["id"]
    done = invoke(fast, "rerun", "--id", pipeline_id, "--wait", *FAST)
    assert done.exit_code == EXIT_SUCCESS, done.output
    assert "rerunning ci from failed" in done.stderr
    nothing = invoke(fast, "rerun", "--id", pipeline_id)
    assert nothing.exit_code == EXIT_USAGE and "nothing to rerun" in nothing.stderr


def test_cancel_redundant(fast: Standin) -> None:
    held = ["--branch", "feature/y", "--param", "hold=true"]  # deploy waits: never finishes
    numbers = [_trigger(fast, *held)["number"] for _ in range(3)]
    done = invoke(fast, "cancel-redundant", _app_slug(fast), "--branch", "feature/y", "--json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert data["kept"] == max(numbers)  # type: ignore[type-var]
    assert sorted({c["pipeline_number"] for c in data["canceled"]}) == sorted(numbers)[:2]  # type: ignore[type-var]
    none = invoke(fast, "cancel-redundant", _app_slug(fast), "--branch", "nowhere")
    assert none.stdout.strip() == "branch nowhere has no pipelines"


def test_ctrl_c_while_waiting_exits_130_with_a_hint(
    fast: Standin, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(runs, "watch_pipeline", interrupted)
    done = invoke(fast, "watch", "gh/acme/widgets", "3")
    assert done.exit_code == EXIT_INTERRUPTED
    hint = "watch it again with: circleci-client pipeline watch gh/acme/widgets 3"
    assert f"interrupted: the pipeline keeps running; {hint}" in done.stderr


# --- the live view ------------------------------------------------------------------------------


def _status(workflow_name: str) -> RunStatus:
    job = JobState(UUID(int=2), "lint", JobStatus.RUNNING, JobType.BUILD, 7, None)
    workflow = WorkflowState(
        UUID(int=1),
        workflow_name,
        WorkflowStatus.RUNNING,
        False,
        datetime(2026, 1, 1, tzinfo=UTC),
        (job,),
    )
    return RunStatus(
        UUID(int=3),
        5,
        "gh/acme/widgets",
        PipelineState.CREATED,
        (),
        (workflow,),
        Phase.RUNNING,
        None,
        (),
    )


def test_live_table_on_a_terminal_shows_server_text_literally() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with live_view(True, console) as show:
        assert show is not None and not isinstance(show, PlainLines)
        show(_status("evil\x1b]0;pwned\x07[red]x[/red]"))
    text = out.getvalue()
    assert "evil\\x1b]0;pwned\\x07[red]x[/red]" in text  # shown, not obeyed, no markup
    assert "\x1b]0;pwned" not in text
    assert "lint" in text and "running" in text


def test_plain_lines_without_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    console = Console(file=io.StringIO(), force_terminal=False)
    with live_view(True, console) as show:
        assert isinstance(show, PlainLines)
        show(_status("build\x1b[2J"))
        show(_status("build\x1b[2J"))  # nothing changed: nothing printed
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "pipeline gh/acme/widgets #5: created, running",
        "  build\\x1b[2J: running  [lint running]",
    ]
    with live_view(False, console) as show:
        assert show is None


def test_help_states_the_exit_codes() -> None:
    text = " ".join(runner.invoke(app, ["pipeline", "trigger", "--help"]).stdout.split())
    for code, meaning in [
        (EXIT_SUCCESS, "success"),
        (EXIT_FAILED, "a workflow failed, errored or was canceled"),
        (EXIT_USAGE, "usage or authentication error"),
        (EXIT_ON_HOLD, "stopped at an approval"),
        (EXIT_TIMED_OUT, "timed out"),
        (EXIT_ERRORED, "the pipeline errored"),
        (EXIT_NOT_CREATED, "no pipeline was created"),
        (EXIT_INTERRUPTED, "interrupted"),
    ]:
        assert f"{code} {meaning}" in text
