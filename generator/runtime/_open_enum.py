"""Forward-compatible enums: a value the API adds later parses instead of raising."""

from enum import Enum
from typing import TypeVar

E = TypeVar("E", bound=Enum)


def open_enum_member(enum_cls: type[E], value: object) -> E | None:
    """Return a member of ``enum_cls`` standing for the unknown string ``value``.

    The member is not added to the enum, so iterating the enum still lists the documented values
    only. Non-string values are refused (``None`` makes ``enum_cls(value)`` raise ``ValueError``).
    """
    if not isinstance(value, str):
        return None
    member = str.__new__(enum_cls, value)  # type: ignore[call-overload]
    member._name_ = value
    member._value_ = value
    return member  # type: ignore[no-any-return]
