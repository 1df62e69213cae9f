from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._scalars import (
    checked_str,
    parse_datetime,
    parse_uuid,
)

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "variable",
        "created_at",
        "updated_at",
        "context_id",
    }
)


@define
class ContextEnvironmentVariable:
    """An environment variable of a context. Its value is write-only and never returned.

    Attributes:
        variable (str): The variable's name.
        created_at (datetime.datetime): When it was first set.
        updated_at (datetime.datetime): When its value last changed.
        context_id (UUID): The context it belongs to.
    """

    variable: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    context_id: UUID
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        variable = self.variable
        field_dict["variable"] = variable
        created_at = self.created_at.isoformat()
        field_dict["created_at"] = created_at
        updated_at = self.updated_at.isoformat()
        field_dict["updated_at"] = updated_at
        context_id = str(self.context_id)
        field_dict["context_id"] = context_id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        variable = src_dict["variable"]
        if variable.__class__ is not str:
            variable = checked_str(variable, "variable")

        created_at = parse_datetime(src_dict["created_at"])

        updated_at = parse_datetime(src_dict["updated_at"])

        context_id = parse_uuid(src_dict["context_id"])

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            variable,
            created_at,
            updated_at,
            context_id,
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
