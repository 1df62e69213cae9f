from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._open_enum import enum_member
from .._scalars import (
    checked_bool,
    checked_int,
    checked_str,
    parse_datetime,
    parse_uuid,
)
from ..models.workflow_run_status import WorkflowRunStatus
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "id",
        "status",
        "duration",
        "created_at",
        "stopped_at",
        "credits_used",
        "branch",
        "is_approval",
    }
)


@define
class WorkflowRun:
    """One run of a workflow.

    Attributes:
        id (UUID): The workflow's ID.
        status (None | WorkflowRunStatus):
        duration (int | None): How long it ran, in seconds.
        created_at (datetime.datetime): When it was created.
        stopped_at (datetime.datetime | None): When it stopped.
        credits_used (int): Credits used. Not for billing.
        branch (str | Unset): The branch it ran on.
        is_approval (bool | Unset): Whether the run waits on an approval job.
    """

    id: UUID
    status: None | WorkflowRunStatus
    duration: int | None
    created_at: datetime.datetime
    stopped_at: datetime.datetime | None
    credits_used: int
    branch: str | Unset = UNSET
    is_approval: bool | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = str(self.id)
        field_dict["id"] = id
        status: None | str
        if isinstance(self.status, WorkflowRunStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict["status"] = status
        duration: int | None
        duration = self.duration

        field_dict["duration"] = duration
        created_at = self.created_at.isoformat()
        field_dict["created_at"] = created_at
        stopped_at: None | str
        if isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        field_dict["stopped_at"] = stopped_at
        credits_used = self.credits_used
        field_dict["credits_used"] = credits_used
        branch = self.branch
        if branch is not UNSET:
            field_dict["branch"] = branch
        is_approval = self.is_approval
        if is_approval is not UNSET:
            field_dict["is_approval"] = is_approval
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        id = parse_uuid(src_dict["id"])

        status = src_dict["status"]
        if status is not None:
            if status.__class__ is not str and not isinstance(status, str):
                raise TypeError(f"status: unexpected {type(status).__name__}")
            status_type_1 = enum_member(WorkflowRunStatus, status)

            status = status_type_1

        duration = src_dict["duration"]
        if duration.__class__ is not int and duration is not None:
            duration = checked_int(duration, "duration", nullable=True)

        created_at = parse_datetime(src_dict["created_at"])

        stopped_at = src_dict["stopped_at"]
        if stopped_at is not None:
            if stopped_at.__class__ is not str and not isinstance(stopped_at, str):
                raise TypeError(f"stopped_at: unexpected {type(stopped_at).__name__}")
            stopped_at_type_0 = parse_datetime(stopped_at)

            stopped_at = stopped_at_type_0

        credits_used = src_dict["credits_used"]
        if credits_used.__class__ is not int:
            credits_used = checked_int(credits_used, "credits_used")

        branch = src_dict.get("branch", UNSET)
        if branch.__class__ is not str and branch is not UNSET:
            branch = checked_str(branch, "branch")

        is_approval = src_dict.get("is_approval", UNSET)
        if is_approval.__class__ is not bool and is_approval is not UNSET:
            is_approval = checked_bool(is_approval, "is_approval")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            status,
            duration,
            created_at,
            stopped_at,
            credits_used,
            branch,
            is_approval,
        )
        documented = 6 + (branch is not UNSET) + (is_approval is not UNSET)
        if len(src_dict) > documented:
            obj.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _DOCUMENTED_KEYS
            }
        return obj

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the API sent that the spec does not document."""
        return list(self.additional_properties)

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
