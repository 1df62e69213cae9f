from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.workflow_status import WorkflowStatus
from ..models.workflow_tag import WorkflowTag
from ..types import UNSET, Unset

T = TypeVar("T", bound="Workflow")


@_attrs_define
class Workflow:
    """A workflow.

    Attributes:
        id (UUID): The workflow's ID.
        name (str): The workflow's name.
        pipeline_id (UUID): The pipeline's ID.
        pipeline_number (int): The pipeline's number.
        project_slug (str): The project's slug.
        status (WorkflowStatus): The status of a workflow. New values may appear.
        started_by (UUID): The ID of the user who started it.
        created_at (datetime.datetime): When the workflow was created.
        stopped_at (datetime.datetime | None): When it stopped; null while running.
        canceled_by (UUID | Unset): The ID of the user who cancelled it.
        errored_by (UUID | Unset): The ID of the actor that errored it.
        tag (None | Unset | WorkflowTag):
        auto_rerun_number (int | Unset): Which automatic rerun this is.
        max_auto_reruns (int | Unset): The most automatic reruns allowed.
    """

    id: UUID
    name: str
    pipeline_id: UUID
    pipeline_number: int
    project_slug: str
    status: WorkflowStatus
    started_by: UUID
    created_at: datetime.datetime
    stopped_at: datetime.datetime | None
    canceled_by: UUID | Unset = UNSET
    errored_by: UUID | Unset = UNSET
    tag: None | Unset | WorkflowTag = UNSET
    auto_rerun_number: int | Unset = UNSET
    max_auto_reruns: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        pipeline_id = str(self.pipeline_id)

        pipeline_number = self.pipeline_number

        project_slug = self.project_slug

        status = self.status.value

        started_by = str(self.started_by)

        created_at = self.created_at.isoformat()

        stopped_at: None | str
        if isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        canceled_by: str | Unset = UNSET
        if not isinstance(self.canceled_by, Unset):
            canceled_by = str(self.canceled_by)

        errored_by: str | Unset = UNSET
        if not isinstance(self.errored_by, Unset):
            errored_by = str(self.errored_by)

        tag: None | str | Unset
        if isinstance(self.tag, Unset):
            tag = UNSET
        elif isinstance(self.tag, WorkflowTag):
            tag = self.tag.value
        else:
            tag = self.tag

        auto_rerun_number = self.auto_rerun_number

        max_auto_reruns = self.max_auto_reruns

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "pipeline_id": pipeline_id,
                "pipeline_number": pipeline_number,
                "project_slug": project_slug,
                "status": status,
                "started_by": started_by,
                "created_at": created_at,
                "stopped_at": stopped_at,
            }
        )
        if canceled_by is not UNSET:
            field_dict["canceled_by"] = canceled_by
        if errored_by is not UNSET:
            field_dict["errored_by"] = errored_by
        if tag is not UNSET:
            field_dict["tag"] = tag
        if auto_rerun_number is not UNSET:
            field_dict["auto_rerun_number"] = auto_rerun_number
        if max_auto_reruns is not UNSET:
            field_dict["max_auto_reruns"] = max_auto_reruns

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        pipeline_id = UUID(d.pop("pipeline_id"))

        pipeline_number = d.pop("pipeline_number")

        project_slug = d.pop("project_slug")

        status = WorkflowStatus(d.pop("status"))

        started_by = UUID(d.pop("started_by"))

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

        _canceled_by = d.pop("canceled_by", UNSET)
        canceled_by: UUID | Unset
        if isinstance(_canceled_by, Unset):
            canceled_by = UNSET
        else:
            canceled_by = UUID(_canceled_by)

        _errored_by = d.pop("errored_by", UNSET)
        errored_by: UUID | Unset
        if isinstance(_errored_by, Unset):
            errored_by = UNSET
        else:
            errored_by = UUID(_errored_by)

        def _parse_tag(data: object) -> None | Unset | WorkflowTag:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tag_type_1 = WorkflowTag(data)

                return tag_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WorkflowTag, data)

        tag = _parse_tag(d.pop("tag", UNSET))

        auto_rerun_number = d.pop("auto_rerun_number", UNSET)

        max_auto_reruns = d.pop("max_auto_reruns", UNSET)

        workflow = cls(
            id=id,
            name=name,
            pipeline_id=pipeline_id,
            pipeline_number=pipeline_number,
            project_slug=project_slug,
            status=status,
            started_by=started_by,
            created_at=created_at,
            stopped_at=stopped_at,
            canceled_by=canceled_by,
            errored_by=errored_by,
            tag=tag,
            auto_rerun_number=auto_rerun_number,
            max_auto_reruns=max_auto_reruns,
        )

        workflow.additional_properties = d
        return workflow

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
