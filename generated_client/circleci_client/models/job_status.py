from enum import StrEnum
from typing import Any

from .._open_enum import open_enum_member


class JobStatus(StrEnum):
    """Values the API documents. A value it adds later parses too and keeps its text."""

    BLOCKED = "blocked"
    CANCELED = "canceled"
    FAILED = "failed"
    INFRASTRUCTURE_FAIL = "infrastructure_fail"
    NOT_RUN = "not_run"
    NOT_RUNNING = "not_running"
    ON_HOLD = "on_hold"
    QUEUED = "queued"
    RETRIED = "retried"
    RUNNING = "running"
    SUCCESS = "success"
    TERMINATED_UNKNOWN = "terminated-unknown"
    TIMEDOUT = "timedout"
    UNAUTHORIZED = "unauthorized"

    @classmethod
    def _missing_(cls, value: Any) -> "JobStatus | None":
        return open_enum_member(cls, value)

    def __str__(self) -> str:
        return str(self.value)
