from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field


@define
class PipelineTriggerParametersAdditionalPropertyType3:
    """PipelineTriggerParametersAdditionalPropertyType3"""

    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        obj = cls()
        obj.additional_properties = {key: value for key, value in src_dict.items()}
        return obj

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], name: str) -> Self:
        """Build the model from a plain mapping, checking each value as ``from_dict`` does.

        Raises ``TypeError`` naming ``name`` and the key of a value of the wrong type.
        """
        if not isinstance(values, Mapping):
            raise TypeError(f"{name}: expected a mapping, not {type(values).__name__}")
        try:
            return cls.from_dict(values)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"{name}: {exc}") from None

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
