from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._scalars import checked_str, parse_uuid

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "id",
        "name",
        "slug",
    }
)


@define
class WebhookProject:
    """The project of an event.

    Attributes:
        id (UUID): The project's ID.
        name (str): The project's name, e.g. `web-ui`.
        slug (str): The project's slug, e.g. `gh/circleci/web-ui`.
    """

    id: UUID
    name: str
    slug: str
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = str(self.id)
        field_dict["id"] = id
        name = self.name
        field_dict["name"] = name
        slug = self.slug
        field_dict["slug"] = slug
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        id = parse_uuid(src_dict["id"])

        name = src_dict["name"]
        if name.__class__ is not str:
            name = checked_str(name, "name")

        slug = src_dict["slug"]
        if slug.__class__ is not str:
            slug = checked_str(slug, "slug")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            name,
            slug,
        )
        documented = 3
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
