# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_str
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "provider",
        "repo",
    }
)


@define
class PipelineDefinitionCheckoutSource:
    """The repository a pipeline definition checks out.

    Attributes:
        provider (str | Unset): The source's provider, e.g. `github_app`.
        repo (PipelineDefinitionRepo | Unset): A repository a pipeline definition uses.
    """

    provider: str | Unset = UNSET
    repo: PipelineDefinitionRepo | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        provider = self.provider
        if provider is not UNSET:
            field_dict["provider"] = provider
        repo: dict[str, Any] | Unset = UNSET
        if not isinstance(self.repo, Unset):
            repo = self.repo.to_dict()
        if repo is not UNSET:
            field_dict["repo"] = repo
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        provider = src_dict.get("provider", UNSET)
        if provider.__class__ is not str and provider is not UNSET:
            provider = checked_str(provider, "provider")

        _repo = src_dict.get("repo", UNSET)
        repo: PipelineDefinitionRepo | Unset
        if isinstance(_repo, Unset):
            repo = UNSET
        else:
            repo = PipelineDefinitionRepo.from_dict(_repo)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            provider,
            repo,
        )
        documented = 0 + (provider is not UNSET) + (repo is not UNSET)
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


from ..models.pipeline_definition_repo import PipelineDefinitionRepo
