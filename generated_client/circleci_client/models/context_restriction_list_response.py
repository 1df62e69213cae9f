# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_str

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "items",
        "next_page_token",
    }
)


@define
class ContextRestrictionListResponse:
    """One page of a context's restrictions.

    Attributes:
        items (list[ContextRestriction]):
        next_page_token (None | str): Pass as `page-token` to get the next page; null on the last
            page.
    """

    items: list[ContextRestriction]
    next_page_token: None | str
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict["items"] = items
        next_page_token: None | str
        next_page_token = self.next_page_token

        field_dict["next_page_token"] = next_page_token
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        _items = src_dict["items"]
        items: list[ContextRestriction]
        if not isinstance(_items, list):
            raise TypeError(f"items: expected a list, not {type(_items).__name__}")
        parse_items_item = ContextRestriction.from_dict
        items = [parse_items_item(item) for item in _items]

        next_page_token = src_dict["next_page_token"]
        if next_page_token.__class__ is not str and next_page_token is not None:
            next_page_token = checked_str(next_page_token, "next_page_token", nullable=True)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            items,
            next_page_token,
        )
        documented = 2
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


from ..models.context_restriction import ContextRestriction
