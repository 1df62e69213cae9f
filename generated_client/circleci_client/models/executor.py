from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_str
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "resource_class",
        "type",
    }
)


@define
class Executor:
    """What a job ran on.

    Attributes:
        resource_class (str): The resource class, e.g. `medium`.
        type_ (str | Unset): The executor type, e.g. `docker`.
    """

    resource_class: str
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        resource_class = self.resource_class
        field_dict["resource_class"] = resource_class
        type_ = self.type_
        if type_ is not UNSET:
            field_dict["type"] = type_
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        resource_class = src_dict["resource_class"]
        if resource_class.__class__ is not str:
            resource_class = checked_str(resource_class, "resource_class")

        type_ = src_dict.get("type", UNSET)
        if type_.__class__ is not str and type_ is not UNSET:
            type_ = checked_str(type_, "type")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            resource_class,
            type_,
        )
        documented = 1 + (type_ is not UNSET)
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
