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
        "vcs_type",
        "name",
        "avatar_url",
        "slug",
    }
)


@define
class Collaboration:
    """An organization the user belongs to.

    Attributes:
        id (None | UUID): The organization's ID.
        vcs_type (str): The VCS provider, e.g. `github`, `bitbucket` or `circleci`.
        name (str): The organization's name.
        avatar_url (str): URL of the organization's avatar.
        slug (str): The organization's slug, e.g. `gh/acme`.
    """

    id: None | UUID
    vcs_type: str
    name: str
    avatar_url: str
    slug: str
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id: None | str
        if isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        field_dict["id"] = id
        vcs_type = self.vcs_type
        field_dict["vcs_type"] = vcs_type
        name = self.name
        field_dict["name"] = name
        avatar_url = self.avatar_url
        field_dict["avatar_url"] = avatar_url
        slug = self.slug
        field_dict["slug"] = slug
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        id = src_dict["id"]
        if id is not None:
            if id.__class__ is not str and not isinstance(id, str):
                raise TypeError(f"id: unexpected {type(id).__name__}")
            id_type_0 = parse_uuid(id)

            id = id_type_0

        vcs_type = src_dict["vcs_type"]
        if vcs_type.__class__ is not str:
            vcs_type = checked_str(vcs_type, "vcs_type")

        name = src_dict["name"]
        if name.__class__ is not str:
            name = checked_str(name, "name")

        avatar_url = src_dict["avatar_url"]
        if avatar_url.__class__ is not str:
            avatar_url = checked_str(avatar_url, "avatar_url")

        slug = src_dict["slug"]
        if slug.__class__ is not str:
            slug = checked_str(slug, "slug")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            vcs_type,
            name,
            avatar_url,
            slug,
        )
        documented = 5
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
