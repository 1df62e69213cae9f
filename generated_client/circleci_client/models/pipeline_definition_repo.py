from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_str
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "full_name",
        "external_id",
    }
)


@define
class PipelineDefinitionRepo:
    """A repository a pipeline definition uses.

    Attributes:
        full_name (str | Unset): The repository's full name, e.g. `acme/gizmo`.
        external_id (str | Unset): The repository's ID at its provider.
    """

    full_name: str | Unset = UNSET
    external_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        full_name = self.full_name
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        external_id = self.external_id
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        full_name = src_dict.get("full_name", UNSET)
        if full_name.__class__ is not str and full_name is not UNSET:
            full_name = checked_str(full_name, "full_name")

        external_id = src_dict.get("external_id", UNSET)
        if external_id.__class__ is not str and external_id is not UNSET:
            external_id = checked_str(external_id, "external_id")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            full_name,
            external_id,
        )
        documented = 0 + (full_name is not UNSET) + (external_id is not UNSET)
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
