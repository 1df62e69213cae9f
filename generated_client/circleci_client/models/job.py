# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..models.job_type import JobType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Job")


@_attrs_define
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
        requires (JobRequires | Unset): The jobs this one waits for, by name, with the statuses they must reach.
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        project_slug = self.project_slug

        status = self.status.value

        type_ = self.type_.value

        dependencies = []
        for dependencies_item_data in self.dependencies:
            dependencies_item = str(dependencies_item_data)
            dependencies.append(dependencies_item)

        job_number = self.job_number

        requires: dict[str, Any] | Unset = UNSET
        if not isinstance(self.requires, Unset):
            requires = self.requires.to_dict()

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        stopped_at: None | str | Unset
        if isinstance(self.stopped_at, Unset):
            stopped_at = UNSET
        elif isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        approved_by: str | Unset = UNSET
        if not isinstance(self.approved_by, Unset):
            approved_by = str(self.approved_by)

        canceled_by: str | Unset = UNSET
        if not isinstance(self.canceled_by, Unset):
            canceled_by = str(self.canceled_by)

        approval_request_id: str | Unset = UNSET
        if not isinstance(self.approval_request_id, Unset):
            approval_request_id = str(self.approval_request_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "project_slug": project_slug,
                "status": status,
                "type": type_,
                "dependencies": dependencies,
            }
        )
        if job_number is not UNSET:
            field_dict["job_number"] = job_number
        if requires is not UNSET:
            field_dict["requires"] = requires
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if stopped_at is not UNSET:
            field_dict["stopped_at"] = stopped_at
        if approved_by is not UNSET:
            field_dict["approved_by"] = approved_by
        if canceled_by is not UNSET:
            field_dict["canceled_by"] = canceled_by
        if approval_request_id is not UNSET:
            field_dict["approval_request_id"] = approval_request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        project_slug = d.pop("project_slug")

        status = JobStatus(d.pop("status"))

        type_ = JobType(d.pop("type"))

        dependencies = []
        _dependencies = d.pop("dependencies")
        for dependencies_item_data in _dependencies:
            dependencies_item = UUID(dependencies_item_data)

            dependencies.append(dependencies_item)

        job_number = d.pop("job_number", UNSET)

        _requires = d.pop("requires", UNSET)
        requires: JobRequires | Unset
        if isinstance(_requires, Unset):
            requires = UNSET
        else:
            requires = JobRequires.from_dict(_requires)

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_stopped_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stopped_at_type_0 = datetime.datetime.fromisoformat(data)

                return stopped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        stopped_at = _parse_stopped_at(d.pop("stopped_at", UNSET))

        _approved_by = d.pop("approved_by", UNSET)
        approved_by: UUID | Unset
        if isinstance(_approved_by, Unset):
            approved_by = UNSET
        else:
            approved_by = UUID(_approved_by)

        _canceled_by = d.pop("canceled_by", UNSET)
        canceled_by: UUID | Unset
        if isinstance(_canceled_by, Unset):
            canceled_by = UNSET
        else:
            canceled_by = UUID(_canceled_by)

        _approval_request_id = d.pop("approval_request_id", UNSET)
        approval_request_id: UUID | Unset
        if isinstance(_approval_request_id, Unset):
            approval_request_id = UNSET
        else:
            approval_request_id = UUID(_approval_request_id)

        job = cls(
            id=id,
            name=name,
            project_slug=project_slug,
            status=status,
            type_=type_,
            dependencies=dependencies,
            job_number=job_number,
            requires=requires,
            started_at=started_at,
            stopped_at=stopped_at,
            approved_by=approved_by,
            canceled_by=canceled_by,
            approval_request_id=approval_request_id,
        )

        job.additional_properties = d
        return job

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


# Imported last (not at the top) so that models referring to each other can be imported.
from ..models.job_requires import JobRequires
