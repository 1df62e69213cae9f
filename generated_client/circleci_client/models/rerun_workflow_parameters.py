from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RerunWorkflowParameters")


@_attrs_define
class RerunWorkflowParameters:
    """What to rerun. `from_failed` and `jobs` cannot both be given.

    Attributes:
        enable_ssh (bool | Unset): Allow SSH into the rerun jobs (needs `jobs`).
        from_failed (bool | Unset): Rerun from the failed jobs.
        jobs (list[UUID] | Unset): IDs of the jobs to rerun.
        sparse_tree (bool | Unset): Rerun only the given jobs' part of the graph (needs `jobs`).
    """

    enable_ssh: bool | Unset = UNSET
    from_failed: bool | Unset = UNSET
    jobs: list[UUID] | Unset = UNSET
    sparse_tree: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enable_ssh = self.enable_ssh

        from_failed = self.from_failed

        jobs: list[str] | Unset = UNSET
        if not isinstance(self.jobs, Unset):
            jobs = []
            for jobs_item_data in self.jobs:
                jobs_item = str(jobs_item_data)
                jobs.append(jobs_item)

        sparse_tree = self.sparse_tree

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if enable_ssh is not UNSET:
            field_dict["enable_ssh"] = enable_ssh
        if from_failed is not UNSET:
            field_dict["from_failed"] = from_failed
        if jobs is not UNSET:
            field_dict["jobs"] = jobs
        if sparse_tree is not UNSET:
            field_dict["sparse_tree"] = sparse_tree

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enable_ssh = d.pop("enable_ssh", UNSET)

        from_failed = d.pop("from_failed", UNSET)

        _jobs = d.pop("jobs", UNSET)
        jobs: list[UUID] | Unset = UNSET
        if _jobs is not UNSET:
            jobs = []
            for jobs_item_data in _jobs:
                jobs_item = UUID(jobs_item_data)

                jobs.append(jobs_item)

        sparse_tree = d.pop("sparse_tree", UNSET)

        rerun_workflow_parameters = cls(
            enable_ssh=enable_ssh,
            from_failed=from_failed,
            jobs=jobs,
            sparse_tree=sparse_tree,
        )

        rerun_workflow_parameters.additional_properties = d
        return rerun_workflow_parameters

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
