# Hand-written runtime module (not generated): edit it here.
"""Path parameters: each value fills exactly one segment of its operation's path.

A value is percent-encoded whole (``/`` becomes ``%2F``), so it never adds segments on the
client's side. Values that would still change which path a request reaches are refused with
:class:`~circleci_client.errors.InvalidPathParameterError` before anything is sent:

* the empty string, and values made only of ``/`` or ``\\``;
* ``.`` and ``..``, which URL normalisation (the client's, a proxy's or the server's) drops or
  resolves against the previous segment;
* values that a server would turn into such a segment by decoding them: percent-escaped dots
  (``%2e%2e``, also escaped twice), a dot segment between slashes or backslashes
  (``x/../..``), before a ``;`` (``..;x``) or written with full-width dots;
* control characters, at which some servers cut the path short.

Project slugs go through :func:`~circleci_client.slugs.validate_project_slug`, which refuses
the same things in each part, and travel as one escaped segment (``gh%2Facme%2Fwidgets``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from .errors import InvalidPathParameterError
from .slugs import (
    InvalidProjectSlugError,
    ProjectSlug,
    validate_project_slug,
    validate_project_slug_parts,
)

if TYPE_CHECKING:
    from ._operation import Operation

__all__ = ["path_segment", "refuse_rewritten_path", "slug_parts", "slug_segment"]

_DOT_SEGMENTS = frozenset({".", ".."})
_SEPARATORS = re.compile(r"[/\\]")
_SHOWN_LENGTH = 60


def path_segment(operation: Operation[Any], parameter: str, value: object) -> str:
    """``value`` as one escaped path segment of ``operation``; refuses values that move the path.

    ``parameter`` is the Python name of the parameter, used in the error.
    """
    text = str(value)
    if not _plainly_one_segment(text):
        problem = _shape_problem(text)
        if problem is not None:
            raise InvalidPathParameterError(
                f"{operation.operation_id}: path parameter {parameter}={_show(text)} {problem}, "
                f"which would send the request elsewhere than "
                f"{operation.method} {operation.path}; nothing was sent. "
                f"Pass a real {parameter}.",
                parameter=parameter,
                value=value,
                operation=operation.operation_id,
            )
    return quote(text, safe="")


@functools.lru_cache(maxsize=1024)
def _escaped_slug(canonical: str) -> str:
    # Escaping is pure and a program asks for the same few slugs again and again.
    return quote(canonical, safe="")


def slug_segment(operation: Operation[Any], value: str | ProjectSlug) -> str:
    """A project slug, validated and escaped as one path segment (``gh%2Facme%2Fwidgets``)."""
    try:
        return _escaped_slug(validate_project_slug(value))
    except InvalidProjectSlugError as exc:
        raise InvalidProjectSlugError(
            f"{operation.operation_id}: {exc}",
            slug=exc.slug,
            part=exc.part,
            operation=operation.operation_id,
        ) from None


_SLUG_PART_PARAMETERS = {"vcs": "provider", "org": "organization", "repo": "project"}


def slug_parts(
    operation: Operation[Any], provider: str, organization: str, project: str
) -> tuple[str, str, str]:
    """A slug given as three path parameters, checked and canonical (``github`` becomes ``gh``).

    Each part is first checked as a path segment of its own, then the three as a slug; an error
    names the operation and the parameter.
    """
    given = {"provider": provider, "organization": organization, "project": project}
    for name, value in given.items():
        path_segment(operation, name, value)
    try:
        return validate_project_slug_parts(provider, organization, project)
    except InvalidProjectSlugError as exc:
        error = InvalidProjectSlugError(
            f"{operation.operation_id}: {exc}",
            slug=exc.slug,
            part=exc.part,
            operation=operation.operation_id,
        )
        if exc.part is not None:
            error.parameter = _SLUG_PART_PARAMETERS[exc.part]
            error.value = given[error.parameter]
        raise error from None


def refuse_rewritten_path(path: str, rewritten: bytes) -> InvalidPathParameterError:
    """The error for a request path that URL normalisation would change before sending."""
    return InvalidPathParameterError(
        f"the request path {_show(path)} would be sent as {_show(rewritten.decode('ascii'))} "
        "(dot segments removed); nothing was sent",
        parameter=None,
        value=path,
    )


def _plainly_one_segment(text: str) -> bool:
    """A quick yes for the usual values (IDs, numbers, names) that need no closer look."""
    return (
        text.isascii()
        and text.isprintable()
        and "." not in text
        and "%" not in text
        and bool(text.strip("/\\"))
    )


def _shape_problem(text: str) -> str | None:
    """Why ``text`` cannot be one path segment, or None when it can."""
    if not text:
        return "is empty"
    if text in _DOT_SEGMENTS:
        return "is a dot segment"
    decoded = _decode_fully(text)
    if not decoded.isascii():
        decoded = unicodedata.normalize("NFKC", decoded)
    for char in decoded:
        if unicodedata.category(char) == "Cc":
            return f"contains the control character {char!r}"
    if not _SEPARATORS.sub("", decoded):
        return "is only slashes"
    for piece in _SEPARATORS.split(decoded):
        if piece.split(";", 1)[0] in _DOT_SEGMENTS:
            return f"holds the dot segment {piece!r} once decoded"
    return None


def _decode_fully(text: str) -> str:
    """Undo percent-escapes until none is left (``%252e`` becomes ``.``)."""
    while "%" in text:
        decoded = unquote(text)
        if decoded == text:
            break
        text = decoded
    return text


def _show(text: str) -> str:
    """``repr`` of a value for a message, shortened when long."""
    if len(text) > _SHOWN_LENGTH:
        return repr(text[: _SHOWN_LENGTH - 1]) + "…"
    return repr(text)
