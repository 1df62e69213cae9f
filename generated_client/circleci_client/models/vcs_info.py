from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.vcs_provider import VcsProvider

T = TypeVar("T", bound="VcsInfo")


@_attrs_define
class VcsInfo:
    """A project's repository.

    Attributes:
        vcs_url (str): URL of the repository.
        provider (VcsProvider): Where a project's code lives. New values may appear.
        default_branch (str): The repository's default branch.
    """

    vcs_url: str
    provider: VcsProvider
    default_branch: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vcs_url = self.vcs_url

        provider = self.provider.value

        default_branch = self.default_branch

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vcs_url": vcs_url,
                "provider": provider,
                "default_branch": default_branch,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        vcs_url = d.pop("vcs_url")

        provider = VcsProvider(d.pop("provider"))

        default_branch = d.pop("default_branch")

        vcs_info = cls(
            vcs_url=vcs_url,
            provider=provider,
            default_branch=default_branch,
        )

        vcs_info.additional_properties = d
        return vcs_info

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
