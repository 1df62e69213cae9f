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
import threading
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
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.text import Text

from . import artifacts
from ._client import AuthenticatedClient
from ._display import visible
from .errors import (
    AuthenticationError,
    BadRequestError,
    CircleCIError,
    MissingTokenError,
    NotFoundError,
    PermissionDeniedError,
)

TOKEN_HOSTS_ENV_VAR = "CIRCLECI_TOKEN_HOSTS"

app = typer.Typer(
    name="circleci-client",
    help="Work with the CircleCI API v2 from the command line.\n\n"
    "Set CIRCLE_TOKEN to a personal API token (and CIRCLECI_BASE_URL for CircleCI server).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
artifacts_app = typer.Typer(
    help="List and download job artifacts.", no_args_is_help=True, add_completion=False
)
app.add_typer(artifacts_app, name="artifacts")

SlugArg = Annotated[str, typer.Argument(metavar="SLUG", help="Project slug, e.g. gh/acme/widgets.")]
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


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"error: {visible(message)}", err=True)
    raise typer.Exit(code)


@contextlib.contextmanager
def _api_errors() -> Iterator[None]:
    """Turn the client's exceptions into a message and an exit code."""
    try:
        yield
    except MissingTokenError as exc:
        _fail(str(exc), 2)
    except (AuthenticationError, PermissionDeniedError) as exc:
        _fail(f"{exc} (check CIRCLE_TOKEN)", 2)
    except (NotFoundError, BadRequestError, ValueError) as exc:
        _fail(str(exc), 2)
    except CircleCIError as exc:
        _fail(str(exc), 1)


INTERRUPTED_MESSAGE = "interrupted: run the same command again to resume"


@contextlib.contextmanager
def _interrupt_exits() -> Iterator[None]:
    """Turn Ctrl-C into a one-line hint and exit status 130 (128 + SIGINT)."""
    try:
        yield
    except KeyboardInterrupt:
        _fail(INTERRUPTED_MESSAGE, 130)


def _client(token_hosts: list[str] | None) -> AuthenticatedClient:
    client = AuthenticatedClient.from_env()
    extra = [host.strip() for host in token_hosts or () if host.strip()]
    for host in extra:
        if not host.startswith(("http://", "https://")):
            raise typer.BadParameter(f"{host!r} is not an http(s) URL", param_hint="--token-host")
    if extra:
        client = client.with_options(token_hosts=(*client.token_urls[1:], *extra))
    return client


@artifacts_app.command("list")
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
            return Text(f"{int(task.completed)}/{int(task.total or 0)} files")
        return self._bytes.render(task)


class _RichProgress(artifacts.ProgressListener):
    """One row for the whole run and one per file in flight."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._overall = progress.add_task("artifacts", total=None, files=True)
        self._rows: dict[artifacts.ArtifactFile, TaskID] = {}
        self._lock = threading.Lock()

    def on_plan(self, files: Sequence[artifacts.ArtifactFile]) -> None:
        self._progress.update(self._overall, total=len(files))

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
def _progress(enabled: bool) -> Iterator[artifacts.ProgressListener | None]:
    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield None
        return
    columns = (
        TextColumn("{task.description}", markup=False),  # server text: no markup
        BarColumn(),
        _AmountColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        yield _RichProgress(progress)


@artifacts_app.command(
    "download",
    help="Download artifacts of a job, of every job of a workflow (--workflow), or of every job "
    "of a branch's newest pipeline whose workflows all succeeded (--branch).\n\n"
    "Files already complete are skipped and interrupted ones resume, so re-running is cheap. "
    "In workflow and branch mode each job gets a folder <number>-<name>; a job that ran on "
    "several nodes puts each node's files under node-<index>.\n\n"
    "A file already there is kept when its size is the server's (its content is not compared; "
    "--skip-existing never downloads everything again). A download that receives nothing for "
    "--stall-timeout seconds is interrupted and resumed later.\n\n"
    "Exit status: 0 all files downloaded or already there, 1 some file failed, "
    "2 usage or authentication error, 130 interrupted (Ctrl-C; run it again to resume).",
)
def download_command(
    slug: SlugArg,
    job: Annotated[
        int | None,
        typer.Argument(metavar="JOB", help="Job number (or give --workflow or --branch)."),
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
) -> None:
    """Download artifacts of a job, of a workflow's jobs, or of a branch's latest success."""
    chosen = [job is not None, workflow is not None, branch is not None]
    if sum(chosen) != 1:
        raise typer.BadParameter("give exactly one of JOB, --workflow ID or --branch NAME")
    if skip_existing not in ("size", "never"):
        raise typer.BadParameter("give size or never", param_hint="--skip-existing")
    with (
        _interrupt_exits(),
        _api_errors(),
        _client(token_hosts) as client,
        _progress(not quiet) as listener,
    ):
        options: artifacts.DownloadOptions = {
            "glob": glob,
            "concurrency": concurrency,
            "progress": listener,
            "stall_timeout": stall_timeout,
            "skip_existing": "never" if skip_existing == "never" else "size",
            "allow_link_local": allow_link_local,
        }
        if job is not None:
            report = artifacts.download_job_artifacts(client, slug, job, dest, **options)
        elif workflow is not None:
            report = artifacts.download_workflow_artifacts(client, workflow, dest, **options)
        else:
            assert branch is not None
            report = artifacts.download_branch_artifacts(client, slug, branch, dest, **options)
    typer.echo(report.summary())
    if not report.ok:
        raise typer.Exit(1)


def main() -> None:
    """Entry point of the ``circleci-client`` console script."""
    app(prog_name="circleci-client")


if __name__ == "__main__":  # pragma: no cover
    main()
