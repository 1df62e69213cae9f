"""The command-line reference, written by walking the ``circleci-client`` command tree.

The tree is read from the typer app at build time (as click commands), so every command group
the package has, whichever module adds it, gets its section without a change here.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass

import typer

try:  # typer carries its own copy of click, whose classes typer's do not all subclass
    from typer._click.core import Command, Context, Parameter
except ImportError:  # pragma: no cover - an older typer, on click itself
    from click import Command, Context, Parameter  # type: ignore[assignment,no-redef,unused-ignore]

PROG = "circleci-client"


@dataclass(frozen=True)
class ParamDoc:
    """One argument or option of a command."""

    names: str
    """``SLUG``, or the option's flags: ``--dest, -d``."""
    kind: str
    """``argument`` or ``option``."""
    value: str
    """What it takes: ``TEXT``, ``INTEGER``, ``flag``..."""
    required: bool
    default: str
    help: str


@dataclass(frozen=True)
class CommandDoc:
    """One command or group of the tree."""

    path: tuple[str, ...]
    """Its words after the program name, e.g. ``("artifacts", "download")``; empty for the root."""
    usage: str
    help: str
    params: tuple[ParamDoc, ...]
    subcommands: tuple[str, ...]

    @property
    def name(self) -> str:
        """The whole command line prefix, e.g. ``circleci-client artifacts download``."""
        return " ".join((PROG, *self.path))

    @property
    def anchor(self) -> str:
        """Its heading's id on the page."""
        return "-".join(("cli", *self.path)) if self.path else "cli"


def root_command() -> Command:
    """The ``circleci-client`` command as click sees it."""
    from circleci_client.cli import app

    return typer.main.get_command(app)


def _param(param: Parameter, ctx: Context) -> ParamDoc | None:
    if getattr(param, "hidden", False):
        return None
    if param.param_type_name == "option":
        names = ", ".join([*param.opts, *param.secondary_opts])
        value = "flag" if getattr(param, "is_flag", False) else param.make_metavar(ctx)
        shown = getattr(param, "show_default", None) is not False and param.default not in (
            None,
            False,
            (),
        )
        default = str(param.default) if shown and not callable(param.default) else ""
        return ParamDoc(
            names, "option", value, bool(param.required), default, getattr(param, "help", "") or ""
        )
    metavar = param.make_metavar(ctx)
    help_text = str(getattr(param, "help", "") or "")
    return ParamDoc(
        metavar, "argument", param.type.name.upper(), bool(param.required), "", help_text
    )


def walk(
    command: Command | None = None,
    path: tuple[str, ...] = (),
    parent: Context | None = None,
) -> Iterator[CommandDoc]:
    """Every command of the tree, the root first, each group before its commands (by name)."""
    command = command or root_command()
    ctx = command.context_class(command, info_name=path[-1] if path else PROG, parent=parent)
    params = tuple(p for p in (_param(p, ctx) for p in command.get_params(ctx)) if p is not None)
    children: dict[str, Command] = {}
    list_commands = getattr(command, "list_commands", None)  # a group
    if list_commands is not None:
        children = {
            name: sub
            for name in sorted(list_commands(ctx))
            if (sub := command.get_command(ctx, name)) is not None and not sub.hidden  # type: ignore[attr-defined]
        }
    usage = command.get_usage(ctx).removeprefix("Usage:").strip()
    yield CommandDoc(path, usage, (command.help or "").strip(), params, tuple(children))
    for name, sub in children.items():
        yield from walk(sub, (*path, name), ctx)


def _cell(text: str) -> str:
    """Text for a markdown table cell: escaped, one line, pipes kept literal."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "&#124;")


def _code(text: str) -> str:
    """Text as inline code in a table cell (HTML, so that ``<``, ``|`` and backticks are safe)."""
    return f"<code>{_cell(text)}</code>" if text else ""


def _help_markdown(text: str) -> list[str]:
    """A command's help as paragraphs (click's ``\\b`` no-rewrap marks dropped)."""
    paragraphs = [p.replace("\b\n", "").strip() for p in text.split("\n\n")]
    return [html.escape(" ".join(p.split()), quote=False) for p in paragraphs if p]


def command_section(doc: CommandDoc) -> str:
    """Markdown for one command: heading, help, usage and its arguments and options."""
    level = "#" * (2 + max(len(doc.path) - 1, 0))  # a group and the root: ##; its commands: ###
    lines = [f"{level} `{doc.name}` {{ #{doc.anchor} }}", ""]
    for paragraph in _help_markdown(doc.help):
        lines += [paragraph, ""]
    lines += [
        "```text",
        f"{PROG} {doc.usage.split(' ', 1)[1] if ' ' in doc.usage else ''}".rstrip(),
    ]
    lines += ["```", ""]
    if doc.subcommands:
        links = ", ".join(
            f"[`{name}`](#{doc.anchor}-{name})" if doc.path else f"[`{name}`](#cli-{name})"
            for name in doc.subcommands
        )
        lines += [f"Commands: {links}.", ""]
    if doc.params:
        lines += [
            "| name | kind | takes | default | description |",
            "| --- | --- | --- | --- | --- |",
        ]
        for p in doc.params:
            required = " (required)" if p.required else ""
            lines.append(
                f"| {_code(p.names)} | {p.kind}{required} | {_code(p.value)} "
                f"| {_code(p.default)} | {_cell(p.help)} |"
            )
        lines.append("")
    return "\n".join(lines)


def cli_page() -> str:
    """Markdown for the whole command-line reference."""
    docs = list(walk())
    lines = [
        "# Command line",
        "",
        f"Every command of `{PROG}`, written from the command tree itself on every build, so it "
        "matches the installed package. Install it with the `cli` extra "
        "(`pip install 'circleci-client[cli]'`); each command also answers `--help`.",
        "",
        "| command | what it does |",
        "| --- | --- |",
    ]
    for doc in docs:
        summary = _help_markdown(doc.help)
        lines.append(f"| [`{doc.name}`](#{doc.anchor}) | {summary[0] if summary else ''} |")
    lines.append("")
    lines += [command_section(doc) for doc in docs]
    return "\n".join(lines)
