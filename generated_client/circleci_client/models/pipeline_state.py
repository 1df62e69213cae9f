from enum import StrEnum
from typing import Any

from .._open_enum import open_enum_member


class PipelineState(StrEnum):
    """Values the API documents. A value it adds later parses too and keeps its text."""

    CREATED = "created"
    ERRORED = "errored"
    PENDING = "pending"
    SETUP = "setup"
    SETUP_PENDING = "setup-pending"

    @classmethod
    def _missing_(cls, value: Any) -> "PipelineState | None":
        return open_enum_member(cls, value)

    def __str__(self) -> str:
        return str(self.value)
