from enum import StrEnum
from typing import Any

from .._open_enum import open_enum_member


class VcsProvider(StrEnum):
    """Values the API documents. A value it adds later parses too and keeps its text."""

    BITBUCKET = "Bitbucket"
    CIRCLECI = "CircleCI"
    GITHUB = "GitHub"

    @classmethod
    def _missing_(cls, value: Any) -> "VcsProvider | None":
        return open_enum_member(cls, value)

    def __str__(self) -> str:
        return str(self.value)
