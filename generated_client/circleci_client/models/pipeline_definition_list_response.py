# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "items",
    }
)


@define
class PipelineDefinitionListResponse:
    """A project's pipeline definitions (one page holds them all).

    Attributes:
        items (list[PipelineDefinition] | Unset):
    """

    items: list[PipelineDefinition] | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        if items is not UNSET:
            field_dict["items"] = items
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        _items = src_dict.get("items", UNSET)
        items: list[PipelineDefinition] | Unset
        if _items is UNSET:
            items = UNSET
        elif not isinstance(_items, list):
            raise TypeError(f"items: expected a list, not {type(_items).__name__}")
        else:
            parse_items_item = PipelineDefinition.from_dict
            items = [parse_items_item(item) for item in _items]

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            items,
        )
        documented = 0 + (items is not UNSET)
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


from ..models.pipeline_definition import PipelineDefinition
