from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pipeline_state import PipelineState

T = TypeVar("T", bound="PipelineCreation")


@_attrs_define
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        state = self.state.value

        number = self.number

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "state": state,
                "number": number,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        state = PipelineState(d.pop("state"))

        number = d.pop("number")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        pipeline_creation = cls(
            id=id,
            state=state,
            number=number,
            created_at=created_at,
        )

        pipeline_creation.additional_properties = d
        return pipeline_creation

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
