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
from ..models.pipeline_state import PipelineState
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "id",
        "errors",
        "project_slug",
        "number",
        "state",
        "created_at",
        "trigger",
        "updated_at",
        "trigger_parameters",
        "vcs",
    }
)


@define(init=False)
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
        trigger_parameters (PipelineTriggerParameters | Unset): The parameters the pipeline was
            triggered with.
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
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def __init__(
        self,
        id: UUID,
        errors: list[PipelineError],
        project_slug: str,
        number: int,
        state: PipelineState,
        created_at: datetime.datetime,
        trigger: PipelineTrigger,
        updated_at: datetime.datetime | Unset = UNSET,
        trigger_parameters: PipelineTriggerParameters
        | Mapping[str, bool | int | PipelineTriggerParametersAdditionalPropertyType3 | str]
        | Unset = UNSET,
        vcs: PipelineVcs | Unset = UNSET,
    ) -> None:
        if not isinstance(trigger_parameters, (PipelineTriggerParameters, Unset)):
            trigger_parameters = PipelineTriggerParameters.from_mapping(
                trigger_parameters, "Pipeline.trigger_parameters"
            )
        self.id = id
        self.errors = errors
        self.project_slug = project_slug
        self.number = number
        self.state = state
        self.created_at = created_at
        self.trigger = trigger
        self.updated_at = updated_at
        self.trigger_parameters = trigger_parameters
        self.vcs = vcs
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = str(self.id)
        field_dict["id"] = id
        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict["errors"] = errors
        project_slug = self.project_slug
        field_dict["project_slug"] = project_slug
        number = self.number
        field_dict["number"] = number
        state = self.state.value
        field_dict["state"] = state
        created_at = self.created_at.isoformat()
        field_dict["created_at"] = created_at
        trigger = self.trigger.to_dict()
        field_dict["trigger"] = trigger
        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        trigger_parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trigger_parameters, Unset):
            trigger_parameters = self.trigger_parameters.to_dict()
        if trigger_parameters is not UNSET:
            field_dict["trigger_parameters"] = trigger_parameters
        vcs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vcs, Unset):
            vcs = self.vcs.to_dict()
        if vcs is not UNSET:
            field_dict["vcs"] = vcs
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        id = parse_uuid(src_dict["id"])

        _errors = src_dict["errors"]
        errors: list[PipelineError]
        if not isinstance(_errors, list):
            raise TypeError(f"errors: expected a list, not {type(_errors).__name__}")
        parse_errors_item = PipelineError.from_dict
        errors = [parse_errors_item(item) for item in _errors]

        project_slug = src_dict["project_slug"]
        if project_slug.__class__ is not str:
            project_slug = checked_str(project_slug, "project_slug")

        number = src_dict["number"]
        if number.__class__ is not int:
            number = checked_int(number, "number")

        state = enum_member(PipelineState, src_dict["state"])

        created_at = parse_datetime(src_dict["created_at"])

        trigger = PipelineTrigger.from_dict(src_dict["trigger"])

        _updated_at = src_dict.get("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = parse_datetime(_updated_at)

        _trigger_parameters = src_dict.get("trigger_parameters", UNSET)
        trigger_parameters: PipelineTriggerParameters | Unset
        if isinstance(_trigger_parameters, Unset):
            trigger_parameters = UNSET
        else:
            trigger_parameters = PipelineTriggerParameters.from_dict(_trigger_parameters)

        _vcs = src_dict.get("vcs", UNSET)
        vcs: PipelineVcs | Unset
        if isinstance(_vcs, Unset):
            vcs = UNSET
        else:
            vcs = PipelineVcs.from_dict(_vcs)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            errors,
            project_slug,
            number,
            state,
            created_at,
            trigger,
            updated_at,
            trigger_parameters,
            vcs,
        )
        documented = (
            7 + (updated_at is not UNSET) + (trigger_parameters is not UNSET) + (vcs is not UNSET)
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


from ..models.pipeline_error import PipelineError
from ..models.pipeline_trigger import PipelineTrigger
from ..models.pipeline_trigger_parameters import PipelineTriggerParameters
from ..models.pipeline_trigger_parameters_additional_property_type_3 import (
    PipelineTriggerParametersAdditionalPropertyType3,
)
from ..models.pipeline_vcs import PipelineVcs
