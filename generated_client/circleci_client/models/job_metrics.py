# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="JobMetrics")


@_attrs_define
class JobMetrics:
    """A job's metrics over a reporting window.

    Attributes:
        total_runs (int): All runs.
        successful_runs (int): Successful runs.
        failed_runs (int): Failed runs.
        success_rate (float): Successful runs divided by all runs.
        throughput (float): Runs per day.
        total_credits_used (int): Credits used. Not for billing.
        duration_metrics (DurationMetrics): Run durations in seconds; null when there were no runs to measure.
    """

    total_runs: int
    successful_runs: int
    failed_runs: int
    success_rate: float
    throughput: float
    total_credits_used: int
    duration_metrics: DurationMetrics
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_runs = self.total_runs

        successful_runs = self.successful_runs

        failed_runs = self.failed_runs

        success_rate = self.success_rate

        throughput = self.throughput

        total_credits_used = self.total_credits_used

        duration_metrics = self.duration_metrics.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_runs": total_runs,
                "successful_runs": successful_runs,
                "failed_runs": failed_runs,
                "success_rate": success_rate,
                "throughput": throughput,
                "total_credits_used": total_credits_used,
                "duration_metrics": duration_metrics,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total_runs = d.pop("total_runs")

        successful_runs = d.pop("successful_runs")

        failed_runs = d.pop("failed_runs")

        success_rate = d.pop("success_rate")

        throughput = d.pop("throughput")

        total_credits_used = d.pop("total_credits_used")

        duration_metrics = DurationMetrics.from_dict(d.pop("duration_metrics"))

        job_metrics = cls(
            total_runs=total_runs,
            successful_runs=successful_runs,
            failed_runs=failed_runs,
            success_rate=success_rate,
            throughput=throughput,
            total_credits_used=total_credits_used,
            duration_metrics=duration_metrics,
        )

        job_metrics.additional_properties = d
        return job_metrics

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
from ..models.duration_metrics import DurationMetrics
