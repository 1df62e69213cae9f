# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pipeline_state import PipelineState
from ..types import UNSET, Unset

T = TypeVar("T", bound="Pipeline")


@_attrs_define
class Pipeline:
    """A pipeline.

    Attributes:
        id (UUID): The pipeline's ID.
        errors (list[PipelineError]): Errors that happened while creating the pipeline.
        project_slug (str): The project's slug.
        number (int): The pipeline's number within its project.
        state (PipelineState): The state of a pipeline. New values may appear.
        created_at (datetime.datetime): When the pipeline was created.
        trigger (PipelineTrigger): What triggered a pipeline, when, and who.
        updated_at (datetime.datetime | Unset): When the pipeline last changed.
        trigger_parameters (PipelineTriggerParameters | Unset): The parameters the pipeline was triggered with.
        vcs (PipelineVcs | Unset): The code a pipeline ran on.
    """

    id: UUID
    errors: list[PipelineError]
    project_slug: str
    number: int
    state: PipelineState
    created_at: datetime.datetime
    trigger: PipelineTrigger
    updated_at: datetime.datetime | Unset = UNSET
    trigger_parameters: PipelineTriggerParameters | Unset = UNSET
    vcs: PipelineVcs | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        project_slug = self.project_slug

        number = self.number

        state = self.state.value

        created_at = self.created_at.isoformat()

        trigger = self.trigger.to_dict()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        trigger_parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trigger_parameters, Unset):
            trigger_parameters = self.trigger_parameters.to_dict()

        vcs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vcs, Unset):
            vcs = self.vcs.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "errors": errors,
                "project_slug": project_slug,
                "number": number,
                "state": state,
                "created_at": created_at,
                "trigger": trigger,
            }
        )
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if trigger_parameters is not UNSET:
            field_dict["trigger_parameters"] = trigger_parameters
        if vcs is not UNSET:
            field_dict["vcs"] = vcs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = PipelineError.from_dict(errors_item_data)

            errors.append(errors_item)

        project_slug = d.pop("project_slug")

        number = d.pop("number")

        state = PipelineState(d.pop("state"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        trigger = PipelineTrigger.from_dict(d.pop("trigger"))

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        _trigger_parameters = d.pop("trigger_parameters", UNSET)
        trigger_parameters: PipelineTriggerParameters | Unset
        if isinstance(_trigger_parameters, Unset):
            trigger_parameters = UNSET
        else:
            trigger_parameters = PipelineTriggerParameters.from_dict(_trigger_parameters)

        _vcs = d.pop("vcs", UNSET)
        vcs: PipelineVcs | Unset
        if isinstance(_vcs, Unset):
            vcs = UNSET
        else:
            vcs = PipelineVcs.from_dict(_vcs)

        pipeline = cls(
            id=id,
            errors=errors,
            project_slug=project_slug,
            number=number,
            state=state,
            created_at=created_at,
            trigger=trigger,
            updated_at=updated_at,
            trigger_parameters=trigger_parameters,
            vcs=vcs,
        )

        pipeline.additional_properties = d
        return pipeline

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
from ..models.pipeline_error import PipelineError
from ..models.pipeline_trigger import PipelineTrigger
from ..models.pipeline_trigger_parameters import PipelineTriggerParameters
from ..models.pipeline_vcs import PipelineVcs
