# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PipelineTriggerParameters")


@_attrs_define
class PipelineTriggerParameters:
    """The parameters the pipeline was triggered with."""

    additional_properties: dict[
        str, bool | int | PipelineTriggerParametersAdditionalPropertyType3 | str
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, PipelineTriggerParametersAdditionalPropertyType3):
                field_dict[prop_name] = prop.to_dict()
            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pipeline_trigger_parameters = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> bool | int | PipelineTriggerParametersAdditionalPropertyType3 | str:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    additional_property_type_3 = (
                        PipelineTriggerParametersAdditionalPropertyType3.from_dict(data)
                    )

                    return additional_property_type_3
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(
                    bool | int | PipelineTriggerParametersAdditionalPropertyType3 | str, data
                )

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        pipeline_trigger_parameters.additional_properties = additional_properties
        return pipeline_trigger_parameters

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(
        self, key: str
    ) -> bool | int | PipelineTriggerParametersAdditionalPropertyType3 | str:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: bool | int | PipelineTriggerParametersAdditionalPropertyType3 | str
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# Imported last (not at the top) so that models referring to each other can be imported.
from ..models.pipeline_trigger_parameters_additional_property_type_3 import (
    PipelineTriggerParametersAdditionalPropertyType3,
)
