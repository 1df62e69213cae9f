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
        "id",
        "login",
        "name",
        "avatar_url",
    }
)


@define
class User:
    """A CircleCI user.

    Attributes:
        id (UUID): The user's ID.
        login (str): The user's login on the VCS.
        name (str): The user's name.
        avatar_url (None | str | Unset): URL of the user's avatar.
    """

    id: UUID
    login: str
    name: str
    avatar_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = str(self.id)
        field_dict["id"] = id
        login = self.login
        field_dict["login"] = login
        name = self.name
        field_dict["name"] = name
        avatar_url: None | str | Unset
        if isinstance(self.avatar_url, Unset):
            avatar_url = UNSET
        else:
            avatar_url = self.avatar_url

        if avatar_url is not UNSET:
            field_dict["avatar_url"] = avatar_url
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        id = parse_uuid(src_dict["id"])

        login = src_dict["login"]
        if login.__class__ is not str:
            login = checked_str(login, "login")

        name = src_dict["name"]
        if name.__class__ is not str:
            name = checked_str(name, "name")

        avatar_url = src_dict.get("avatar_url", UNSET)
        if avatar_url.__class__ is not str and avatar_url is not None and avatar_url is not UNSET:
            avatar_url = checked_str(avatar_url, "avatar_url", nullable=True)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            login,
            name,
            avatar_url,
        )
        documented = 3 + (avatar_url is not UNSET)
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
