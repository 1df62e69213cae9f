"""Forward-compatible enums: a value the API adds later parses instead of raising."""

from enum import Enum
from typing import Any, TypeVar, cast

E = TypeVar("E", bound=Enum)


def open_enum_member(enum_cls: type[E], value: object) -> E | None:
    """Return a member of the string enum ``enum_cls`` standing for the unknown ``value``.

    The member is not added to the enum, so iterating the enum still lists the documented values
    only. Non-string values are refused (``None`` makes ``enum_cls(value)`` raise ``ValueError``).
    """
    if not isinstance(value, str):
        return None
    member: Any = str.__new__(cast(Any, enum_cls), value)
    member._name_ = value
    member._value_ = value
    return cast(E, member)
