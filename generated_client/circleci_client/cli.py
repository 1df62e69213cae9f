# Hand-written runtime module (not generated): edit it here.
"""The ``circleci-client`` command: list and download job artifacts.

Reads the token from ``CIRCLE_TOKEN`` (or ``CIRCLECI_TOKEN``) and the API root from
``CIRCLECI_BASE_URL``. Exit codes: 0 everything worked, 1 some file (or the API) failed,
2 usage or authentication error, 130 interrupted (Ctrl-C). Nothing in the package imports this
module, so ``import circleci_client`` never loads typer or rich.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.text import Text
from typer.core import TyperCommand, TyperGroup

try:  # typer 0.24 and later carry their own copy of click
    from typer._click.core import Context
except ImportError:  # pragma: no cover
    from click import Context  # type: ignore[assignment,no-redef,unused-ignore]

from . import artifacts
from ._client import BASE_URL_ENV_VAR, TOKEN_HOSTS_ENV_VAR, AuthenticatedClient
from ._constants import DEFAULT_BASE_URL
from ._display import visible
from ._version import __version__
from .errors import (
    APIConnectionError,
    AuthenticationError,
    BadRequestError,
    CircleCIError,
    MissingTokenError,
    NotFoundError,
    PermissionDeniedError,
)

__all__ = ["TOKEN_HOSTS_ENV_VAR", "app", "main"]

EXIT_OK = 0
EXIT_FAILED = 1
"""Some file failed, or the API did."""
EXIT_USAGE = 2
"""A usage or authentication error."""
EXIT_INTERRUPTED = 130


def _plain_usage(pieces: list[str]) -> list[str]:
    """``SLUG`` rather than click's ``{SLUG}`` for a required argument."""
    return [
        piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece for piece in pieces
    ]


class _Command(TyperCommand):
    """A command whose usage line names arguments plainly."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return _plain_usage(super().collect_usage_pieces(ctx))


class _Group(TyperGroup):
    """A group whose usage line names arguments plainly."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return _plain_usage(super().collect_usage_pieces(ctx))


app = typer.Typer(
    name="circleci-client",
    cls=_Group,
    help="Work with the CircleCI API v2 from the command line.\n\n"
    "Set CIRCLE_TOKEN to a personal API token (and CIRCLECI_BASE_URL for CircleCI server).\n\n"
    "Exit status: 0 success, 1 some file (or the API) failed, 2 usage or authentication "
    "error, 130 interrupted.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
artifacts_app = typer.Typer(
    cls=_Group, help="List and download job artifacts.", no_args_is_help=True
)
app.add_typer(artifacts_app, name="artifacts")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"circleci-client {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Work with the CircleCI API v2 from the command line."""


SlugArg = Annotated[str, typer.Argument(metavar="SLUG", help="Project slug, e.g. gh/acme/widgets.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
TokenHostsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--token-host",
        metavar="URL",
        envvar=TOKEN_HOSTS_ENV_VAR,
        help="Another origin that may receive the token, such as a CircleCI server "
        "installation's artifact host (https://*.example.com allows subdomains). Repeatable; "
        f"also {TOKEN_HOSTS_ENV_VAR} (space-separated).",
    ),
]


def _fail(message: str, code: int, hint: str | None = None) -> NoReturn:
    typer.echo(f"error: {visible(message)}", err=True)
    if hint is not None:
        typer.echo(f"hint: {visible(hint)}", err=True)
    raise typer.Exit(code)


def _connection_hint() -> str:
    configured = os.environ.get(BASE_URL_ENV_VAR, "").strip()
    if configured:
        return (
            f"nothing answered at {configured}, the API root {BASE_URL_ENV_VAR} names: "
            f"check {BASE_URL_ENV_VAR} (it ends in /api/v2) and that the server runs"
        )
    return (
        f"nothing answered at {DEFAULT_BASE_URL}, the default API root: check the network, "
        f"or set {BASE_URL_ENV_VAR} to your CircleCI server's API root (it ends in /api/v2)"
    )


@contextlib.contextmanager
def _api_errors() -> Iterator[None]:
    """Turn the client's exceptions into a message and an exit code."""
    try:
        yield
    except MissingTokenError as exc:
        _fail(str(exc), EXIT_USAGE)
    except (AuthenticationError, PermissionDeniedError) as exc:
        _fail(f"{exc} (check CIRCLE_TOKEN)", EXIT_USAGE)
    except (NotFoundError, BadRequestError, ValueError) as exc:
        _fail(str(exc), EXIT_USAGE)
    except APIConnectionError as exc:
        _fail(str(exc), EXIT_FAILED, _connection_hint())
    except CircleCIError as exc:
        _fail(str(exc), EXIT_FAILED)


INTERRUPTED_MESSAGE = "interrupted: run the same command again to resume"


@contextlib.contextmanager
def _interrupt_exits() -> Iterator[None]:
    """Turn Ctrl-C into a one-line hint and exit status 130 (128 + SIGINT)."""
    try:
        yield
    except KeyboardInterrupt:
        _fail(INTERRUPTED_MESSAGE, EXIT_INTERRUPTED)


def _client(token_hosts: list[str] | None) -> AuthenticatedClient:
    client = AuthenticatedClient.from_env()
    extra = [host.strip() for host in token_hosts or () if host.strip()]
    for host in extra:
        if not host.startswith(("http://", "https://")):
            raise typer.BadParameter(f"{host!r} is not an http(s) URL", param_hint="--token-host")
    if extra:
        hosts = dict.fromkeys((*client.token_urls[1:], *extra))
        client = client.with_options(token_hosts=tuple(hosts))
    return client


@artifacts_app.command("list", cls=_Command)
def list_command(
    slug: SlugArg,
    job: Annotated[int, typer.Argument(metavar="JOB", help="Job number.")],
    json_output: Annotated[
        bool, typer.Option("--json", help="Print a JSON array of {path, node_index, url}.")
    ] = False,
    token_hosts: TokenHostsOpt = None,
) -> None:
    """List a job's artifacts: node index, path and URL, tab-separated, one per line."""
    with _api_errors(), _client(token_hosts) as client:
        items = artifacts.list_artifacts(client, slug, job)
    if json_output:
        typer.echo(json.dumps([item.to_dict() for item in items], indent=2))
        return
    for item in items:
        typer.echo("\t".join(visible(field) for field in (item.node_index, item.path, item.url)))


class _AmountColumn(ProgressColumn):
    """Bytes for a file, ``done/total files`` for the overall row."""

    def __init__(self) -> None:
        super().__init__()
        self._bytes = DownloadColumn()

    def render(self, task: Task) -> Text:
        if task.fields.get("files"):
            if task.total is None:
                return Text("")  # still finding the files: the spinner says so
            return Text(f"{int(task.completed)}/{int(task.total)} files")
        return self._bytes.render(task)


class _RichProgress(artifacts.ProgressListener):
    """One row for the whole run (a spinner until the files are known) and one per file."""

    def __init__(self, progress: Progress, searching: str) -> None:
        self._progress = progress
        self._overall = progress.add_task(searching, total=None, files=True)
        self._rows: dict[artifacts.ArtifactFile, TaskID] = {}
        self._lock = threading.Lock()

    def on_plan(self, files: Sequence[artifacts.ArtifactFile]) -> None:
        self._progress.update(self._overall, total=len(files), description="artifacts")

    def on_start(self, file: artifacts.ArtifactFile, total: int | None, offset: int) -> None:
        with self._lock:
            row = self._rows.get(file)
            if row is None:
                name = file.path if len(file.path) <= 40 else "…" + file.path[-39:]
                self._rows[file] = self._progress.add_task(
                    visible(name), total=total, completed=offset
                )
            else:
                self._progress.reset(row, total=total, completed=offset)

    def on_bytes(self, file: artifacts.ArtifactFile, count: int) -> None:
        row = self._rows.get(file)
        if row is not None:
            self._progress.advance(row, count)

    def on_finish(self, result: artifacts.FileResult) -> None:
        with self._lock:
            row = self._rows.pop(result.artifact, None)
        if row is not None:
            self._progress.remove_task(row)
        self._progress.advance(self._overall, 1)


@contextlib.contextmanager
def _progress(
    enabled: bool, searching: str = "listing", console: Console | None = None
) -> Iterator[artifacts.ProgressListener | None]:
    console = console or Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield None
        return
    columns = (
        SpinnerColumn(finished_text=" "),
        TextColumn("{task.description}", markup=False),  # server text: no markup
        BarColumn(),
        _AmountColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        yield _RichProgress(progress, searching)


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
    cls=_Command,
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
        _interrupt_exits(),
        _api_errors(),
        _client(token_hosts) as client,
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


def main() -> None:
    """Entry point of the ``circleci-client`` console script."""
    app(prog_name="circleci-client")


if __name__ == "__main__":  # pragma: no cover
    main()
