# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_str
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "branch",
        "tag",
        "parameters",
    }
)


@define(init=False)
class TriggerPipelineParameters:
    """What to run. `branch` and `tag` cannot both be given.

    Attributes:
        branch (str | Unset): The branch to run on.
        tag (str | Unset): The tag to run on.
        parameters (TriggerPipelineParametersParameters | Unset): Pipeline parameters, declared in
            the project's configuration.
    """

    branch: str | Unset = UNSET
    tag: str | Unset = UNSET
    parameters: TriggerPipelineParametersParameters | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def __init__(
        self,
        branch: str | Unset = UNSET,
        tag: str | Unset = UNSET,
        parameters: TriggerPipelineParametersParameters
        | Mapping[str, bool | int | str]
        | Unset = UNSET,
    ) -> None:
        if not isinstance(parameters, (TriggerPipelineParametersParameters, Unset)):
            parameters = TriggerPipelineParametersParameters.from_mapping(
                parameters, "TriggerPipelineParameters.parameters"
            )
        self.branch = branch
        self.tag = tag
        self.parameters = parameters
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        branch = self.branch
        if branch is not UNSET:
            field_dict["branch"] = branch
        tag = self.tag
        if tag is not UNSET:
            field_dict["tag"] = tag
        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        branch = src_dict.get("branch", UNSET)
        if branch.__class__ is not str and branch is not UNSET:
            branch = checked_str(branch, "branch")

        tag = src_dict.get("tag", UNSET)
        if tag.__class__ is not str and tag is not UNSET:
            tag = checked_str(tag, "tag")

        _parameters = src_dict.get("parameters", UNSET)
        parameters: TriggerPipelineParametersParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = TriggerPipelineParametersParameters.from_dict(_parameters)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            branch,
            tag,
            parameters,
        )
        documented = 0 + (branch is not UNSET) + (tag is not UNSET) + (parameters is not UNSET)
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


from ..models.trigger_pipeline_parameters_parameters import TriggerPipelineParametersParameters
