from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field


@define
class TriggerPipelineRunParametersParameters:
    """Pipeline parameters, declared in the configuration."""

    additional_properties: dict[str, bool | int | str] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        for key, value in self.additional_properties.items():
            field_dict[key] = value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        obj = cls()
        extras: dict[str, bool | int | str] = {}
        for key, value in src_dict.items():
            _additional_property = value
            additional_property: bool | int | str
            if isinstance(_additional_property, str):
                additional_property = _additional_property
            elif isinstance(_additional_property, int) and not isinstance(
                _additional_property, bool
            ):
                additional_property = _additional_property
            elif isinstance(_additional_property, bool):
                additional_property = _additional_property
            else:
                raise TypeError(f"{key}: unexpected {type(_additional_property).__name__}")

            extras[key] = additional_property
        obj.additional_properties = extras
        return obj

    @classmethod
    def from_mapping(cls, values: Mapping[str, bool | int | str], name: str) -> Self:
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

    def __getitem__(self, key: str) -> bool | int | str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: bool | int | str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
