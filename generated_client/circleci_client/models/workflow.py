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
from ..models.workflow_status import WorkflowStatus
from ..models.workflow_tag import WorkflowTag
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "id",
        "name",
        "pipeline_id",
        "pipeline_number",
        "project_slug",
        "status",
        "started_by",
        "created_at",
        "stopped_at",
        "canceled_by",
        "errored_by",
        "tag",
        "auto_rerun_number",
        "max_auto_reruns",
    }
)


@define
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
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = str(self.id)
        field_dict["id"] = id
        name = self.name
        field_dict["name"] = name
        pipeline_id = str(self.pipeline_id)
        field_dict["pipeline_id"] = pipeline_id
        pipeline_number = self.pipeline_number
        field_dict["pipeline_number"] = pipeline_number
        project_slug = self.project_slug
        field_dict["project_slug"] = project_slug
        status = self.status.value
        field_dict["status"] = status
        started_by = str(self.started_by)
        field_dict["started_by"] = started_by
        created_at = self.created_at.isoformat()
        field_dict["created_at"] = created_at
        stopped_at: None | str
        if isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        field_dict["stopped_at"] = stopped_at
        canceled_by: str | Unset = UNSET
        if not isinstance(self.canceled_by, Unset):
            canceled_by = str(self.canceled_by)
        if canceled_by is not UNSET:
            field_dict["canceled_by"] = canceled_by
        errored_by: str | Unset = UNSET
        if not isinstance(self.errored_by, Unset):
            errored_by = str(self.errored_by)
        if errored_by is not UNSET:
            field_dict["errored_by"] = errored_by
        tag: None | str | Unset
        if isinstance(self.tag, Unset):
            tag = UNSET
        elif isinstance(self.tag, WorkflowTag):
            tag = self.tag.value
        else:
            tag = self.tag

        if tag is not UNSET:
            field_dict["tag"] = tag
        auto_rerun_number = self.auto_rerun_number
        if auto_rerun_number is not UNSET:
            field_dict["auto_rerun_number"] = auto_rerun_number
        max_auto_reruns = self.max_auto_reruns
        if max_auto_reruns is not UNSET:
            field_dict["max_auto_reruns"] = max_auto_reruns
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

        pipeline_id = parse_uuid(src_dict["pipeline_id"])

        pipeline_number = src_dict["pipeline_number"]
        if pipeline_number.__class__ is not int:
            pipeline_number = checked_int(pipeline_number, "pipeline_number")

        project_slug = src_dict["project_slug"]
        if project_slug.__class__ is not str:
            project_slug = checked_str(project_slug, "project_slug")

        status = enum_member(WorkflowStatus, src_dict["status"])

        started_by = parse_uuid(src_dict["started_by"])

        created_at = parse_datetime(src_dict["created_at"])

        stopped_at = src_dict["stopped_at"]
        if stopped_at is not None:
            if stopped_at.__class__ is not str and not isinstance(stopped_at, str):
                raise TypeError(f"stopped_at: unexpected {type(stopped_at).__name__}")
            stopped_at_type_0 = parse_datetime(stopped_at)

            stopped_at = stopped_at_type_0

        _canceled_by = src_dict.get("canceled_by", UNSET)
        canceled_by: UUID | Unset
        if isinstance(_canceled_by, Unset):
            canceled_by = UNSET
        else:
            canceled_by = parse_uuid(_canceled_by)

        _errored_by = src_dict.get("errored_by", UNSET)
        errored_by: UUID | Unset
        if isinstance(_errored_by, Unset):
            errored_by = UNSET
        else:
            errored_by = parse_uuid(_errored_by)

        tag = src_dict.get("tag", UNSET)
        if tag is not None and tag is not UNSET:
            if tag.__class__ is not str and not isinstance(tag, str):
                raise TypeError(f"tag: unexpected {type(tag).__name__}")
            tag_type_1 = enum_member(WorkflowTag, tag)

            tag = tag_type_1

        auto_rerun_number = src_dict.get("auto_rerun_number", UNSET)
        if auto_rerun_number.__class__ is not int and auto_rerun_number is not UNSET:
            auto_rerun_number = checked_int(auto_rerun_number, "auto_rerun_number")

        max_auto_reruns = src_dict.get("max_auto_reruns", UNSET)
        if max_auto_reruns.__class__ is not int and max_auto_reruns is not UNSET:
            max_auto_reruns = checked_int(max_auto_reruns, "max_auto_reruns")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            name,
            pipeline_id,
            pipeline_number,
            project_slug,
            status,
            started_by,
            created_at,
            stopped_at,
            canceled_by,
            errored_by,
            tag,
            auto_rerun_number,
            max_auto_reruns,
        )
        documented = (
            9
            + (canceled_by is not UNSET)
            + (errored_by is not UNSET)
            + (tag is not UNSET)
            + (auto_rerun_number is not UNSET)
            + (max_auto_reruns is not UNSET)
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
