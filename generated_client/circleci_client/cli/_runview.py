# Hand-written runtime module (not generated): edit it here.
"""How the ``pipeline`` commands show a run: a live table, plain lines, a summary, JSON."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator

import typer
from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

from .._display import visible
from ..runs import HeldJob, JobState, RunResult, RunStatus, UpdateCallback, WorkflowState

_STYLES = {
    "success": "green",
    "failed": "red",
    "failing": "red",
    "error": "red",
    "unauthorized": "red",
    "infrastructure_fail": "red",
    "timedout": "red",
    "terminated-unknown": "red",
    "on_hold": "yellow",
    "running": "cyan",
    "canceled": "magenta",
}


def _jobs_text(jobs: tuple[JobState, ...]) -> str:
    return ", ".join(f"{visible(job.name)} {visible(job.status)}" for job in jobs)


def _workflow_line(workflow: WorkflowState) -> str:
    setup = " (setup)" if workflow.setup else ""
    jobs = _jobs_text(workflow.jobs)
    return f"  {visible(workflow.name)}{setup}: {visible(workflow.status)}" + (
        f"  [{jobs}]" if jobs else ""
    )


def _headline(status: RunStatus) -> str:
    return (
        f"pipeline {visible(status.project_slug)} #{status.number}: {visible(status.state)}, "
        f"{status.phase}"
    )


def table(status: RunStatus) -> Table:
    """The live table: one row per workflow, its jobs beside it (server text kept literal)."""
    grid = Table(title=Text(_headline(status)), title_justify="left", expand=False)
    grid.add_column("workflow", no_wrap=True)
    grid.add_column("status", no_wrap=True)
    grid.add_column("jobs")
    for workflow in status.workflows:
        jobs = Text()
        for index, job in enumerate(workflow.jobs):
            if index:
                jobs.append(", ")
            jobs.append(visible(job.name) + " ")
            jobs.append(visible(job.status), style=_STYLES.get(str(job.status), ""))
        name = visible(workflow.name) + (" (setup)" if workflow.setup else "")
        style = _STYLES.get(str(workflow.status), "")
        grid.add_row(Text(name), Text(visible(workflow.status), style=style), jobs)
    if not status.workflows:
        grid.add_row(Text("(no workflows yet)"), Text(""), Text(""))
    return grid


class PlainLines:
    """Without a terminal: a line for the pipeline and each workflow whenever it changes."""

    def __init__(self) -> None:
        self._shown: dict[str, str] = {}

    def __call__(self, status: RunStatus) -> None:
        lines = {"": _headline(status)}
        lines.update({str(w.id): _workflow_line(w) for w in status.workflows})
        for key, line in lines.items():
            if self._shown.get(key) != line:
                self._shown[key] = line
                typer.echo(line, err=True)


@contextlib.contextmanager
def live_view(enabled: bool, console: Console | None = None) -> Iterator[UpdateCallback | None]:
    """The callback that shows each look at the run: a rich Live table on a terminal."""
    if not enabled:
        yield None
        return
    console = console or Console(stderr=True)
    if not console.is_terminal:
        yield PlainLines()
        return
    with Live(console=console, auto_refresh=False, transient=True) as live:

        def show(status: RunStatus) -> None:
            live.update(table(status), refresh=True)

        yield show


def summary(result: RunResult) -> list[str]:
    """The lines printed when a wait ends."""
    status = result.status
    if status is None:
        reason = visible(result.message) if result.message else "no reason given"
        return [f"no pipeline was created: {reason}", f"outcome: {result.outcome}"]
    lines = [_headline(status), *(_workflow_line(w) for w in status.workflows)]
    lines += [f"  error ({visible(e.type)}): {visible(e.message)}" for e in status.errors]
    lines += [f"approved: {_held(h)}" for h in result.approved]
    lines += [f"waiting for approval: {_held(h)}" for h in status.held]
    lines.append(f"outcome: {result.outcome} (exit {result.exit_code})")
    return lines


def _held(held: HeldJob) -> str:
    return f"workflow {visible(held.workflow_name)}, job {visible(held.job_name)}"


def held_dict(held: HeldJob) -> dict[str, str]:
    """An approval job as JSON."""
    return {
        "workflow_id": str(held.workflow_id),
        "workflow": held.workflow_name,
        "job": held.job_name,
        "approval_request_id": str(held.approval_request_id),
    }


def status_dict(status: RunStatus) -> dict[str, object]:
    """One look at a run as JSON."""
    return {
        "id": str(status.pipeline_id),
        "number": status.number,
        "project_slug": status.project_slug,
        "state": str(status.state),
        "phase": str(status.phase),
        "errors": [{"type": e.type, "message": e.message} for e in status.errors],
        "workflows": [
            {
                "id": str(w.id),
                "name": w.name,
                "status": str(w.status),
                "setup": w.setup,
                "jobs": [
                    {
                        "id": str(j.id),
                        "name": j.name,
                        "status": str(j.status),
                        "type": str(j.type),
                        "job_number": j.job_number,
                        "approval_request_id": (
                            None if j.approval_request_id is None else str(j.approval_request_id)
                        ),
                    }
                    for j in w.jobs
                ],
            }
            for w in status.workflows
        ],
        "held": [held_dict(h) for h in status.held],
    }


def result_json(result: RunResult) -> str:
    """A wait's result as JSON."""
    data = {
        "outcome": str(result.outcome),
        "exit_code": result.exit_code,
        "message": result.message,
        "elapsed": round(result.elapsed, 3),
        "polls": result.polls,
        "approved": [held_dict(h) for h in result.approved],
        "pipeline": None if result.status is None else status_dict(result.status),
    }
    return json.dumps(data, indent=2)
