# Hand-written runtime module (not generated): edit it here.
"""``circleci-client context env``: set and sync a context's variables without exposing values.

Values never travel in argv: ``set`` reads one from stdin (a hidden prompt on a terminal) or
``--from-file``, ``sync`` from a ``.env`` file (see ``_dotenv``). Nothing prints, logs or raises
a value: output names variables only, and an error's text has every value replaced by ``***``
before it is shown. CONTEXT is a context ID, or a context name with ``--org`` (an organization
ID or slug such as ``gh/acme``), looked up with ``listContexts``.

CircleCI never returns values, so ``sync`` cannot tell an unchanged value from a changed one:
every name the context had already is reported as *updated* (the PUT is an upsert, so running
``sync`` again is safe and changes nothing but ``updated_at``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated
from uuid import UUID

import typer

from .. import bulk
from .._client import AuthenticatedClient
from .._display import visible
from ..api.context import (
    add_environment_variable_to_context,
    delete_environment_variable_from_context,
    list_contexts,
    list_environment_variables_from_context,
)
from ..errors import APIError, CircleCIError
from ..models.context_environment_variable import ContextEnvironmentVariable
from ..models.context_environment_variable_input import ContextEnvironmentVariableInput
from ._app import (
    EXIT_FAILED,
    EXIT_USAGE,
    Command,
    Group,
    JsonOpt,
    api_errors,
    app,
    fail,
    interrupt_exits,
    make_client,
)
from ._dotenv import MAX_VALUE, _DotenvError, check_name, parse_dotenv

context_app = typer.Typer(
    cls=Group, help="Work with contexts without exposing secret values.", no_args_is_help=True
)
env_app = typer.Typer(
    cls=Group,
    help="A context's environment variables. Values are write-only: read from stdin or a "
    "file, never from the command line, and never shown.",
    no_args_is_help=True,
)
context_app.add_typer(env_app, name="env")
app.add_typer(context_app, name="context")

HIDDEN = "***"
UPDATED_NOTE = (
    "values are write-only: CircleCI cannot tell an unchanged value from a changed one, so "
    "every name the context had is reported as updated"
)

ContextArg = Annotated[
    str,
    typer.Argument(metavar="CONTEXT", help="The context's ID, or its name together with --org."),
]
OrgOpt = Annotated[
    str | None,
    typer.Option(
        "--org",
        metavar="ORG",
        help="The organization of a context given by name: its ID, or a slug such as gh/acme.",
    ),
]


@contextlib.contextmanager
def _without(values: Iterable[str]) -> Iterator[None]:
    """Replace every value in the text of an error that passes through."""
    secrets = sorted({value for value in values if value}, key=len, reverse=True)
    try:
        yield
    except (CircleCIError, ValueError) as exc:
        exc.args = (_scrub(str(exc), secrets),)
        if isinstance(exc, APIError):
            exc.message = _scrub(exc.message, secrets)
        raise


def _as_uuid(value: str) -> UUID | None:
    try:
        return UUID(value.strip())
    except ValueError:
        return None


async def _context_id(client: AuthenticatedClient, context: str, org: str | None) -> UUID:
    """The ID CONTEXT names (see the module docs)."""
    found = _as_uuid(context)
    if found is not None:
        return found
    if org is None:
        raise typer.BadParameter(
            f"{context!r} is not a context ID: give the context's organization with --org "
            "(its ID, or a slug such as gh/acme), or the context's ID",
            param_hint="'CONTEXT'",
        )
    org_id = _as_uuid(org)
    pages = (
        list_contexts.aiter_items(client=client, owner_id=org_id)
        if org_id is not None
        else list_contexts.aiter_items(client=client, owner_slug=org.strip())
    )
    async for item in pages:
        if item.name == context:
            return item.id
    fail(
        f"organization {org} has no context named {context!r}",
        EXIT_USAGE,
        "check the name and --org, or create the context first",
    )


async def _names(client: AuthenticatedClient, context_id: UUID) -> list[str]:
    pages = list_environment_variables_from_context.aiter_items(context_id, client=client)
    return [item.variable async for item in pages]


def _read_value(from_file: Path | None, name: str) -> str:
    """The value from ``--from-file`` or stdin, without one trailing newline."""
    if from_file is not None:
        try:
            raw = from_file.read_bytes()
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise typer.BadParameter(
                f"cannot read {str(from_file)!r}: {reason}", param_hint="'--from-file'"
            ) from None
    elif sys.stdin.isatty():
        raw = typer.prompt(f"Value of {name}", hide_input=True, default="").encode()
    else:
        raw = sys.stdin.buffer.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        fail(f"the value of {name} is not UTF-8 text", EXIT_USAGE)
    return text.removesuffix("\n").removesuffix("\r")


def _checked_name(name: str, hint: str) -> str:
    problem = check_name(name)
    if problem is not None:
        raise typer.BadParameter(problem, param_hint=hint)
    return name


async def _put(
    client: AuthenticatedClient, context_id: UUID, name: str, value: str
) -> ContextEnvironmentVariable:
    body = ContextEnvironmentVariableInput(value=value)
    return await add_environment_variable_to_context.asyncio(
        context_id, name, client=client, body=body
    )


@env_app.command(
    "set",
    cls=Command,
    help="Set one variable of a context (create it, or replace its value).\n\n"
    "The value is read from --from-file, or else from stdin (a hidden prompt on a "
    "terminal), never from the command line: e.g. `circleci-client context env set CTX "
    "NAME < secret.txt`. One trailing newline is dropped. The value is never printed.",
)
def set_command(
    context: ContextArg,
    name: Annotated[str, typer.Argument(metavar="NAME", help="The variable's name.")],
    value_in_argv: Annotated[str | None, typer.Argument(hidden=True, show_default=False)] = None,
    from_file: Annotated[
        Path | None,
        typer.Option("--from-file", metavar="PATH", help="Read the value from this file."),
    ] = None,
    org: OrgOpt = None,
) -> None:
    """Set one variable of a context from stdin or a file."""
    if value_in_argv is not None:
        fail(
            "a value on the command line would be kept in shell history and shown to other "
            "users' process lists, so it is refused (and was not sent)",
            EXIT_USAGE,
            f"pipe it in (... context env set CONTEXT {name} < file) or use --from-file",
        )
    _checked_name(name, "'NAME'")
    value = _read_value(from_file, name)
    if len(value) > MAX_VALUE:
        fail(f"the value of {name} has more than {MAX_VALUE} characters", EXIT_USAGE)

    async def run(client: AuthenticatedClient) -> str:
        async with client:
            context_id = await _context_id(client, context, org)
            existed = name in await _names(client, context_id)
            await _put(client, context_id, name, value)
            return "updated" if existed else "created"

    with interrupt_exits(), api_errors(), _without([value]):
        outcome = asyncio.run(run(make_client(None)))
    typer.echo(f"{outcome} {name} in context {visible(context)}")


@dataclass
class SyncReport:
    """What ``sync`` did, by name."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


async def _sync(
    client: AuthenticatedClient,
    context_id: UUID,
    wanted: dict[str, str],
    prune: bool,
    concurrency: int,
) -> SyncReport:
    """Upsert every wanted variable (then delete the others, with ``prune``), fanned out."""
    existing = set(await _names(client, context_id))
    report = SyncReport()
    names = list(wanted)
    puts = await bulk.map(
        lambda n: _put(client, context_id, n, wanted[n]), names, concurrency=concurrency
    )
    for name, result in zip(names, puts, strict=True):
        if result.error is not None:
            report.failed[name] = str(result.error)
        else:
            (report.updated if name in existing else report.created).append(name)
    if prune and not report.failed:
        extra = sorted(existing - set(wanted))
        deletes = await bulk.map(
            lambda n: delete_environment_variable_from_context.asyncio(
                context_id, n, client=client
            ),
            extra,
            concurrency=concurrency,
        )
        for name, deleted in zip(extra, deletes, strict=True):
            if deleted.error is not None:
                report.failed[name] = str(deleted.error)
            else:
                report.removed.append(name)
    return report


def _scrub(text: str, values: Iterable[str]) -> str:
    for secret in sorted({v for v in values if v}, key=len, reverse=True):
        text = text.replace(secret, HIDDEN)
    return text


@env_app.command(
    "sync",
    cls=Command,
    help="Make a context's variables those of a .env file: set every variable of the file "
    "(create or replace; PUT is an upsert, so running it again is safe) and, with --prune, "
    "delete the context's variables that the file does not name.\n\n"
    "Reports names only. CircleCI never returns values, so a variable that existed is "
    "reported as updated even when its value did not change. With --prune nothing is deleted "
    "if any variable could not be set.\n\n"
    "Exit status: 0 all done, 1 some variable failed, 2 usage error (a bad .env line, an "
    "unknown context), 130 interrupted.",
)
def sync_command(
    context: ContextArg,
    from_file: Annotated[
        Path, typer.Option("--from-file", metavar="PATH", help="The .env file to read.")
    ],
    prune: Annotated[
        bool, typer.Option("--prune", help="Delete variables the file does not name.")
    ] = False,
    org: OrgOpt = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", min=1, help="Requests in flight at once.")
    ] = 8,
    json_output: JsonOpt = False,
) -> None:
    """Make a context's variables those of a .env file."""
    try:
        wanted = parse_dotenv(from_file.read_text(encoding="utf-8"), str(from_file))
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise typer.BadParameter(
            f"cannot read {str(from_file)!r}: {reason}", param_hint="'--from-file'"
        ) from None
    except (_DotenvError, UnicodeDecodeError) as exc:
        fail(str(exc) if isinstance(exc, _DotenvError) else f"{from_file} is not UTF-8", EXIT_USAGE)

    async def run(client: AuthenticatedClient) -> SyncReport:
        async with client:
            context_id = await _context_id(client, context, org)
            return await _sync(client, context_id, wanted, prune, concurrency)

    with interrupt_exits(), api_errors(), _without(wanted.values()):
        report = asyncio.run(run(make_client(None)))
    failed = {name: _scrub(error, wanted.values()) for name, error in report.failed.items()}
    if json_output:
        data = {
            "created": report.created,
            "updated": report.updated,
            "removed": report.removed,
            "failed": failed,
            "note": UPDATED_NOTE,
        }
        typer.echo(json.dumps(data, indent=2))
    else:
        typer.echo(
            f"{len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.removed)} removed, {len(failed)} failed - context {visible(context)}"
        )
        for label, names in (
            ("created", report.created),
            ("updated", report.updated),
            ("removed", report.removed),
        ):
            if names:
                typer.echo(f"  {label}: {', '.join(names)}")
        for name, error in failed.items():
            typer.echo(f"  failed: {name}: {visible(error)}")
        if report.updated:
            typer.echo(f"note: {UPDATED_NOTE}", err=True)
    if failed:
        raise typer.Exit(EXIT_FAILED)
