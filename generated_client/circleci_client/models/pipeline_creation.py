from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._open_enum import enum_member
from .._scalars import (
    checked_int,
    parse_datetime,
    parse_uuid,
)
from ..models.pipeline_state import PipelineState

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "id",
        "state",
        "number",
        "created_at",
    }
)


@define
class PipelineCreation:
    """A newly created pipeline.

    Attributes:
        id (UUID): The pipeline's ID.
        state (PipelineState): The state of a pipeline. New values may appear.
        number (int): The pipeline's number within its project.
        created_at (datetime.datetime): When the pipeline was created.
    """

    id: UUID
    state: PipelineState
    number: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = str(self.id)
        field_dict["id"] = id
        state = self.state.value
        field_dict["state"] = state
        number = self.number
        field_dict["number"] = number
        created_at = self.created_at.isoformat()
        field_dict["created_at"] = created_at
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        id = parse_uuid(src_dict["id"])

        state = enum_member(PipelineState, src_dict["state"])

        number = src_dict["number"]
        if number.__class__ is not int:
            number = checked_int(number, "number")

        created_at = parse_datetime(src_dict["created_at"])

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            state,
            number,
            created_at,
        )
        documented = 4
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
