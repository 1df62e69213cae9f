# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._open_enum import enum_member
from .._scalars import parse_datetime
from ..models.trigger_type import TriggerType

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "type",
        "received_at",
        "actor",
    }
)


@define
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
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        type_ = self.type_.value
        field_dict["type"] = type_
        received_at = self.received_at.isoformat()
        field_dict["received_at"] = received_at
        actor = self.actor.to_dict()
        field_dict["actor"] = actor
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        type_ = enum_member(TriggerType, src_dict["type"])

        received_at = parse_datetime(src_dict["received_at"])

        actor = TriggerActor.from_dict(src_dict["actor"])

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            type_,
            received_at,
            actor,
        )
        documented = 3
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


from ..models.trigger_actor import TriggerActor
