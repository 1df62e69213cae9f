from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.checkout_key_type import CheckoutKeyType

T = TypeVar("T", bound="CheckoutKey")


@_attrs_define
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        public_key = self.public_key

        type_ = self.type_.value

        fingerprint = self.fingerprint

        preferred = self.preferred

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "public-key": public_key,
                "type": type_,
                "fingerprint": fingerprint,
                "preferred": preferred,
                "created-at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        public_key = d.pop("public-key")

        type_ = CheckoutKeyType(d.pop("type"))

        fingerprint = d.pop("fingerprint")

        preferred = d.pop("preferred")

        created_at = datetime.datetime.fromisoformat(d.pop("created-at"))

        checkout_key = cls(
            public_key=public_key,
            type_=type_,
            fingerprint=fingerprint,
            preferred=preferred,
            created_at=created_at,
        )

        checkout_key.additional_properties = d
        return checkout_key

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
