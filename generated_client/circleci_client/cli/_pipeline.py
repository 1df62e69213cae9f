# Hand-written runtime module (not generated): edit it here.
"""``circleci-client pipeline``: trigger, watch, approve, cancel and rerun pipelines.

Exit codes are those of :mod:`circleci_client.runs` (0 success, 1 failed, 2 usage or
authentication error, 3 on hold, 4 timed out, 5 errored, 6 no pipeline created, 130
interrupted).
"""

from __future__ import annotations

import contextlib
import json
import re
import shlex
from collections.abc import Iterator
from typing import Annotated, NoReturn
from uuid import UUID

import typer

from .. import runs
from .._display import visible
from ..client import AuthenticatedClient
from ..pipelines import ParameterValue, Triggered, trigger_pipeline
from ..runs import OnHold, PipelineNumber, PollBackoff, RunResult, WaitOptions
from ._app import (
    EXIT_INTERRUPTED,
    Command,
    Group,
    JsonOpt,
    SlugArg,
    api_errors,
    app,
    fail,
    make_client,
)
from ._runview import held_dict, live_view, result_json, summary

EXIT_CODES_HELP = (
    "Exit status: 0 success, 1 a workflow failed, errored or was canceled (or the API failed), "
    "2 usage or authentication error, 3 stopped at an approval (--on-hold stop), 4 timed out, "
    "5 the pipeline errored (e.g. a config error), 6 no pipeline was created (e.g. the commit "
    "skips CI), 130 interrupted."
)

pipeline_app = typer.Typer(
    cls=Group,
    help="Trigger pipelines and wait for them; watch, approve, cancel and rerun them.\n\n"
    + EXIT_CODES_HELP,
    no_args_is_help=True,
)
app.add_typer(pipeline_app, name="pipeline")

OptionalSlugArg = Annotated[
    str | None,
    typer.Argument(
        metavar="SLUG",
        help="Project slug, e.g. gh/acme/widgets (or give --id).",
        show_default=False,
    ),
]
NumberArg = Annotated[
    int | None,
    typer.Argument(metavar="NUMBER", help="Pipeline number.", min=1, show_default=False),
]
IdOpt = Annotated[
    str | None, typer.Option("--id", metavar="ID", help="Pipeline ID (instead of SLUG NUMBER).")
]
TimeoutOpt = Annotated[
    float,
    typer.Option(
        "--timeout", metavar="SECONDS", min=0, help="Stop waiting after this long (0: no limit)."
    ),
]
OnHoldOpt = Annotated[
    str,
    typer.Option(
        "--on-hold",
        metavar="stop|wait|approve",
        help="When only approvals hold the run: stop (exit 3), wait for someone to approve, "
        "or approve every held approval job.",
    ),
]
PollOpt = Annotated[
    float,
    typer.Option(
        "--poll-interval",
        metavar="SECONDS",
        min=0.001,
        help="First wait between looks; it grows 1.5 times while nothing changes, up to 15 s.",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No live status while waiting.")]

DEFAULT_POLL_INTERVAL = PollBackoff().first
_INT = re.compile(r"-?(0|[1-9][0-9]*)")


def _parameter(text: str, typed: bool) -> tuple[str, ParameterValue]:
    name, sep, raw = text.partition("=")
    if not sep or not name.strip():
        option = "--param" if typed else "--param-str"
        raise typer.BadParameter(f"{text!r} is not NAME=VALUE", param_hint=option)
    value: ParameterValue = raw
    if typed:
        if raw in ("true", "false"):
            value = raw == "true"
        elif _INT.fullmatch(raw):
            value = int(raw)
    return name.strip(), value


def parameters_of(typed: list[str] | None, text: list[str] | None) -> dict[str, ParameterValue]:
    """``--param`` (ints and true/false typed) and ``--param-str`` (kept as text) as a mapping."""
    found = [_parameter(t, True) for t in typed or ()] + [_parameter(t, False) for t in text or ()]
    return dict(found)


def wait_options(timeout: float, on_hold: str, poll_interval: float) -> WaitOptions:
    """The library's wait options from the command-line options."""
    try:
        policy = OnHold(on_hold)
    except ValueError:
        raise typer.BadParameter("give stop, wait or approve", param_hint="--on-hold") from None
    backoff = PollBackoff(first=poll_interval, maximum=max(poll_interval, 15.0))
    return WaitOptions(timeout=timeout or None, on_hold=policy, backoff=backoff)


def pipeline_of(
    slug: str | None, number: int | None, pipeline_id: str | None
) -> UUID | PipelineNumber:
    """SLUG NUMBER or --id ID, checked."""
    if pipeline_id is not None:
        if slug is not None or number is not None:
            raise typer.BadParameter("give SLUG NUMBER or --id ID, not both")
        try:
            return UUID(pipeline_id.strip())
        except ValueError:
            raise typer.BadParameter(
                f"{pipeline_id!r} is not a pipeline ID (a UUID)", param_hint="--id"
            ) from None
    if slug is None or number is None:
        raise typer.BadParameter(
            "give the pipeline as SLUG NUMBER (e.g. gh/acme/widgets 42) or --id ID"
        )
    return PipelineNumber(slug, number)


@contextlib.contextmanager
def _interrupts(hint: str) -> Iterator[None]:
    try:
        yield
    except KeyboardInterrupt:
        fail(f"interrupted: the pipeline keeps running; {hint}", EXIT_INTERRUPTED)


def _finish(result: RunResult, json_output: bool) -> NoReturn:
    typer.echo(result_json(result) if json_output else "\n".join(summary(result)))
    status = result.status
    if status is not None and status.held and result.outcome is runs.Outcome.ON_HOLD:
        for held in status.held:
            typer.echo(
                f"approve with: circleci-client pipeline approve --id {status.pipeline_id} "
                f"--workflow {shlex.quote(visible(held.workflow_name))} "
                f"--job {shlex.quote(visible(held.job_name))}",
                err=True,
            )
    raise typer.Exit(result.exit_code)


def _watch(
    client: AuthenticatedClient,
    pipeline: UUID | PipelineNumber,
    options: WaitOptions,
    quiet: bool,
) -> RunResult:
    again = (
        f"--id {pipeline}"
        if isinstance(pipeline, UUID)
        else f"{visible(pipeline.project_slug)} {pipeline.number}"
    )
    hint = f"watch it again with: circleci-client pipeline watch {again}"
    with _interrupts(hint), live_view(not quiet) as show:
        return runs.watch_pipeline(client, pipeline, options=options, on_update=show)


@pipeline_app.command(
    "trigger",
    cls=Command,
    help="Trigger a pipeline, and with --wait wait for it.\n\n" + EXIT_CODES_HELP,
)
def trigger_command(
    slug: SlugArg,
    branch: Annotated[
        str | None, typer.Option("--branch", metavar="NAME", help="Branch to run.")
    ] = None,
    tag: Annotated[str | None, typer.Option("--tag", metavar="NAME", help="Tag to run.")] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            metavar="NAME=VALUE",
            help="Pipeline parameter; whole numbers become ints, true/false booleans. Repeatable.",
        ),
    ] = None,
    param_str: Annotated[
        list[str] | None,
        typer.Option(
            "--param-str", metavar="NAME=VALUE", help="Pipeline parameter kept as text. Repeatable."
        ),
    ] = None,
    definition: Annotated[
        str | None,
        typer.Option(
            "--definition", metavar="ID", help="Pipeline definition ID (triggerPipelineRun)."
        ),
    ] = None,
    wait: Annotated[bool, typer.Option("--wait", help="Wait until the pipeline finishes.")] = False,
    timeout: TimeoutOpt = runs.DEFAULT_TIMEOUT,
    on_hold: OnHoldOpt = "stop",
    poll_interval: PollOpt = DEFAULT_POLL_INTERVAL,
    quiet: QuietOpt = False,
    json_output: JsonOpt = False,
) -> None:
    """Trigger a pipeline, and with --wait wait for it."""
    parameters = parameters_of(param, param_str)
    options = wait_options(timeout, on_hold, poll_interval)
    with api_errors(), make_client(None) as client:
        triggered = trigger_pipeline(
            client,
            slug,
            branch=branch,
            tag=tag,
            parameters=parameters or None,
            definition_id=definition,
        )
        if not isinstance(triggered, Triggered):
            _finish(
                runs.RunResult(runs.Outcome.NOT_CREATED, None, 0.0, 0, (), triggered.message),
                json_output,
            )
        if not wait:
            if json_output:
                data = {
                    "id": str(triggered.id),
                    "number": triggered.number,
                    "state": str(triggered.state),
                    "project_slug": triggered.project_slug,
                    "operation": triggered.operation,
                }
                typer.echo(json.dumps(data, indent=2))
            else:
                typer.echo(
                    f"pipeline {visible(triggered.project_slug)} #{triggered.number} created "
                    f"(id {triggered.id}, {visible(triggered.state)}, via {triggered.operation})"
                )
            return
        typer.echo(f"pipeline #{triggered.number} created (id {triggered.id}); waiting", err=True)
        result = _watch(client, triggered.id, options, quiet)
    _finish(result, json_output)


@pipeline_app.command(
    "watch",
    cls=Command,
    help="Wait for a pipeline (SLUG NUMBER or --id ID) to finish.\n\n" + EXIT_CODES_HELP,
)
def watch_command(
    slug: OptionalSlugArg = None,
    number: NumberArg = None,
    pipeline_id: IdOpt = None,
    timeout: TimeoutOpt = runs.DEFAULT_TIMEOUT,
    on_hold: OnHoldOpt = "stop",
    poll_interval: PollOpt = DEFAULT_POLL_INTERVAL,
    quiet: QuietOpt = False,
    json_output: JsonOpt = False,
) -> None:
    """Wait for a pipeline to finish."""
    pipeline = pipeline_of(slug, number, pipeline_id)
    options = wait_options(timeout, on_hold, poll_interval)
    with api_errors(), make_client(None) as client:
        result = _watch(client, pipeline, options, quiet)
    _finish(result, json_output)


@pipeline_app.command("approve", cls=Command)
def approve_command(
    workflow: Annotated[
        str, typer.Option("--workflow", metavar="NAME", help="The workflow's name.")
    ],
    job: Annotated[str, typer.Option("--job", metavar="NAME", help="The approval job's name.")],
    slug: OptionalSlugArg = None,
    number: NumberArg = None,
    pipeline_id: IdOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Approve a held approval job by workflow and job name (exit 2 if it is not on hold)."""
    pipeline = pipeline_of(slug, number, pipeline_id)
    with api_errors(), make_client(None) as client:
        held = runs.approve_job(client, pipeline, workflow=workflow, job=job)
    if json_output:
        typer.echo(json.dumps(held_dict(held), indent=2))
    else:
        typer.echo(
            f"approved job {visible(held.job_name)} of workflow {visible(held.workflow_name)}"
        )


@pipeline_app.command("cancel", cls=Command)
def cancel_command(
    slug: OptionalSlugArg = None,
    number: NumberArg = None,
    pipeline_id: IdOpt = None,
    json_output: JsonOpt = False,
) -> None:
    """Cancel every unfinished workflow of a pipeline."""
    pipeline = pipeline_of(slug, number, pipeline_id)
    with api_errors(), make_client(None) as client:
        canceled = runs.cancel_pipeline(client, pipeline)
    names = [c.workflow_name for c in canceled]
    if json_output:
        typer.echo(
            json.dumps(
                [
                    {"workflow_id": str(c.workflow_id), "workflow": c.workflow_name}
                    for c in canceled
                ],
                indent=2,
            )
        )
    elif names:
        typer.echo("canceled: " + ", ".join(visible(n) for n in names))
    else:
        typer.echo("nothing to cancel: every workflow has finished")


@pipeline_app.command(
    "rerun",
    cls=Command,
    help="Rerun failed workflows from failed, and with --wait wait for the pipeline.\n\n"
    + EXIT_CODES_HELP,
)
def rerun_command(
    slug: OptionalSlugArg = None,
    number: NumberArg = None,
    pipeline_id: IdOpt = None,
    workflow: Annotated[
        str | None, typer.Option("--workflow", metavar="NAME", help="Only this workflow.")
    ] = None,
    wait: Annotated[
        bool, typer.Option("--wait", help="Then wait until the pipeline finishes.")
    ] = False,
    timeout: TimeoutOpt = runs.DEFAULT_TIMEOUT,
    on_hold: OnHoldOpt = "stop",
    poll_interval: PollOpt = DEFAULT_POLL_INTERVAL,
    quiet: QuietOpt = False,
    json_output: JsonOpt = False,
) -> None:
    """Rerun failed workflows from failed."""
    pipeline = pipeline_of(slug, number, pipeline_id)
    options = wait_options(timeout, on_hold, poll_interval)
    with api_errors(), make_client(None) as client:
        reruns = runs.rerun_failed(client, pipeline, workflow=workflow)
        for rerun in reruns:
            typer.echo(
                f"rerunning {visible(rerun.workflow_name)} from failed: {rerun.workflow_id}",
                err=True,
            )
        if wait:
            result = _watch(client, pipeline, options, quiet)
            _finish(result, json_output)
    if json_output:
        items = [
            {
                "workflow": r.workflow_name,
                "failed_workflow_id": str(r.failed_workflow_id),
                "workflow_id": str(r.workflow_id),
            }
            for r in reruns
        ]
        typer.echo(json.dumps(items, indent=2))
    else:
        for rerun in reruns:
            typer.echo(f"{visible(rerun.workflow_name)}: {rerun.workflow_id}")


@pipeline_app.command("cancel-redundant", cls=Command)
def cancel_redundant_command(
    slug: SlugArg,
    branch: Annotated[str, typer.Option("--branch", metavar="NAME", help="The branch.")],
    limit: Annotated[
        int, typer.Option("--limit", min=1, help="How many recent pipelines to look at.")
    ] = 20,
    json_output: JsonOpt = False,
) -> None:
    """Cancel the running workflows of a branch's pipelines, all but the newest pipeline."""
    with api_errors(), make_client(None) as client:
        done = runs.cancel_redundant(client, slug, branch=branch, limit=limit)
    if json_output:
        items = [
            {
                "pipeline_number": c.pipeline_number,
                "workflow_id": str(c.workflow_id),
                "workflow": c.workflow_name,
            }
            for c in done.canceled
        ]
        typer.echo(
            json.dumps({"branch": done.branch, "kept": done.kept, "canceled": items}, indent=2)
        )
        return
    if done.kept is None:
        typer.echo(f"branch {visible(branch)} has no pipelines")
        return
    typer.echo(f"kept pipeline #{done.kept}")
    for c in done.canceled:
        typer.echo(f"canceled pipeline #{c.pipeline_number} workflow {visible(c.workflow_name)}")
    if not done.canceled:
        typer.echo("nothing else was running")
