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
        "value",
        "created-at",
    }
)


@define
class EnvironmentVariable:
    """A project environment variable. The value comes back masked, e.g. `xxxx1234`.

    Attributes:
        name (str): The variable's name.
        value (str): The masked value.
        created_at (None | str | Unset): When it was created. Its format varies, so it is kept as
            text.
    """

    name: str
    value: str
    created_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        name = self.name
        field_dict["name"] = name
        value = self.value
        field_dict["value"] = value
        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        if created_at is not UNSET:
            field_dict["created-at"] = created_at
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        name = src_dict["name"]
        if name.__class__ is not str:
            name = checked_str(name, "name")

        value = src_dict["value"]
        if value.__class__ is not str:
            value = checked_str(value, "value")

        created_at = src_dict.get("created-at", UNSET)
        if created_at.__class__ is not str and created_at is not None and created_at is not UNSET:
            created_at = checked_str(created_at, "created-at", nullable=True)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            name,
            value,
            created_at,
        )
        documented = 2 + (created_at is not UNSET)
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
