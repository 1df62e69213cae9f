# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TriggerPipelineParameters")


@_attrs_define
class TriggerPipelineParameters:
    """What to run. `branch` and `tag` cannot both be given.

    Attributes:
        branch (str | Unset): The branch to run on.
        tag (str | Unset): The tag to run on.
        parameters (TriggerPipelineParametersParameters | Unset): Pipeline parameters, declared in the project's
            configuration.
    """

    branch: str | Unset = UNSET
    tag: str | Unset = UNSET
    parameters: TriggerPipelineParametersParameters | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        branch = self.branch

        tag = self.tag

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if branch is not UNSET:
            field_dict["branch"] = branch
        if tag is not UNSET:
            field_dict["tag"] = tag
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        branch = d.pop("branch", UNSET)

        tag = d.pop("tag", UNSET)

        _parameters = d.pop("parameters", UNSET)
        parameters: TriggerPipelineParametersParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = TriggerPipelineParametersParameters.from_dict(_parameters)

        trigger_pipeline_parameters = cls(
            branch=branch,
            tag=tag,
            parameters=parameters,
        )

        trigger_pipeline_parameters.additional_properties = d
        return trigger_pipeline_parameters

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
from ..models.trigger_pipeline_parameters_parameters import TriggerPipelineParametersParameters
