# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._scalars import parse_uuid
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "definition_id",
        "config",
        "checkout",
        "parameters",
    }
)


@define(init=False)
class TriggerPipelineRunParameters:
    """What to run. Every part is optional.

    Attributes:
        definition_id (UUID | Unset): The pipeline definition to run (`listPipelineDefinitions`);
            the project's default one when omitted.
        config (GitRef | Unset): A branch or a tag (not both).
        checkout (GitRef | Unset): A branch or a tag (not both).
        parameters (TriggerPipelineRunParametersParameters | Unset): Pipeline parameters, declared
            in the configuration.
    """

    definition_id: UUID | Unset = UNSET
    config: GitRef | Unset = UNSET
    checkout: GitRef | Unset = UNSET
    parameters: TriggerPipelineRunParametersParameters | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def __init__(
        self,
        definition_id: UUID | Unset = UNSET,
        config: GitRef | Unset = UNSET,
        checkout: GitRef | Unset = UNSET,
        parameters: TriggerPipelineRunParametersParameters
        | Mapping[str, bool | int | str]
        | Unset = UNSET,
    ) -> None:
        if not isinstance(parameters, (TriggerPipelineRunParametersParameters, Unset)):
            parameters = TriggerPipelineRunParametersParameters.from_mapping(
                parameters, "TriggerPipelineRunParameters.parameters"
            )
        self.definition_id = definition_id
        self.config = config
        self.checkout = checkout
        self.parameters = parameters
        self.additional_properties = {}

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        definition_id: str | Unset = UNSET
        if not isinstance(self.definition_id, Unset):
            definition_id = str(self.definition_id)
        if definition_id is not UNSET:
            field_dict["definition_id"] = definition_id
        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()
        if config is not UNSET:
            field_dict["config"] = config
        checkout: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checkout, Unset):
            checkout = self.checkout.to_dict()
        if checkout is not UNSET:
            field_dict["checkout"] = checkout
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
        _definition_id = src_dict.get("definition_id", UNSET)
        definition_id: UUID | Unset
        if isinstance(_definition_id, Unset):
            definition_id = UNSET
        else:
            definition_id = parse_uuid(_definition_id)

        _config = src_dict.get("config", UNSET)
        config: GitRef | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = GitRef.from_dict(_config)

        _checkout = src_dict.get("checkout", UNSET)
        checkout: GitRef | Unset
        if isinstance(_checkout, Unset):
            checkout = UNSET
        else:
            checkout = GitRef.from_dict(_checkout)

        _parameters = src_dict.get("parameters", UNSET)
        parameters: TriggerPipelineRunParametersParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = TriggerPipelineRunParametersParameters.from_dict(_parameters)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            definition_id,
            config,
            checkout,
            parameters,
        )
        documented = (
            0
            + (definition_id is not UNSET)
            + (config is not UNSET)
            + (checkout is not UNSET)
            + (parameters is not UNSET)
        )
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


from ..models.git_ref import GitRef
from ..models.trigger_pipeline_run_parameters_parameters import (
    TriggerPipelineRunParametersParameters,
)
