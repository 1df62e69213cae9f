# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._open_enum import enum_member
from .._scalars import (
    checked_int,
    checked_str,
    parse_datetime,
    parse_uuid,
)
from ..models.job_status import JobStatus
from ..models.job_type import JobType
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "id",
        "name",
        "project_slug",
        "status",
        "type",
        "dependencies",
        "job_number",
        "requires",
        "started_at",
        "stopped_at",
        "approved_by",
        "canceled_by",
        "approval_request_id",
    }
)


@define(init=False)
class Job:
    """A job as listed in its workflow.

    Attributes:
        id (UUID): The job's ID.
        name (str): The job's name.
        project_slug (str): The project's slug.
        status (JobStatus): The status of a job. New values may appear.
        type_ (JobType): The kind of a job. New values may appear.
        dependencies (list[UUID]): IDs of the jobs this one waits for.
        job_number (int | Unset): The job's number; absent for approval jobs.
        requires (JobRequires | Unset): The jobs this one waits for, by name, with the statuses
            they must reach.
        started_at (datetime.datetime | None | Unset): When it started; null if it has not.
        stopped_at (datetime.datetime | None | Unset): When it stopped.
        approved_by (UUID | Unset): Who approved it (approval jobs).
        canceled_by (UUID | Unset): Who cancelled it.
        approval_request_id (UUID | Unset): The approval request's ID.
    """

    id: UUID
    name: str
    project_slug: str
    status: JobStatus
    type_: JobType
    dependencies: list[UUID]
    job_number: int | Unset = UNSET
    requires: JobRequires | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    stopped_at: datetime.datetime | None | Unset = UNSET
    approved_by: UUID | Unset = UNSET
    canceled_by: UUID | Unset = UNSET
    approval_request_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def __init__(
        self,
        id: UUID,
        name: str,
        project_slug: str,
        status: JobStatus,
        type_: JobType,
        dependencies: list[UUID],
        job_number: int | Unset = UNSET,
        requires: JobRequires | Mapping[str, list[RequiredJobStatus]] | Unset = UNSET,
        started_at: datetime.datetime | None | Unset = UNSET,
        stopped_at: datetime.datetime | None | Unset = UNSET,
        approved_by: UUID | Unset = UNSET,
        canceled_by: UUID | Unset = UNSET,
        approval_request_id: UUID | Unset = UNSET,
    ) -> None:
        if not isinstance(requires, (JobRequires, Unset)):
            requires = JobRequires.from_mapping(requires, "Job.requires")
        self.id = id
        self.name = name
        self.project_slug = project_slug
        self.status = status
        self.type_ = type_
        self.dependencies = dependencies
        self.job_number = job_number
        self.requires = requires
        self.started_at = started_at
        self.stopped_at = stopped_at
        self.approved_by = approved_by
        self.canceled_by = canceled_by
        self.approval_request_id = approval_request_id
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = str(self.id)
        field_dict["id"] = id
        name = self.name
        field_dict["name"] = name
        project_slug = self.project_slug
        field_dict["project_slug"] = project_slug
        status = self.status.value
        field_dict["status"] = status
        type_ = self.type_.value
        field_dict["type"] = type_
        dependencies = []
        for dependencies_item_data in self.dependencies:
            dependencies_item = str(dependencies_item_data)
            dependencies.append(dependencies_item)

        field_dict["dependencies"] = dependencies
        job_number = self.job_number
        if job_number is not UNSET:
            field_dict["job_number"] = job_number
        requires: dict[str, Any] | Unset = UNSET
        if not isinstance(self.requires, Unset):
            requires = self.requires.to_dict()
        if requires is not UNSET:
            field_dict["requires"] = requires
        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        stopped_at: None | str | Unset
        if isinstance(self.stopped_at, Unset):
            stopped_at = UNSET
        elif isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        if stopped_at is not UNSET:
            field_dict["stopped_at"] = stopped_at
        approved_by: str | Unset = UNSET
        if not isinstance(self.approved_by, Unset):
            approved_by = str(self.approved_by)
        if approved_by is not UNSET:
            field_dict["approved_by"] = approved_by
        canceled_by: str | Unset = UNSET
        if not isinstance(self.canceled_by, Unset):
            canceled_by = str(self.canceled_by)
        if canceled_by is not UNSET:
            field_dict["canceled_by"] = canceled_by
        approval_request_id: str | Unset = UNSET
        if not isinstance(self.approval_request_id, Unset):
            approval_request_id = str(self.approval_request_id)
        if approval_request_id is not UNSET:
            field_dict["approval_request_id"] = approval_request_id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        id = parse_uuid(src_dict["id"])

        name = src_dict["name"]
        if name.__class__ is not str:
            name = checked_str(name, "name")

        project_slug = src_dict["project_slug"]
        if project_slug.__class__ is not str:
            project_slug = checked_str(project_slug, "project_slug")

        status = enum_member(JobStatus, src_dict["status"])

        type_ = enum_member(JobType, src_dict["type"])

        _dependencies = src_dict["dependencies"]
        dependencies: list[UUID]
        if not isinstance(_dependencies, list):
            raise TypeError(f"dependencies: expected a list, not {type(_dependencies).__name__}")
        dependencies = []
        for dependencies_item_data in _dependencies:
            dependencies_item = parse_uuid(dependencies_item_data)

            dependencies.append(dependencies_item)

        job_number = src_dict.get("job_number", UNSET)
        if job_number.__class__ is not int and job_number is not UNSET:
            job_number = checked_int(job_number, "job_number")

        _requires = src_dict.get("requires", UNSET)
        requires: JobRequires | Unset
        if isinstance(_requires, Unset):
            requires = UNSET
        else:
            requires = JobRequires.from_dict(_requires)

        started_at = src_dict.get("started_at", UNSET)
        if started_at is not None and started_at is not UNSET:
            if started_at.__class__ is not str and not isinstance(started_at, str):
                raise TypeError(f"started_at: unexpected {type(started_at).__name__}")
            started_at_type_0 = parse_datetime(started_at)

            started_at = started_at_type_0

        stopped_at = src_dict.get("stopped_at", UNSET)
        if stopped_at is not None and stopped_at is not UNSET:
            if stopped_at.__class__ is not str and not isinstance(stopped_at, str):
                raise TypeError(f"stopped_at: unexpected {type(stopped_at).__name__}")
            stopped_at_type_0 = parse_datetime(stopped_at)

            stopped_at = stopped_at_type_0

        _approved_by = src_dict.get("approved_by", UNSET)
        approved_by: UUID | Unset
        if isinstance(_approved_by, Unset):
            approved_by = UNSET
        else:
            approved_by = parse_uuid(_approved_by)

        _canceled_by = src_dict.get("canceled_by", UNSET)
        canceled_by: UUID | Unset
        if isinstance(_canceled_by, Unset):
            canceled_by = UNSET
        else:
            canceled_by = parse_uuid(_canceled_by)

        _approval_request_id = src_dict.get("approval_request_id", UNSET)
        approval_request_id: UUID | Unset
        if isinstance(_approval_request_id, Unset):
            approval_request_id = UNSET
        else:
            approval_request_id = parse_uuid(_approval_request_id)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            name,
            project_slug,
            status,
            type_,
            dependencies,
            job_number,
            requires,
            started_at,
            stopped_at,
            approved_by,
            canceled_by,
            approval_request_id,
        )
        documented = (
            6
            + (job_number is not UNSET)
            + (requires is not UNSET)
            + (started_at is not UNSET)
            + (stopped_at is not UNSET)
            + (approved_by is not UNSET)
            + (canceled_by is not UNSET)
            + (approval_request_id is not UNSET)
        )
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


from ..models.job_requires import JobRequires
from ..models.required_job_status import RequiredJobStatus
