# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_int, checked_number, parse_datetime

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "total_runs",
        "successful_runs",
        "failed_runs",
        "completed_runs",
        "success_rate",
        "throughput",
        "mttr",
        "total_credits_used",
        "window_start",
        "window_end",
        "duration_metrics",
    }
)


@define
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
        duration_metrics (DurationMetrics): Run durations in seconds; null when there were no runs
            to measure.
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
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        total_runs = self.total_runs
        field_dict["total_runs"] = total_runs
        successful_runs = self.successful_runs
        field_dict["successful_runs"] = successful_runs
        failed_runs = self.failed_runs
        field_dict["failed_runs"] = failed_runs
        completed_runs: int | None
        completed_runs = self.completed_runs

        field_dict["completed_runs"] = completed_runs
        success_rate = self.success_rate
        field_dict["success_rate"] = success_rate
        throughput = self.throughput
        field_dict["throughput"] = throughput
        mttr: int | None
        mttr = self.mttr

        field_dict["mttr"] = mttr
        total_credits_used: int | None
        total_credits_used = self.total_credits_used

        field_dict["total_credits_used"] = total_credits_used
        window_start = self.window_start.isoformat()
        field_dict["window_start"] = window_start
        window_end = self.window_end.isoformat()
        field_dict["window_end"] = window_end
        duration_metrics = self.duration_metrics.to_dict()
        field_dict["duration_metrics"] = duration_metrics
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        total_runs = src_dict["total_runs"]
        if total_runs.__class__ is not int:
            total_runs = checked_int(total_runs, "total_runs")

        successful_runs = src_dict["successful_runs"]
        if successful_runs.__class__ is not int:
            successful_runs = checked_int(successful_runs, "successful_runs")

        failed_runs = src_dict["failed_runs"]
        if failed_runs.__class__ is not int:
            failed_runs = checked_int(failed_runs, "failed_runs")

        completed_runs = src_dict["completed_runs"]
        if completed_runs.__class__ is not int and completed_runs is not None:
            completed_runs = checked_int(completed_runs, "completed_runs", nullable=True)

        success_rate = src_dict["success_rate"]
        if success_rate.__class__ is not float or success_rate - success_rate:
            success_rate = checked_number(success_rate, "success_rate")

        throughput = src_dict["throughput"]
        if throughput.__class__ is not float or throughput - throughput:
            throughput = checked_number(throughput, "throughput")

        mttr = src_dict["mttr"]
        if mttr.__class__ is not int and mttr is not None:
            mttr = checked_int(mttr, "mttr", nullable=True)

        total_credits_used = src_dict["total_credits_used"]
        if total_credits_used.__class__ is not int and total_credits_used is not None:
            total_credits_used = checked_int(
                total_credits_used, "total_credits_used", nullable=True
            )

        window_start = parse_datetime(src_dict["window_start"])

        window_end = parse_datetime(src_dict["window_end"])

        duration_metrics = DurationMetrics.from_dict(src_dict["duration_metrics"])

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            total_runs,
            successful_runs,
            failed_runs,
            completed_runs,
            success_rate,
            throughput,
            mttr,
            total_credits_used,
            window_start,
            window_end,
            duration_metrics,
        )
        documented = 11
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


from ..models.duration_metrics import DurationMetrics
