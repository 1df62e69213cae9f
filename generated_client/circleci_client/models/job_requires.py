from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._open_enum import enum_member
from ..models.required_job_status import RequiredJobStatus


@define
class JobRequires:
    """The jobs this one waits for, by name, with the statuses they must reach."""

    additional_properties: dict[str, list[RequiredJobStatus]] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        for key, value in self.additional_properties.items():
            field_dict[key] = []
            for additional_property_item_data in value:
                additional_property_item = additional_property_item_data.value
                field_dict[key].append(additional_property_item)

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        obj = cls()
        extras: dict[str, list[RequiredJobStatus]] = {}
        for key, value in src_dict.items():
            _additional_property = value
            additional_property: list[RequiredJobStatus]
            if not isinstance(_additional_property, list):
                raise TypeError(
                    f"AdditionalProperty: expected a list, not {type(_additional_property).__name__}"
                )
            additional_property = []
            for additional_property_item_data in _additional_property:
                additional_property_item = enum_member(
                    RequiredJobStatus, additional_property_item_data
                )

                additional_property.append(additional_property_item)

            extras[key] = additional_property
        obj.additional_properties = extras
        return obj

    @classmethod
    def from_mapping(cls, values: Mapping[str, list[RequiredJobStatus]], name: str) -> Self:
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

    def __getitem__(self, key: str) -> list[RequiredJobStatus]:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: list[RequiredJobStatus]) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
