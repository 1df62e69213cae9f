# Hand-written runtime module (not generated): edit it here.
"""``circleci-client usage export``: start a usage export, wait for it, download its files."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Annotated

import typer

from .. import usage
from .._display import visible
from ..artifacts import DownloadReport
from ..errors import UsageExportTimeoutError
from ..models.usage_export_job import UsageExportJob
from ._app import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    Command,
    Group,
    JsonOpt,
    api_errors,
    app,
    fail,
    make_client,
)
from ._artifacts import _check_dest
from ._progress import progress as _progress

usage_app = typer.Typer(
    cls=Group,
    help="Export an organization's usage as CSV files (CircleCI cloud only).",
    no_args_is_help=True,
)
app.add_typer(usage_app, name="usage")

_END_OF_DAY = time(23, 59, 59, tzinfo=UTC)
_START_OF_DAY = time(0, 0, 0, tzinfo=UTC)


def _moment(text: str, option: str, day_time: time) -> datetime:
    """A date (``2025-10-01``, at ``day_time`` UTC) or an RFC 3339 date-time with a zone."""
    value = text.strip()
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), day_time)
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date (2025-10-01) or a date-time (2025-10-01T08:00:00Z)",
            param_hint=option,
        ) from None
    if moment.tzinfo is None:
        raise typer.BadParameter(
            f"{value!r} has no time zone: add Z (UTC) or an offset such as +02:00, "
            "or give a date alone",
            param_hint=option,
        )
    return moment


def _window(
    start: str | None, end: str | None, job: str | None
) -> tuple[datetime | None, datetime | None]:
    if job is not None:
        if start is not None or end is not None:
            raise typer.BadParameter("give --start and --end, or --job, not both")
        return None, None
    if start is None or end is None:
        raise typer.BadParameter("give --start and --end (or --job ID to resume an export)")
    return _moment(start, "'--start'", _START_OF_DAY), _moment(end, "'--end'", _END_OF_DAY)


def _report_json(job: UsageExportJob, report: DownloadReport) -> str:
    files = [
        {
            "name": result.artifact.path,
            "status": result.status.value,
            "destination": None if result.destination is None else str(result.destination),
            "size": result.size,
            "error": result.error,
        }
        for result in report.files
    ]
    data = {
        "usage_export_job_id": str(job.usage_export_job_id),
        "state": job.state.value,
        "destination": str(report.destination),
        "downloaded": len(report.downloaded),
        "skipped": len(report.skipped),
        "failed": len(report.failed),
        "files": files,
    }
    return json.dumps(data, indent=2)


def _summary(report: DownloadReport) -> str:
    lines = [
        f"{len(report.downloaded)} downloaded, {len(report.skipped)} skipped, "
        f"{len(report.failed)} failed - {visible(report.source)}"
    ]
    for result in report.files:
        where = result.destination.name if result.destination else result.artifact.path
        lines.append(f"  {result.status.value}: {visible(where)}")
        if result.error:
            lines[-1] += f" ({visible(result.error)})"
    return "\n".join(lines)


@usage_app.command(
    "export",
    cls=Command,
    help="Export an organization's usage between --start and --end (both inclusive) into "
    "--dest: start the export, wait until CircleCI has produced it, then download its "
    "gzip-compressed CSV files.\n\n"
    "A date alone means 00:00:00 UTC for --start and 23:59:59 UTC for --end. The window "
    "starts at most one year ago and spans at most 31 days. The files come from pre-signed "
    "URLs, which get no token. Files already there are kept and interrupted ones resume; "
    "--job ID waits for (and downloads) an export started before, instead of starting "
    "another: CircleCI allows about ten exports an hour.\n\n"
    "Exit status: 0 every file downloaded or already there, 1 the export failed, timed out "
    "or a file failed, 2 usage or authentication error, 130 interrupted.",
)
def export_command(
    org_id: Annotated[
        str,
        typer.Argument(
            metavar="ORG_ID", help="The organization ID (Organization Settings > Overview)."
        ),
    ],
    start: Annotated[
        str | None,
        typer.Option("--start", metavar="DATE", help="First day (or moment) to export."),
    ] = None,
    end: Annotated[
        str | None, typer.Option("--end", metavar="DATE", help="Last day (or moment) to export.")
    ] = None,
    dest: Annotated[
        Path, typer.Option("--dest", metavar="DIR", help="Folder to download into.")
    ] = Path("."),
    job: Annotated[
        str | None,
        typer.Option("--job", metavar="ID", help="Resume the export with this ID."),
    ] = None,
    shared_org: Annotated[
        list[str] | None,
        typer.Option(
            "--shared-org", metavar="ID", help="Also include this organization. Repeatable."
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option("--timeout", metavar="SECONDS", min=1, help="How long to wait for it."),
    ] = usage.DEFAULT_TIMEOUT,
    poll_interval: Annotated[
        float,
        typer.Option(
            "--poll-interval", metavar="SECONDS", min=1, help="Seconds between two polls."
        ),
    ] = usage.DEFAULT_POLL_INTERVAL,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress.")] = False,
    json_output: JsonOpt = False,
) -> None:
    """Export an organization's usage into a folder."""
    first, last = _window(start, end, job)
    dest = _check_dest(dest)
    started: str | None = job
    seen: list[str] = []

    def show(polled: UsageExportJob) -> None:
        state = polled.state.value
        if not quiet and (not seen or seen[-1] != state):
            typer.echo(f"usage export {polled.usage_export_job_id}: {visible(state)}", err=True)
        seen.append(state)

    try:
        with api_errors(), make_client(None) as client:
            if started is None:
                assert first is not None and last is not None
                new = usage.start_usage_export(
                    client, org_id, first, last, shared_org_ids=shared_org or ()
                )
                started = str(new.usage_export_job_id)
                typer.echo(f"started usage export {started}", err=True)
            try:
                ready = usage.wait_for_usage_export(
                    client,
                    org_id,
                    started,
                    timeout=timeout,
                    poll_interval=poll_interval,
                    on_poll=show,
                )
            except UsageExportTimeoutError as exc:
                fail(str(exc), EXIT_FAILED, f"run again with --job {exc.job_id} to keep waiting")
            with _progress(not quiet, "downloading") as listener:
                report = usage.download_usage_export(client, ready, dest, progress=listener)
    except KeyboardInterrupt:
        hint = f"run again with --job {started} to resume" if started else None
        fail("interrupted", EXIT_INTERRUPTED, hint)
    typer.echo(_report_json(ready, report) if json_output else _summary(report))
    if not report.ok:
        raise typer.Exit(EXIT_FAILED)
