"""``circleci-client tests failed`` and ``tests flaky`` against the stand-in: the table, --json,
server text shown literally, and the exit codes."""

from __future__ import annotations

import json

from circleci_client.cli import app
from typer.testing import CliRunner

from tests.clients import cli_env
from tests.standin.result_seed import FLAKY_CASES, PAGED_FAILURES
from tests.standin.server import Standin
from tests.standin.world import Job
from tests.standin.world import TestResult as StoredResult

runner = CliRunner()
WIDGETS = "gh/acme/widgets"


def _paged_job(standin: Standin) -> Job:
    number = standin.world.facts.paged_failures_job_number
    job = standin.world.find_job(standin.world.projects[WIDGETS], number)
    assert job is not None
    return job


def _green_workflow_id(standin: Standin) -> str:
    pipeline = next(p for p in standin.world.projects[WIDGETS].pipelines if p.number == 94)
    return pipeline.workflows[0].id


def test_failed_prints_a_table_of_failures_from_later_pages_and_exits_1(
    standin: Standin,
) -> None:
    workflow = standin.world.facts.paged_failures_workflow_id
    result = runner.invoke(app, ["tests", "failed", "--workflow", workflow], env=cli_env(standin))
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["JOB", "RESULT", "TEST", "FILE", "MESSAGE"]
    number = standin.world.facts.paged_failures_job_number
    for i, line in zip(PAGED_FAILURES, lines[1:3], strict=True):
        assert line.startswith(f"{number} test  failure  tests.test_module_{i // 5}.test_case_{i}")
        assert line.endswith(f"AssertionError: widget {i} rendered twice")
    assert lines[-1] == "2 failed tests in 1 of 2 jobs read (45 results)"
    assert result.stderr == ""


def test_failed_json_has_every_failure_and_exits_1(standin: Standin) -> None:
    workflow = standin.world.facts.paged_failures_workflow_id
    result = runner.invoke(
        app, ["tests", "failed", "--workflow", workflow, "--json"], env=cli_env(standin)
    )
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["workflow_id"] == workflow and data["complete"] is True
    assert (data["jobs_read"], data["tests_read"]) == (2, 45)
    assert [f["name"] for f in data["failures"]] == [f"test_case_{i}" for i in PAGED_FAILURES]
    assert data["failures"][0]["job_number"] == standin.world.facts.paged_failures_job_number
    assert data["failures"][0]["result"] == "failure" and data["errors"] == []


def test_failed_exits_0_when_nothing_failed(standin: Standin) -> None:
    args = ["tests", "failed", "--workflow", _green_workflow_id(standin)]
    result = runner.invoke(app, args, env=cli_env(standin))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "no failed tests in 3 jobs read (45 results)"
    as_json = runner.invoke(app, [*args, "--json"], env=cli_env(standin))
    assert as_json.exit_code == 0 and json.loads(as_json.stdout)["failures"] == []


def test_failed_names_a_job_it_could_not_read_and_exits_1(standin: Standin) -> None:
    job = _paged_job(standin)
    lint = next(j for j in standin.world.workflows[job.workflow_id].jobs if j.name == "lint")
    with standin.world.lock:
        job.tests = [t for t in job.tests if t.result != "failure"]  # nothing failed any more
    standin.faults.add(
        "getTests", status=404, when="before", times=None, path=f"*/{lint.job_number}/tests"
    )
    args = ["tests", "failed", "--workflow", job.workflow_id]
    result = runner.invoke(app, args, env=cli_env(standin))
    assert result.exit_code == 1, result.output
    assert result.stdout.strip() == "no failed tests in 1 jobs read (43 results)"
    assert f"error: job {lint.job_number} (lint): results not read:" in result.stderr
    data = json.loads(runner.invoke(app, [*args, "--json"], env=cli_env(standin)).stdout)
    assert data["complete"] is False
    assert [(e["job_number"], e["job_name"]) for e in data["errors"]] == [(lint.job_number, "lint")]


def test_failed_usage_and_authentication_errors_exit_2(standin: Standin) -> None:
    bad = runner.invoke(app, ["tests", "failed", "--workflow", "nope"], env=cli_env(standin))
    assert bad.exit_code == 2 and "is not a workflow id" in bad.output
    missing = runner.invoke(app, ["tests", "failed"], env=cli_env(standin))
    assert missing.exit_code == 2 and "--workflow" in missing.output
    unknown = "00000000-0000-4000-8000-000000000007"
    gone = runner.invoke(app, ["tests", "failed", "--workflow", unknown], env=cli_env(standin))
    assert gone.exit_code == 2 and "404" in gone.stderr
    args = ["tests", "failed", "--workflow", _green_workflow_id(standin)]
    no_token = runner.invoke(app, args, env=cli_env(standin, CIRCLE_TOKEN=""))
    assert no_token.exit_code == 2
    wrong = runner.invoke(app, args, env=cli_env(standin, CIRCLE_TOKEN="wrong"))
    assert wrong.exit_code == 2 and "check CIRCLE_TOKEN" in wrong.stderr


def test_failed_shows_server_text_literally(standin: Standin) -> None:
    job = _paged_job(standin)
    hostile = StoredResult(
        message="boom \x1b[2J\x1b]0;owned\x07\nTraceback (most recent call last):",
        source="pytest",
        run_time=0.5,
        file="tests/\u202egnp.py",
        result="failure",
        name="test_\x1b[31mred",
        classname="tests.evil",
    )
    with standin.world.lock:
        job.tests.append(hostile)
    args = ["tests", "failed", "--workflow", job.workflow_id]
    result = runner.invoke(app, args, env=cli_env(standin))
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    line = next(line for line in result.stdout.splitlines() if "tests.evil" in line)
    assert "tests.evil.test_\\x1b[31mred" in line and "tests/\\u202egnp.py" in line
    assert line.endswith("boom \\x1b[2J\\x1b]0;owned\\x07…")  # first line only, marked cut
    data = json.loads(runner.invoke(app, [*args, "--json"], env=cli_env(standin)).stdout)
    assert data["failures"][-1]["message"] == hostile.message  # all of it, as sent


def test_flaky_prints_a_table_most_flaky_first(standin: Standin) -> None:
    result = runner.invoke(app, ["tests", "flaky", WIDGETS], env=cli_env(standin))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["FLAKED", "TEST"]
    for case, line in zip(FLAKY_CASES, lines[1:3], strict=True):
        assert line.split()[:2] == ["1", f"tests.test_module_0.test_case_{case:02d}"]
        assert "build-and-test / test" in line and "pipeline 93, job" in line
    assert lines[-1] == f"{len(FLAKY_CASES)} flaky tests"


def test_flaky_json_and_errors(standin: Standin) -> None:
    result = runner.invoke(app, ["tests", "flaky", WIDGETS, "--json"], env=cli_env(standin))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [t["test-name"] for t in data] == [f"test_case_{c:02d}" for c in FLAKY_CASES]
    assert all(t["times-flaked"] == 1 and t["pipeline-number"] == 93 for t in data)
    unknown = runner.invoke(app, ["tests", "flaky", "gh/acme/nope"], env=cli_env(standin))
    assert unknown.exit_code == 2 and "Project not found" in unknown.stderr
    legacy = runner.invoke(
        app, ["tests", "flaky", standin.world.facts.legacy_slug], env=cli_env(standin)
    )
    assert legacy.exit_code == 0 and legacy.stdout.strip() == "no flaky tests"
