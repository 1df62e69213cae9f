from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._open_enum import enum_member
from .._scalars import checked_bool, checked_str, parse_datetime
from ..models.checkout_key_type import CheckoutKeyType

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "public-key",
        "type",
        "fingerprint",
        "preferred",
        "created-at",
    }
)


@define
class CheckoutKey:
    """An SSH key CircleCI uses to check out code.

    Attributes:
        public_key (str): The public key.
        type_ (CheckoutKeyType): The kind of a checkout key. New values may appear.
        fingerprint (str): The key's fingerprint.
        preferred (bool): Whether CircleCI uses this key first.
        created_at (datetime.datetime): When it was created.
    """

    public_key: str
    type_: CheckoutKeyType
    fingerprint: str
    preferred: bool
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        public_key = self.public_key
        field_dict["public-key"] = public_key
        type_ = self.type_.value
        field_dict["type"] = type_
        fingerprint = self.fingerprint
        field_dict["fingerprint"] = fingerprint
        preferred = self.preferred
        field_dict["preferred"] = preferred
        created_at = self.created_at.isoformat()
        field_dict["created-at"] = created_at
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        public_key = src_dict["public-key"]
        if public_key.__class__ is not str:
            public_key = checked_str(public_key, "public-key")

        type_ = enum_member(CheckoutKeyType, src_dict["type"])

        fingerprint = src_dict["fingerprint"]
        if fingerprint.__class__ is not str:
            fingerprint = checked_str(fingerprint, "fingerprint")

        preferred = src_dict["preferred"]
        if preferred.__class__ is not bool:
            preferred = checked_bool(preferred, "preferred")

        created_at = parse_datetime(src_dict["created-at"])

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            public_key,
            type_,
            fingerprint,
            preferred,
            created_at,
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
