from enum import StrEnum
from typing import Any

from .._open_enum import open_enum_member


class WebhookWorkflowStatus(StrEnum):
    """Values the API documents. A value it adds later parses too and keeps its text."""

    CANCELED = "canceled"
    ERROR = "error"
    FAILED = "failed"
    SUCCESS = "success"
    UNAUTHORIZED = "unauthorized"

    @classmethod
    def _missing_(cls, value: Any) -> "WebhookWorkflowStatus | None":
        return open_enum_member(cls, value)

    def __str__(self) -> str:
        return str(self.value)
