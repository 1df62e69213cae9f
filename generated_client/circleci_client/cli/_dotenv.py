# Hand-written runtime module (not generated): edit it here.
"""Reading ``.env`` files for ``context env sync``: names and values, and errors without values.

One ``NAME=value`` a line. Blank lines and lines starting with ``#`` are skipped; a leading
``export`` is ignored. A value may be

* unquoted: surrounding whitespace is dropped, and `` #`` (whitespace, then ``#``) starts a
  comment;
* in single quotes: taken literally;
* in double quotes: ``\\n``, ``\\r``, ``\\t``, ``\\"`` and ``\\\\`` are escapes (other
  backslashes stay as they are).

Only a comment may follow a closing quote, and a value ends with its line. ``NAME=`` sets an
empty value. Names are CircleCI's: a letter or ``_``, then letters, digits or ``_``, at most 300
characters; values have at most 32,768 characters. A name may be set once. Every error names
the file and the line and never contains a value.
"""

from __future__ import annotations

import re

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
MAX_NAME = 300
MAX_VALUE = 32_768
_EXPORT = re.compile(r"export\s+")
_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", '"': '"', "\\": "\\"}
_SHOWN_NAME = 40


class _DotenvError(ValueError):
    """A line of a ``.env`` file that cannot be read; the message never holds a value."""

    def __init__(self, source: str, line: int, problem: str) -> None:
        super().__init__(f"{source}, line {line}: {problem}")
        self.line = line


def check_name(name: str) -> str | None:
    """Why ``name`` is not a CircleCI variable name, or None when it is one."""
    if not NAME.match(name):
        shown = name if len(name) <= _SHOWN_NAME else name[: _SHOWN_NAME - 1] + "…"
        return f"{shown!r} is not a variable name: use a letter or _, then letters, digits or _"
    if len(name) > MAX_NAME:
        return f"the name {name[:_SHOWN_NAME]}… has more than {MAX_NAME} characters"
    return None


def _quoted(rest: str, quote: str) -> tuple[str, str] | None:
    """The value between ``quote`` and its closing quote, and what follows; None if unclosed."""
    out: list[str] = []
    index = 1
    while index < len(rest):
        char = rest[index]
        if quote == '"' and char == "\\" and index + 1 < len(rest):
            following = rest[index + 1]
            out.append(_ESCAPES.get(following, "\\" + following))
            index += 2
            continue
        if char == quote:
            return "".join(out), rest[index + 1 :]
        out.append(char)
        index += 1
    return None


def _value(rest: str, source: str, number: int) -> str:
    rest = rest.strip()
    if rest[:1] in ("'", '"'):
        found = _quoted(rest, rest[0])
        if found is None:
            raise _DotenvError(
                source, number, "the value's opening quote is not closed (a value is one line)"
            )
        value, after = found
        after = after.strip()
        if after and not after.startswith("#"):
            raise _DotenvError(source, number, "only a # comment may follow the closing quote")
        return value
    comment = re.search(r"\s#", rest)
    return (rest[: comment.start()] if comment else rest).rstrip()


def parse_dotenv(text: str, source: str = ".env") -> dict[str, str]:
    """The variables of a ``.env`` file, in file order (see the module docs)."""
    found: dict[str, str] = {}
    first_line: dict[str, int] = {}
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r").strip()
        if not line or line.startswith("#"):
            continue
        line = _EXPORT.sub("", line, count=1) if _EXPORT.match(line) else line
        if "=" not in line:
            raise _DotenvError(source, number, "expected NAME=value")
        name, rest = line.split("=", 1)
        name = name.strip()
        problem = check_name(name)
        if problem is not None:
            raise _DotenvError(source, number, problem)
        if name in found:
            raise _DotenvError(
                source, number, f"{name} is set again (first on line {first_line[name]})"
            )
        value = _value(rest, source, number)
        if len(value) > MAX_VALUE:
            raise _DotenvError(
                source, number, f"the value of {name} has more than {MAX_VALUE} characters"
            )
        found[name], first_line[name] = value, number
    return found
