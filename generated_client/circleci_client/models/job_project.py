from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._scalars import checked_str, parse_uuid
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "slug",
        "name",
        "external_url",
        "id",
    }
)


@define
class JobProject:
    """The project a job belongs to.

    Attributes:
        slug (str): The project's slug.
        name (str): The project's name.
        external_url (str): URL of the project's repository.
        id (UUID | Unset): The project's ID.
    """

    slug: str
    name: str
    external_url: str
    id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        slug = self.slug
        field_dict["slug"] = slug
        name = self.name
        field_dict["name"] = name
        external_url = self.external_url
        field_dict["external_url"] = external_url
        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)
        if id is not UNSET:
            field_dict["id"] = id
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        slug = src_dict["slug"]
        if slug.__class__ is not str:
            slug = checked_str(slug, "slug")

        name = src_dict["name"]
        if name.__class__ is not str:
            name = checked_str(name, "name")

        external_url = src_dict["external_url"]
        if external_url.__class__ is not str:
            external_url = checked_str(external_url, "external_url")

        _id = src_dict.get("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = parse_uuid(_id)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            slug,
            name,
            external_url,
            id,
        )
        documented = 3 + (id is not UNSET)
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
