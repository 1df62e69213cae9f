from enum import StrEnum
from typing import Any

from .._open_enum import open_enum_member


class ContextRestrictionType(StrEnum):
    """Values the API documents. A value it adds later parses too and keeps its text."""

    EXPRESSION = "expression"
    GROUP = "group"
    PROJECT = "project"

    @classmethod
    def _missing_(cls, value: Any) -> "ContextRestrictionType | None":
        return open_enum_member(cls, value)

    def __str__(self) -> str:
        return str(self.value)
