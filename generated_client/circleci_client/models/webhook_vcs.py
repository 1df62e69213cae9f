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
        "commit",
        "branch",
        "tag",
    }
)


@define
class WebhookVcs:
    """The commit of a GitHub OAuth or Bitbucket Cloud pipeline.

    Attributes:
        provider_name (None | str | Unset): The VCS, e.g. `github`.
        target_repository_url (None | str | Unset): The repository that builds the commit.
        origin_repository_url (None | str | Unset): The repository the commit was made in (differs
            for a forked pull request).
        revision (None | str | Unset): The commit SHA.
        commit (WebhookCommit | Unset): The commit a pipeline built.
        branch (None | str | Unset): The branch built.
        tag (None | str | Unset): The tag built (instead of a branch).
    """

    provider_name: None | str | Unset = UNSET
    target_repository_url: None | str | Unset = UNSET
    origin_repository_url: None | str | Unset = UNSET
    revision: None | str | Unset = UNSET
    commit: WebhookCommit | Unset = UNSET
    branch: None | str | Unset = UNSET
    tag: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        provider_name: None | str | Unset
        if isinstance(self.provider_name, Unset):
            provider_name = UNSET
        else:
            provider_name = self.provider_name

        if provider_name is not UNSET:
            field_dict["provider_name"] = provider_name
        target_repository_url: None | str | Unset
        if isinstance(self.target_repository_url, Unset):
            target_repository_url = UNSET
        else:
            target_repository_url = self.target_repository_url

        if target_repository_url is not UNSET:
            field_dict["target_repository_url"] = target_repository_url
        origin_repository_url: None | str | Unset
        if isinstance(self.origin_repository_url, Unset):
            origin_repository_url = UNSET
        else:
            origin_repository_url = self.origin_repository_url

        if origin_repository_url is not UNSET:
            field_dict["origin_repository_url"] = origin_repository_url
        revision: None | str | Unset
        if isinstance(self.revision, Unset):
            revision = UNSET
        else:
            revision = self.revision

        if revision is not UNSET:
            field_dict["revision"] = revision
        commit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.commit, Unset):
            commit = self.commit.to_dict()
        if commit is not UNSET:
            field_dict["commit"] = commit
        branch: None | str | Unset
        if isinstance(self.branch, Unset):
            branch = UNSET
        else:
            branch = self.branch

        if branch is not UNSET:
            field_dict["branch"] = branch
        tag: None | str | Unset
        if isinstance(self.tag, Unset):
            tag = UNSET
        else:
            tag = self.tag

        if tag is not UNSET:
            field_dict["tag"] = tag
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        provider_name = src_dict.get("provider_name", UNSET)
        if (
            provider_name.__class__ is not str
            and provider_name is not None
            and provider_name is not UNSET
        ):
            provider_name = checked_str(provider_name, "provider_name", nullable=True)

        target_repository_url = src_dict.get("target_repository_url", UNSET)
        if (
            target_repository_url.__class__ is not str
            and target_repository_url is not None
            and target_repository_url is not UNSET
        ):
            target_repository_url = checked_str(
                target_repository_url, "target_repository_url", nullable=True
            )

        origin_repository_url = src_dict.get("origin_repository_url", UNSET)
        if (
            origin_repository_url.__class__ is not str
            and origin_repository_url is not None
            and origin_repository_url is not UNSET
        ):
            origin_repository_url = checked_str(
                origin_repository_url, "origin_repository_url", nullable=True
            )

        revision = src_dict.get("revision", UNSET)
        if revision.__class__ is not str and revision is not None and revision is not UNSET:
            revision = checked_str(revision, "revision", nullable=True)

        _commit = src_dict.get("commit", UNSET)
        commit: WebhookCommit | Unset
        if isinstance(_commit, Unset):
            commit = UNSET
        else:
            commit = WebhookCommit.from_dict(_commit)

        branch = src_dict.get("branch", UNSET)
        if branch.__class__ is not str and branch is not None and branch is not UNSET:
            branch = checked_str(branch, "branch", nullable=True)

        tag = src_dict.get("tag", UNSET)
        if tag.__class__ is not str and tag is not None and tag is not UNSET:
            tag = checked_str(tag, "tag", nullable=True)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            provider_name,
            target_repository_url,
            origin_repository_url,
            revision,
            commit,
            branch,
            tag,
        )
        documented = (
            0
            + (provider_name is not UNSET)
            + (target_repository_url is not UNSET)
            + (origin_repository_url is not UNSET)
            + (revision is not UNSET)
            + (commit is not UNSET)
            + (branch is not UNSET)
            + (tag is not UNSET)
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


from ..models.webhook_commit import WebhookCommit
