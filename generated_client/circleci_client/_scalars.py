# Hand-written runtime module (not generated): edit it here.
"""Parsers and type checks for the JSON scalars in API responses, quicker than the usual calls.

Insights and job listings carry ids and timestamps on every item, and ``uuid.UUID.__init__`` is
the largest single cost of parsing them. ``parse_uuid`` gives the same result in half the time:
when the text without its dashes is 32 characters that read as a hexadecimal number (the form the
API sends), the number is decoded here with the same steps ``uuid.UUID`` takes; any other text
goes to ``uuid.UUID`` itself, so its checks and error messages are unchanged.
"""

from __future__ import annotations

import datetime
from typing import Any
from uuid import UUID, SafeUUID

from .errors import CircleCIError

_new = object.__new__
# UUID refuses attribute assignment; its slot descriptors fill the two fields directly.
_set_int = vars(UUID)["int"].__set__
_set_is_safe = vars(UUID)["is_safe"].__set__
_UNKNOWN = SafeUUID.unknown


def parse_uuid(text: Any) -> UUID:
    """Parse a UUID the API sent: equal to ``uuid.UUID(text)`` for every string, errors included.

    Raises ``ValueError`` for malformed text and ``TypeError`` for a value that is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"a UUID must be a string, not {type(text).__name__}")
    digits = text.replace("-", "")
    if len(digits) == 32:
        try:
            number = int(digits, 16)
        except ValueError:
            return UUID(text)  # raises with uuid's own message
        value: UUID = _new(UUID)
        _set_int(value, number)
        _set_is_safe(value, _UNKNOWN)
        return value
    return UUID(text)


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
