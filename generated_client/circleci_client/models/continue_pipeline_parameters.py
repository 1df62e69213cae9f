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
        "continuation-key",
        "configuration",
        "parameters",
    }
)


@define(init=False)
class ContinuePipelineParameters:
    """How to continue a pipeline after its setup workflow.

    Attributes:
        continuation_key (str): The setup job's `CIRCLE_CONTINUATION_KEY`.
        configuration (str): The configuration to continue with (YAML).
        parameters (ContinuePipelineParametersParameters | Unset): Pipeline parameters the
            configuration declares.
    """

    continuation_key: str
    configuration: str
    parameters: ContinuePipelineParametersParameters | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def __init__(
        self,
        continuation_key: str,
        configuration: str,
        parameters: ContinuePipelineParametersParameters
        | Mapping[str, bool | int | str]
        | Unset = UNSET,
    ) -> None:
        if not isinstance(parameters, (ContinuePipelineParametersParameters, Unset)):
            parameters = ContinuePipelineParametersParameters.from_mapping(
                parameters, "ContinuePipelineParameters.parameters"
            )
        self.continuation_key = continuation_key
        self.configuration = configuration
        self.parameters = parameters
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        continuation_key = self.continuation_key
        field_dict["continuation-key"] = continuation_key
        configuration = self.configuration
        field_dict["configuration"] = configuration
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
        continuation_key = src_dict["continuation-key"]
        if continuation_key.__class__ is not str:
            continuation_key = checked_str(continuation_key, "continuation-key")

        configuration = src_dict["configuration"]
        if configuration.__class__ is not str:
            configuration = checked_str(configuration, "configuration")

        _parameters = src_dict.get("parameters", UNSET)
        parameters: ContinuePipelineParametersParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = ContinuePipelineParametersParameters.from_dict(_parameters)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            continuation_key,
            configuration,
            parameters,
        )
        documented = 2 + (parameters is not UNSET)
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


from ..models.continue_pipeline_parameters_parameters import ContinuePipelineParametersParameters
