# Hand-written runtime module (not generated): edit it here.
"""Forward-compatible enums: a value the API adds later parses instead of raising."""

from enum import Enum
from typing import Any, TypeVar, cast

E = TypeVar("E", bound=Enum)

# Members of each enum by value, filled on first use: the documented ones, then up to
# MAX_REMEMBERED_UNKNOWN values the API sent that the spec does not list. Looking a value up here
# costs a fraction of calling the enum class, which matters for pages of hundreds of jobs or runs.
_members_by_enum: dict[type[Enum], dict[Any, Any]] = {}

MAX_REMEMBERED_UNKNOWN = 64
"""Unknown values remembered per enum; further ones are still parsed, just not remembered."""


def enum_member(enum_cls: type[E], value: Any) -> E:
    """The member of ``enum_cls`` for ``value``: the same result as ``enum_cls(value)``, faster.

    Unknown strings become open members (see ``open_enum_member``); anything else raises
    ``ValueError`` as the enum class itself does.
    """
    try:
        return cast(E, _members_by_enum[enum_cls][value])
    except (KeyError, TypeError):
        pass
    member = enum_cls(value)
    members = _members_by_enum.get(enum_cls)
    if members is None:
        members = _members_by_enum[enum_cls] = dict(enum_cls._value2member_map_)
    if len(members) < len(enum_cls._value2member_map_) + MAX_REMEMBERED_UNKNOWN:
        members[value] = member
    return member


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
