# Hand-written runtime module (not generated): edit it here.
"""``circleci-client tests``: a workflow's failed tests, a project's flaky tests."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Annotated

import typer

from .. import failures
from .._display import visible
from ..models.flaky_test import FlakyTest
from ._app import (
    EXIT_FAILED,
    Command,
    Group,
    JsonOpt,
    SlugArg,
    TokenHostsOpt,
    api_errors,
    app,
    interrupt_exits,
    make_client,
)

tests_app = typer.Typer(
    cls=Group, help="Failed and flaky tests from the stored test results.", no_args_is_help=True
)
app.add_typer(tests_app, name="tests")

MESSAGE_WIDTH = 80
"""Characters of a failure message shown in the table (--json has all of it)."""


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns two spaces apart; the last column is not padded."""
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers) - 1)]
    lines = []
    for row in [headers, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)


def _first_line(message: str | None) -> str:
    if not message:
        return ""
    lines = message.strip().splitlines()
    shown = visible(lines[0]) if lines else ""
    if len(shown) > MESSAGE_WIDTH or len(lines) > 1:
        shown = shown[: MESSAGE_WIDTH - 1].rstrip() + "…"
    return shown


def _check_workflow_id(value: str) -> str:
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        raise typer.BadParameter(
            f"{visible(value)!r} is not a workflow id: give the UUID from the workflow's URL, "
            "e.g. 5034460f-c7c4-4c43-9457-de07e2029e7b",
            param_hint="'--workflow'",
        ) from None


def _failed_json(report: failures.FailedTests) -> str:
    data = {
        "workflow_id": str(report.workflow_id),
        "complete": report.complete,
        "jobs_read": report.jobs_read,
        "tests_read": report.tests_read,
        "failures": [
            {
                "job_number": f.job_number,
                "job_name": f.job_name,
                "classname": f.classname,
                "name": f.name,
                "file": f.file,
                "result": f.result,
                "message": f.message,
                "run_time": f.run_time,
            }
            for f in report.failures
        ],
        "errors": [
            {"job_number": e.job_number, "job_name": e.job_name, "error": str(e.error)}
            for e in report.errors
        ],
    }
    return json.dumps(data, indent=2)


def _failed_table(report: failures.FailedTests) -> str:
    rows = [
        (
            f"{f.job_number} {visible(f.job_name)}",
            visible(f.result),
            visible(f"{f.classname}.{f.name}" if f.classname else f.name),
            visible(f.file),
            _first_line(f.message),
        )
        for f in report.failures
    ]
    failed_jobs = len({f.job_number for f in report.failures})
    summary = (
        f"{len(report.failures)} failed tests in {failed_jobs} of {report.jobs_read} jobs read "
        f"({report.tests_read} results)"
        if report.failures
        else f"no failed tests in {report.jobs_read} jobs read ({report.tests_read} results)"
    )
    if not rows:
        return summary
    return _table(("JOB", "RESULT", "TEST", "FILE", "MESSAGE"), rows) + "\n\n" + summary


@tests_app.command(
    "failed",
    cls=Command,
    short_help="List the failed tests of a workflow, reading every page of every job.",
    help="List the failed tests of a workflow: every page of the test results of every job "
    "(jobs without a number, such as approvals, have none). Failed means a result of "
    "failure, failed or error. The table shows the first line of each message; --json "
    "prints all of it, with the jobs whose results could not be read.\n\n"
    "Exit status: 0 no test failed and every job was read, 1 some test failed or some "
    "job's results could not be read (each such job is named on stderr), 2 usage or "
    "authentication error (or no such workflow), 130 interrupted.",
)
def failed_command(
    workflow: Annotated[
        str,
        typer.Option(
            "--workflow",
            metavar="ID",
            help="The workflow's id (the UUID in its URL).",
            show_default=False,
        ),
    ],
    concurrency: Annotated[
        int, typer.Option("--concurrency", min=1, help="Jobs read at once.")
    ] = failures.DEFAULT_CONCURRENCY,
    json_output: JsonOpt = False,
    token_hosts: TokenHostsOpt = None,
) -> None:
    """List the failed tests of every job of a workflow."""
    workflow = _check_workflow_id(workflow)
    with interrupt_exits(), api_errors(), make_client(token_hosts) as client:
        report = failures.failed_tests(client, workflow, concurrency=concurrency)
    typer.echo(_failed_json(report) if json_output else _failed_table(report))
    for problem in report.errors:
        typer.echo(
            f"error: job {problem.job_number} ({visible(problem.job_name)}): results not read: "
            f"{visible(problem.error)}",
            err=True,
        )
    if report.failures or report.errors:
        raise typer.Exit(EXIT_FAILED)


def _flaky_table(tests: Sequence[FlakyTest]) -> str:
    rows = [
        (
            str(t.times_flaked),
            visible(f"{t.classname}.{t.test_name}" if t.classname else t.test_name),
            visible(f"{t.workflow_name} / {t.job_name}"),
            f"pipeline {t.pipeline_number}, job {t.job_number}",
            visible(t.file),
        )
        for t in tests
    ]
    summary = f"{len(tests)} flaky tests" if tests else "no flaky tests"
    if not rows:
        return summary
    return _table(("FLAKED", "TEST", "WORKFLOW / JOB", "LATEST", "FILE"), rows) + "\n\n" + summary


@tests_app.command(
    "flaky",
    cls=Command,
    short_help="List a project's flaky tests, most flaky first.",
    help="List a project's flaky tests (tests that passed and failed on the same commit, on "
    "any branch), most flaky first: how often each flaked and where it last did.\n\n"
    "Exit status: 0 listed (flaky tests or none), 1 the API failed, 2 usage or "
    "authentication error (or no such project), 130 interrupted.",
)
def flaky_command(
    slug: SlugArg,
    json_output: JsonOpt = False,
    token_hosts: TokenHostsOpt = None,
) -> None:
    """List a project's flaky tests."""
    with interrupt_exits(), api_errors(), make_client(token_hosts) as client:
        tests = failures.flaky_tests(client, slug)
    if json_output:
        typer.echo(json.dumps([t.to_dict() for t in tests], indent=2))
        return
    typer.echo(_flaky_table(tests))
