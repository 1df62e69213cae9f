from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._open_enum import enum_member
from .._scalars import checked_str
from ..models.vcs_provider import VcsProvider

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "vcs_url",
        "provider",
        "default_branch",
    }
)


@define
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
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        vcs_url = self.vcs_url
        field_dict["vcs_url"] = vcs_url
        provider = self.provider.value
        field_dict["provider"] = provider
        default_branch = self.default_branch
        field_dict["default_branch"] = default_branch
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        vcs_url = src_dict["vcs_url"]
        if vcs_url.__class__ is not str:
            vcs_url = checked_str(vcs_url, "vcs_url")

        provider = enum_member(VcsProvider, src_dict["provider"])

        default_branch = src_dict["default_branch"]
        if default_branch.__class__ is not str:
            default_branch = checked_str(default_branch, "default_branch")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            vcs_url,
            provider,
            default_branch,
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
