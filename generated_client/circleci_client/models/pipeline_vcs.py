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
        "provider_name",
        "target_repository_url",
        "origin_repository_url",
        "revision",
        "branch",
        "tag",
        "review_id",
        "review_url",
        "commit",
    }
)


@define
class PipelineVcs:
    """The code a pipeline ran on.

    Attributes:
        provider_name (str): The VCS provider, e.g. GitHub or Bitbucket.
        target_repository_url (str): URL of the repository a change targets.
        origin_repository_url (str): URL of the repository a change came from (a fork, for fork
            pull requests).
        revision (None | str): The commit SHA.
        branch (str | Unset): The branch the pipeline ran on.
        tag (str | Unset): The tag the pipeline ran on.
        review_id (str | Unset): The code review's ID.
        review_url (str | Unset): The code review's URL.
        commit (Commit | Unset): The latest commit of a pipeline.
    """

    provider_name: str
    target_repository_url: str
    origin_repository_url: str
    revision: None | str
    branch: str | Unset = UNSET
    tag: str | Unset = UNSET
    review_id: str | Unset = UNSET
    review_url: str | Unset = UNSET
    commit: Commit | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        provider_name = self.provider_name
        field_dict["provider_name"] = provider_name
        target_repository_url = self.target_repository_url
        field_dict["target_repository_url"] = target_repository_url
        origin_repository_url = self.origin_repository_url
        field_dict["origin_repository_url"] = origin_repository_url
        revision: None | str
        revision = self.revision

        field_dict["revision"] = revision
        branch = self.branch
        if branch is not UNSET:
            field_dict["branch"] = branch
        tag = self.tag
        if tag is not UNSET:
            field_dict["tag"] = tag
        review_id = self.review_id
        if review_id is not UNSET:
            field_dict["review_id"] = review_id
        review_url = self.review_url
        if review_url is not UNSET:
            field_dict["review_url"] = review_url
        commit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.commit, Unset):
            commit = self.commit.to_dict()
        if commit is not UNSET:
            field_dict["commit"] = commit
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        provider_name = src_dict["provider_name"]
        if provider_name.__class__ is not str:
            provider_name = checked_str(provider_name, "provider_name")

        target_repository_url = src_dict["target_repository_url"]
        if target_repository_url.__class__ is not str:
            target_repository_url = checked_str(target_repository_url, "target_repository_url")

        origin_repository_url = src_dict["origin_repository_url"]
        if origin_repository_url.__class__ is not str:
            origin_repository_url = checked_str(origin_repository_url, "origin_repository_url")

        revision = src_dict["revision"]
        if revision.__class__ is not str and revision is not None:
            revision = checked_str(revision, "revision", nullable=True)

        branch = src_dict.get("branch", UNSET)
        if branch.__class__ is not str and branch is not UNSET:
            branch = checked_str(branch, "branch")

        tag = src_dict.get("tag", UNSET)
        if tag.__class__ is not str and tag is not UNSET:
            tag = checked_str(tag, "tag")

        review_id = src_dict.get("review_id", UNSET)
        if review_id.__class__ is not str and review_id is not UNSET:
            review_id = checked_str(review_id, "review_id")

        review_url = src_dict.get("review_url", UNSET)
        if review_url.__class__ is not str and review_url is not UNSET:
            review_url = checked_str(review_url, "review_url")

        _commit = src_dict.get("commit", UNSET)
        commit: Commit | Unset
        if isinstance(_commit, Unset):
            commit = UNSET
        else:
            commit = Commit.from_dict(_commit)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            provider_name,
            target_repository_url,
            origin_repository_url,
            revision,
            branch,
            tag,
            review_id,
            review_url,
            commit,
        )
        documented = (
            4
            + (branch is not UNSET)
            + (tag is not UNSET)
            + (review_id is not UNSET)
            + (review_url is not UNSET)
            + (commit is not UNSET)
        )
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


from ..models.commit import Commit
