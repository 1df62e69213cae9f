from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._scalars import checked_bool, parse_uuid
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "enable_ssh",
        "from_failed",
        "jobs",
        "sparse_tree",
    }
)


@define
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
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        enable_ssh = self.enable_ssh
        if enable_ssh is not UNSET:
            field_dict["enable_ssh"] = enable_ssh
        from_failed = self.from_failed
        if from_failed is not UNSET:
            field_dict["from_failed"] = from_failed
        jobs: list[str] | Unset = UNSET
        if not isinstance(self.jobs, Unset):
            jobs = []
            for jobs_item_data in self.jobs:
                jobs_item = str(jobs_item_data)
                jobs.append(jobs_item)

        if jobs is not UNSET:
            field_dict["jobs"] = jobs
        sparse_tree = self.sparse_tree
        if sparse_tree is not UNSET:
            field_dict["sparse_tree"] = sparse_tree
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        enable_ssh = src_dict.get("enable_ssh", UNSET)
        if enable_ssh.__class__ is not bool and enable_ssh is not UNSET:
            enable_ssh = checked_bool(enable_ssh, "enable_ssh")

        from_failed = src_dict.get("from_failed", UNSET)
        if from_failed.__class__ is not bool and from_failed is not UNSET:
            from_failed = checked_bool(from_failed, "from_failed")

        _jobs = src_dict.get("jobs", UNSET)
        jobs: list[UUID] | Unset
        if _jobs is UNSET:
            jobs = UNSET
        elif not isinstance(_jobs, list):
            raise TypeError(f"jobs: expected a list, not {type(_jobs).__name__}")
        else:
            jobs = []
            for jobs_item_data in _jobs:
                jobs_item = parse_uuid(jobs_item_data)

                jobs.append(jobs_item)

        sparse_tree = src_dict.get("sparse_tree", UNSET)
        if sparse_tree.__class__ is not bool and sparse_tree is not UNSET:
            sparse_tree = checked_bool(sparse_tree, "sparse_tree")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            enable_ssh,
            from_failed,
            jobs,
            sparse_tree,
        )
        documented = (
            0
            + (enable_ssh is not UNSET)
            + (from_failed is not UNSET)
            + (jobs is not UNSET)
            + (sparse_tree is not UNSET)
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
