from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_str
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "name",
        "email",
    }
)


@define
class WebhookPerson:
    """A commit's author or committer.

    Attributes:
        name (None | str | Unset): The person's name.
        email (None | str | Unset): The person's email address.
    """

    name: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        if name is not UNSET:
            field_dict["name"] = name
        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        if email is not UNSET:
            field_dict["email"] = email
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        name = src_dict.get("name", UNSET)
        if name.__class__ is not str and name is not None and name is not UNSET:
            name = checked_str(name, "name", nullable=True)

        email = src_dict.get("email", UNSET)
        if email.__class__ is not str and email is not None and email is not UNSET:
            email = checked_str(email, "email", nullable=True)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            name,
            email,
        )
        documented = 0 + (name is not UNSET) + (email is not UNSET)
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
