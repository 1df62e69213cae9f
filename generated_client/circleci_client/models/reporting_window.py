from enum import StrEnum
from typing import Any

from .._open_enum import open_enum_member


class ReportingWindow(StrEnum):
    """Values the API documents. A value it adds later parses too and keeps its text."""

    LAST_24_HOURS = "last-24-hours"
    LAST_30_DAYS = "last-30-days"
    LAST_60_DAYS = "last-60-days"
    LAST_7_DAYS = "last-7-days"
    LAST_90_DAYS = "last-90-days"

    @classmethod
    def _missing_(cls, value: Any) -> "ReportingWindow | None":
        return open_enum_member(cls, value)

    def __str__(self) -> str:
        return str(self.value)
