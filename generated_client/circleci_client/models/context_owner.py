from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._open_enum import enum_member
from .._scalars import checked_str, parse_uuid
from ..models.context_owner_type import ContextOwnerType
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "id",
        "slug",
        "type",
    }
)


@define
class ContextOwner:
    """The owner of a new context: `id`, or `slug` for an organization (not on CircleCI
    server). `type` defaults to `organization`; `account` goes with `id` only.

    Attributes:
        id (UUID | Unset): The organization's (or account's) ID.
        slug (str | Unset): The organization's slug, e.g. `gh/acme`.
        type_ (ContextOwnerType | Unset): What owns a context. Accounts own contexts on CircleCI
            server only.
    """

    id: UUID | Unset = UNSET
    slug: str | Unset = UNSET
    type_: ContextOwnerType | Unset = UNSET
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
        slug = self.slug
        if slug is not UNSET:
            field_dict["slug"] = slug
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value
        if type_ is not UNSET:
            field_dict["type"] = type_
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

        slug = src_dict.get("slug", UNSET)
        if slug.__class__ is not str and slug is not UNSET:
            slug = checked_str(slug, "slug")

        _type_ = src_dict.get("type", UNSET)
        type_: ContextOwnerType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = enum_member(ContextOwnerType, _type_)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            slug,
            type_,
        )
        documented = 0 + (id is not UNSET) + (slug is not UNSET) + (type_ is not UNSET)
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
