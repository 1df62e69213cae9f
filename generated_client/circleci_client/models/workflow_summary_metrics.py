# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WorkflowSummaryMetrics")


@_attrs_define
class WorkflowSummaryMetrics:
    """A workflow's metrics over the reporting window.

    Attributes:
        total_runs (int): All runs.
        successful_runs (int): Successful runs.
        failed_runs (int): Failed runs.
        completed_runs (int | None): Runs that finished.
        success_rate (float): Successful runs divided by all runs.
        throughput (float): Runs per day.
        mttr (int | None): Mean time to recovery, in seconds.
        total_credits_used (int | None): Credits used. Not for billing.
        window_start (datetime.datetime): Start of the window.
        window_end (datetime.datetime): End of the window.
        duration_metrics (DurationMetrics): Run durations in seconds; null when there were no runs to measure.
    """

    total_runs: int
    successful_runs: int
    failed_runs: int
    completed_runs: int | None
    success_rate: float
    throughput: float
    mttr: int | None
    total_credits_used: int | None
    window_start: datetime.datetime
    window_end: datetime.datetime
    duration_metrics: DurationMetrics
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_runs = self.total_runs

        successful_runs = self.successful_runs

        failed_runs = self.failed_runs

        completed_runs: int | None
        completed_runs = self.completed_runs

        success_rate = self.success_rate

        throughput = self.throughput

        mttr: int | None
        mttr = self.mttr

        total_credits_used: int | None
        total_credits_used = self.total_credits_used

        window_start = self.window_start.isoformat()

        window_end = self.window_end.isoformat()

        duration_metrics = self.duration_metrics.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total_runs": total_runs,
                "successful_runs": successful_runs,
                "failed_runs": failed_runs,
                "completed_runs": completed_runs,
                "success_rate": success_rate,
                "throughput": throughput,
                "mttr": mttr,
                "total_credits_used": total_credits_used,
                "window_start": window_start,
                "window_end": window_end,
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

        def _parse_completed_runs(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        completed_runs = _parse_completed_runs(d.pop("completed_runs"))

        success_rate = d.pop("success_rate")

        throughput = d.pop("throughput")

        def _parse_mttr(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        mttr = _parse_mttr(d.pop("mttr"))

        def _parse_total_credits_used(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total_credits_used = _parse_total_credits_used(d.pop("total_credits_used"))

        window_start = datetime.datetime.fromisoformat(d.pop("window_start"))

        window_end = datetime.datetime.fromisoformat(d.pop("window_end"))

        duration_metrics = DurationMetrics.from_dict(d.pop("duration_metrics"))

        workflow_summary_metrics = cls(
            total_runs=total_runs,
            successful_runs=successful_runs,
            failed_runs=failed_runs,
            completed_runs=completed_runs,
            success_rate=success_rate,
            throughput=throughput,
            mttr=mttr,
            total_credits_used=total_credits_used,
            window_start=window_start,
            window_end=window_end,
            duration_metrics=duration_metrics,
        )

        workflow_summary_metrics.additional_properties = d
        return workflow_summary_metrics

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
