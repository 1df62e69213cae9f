from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._open_enum import enum_member
from .._scalars import checked_str
from ..models.context_restriction_type import ContextRestrictionType

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "restriction_type",
        "restriction_value",
    }
)


@define
class ContextRestrictionInput:
    """A restriction to add.

    Attributes:
        restriction_type (ContextRestrictionType): What a restriction checks: the project, an
            expression over pipeline values, or a security group.
        restriction_value (str): A project ID (`project`), an expression (`expression`) or a
            security group ID (`group`).
    """

    restriction_type: ContextRestrictionType
    restriction_value: str
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        restriction_type = self.restriction_type.value
        field_dict["restriction_type"] = restriction_type
        restriction_value = self.restriction_value
        field_dict["restriction_value"] = restriction_value
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        restriction_type = enum_member(ContextRestrictionType, src_dict["restriction_type"])

        restriction_value = src_dict["restriction_value"]
        if restriction_value.__class__ is not str:
            restriction_value = checked_str(restriction_value, "restriction_value")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            restriction_type,
            restriction_value,
        )
        documented = 2
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
