# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PipelineVcs")


@_attrs_define
class PipelineVcs:
    """The code a pipeline ran on.

    Attributes:
        provider_name (str): The VCS provider, e.g. GitHub or Bitbucket.
        target_repository_url (str): URL of the repository a change targets.
        origin_repository_url (str): URL of the repository a change came from (a fork, for fork pull requests).
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider_name = self.provider_name

        target_repository_url = self.target_repository_url

        origin_repository_url = self.origin_repository_url

        revision: None | str
        revision = self.revision

        branch = self.branch

        tag = self.tag

        review_id = self.review_id

        review_url = self.review_url

        commit: dict[str, Any] | Unset = UNSET
        if not isinstance(self.commit, Unset):
            commit = self.commit.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider_name": provider_name,
                "target_repository_url": target_repository_url,
                "origin_repository_url": origin_repository_url,
                "revision": revision,
            }
        )
        if branch is not UNSET:
            field_dict["branch"] = branch
        if tag is not UNSET:
            field_dict["tag"] = tag
        if review_id is not UNSET:
            field_dict["review_id"] = review_id
        if review_url is not UNSET:
            field_dict["review_url"] = review_url
        if commit is not UNSET:
            field_dict["commit"] = commit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provider_name = d.pop("provider_name")

        target_repository_url = d.pop("target_repository_url")

        origin_repository_url = d.pop("origin_repository_url")

        def _parse_revision(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revision = _parse_revision(d.pop("revision"))

        branch = d.pop("branch", UNSET)

        tag = d.pop("tag", UNSET)

        review_id = d.pop("review_id", UNSET)

        review_url = d.pop("review_url", UNSET)

        _commit = d.pop("commit", UNSET)
        commit: Commit | Unset
        if isinstance(_commit, Unset):
            commit = UNSET
        else:
            commit = Commit.from_dict(_commit)

        pipeline_vcs = cls(
            provider_name=provider_name,
            target_repository_url=target_repository_url,
            origin_repository_url=origin_repository_url,
            revision=revision,
            branch=branch,
            tag=tag,
            review_id=review_id,
            review_url=review_url,
            commit=commit,
        )

        pipeline_vcs.additional_properties = d
        return pipeline_vcs

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


# Imported last (not at the top) so that models referring to each other can be imported.
from ..models.commit import Commit
