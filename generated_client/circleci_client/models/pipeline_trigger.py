# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.trigger_type import TriggerType

T = TypeVar("T", bound="PipelineTrigger")


@_attrs_define
class PipelineTrigger:
    """What triggered a pipeline, when, and who.

    Attributes:
        type_ (TriggerType): What started a pipeline. New values may appear.
        received_at (datetime.datetime): When the trigger arrived.
        actor (TriggerActor): The user who triggered a pipeline.
    """

    type_: TriggerType
    received_at: datetime.datetime
    actor: TriggerActor
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        received_at = self.received_at.isoformat()

        actor = self.actor.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "received_at": received_at,
                "actor": actor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = TriggerType(d.pop("type"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        actor = TriggerActor.from_dict(d.pop("actor"))

        pipeline_trigger = cls(
            type_=type_,
            received_at=received_at,
            actor=actor,
        )

        pipeline_trigger.additional_properties = d
        return pipeline_trigger

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
from ..models.trigger_actor import TriggerActor
