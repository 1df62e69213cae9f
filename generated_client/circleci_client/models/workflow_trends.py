from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WorkflowTrends")


@_attrs_define
class WorkflowTrends:
    """How each metric changed against the previous window, as a ratio.

    Attributes:
        total_runs (float):
        failed_runs (float):
        success_rate (float):
        p95_duration_secs (float):
        median_duration_secs (float):
        total_credits_used (float):
        mttr (float):
        throughput (float):
    """

    total_runs: float
    failed_runs: float
    success_rate: float
    p95_duration_secs: float
    median_duration_secs: float
    total_credits_used: float
    mttr: float
    throughput: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_runs = self.total_runs

        failed_runs = self.failed_runs

        success_rate = self.success_rate

        p95_duration_secs = self.p95_duration_secs

        median_duration_secs = self.median_duration_secs

        total_credits_used = self.total_credits_used

        mttr = self.mttr

        throughput = self.throughput

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_runs": total_runs,
                "failed_runs": failed_runs,
                "success_rate": success_rate,
                "p95_duration_secs": p95_duration_secs,
                "median_duration_secs": median_duration_secs,
                "total_credits_used": total_credits_used,
                "mttr": mttr,
                "throughput": throughput,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_runs = d.pop("total_runs")

        failed_runs = d.pop("failed_runs")

        success_rate = d.pop("success_rate")

        p95_duration_secs = d.pop("p95_duration_secs")

        median_duration_secs = d.pop("median_duration_secs")

        total_credits_used = d.pop("total_credits_used")

        mttr = d.pop("mttr")

        throughput = d.pop("throughput")

        workflow_trends = cls(
            total_runs=total_runs,
            failed_runs=failed_runs,
            success_rate=success_rate,
            p95_duration_secs=p95_duration_secs,
            median_duration_secs=median_duration_secs,
            total_credits_used=total_credits_used,
            mttr=mttr,
            throughput=throughput,
        )

        workflow_trends.additional_properties = d
        return workflow_trends

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
