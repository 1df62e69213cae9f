from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.workflow_run_status import WorkflowRunStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkflowRun")


@_attrs_define
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status: None | str
        if isinstance(self.status, WorkflowRunStatus):
            status = self.status.value
        else:
            status = self.status

        duration: int | None
        duration = self.duration

        created_at = self.created_at.isoformat()

        stopped_at: None | str
        if isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        credits_used = self.credits_used

        branch = self.branch

        is_approval = self.is_approval

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "duration": duration,
                "created_at": created_at,
                "stopped_at": stopped_at,
                "credits_used": credits_used,
            }
        )
        if branch is not UNSET:
            field_dict["branch"] = branch
        if is_approval is not UNSET:
            field_dict["is_approval"] = is_approval

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_status(data: object) -> None | WorkflowRunStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = WorkflowRunStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | WorkflowRunStatus, data)

        status = _parse_status(d.pop("status"))

        def _parse_duration(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        duration = _parse_duration(d.pop("duration"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_stopped_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stopped_at_type_0 = datetime.datetime.fromisoformat(data)

                return stopped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        stopped_at = _parse_stopped_at(d.pop("stopped_at"))

        credits_used = d.pop("credits_used")

        branch = d.pop("branch", UNSET)

        is_approval = d.pop("is_approval", UNSET)

        workflow_run = cls(
            id=id,
            status=status,
            duration=duration,
            created_at=created_at,
            stopped_at=stopped_at,
            credits_used=credits_used,
            branch=branch,
            is_approval=is_approval,
        )

        workflow_run.additional_properties = d
        return workflow_run

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
