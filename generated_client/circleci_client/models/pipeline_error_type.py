from enum import StrEnum
from typing import Any

from .._open_enum import open_enum_member


class PipelineErrorType(StrEnum):
    """Values the API documents. A value it adds later parses too and keeps its text."""

    CONFIG = "config"
    CONFIG_FETCH = "config-fetch"
    INVALID_TRIGGER_SETUP = "invalid-trigger-setup"
    OTHER = "other"
    PERMISSION = "permission"
    PLAN = "plan"
    TIMEOUT = "timeout"
    TRIGGER_RULE = "trigger-rule"

    @classmethod
    def _missing_(cls, value: Any) -> "PipelineErrorType | None":
        return open_enum_member(cls, value)

    def __str__(self) -> str:
        return str(self.value)
