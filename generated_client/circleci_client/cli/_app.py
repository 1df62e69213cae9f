# Hand-written runtime module (not generated): edit it here.
"""The command's root: the typer app, exit codes, shared options, errors and the client."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Annotated, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

try:  # typer 0.24 and later carry their own copy of click
    from typer._click.core import Context
except ImportError:  # pragma: no cover
    from click import Context  # type: ignore[assignment,no-redef,unused-ignore]

from .._client import BASE_URL_ENV_VAR, AuthenticatedClient
from .._client import TOKEN_HOSTS_ENV_VAR as TOKEN_HOSTS_ENV_VAR
from .._constants import DEFAULT_BASE_URL
from .._display import visible
from .._version import __version__
from ..errors import (
    APIConnectionError,
    AuthenticationError,
    BadRequestError,
    CircleCIError,
    MissingTokenError,
    NotFoundError,
    PermissionDeniedError,
)

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


class Command(TyperCommand):
    """A command whose usage line names arguments plainly."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return _plain_usage(super().collect_usage_pieces(ctx))


class Group(TyperGroup):
    """A group whose usage line names arguments plainly."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return _plain_usage(super().collect_usage_pieces(ctx))


app = typer.Typer(
    name="circleci-client",
    cls=Group,
    help="Work with the CircleCI API v2 from the command line.\n\n"
    "Set CIRCLE_TOKEN to a personal API token (and CIRCLECI_BASE_URL for CircleCI server).\n\n"
    "Exit status: 0 success, 1 some file (or the API) failed, 2 usage or authentication "
    "error, 130 interrupted. The pipeline commands add their own (see pipeline --help).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


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


def fail(message: str, code: int, hint: str | None = None) -> NoReturn:
    typer.echo(f"error: {visible(message)}", err=True)
    if hint is not None:
        typer.echo(f"hint: {visible(hint)}", err=True)
    raise typer.Exit(code)


def connection_hint() -> str:
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
def api_errors() -> Iterator[None]:
    """Turn the client's exceptions into a message and an exit code."""
    try:
        yield
    except MissingTokenError as exc:
        fail(str(exc), EXIT_USAGE)
    except (AuthenticationError, PermissionDeniedError) as exc:
        fail(f"{exc} (check CIRCLE_TOKEN)", EXIT_USAGE)
    except (NotFoundError, BadRequestError, ValueError) as exc:
        fail(str(exc), EXIT_USAGE)
    except APIConnectionError as exc:
        fail(str(exc), EXIT_FAILED, connection_hint())
    except CircleCIError as exc:
        fail(str(exc), EXIT_FAILED)


INTERRUPTED_MESSAGE = "interrupted: run the same command again to resume"


@contextlib.contextmanager
def interrupt_exits() -> Iterator[None]:
    """Turn Ctrl-C into a one-line hint and exit status 130 (128 + SIGINT)."""
    try:
        yield
    except KeyboardInterrupt:
        fail(INTERRUPTED_MESSAGE, EXIT_INTERRUPTED)


def make_client(token_hosts: list[str] | None) -> AuthenticatedClient:
    client = AuthenticatedClient.from_env()
    extra = [host.strip() for host in token_hosts or () if host.strip()]
    for host in extra:
        if not host.startswith(("http://", "https://")):
            raise typer.BadParameter(f"{host!r} is not an http(s) URL", param_hint="--token-host")
    if extra:
        hosts = dict.fromkeys((*client.token_urls[1:], *extra))
        client = client.with_options(token_hosts=tuple(hosts))
    return client
