# Hand-written runtime module (not generated): edit it here.
"""Parsers and type checks for the JSON scalars in API responses (UUIDs: see ``_fast_paths``)."""

from __future__ import annotations

import datetime

from .errors import CircleCIError

parse_datetime = datetime.datetime.fromisoformat
"""Parse an ISO 8601 timestamp such as ``2025-10-15T12:00:00.139Z`` (bound once, not per call)."""


# -- JSON scalar fields ------------------------------------------------------------------------
#
# Generated ``from_dict`` methods test each scalar field with one exact-type comparison (the
# JSON decoder only makes ``str``, ``int``, ``float``, ``bool``, ``None``, ``list`` and ``dict``)
# and call these functions only when it fails. They accept subclasses of the expected type
# (``bool`` aside, which is not an integer here) and raise ``FieldTypeError`` for anything else.


class FieldTypeError(CircleCIError, TypeError):
    """A JSON field holds a value of the wrong type; ``field`` is its key, ``key[]`` for an item.

    ``from_dict`` raises it; an API call turns it into ``ResponseValidationError``.
    """

    field: str

    def __init__(self, field: str, expected: str, value: object) -> None:
        self.field = field
        super().__init__(f"{field}: expected {expected}, not {_kind(value)}")


def _kind(value: object) -> str:
    """How a value is named in errors: its type, or ``NaN``/``Infinity`` for those floats."""
    if isinstance(value, float) and value - value != 0:
        return "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
    return type(value).__name__


def _or_null(expected: str, nullable: bool) -> str:
    return f"{expected} or null" if nullable else expected


def checked_str(value: object, field: str, nullable: bool = False) -> str:
    """``value`` if it is a string, else raise ``FieldTypeError`` naming ``field``."""
    if isinstance(value, str):
        return value
    raise FieldTypeError(field, _or_null("a string", nullable), value)


def checked_int(value: object, field: str, nullable: bool = False) -> int:
    """``value`` if it is an integer (``True``/``False`` are not), else ``FieldTypeError``.

    A number with a fraction or exponent (``3.0``, ``1e3``) is not an integer either: OpenAPI 3.0
    defines an integer as a JSON number without one.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise FieldTypeError(field, _or_null("an integer", nullable), value)


def checked_bool(value: object, field: str, nullable: bool = False) -> bool:
    """``value`` if it is ``True`` or ``False``, else raise ``FieldTypeError`` naming ``field``."""
    if isinstance(value, bool):
        return value
    raise FieldTypeError(field, _or_null("a boolean", nullable), value)


def checked_number(value: object, field: str, nullable: bool = False) -> float:
    """``value`` if it is a finite number (an integer stays an ``int``), else ``FieldTypeError``.

    ``NaN`` and ``Infinity`` are refused: they are not JSON, although ``json.loads`` reads them.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value - value == 0:
        return value
    raise FieldTypeError(field, _or_null("a finite number", nullable), value)
