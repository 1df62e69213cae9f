from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Collaboration")


@_attrs_define
class Collaboration:
    """An organization the user belongs to.

    Attributes:
        id (None | UUID): The organization's ID.
        vcs_type (str): The VCS provider, e.g. `github`.
        name (str): The organization's name.
        avatar_url (str): URL of the organization's avatar.
        slug (str): The organization's slug, e.g. `gh/acme`.
    """

    id: None | UUID
    vcs_type: str
    name: str
    avatar_url: str
    slug: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: None | str
        if isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        vcs_type = self.vcs_type

        name = self.name

        avatar_url = self.avatar_url

        slug = self.slug

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "vcs-type": vcs_type,
                "name": name,
                "avatar_url": avatar_url,
                "slug": slug,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        id = _parse_id(d.pop("id"))

        vcs_type = d.pop("vcs-type")

        name = d.pop("name")

        avatar_url = d.pop("avatar_url")

        slug = d.pop("slug")

        collaboration = cls(
            id=id,
            vcs_type=vcs_type,
            name=name,
            avatar_url=avatar_url,
            slug=slug,
        )

        collaboration.additional_properties = d
        return collaboration

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
