# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_int, checked_number
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "total_runs",
        "successful_runs",
        "failed_runs",
        "success_rate",
        "throughput",
        "mttr",
        "total_credits_used",
        "duration_metrics",
        "total_recoveries",
    }
)


@define
class WorkflowMetrics:
    """A workflow's metrics over a reporting window.

    Attributes:
        total_runs (int): All runs, including running and on-hold ones.
        successful_runs (int): Successful runs.
        failed_runs (int): Failed runs.
        success_rate (float): Successful runs divided by all runs.
        throughput (float): Runs per day.
        mttr (int | None): Mean time from a failure to the next success, in seconds.
        total_credits_used (int | None): Credits used. Not for billing.
        duration_metrics (DurationMetrics): Run durations in seconds; null when there were no runs
            to measure.
        total_recoveries (int | None | Unset): Failures followed by a success.
    """

    total_runs: int
    successful_runs: int
    failed_runs: int
    success_rate: float
    throughput: float
    mttr: int | None
    total_credits_used: int | None
    duration_metrics: DurationMetrics
    total_recoveries: int | None | Unset = UNSET
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
        duration_metrics = self.duration_metrics.to_dict()
        field_dict["duration_metrics"] = duration_metrics
        total_recoveries: int | None | Unset
        if isinstance(self.total_recoveries, Unset):
            total_recoveries = UNSET
        else:
            total_recoveries = self.total_recoveries

        if total_recoveries is not UNSET:
            field_dict["total_recoveries"] = total_recoveries
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

        duration_metrics = DurationMetrics.from_dict(src_dict["duration_metrics"])

        total_recoveries = src_dict.get("total_recoveries", UNSET)
        if (
            total_recoveries.__class__ is not int
            and total_recoveries is not None
            and total_recoveries is not UNSET
        ):
            total_recoveries = checked_int(total_recoveries, "total_recoveries", nullable=True)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            total_runs,
            successful_runs,
            failed_runs,
            success_rate,
            throughput,
            mttr,
            total_credits_used,
            duration_metrics,
            total_recoveries,
        )
        documented = 8 + (total_recoveries is not UNSET)
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
