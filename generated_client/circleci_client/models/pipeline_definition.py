# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._scalars import (
    checked_str,
    parse_datetime,
    parse_uuid,
)
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "id",
        "name",
        "description",
        "created_at",
        "config_source",
        "checkout_source",
    }
)


@define
class PipelineDefinition:
    """A pipeline definition of a project.

    Attributes:
        id (UUID | Unset): The definition's ID: `definition_id` for `triggerPipelineRun`.
        name (str | Unset): The definition's name.
        description (str | Unset): What the definition is for.
        created_at (datetime.datetime | Unset): When it was created.
        config_source (PipelineDefinitionConfigSource | Unset): Where a pipeline definition reads
            its configuration.
        checkout_source (PipelineDefinitionCheckoutSource | Unset): The repository a pipeline
            definition checks out.
    """

    id: UUID | Unset = UNSET
    name: str | Unset = UNSET
    description: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    config_source: PipelineDefinitionConfigSource | Unset = UNSET
    checkout_source: PipelineDefinitionCheckoutSource | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)
        if id is not UNSET:
            field_dict["id"] = id
        name = self.name
        if name is not UNSET:
            field_dict["name"] = name
        description = self.description
        if description is not UNSET:
            field_dict["description"] = description
        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        config_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config_source, Unset):
            config_source = self.config_source.to_dict()
        if config_source is not UNSET:
            field_dict["config_source"] = config_source
        checkout_source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.checkout_source, Unset):
            checkout_source = self.checkout_source.to_dict()
        if checkout_source is not UNSET:
            field_dict["checkout_source"] = checkout_source
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        _id = src_dict.get("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = parse_uuid(_id)

        name = src_dict.get("name", UNSET)
        if name.__class__ is not str and name is not UNSET:
            name = checked_str(name, "name")

        description = src_dict.get("description", UNSET)
        if description.__class__ is not str and description is not UNSET:
            description = checked_str(description, "description")

        _created_at = src_dict.get("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = parse_datetime(_created_at)

        _config_source = src_dict.get("config_source", UNSET)
        config_source: PipelineDefinitionConfigSource | Unset
        if isinstance(_config_source, Unset):
            config_source = UNSET
        else:
            config_source = PipelineDefinitionConfigSource.from_dict(_config_source)

        _checkout_source = src_dict.get("checkout_source", UNSET)
        checkout_source: PipelineDefinitionCheckoutSource | Unset
        if isinstance(_checkout_source, Unset):
            checkout_source = UNSET
        else:
            checkout_source = PipelineDefinitionCheckoutSource.from_dict(_checkout_source)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            name,
            description,
            created_at,
            config_source,
            checkout_source,
        )
        documented = (
            0
            + (id is not UNSET)
            + (name is not UNSET)
            + (description is not UNSET)
            + (created_at is not UNSET)
            + (config_source is not UNSET)
            + (checkout_source is not UNSET)
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


from ..models.pipeline_definition_checkout_source import PipelineDefinitionCheckoutSource
from ..models.pipeline_definition_config_source import PipelineDefinitionConfigSource
