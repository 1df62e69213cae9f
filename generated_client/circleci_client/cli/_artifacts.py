# Hand-written runtime module (not generated): edit it here.
"""``circleci-client artifacts``: list and download job artifacts."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from typing import Annotated

import typer

from .. import artifacts
from .._display import visible
from ._app import (
    EXIT_FAILED,
    EXIT_USAGE,
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
from ._progress import progress as _progress

artifacts_app = typer.Typer(
    cls=Group, help="List and download job artifacts.", no_args_is_help=True
)
app.add_typer(artifacts_app, name="artifacts")


@artifacts_app.command("list", cls=Command)
def list_command(
    slug: SlugArg,
    job: Annotated[int, typer.Argument(metavar="JOB", help="Job number.")],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print a JSON array of {path, node_index, url}.")
    ] = False,
    token_hosts: TokenHostsOpt = None,
) -> None:
    """List a job's artifacts: node index, path and URL, tab-separated, one per line."""
    with api_errors(), make_client(token_hosts) as client:
        items = artifacts.list_artifacts(client, slug, job)
    if json_output:
        typer.echo(json.dumps([item.to_dict() for item in items], indent=2))
        return
    for item in items:
        typer.echo("\t".join(visible(field) for field in (item.node_index, item.path, item.url)))


def _check_dest(dest: Path) -> Path:
    """Create the download folder, or say in one line why it cannot be used."""
    if dest.exists() and not dest.is_dir():
        raise typer.BadParameter(f"{str(dest)!r} is a file, not a folder", param_hint="'--dest'")
    try:
        dest.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise typer.BadParameter(
            f"cannot create the folder {str(dest)!r}: {reason}", param_hint="'--dest'"
        ) from None
    if not os.access(dest, os.W_OK | os.X_OK):
        raise typer.BadParameter(f"the folder {str(dest)!r} is not writable", param_hint="'--dest'")
    return dest


def _check_workflow_id(value: str) -> str:
    try:
        uuid.UUID(value.strip())
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a workflow id: give the UUID from the workflow's URL, e.g. "
            "5034460f-c7c4-4c43-9457-de07e2029e7b",
            param_hint="'--workflow'",
        ) from None
    return value.strip()


def _report_json(report: artifacts.DownloadReport) -> str:
    files = [
        {
            "job_number": result.artifact.job_number,
            "node_index": result.artifact.node_index,
            "path": result.artifact.path,
            "status": result.status.value,
            "destination": None if result.destination is None else str(result.destination),
            "size": result.size,
            "bytes_received": result.bytes_received,
            "error": result.error,
            "http_status": result.http_status,
        }
        for result in report.files
    ]
    data = {
        "source": report.source,
        "destination": str(report.destination),
        "downloaded": len(report.downloaded),
        "skipped": len(report.skipped),
        "failed": len(report.failed),
        "bytes_received": report.bytes_received,
        "unmatched_globs": report.unmatched_globs,
        "files": files,
    }
    return json.dumps(data, indent=2)


def _warn_unmatched(report: artifacts.DownloadReport) -> None:
    for pattern in report.unmatched_globs:
        typer.echo(
            f"warning: --glob {visible(pattern)!r} matched none of the {report.listed} "
            "artifacts listed",
            err=True,
        )


def _refused_by_host(report: artifacts.DownloadReport) -> bool:
    return any(result.http_status in (401, 403) for result in report.failed)


@artifacts_app.command(
    "download",
    cls=Command,
    help="Download artifacts of a job, of every job of a workflow (--workflow), or of every job "
    "of a branch's newest pipeline whose workflows all succeeded (--branch).\n\n"
    "Files already complete are skipped and interrupted ones resume, so re-running is cheap. "
    "In workflow and branch mode each job gets a folder <number>-<name>; a job that ran on "
    "several nodes puts each node's files under node-<index>.\n\n"
    "A file already there is kept when its size is the server's (its content is not compared; "
    "--skip-existing never downloads everything again). A download that receives nothing for "
    "--stall-timeout seconds is interrupted and resumed later.\n\n"
    "--workflow needs no SLUG. --json prints the report as JSON.\n\n"
    "Exit status: 0 all files downloaded or already there, 1 some file failed, "
    "2 usage or authentication error (an artifact host refused the token, too), "
    "130 interrupted (Ctrl-C; run it again to resume).",
)
def download_command(
    slug: Annotated[
        str | None,
        typer.Argument(
            metavar="SLUG",
            help="Project slug, e.g. gh/acme/widgets (not needed with --workflow).",
            show_default=False,
        ),
    ] = None,
    job: Annotated[
        int | None,
        typer.Argument(
            metavar="JOB", help="Job number (or give --workflow or --branch).", show_default=False
        ),
    ] = None,
    workflow: Annotated[
        str | None,
        typer.Option("--workflow", metavar="ID", help="Every job of this workflow (its id)."),
    ] = None,
    branch: Annotated[
        str | None,
        typer.Option(
            "--branch",
            metavar="NAME",
            help="Every job of the newest pipeline on NAME whose workflows all succeeded.",
        ),
    ] = None,
    dest: Annotated[
        Path, typer.Option("--dest", metavar="DIR", help="Folder to download into.")
    ] = Path("."),
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            metavar="PATTERN",
            help="Only artifacts whose path matches (fnmatch; * also matches /). Repeatable.",
        ),
    ] = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", min=1, help="Files downloaded at once.")
    ] = artifacts.DEFAULT_CONCURRENCY,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    token_hosts: TokenHostsOpt = None,
    allow_link_local: Annotated[
        bool,
        typer.Option(
            "--allow-link-local",
            help="Also fetch artifact URLs and redirects that point at link-local or cloud "
            "metadata addresses (169.254.0.0/16, fe80::/10, fd00:ec2::254); refused by default.",
        ),
    ] = False,
    stall_timeout: Annotated[
        float,
        typer.Option(
            "--stall-timeout",
            metavar="SECONDS",
            min=0.001,
            help="Give up on a download that receives nothing for this long (it resumes later).",
        ),
    ] = artifacts.DEFAULT_STALL_TIMEOUT,
    skip_existing: Annotated[
        str,
        typer.Option(
            "--skip-existing",
            metavar="size|never",
            help="size: keep a file already there when its size is the server's (content not "
            "compared); never: download every file again.",
        ),
    ] = artifacts.DEFAULT_SKIP_EXISTING,
    json_output: JsonOpt = False,
) -> None:
    """Download artifacts of a job, of a workflow's jobs, or of a branch's latest success."""
    chosen = [job is not None, workflow is not None, branch is not None]
    if sum(chosen) != 1:
        raise typer.BadParameter("give exactly one of JOB, --workflow ID or --branch NAME")
    if slug is None and workflow is None:
        raise typer.BadParameter(
            "give the project SLUG (e.g. gh/acme/widgets) with JOB or --branch",
            param_hint="'SLUG'",
        )
    if skip_existing not in ("size", "never"):
        raise typer.BadParameter("give size or never", param_hint="--skip-existing")
    if workflow is not None:
        workflow = _check_workflow_id(workflow)
    dest = _check_dest(dest)
    searching = f"finding the newest green pipeline on {branch}" if branch else "listing"
    with (
        interrupt_exits(),
        api_errors(),
        make_client(token_hosts) as client,
        _progress(not quiet, visible(searching)) as listener,
    ):
        options: artifacts.DownloadOptions = {
            "glob": glob,
            "concurrency": concurrency,
            "progress": listener,
            "stall_timeout": stall_timeout,
            "skip_existing": "never" if skip_existing == "never" else "size",
            "allow_link_local": allow_link_local,
        }
        if workflow is not None:
            report = artifacts.download_workflow_artifacts(client, workflow, dest, **options)
        elif job is not None:
            assert slug is not None
            report = artifacts.download_job_artifacts(client, slug, job, dest, **options)
        else:
            assert slug is not None and branch is not None
            report = artifacts.download_branch_artifacts(client, slug, branch, dest, **options)
    _warn_unmatched(report)
    typer.echo(_report_json(report) if json_output else report.summary())
    if _refused_by_host(report):
        typer.echo(
            "error: an artifact host refused the token (HTTP 401/403): see the reasons above",
            err=True,
        )
        raise typer.Exit(EXIT_USAGE)
    if not report.ok:
        raise typer.Exit(EXIT_FAILED)
