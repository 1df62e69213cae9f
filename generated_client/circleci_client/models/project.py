# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._scalars import checked_str, parse_uuid

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "slug",
        "name",
        "id",
        "organization_name",
        "organization_slug",
        "organization_id",
        "vcs_info",
    }
)


@define
class Project:
    """A project.

    Attributes:
        slug (str): The project's slug.
        name (str): The project's name.
        id (UUID): The project's ID.
        organization_name (str): The organization's name.
        organization_slug (str): The organization's slug.
        organization_id (UUID): The organization's ID.
        vcs_info (VcsInfo): A project's repository.
    """

    slug: str
    name: str
    id: UUID
    organization_name: str
    organization_slug: str
    organization_id: UUID
    vcs_info: VcsInfo
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        slug = self.slug
        field_dict["slug"] = slug
        name = self.name
        field_dict["name"] = name
        id = str(self.id)
        field_dict["id"] = id
        organization_name = self.organization_name
        field_dict["organization_name"] = organization_name
        organization_slug = self.organization_slug
        field_dict["organization_slug"] = organization_slug
        organization_id = str(self.organization_id)
        field_dict["organization_id"] = organization_id
        vcs_info = self.vcs_info.to_dict()
        field_dict["vcs_info"] = vcs_info
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

        id = parse_uuid(src_dict["id"])

        organization_name = src_dict["organization_name"]
        if organization_name.__class__ is not str:
            organization_name = checked_str(organization_name, "organization_name")

        organization_slug = src_dict["organization_slug"]
        if organization_slug.__class__ is not str:
            organization_slug = checked_str(organization_slug, "organization_slug")

        organization_id = parse_uuid(src_dict["organization_id"])

        vcs_info = VcsInfo.from_dict(src_dict["vcs_info"])

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            slug,
            name,
            id,
            organization_name,
            organization_slug,
            organization_id,
            vcs_info,
        )
        documented = 7
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


from ..models.vcs_info import VcsInfo
