from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_number

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "total_runs",
        "failed_runs",
        "success_rate",
        "p95_duration_secs",
        "median_duration_secs",
        "total_credits_used",
        "mttr",
        "throughput",
    }
)


@define
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
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        total_runs = self.total_runs
        field_dict["total_runs"] = total_runs
        failed_runs = self.failed_runs
        field_dict["failed_runs"] = failed_runs
        success_rate = self.success_rate
        field_dict["success_rate"] = success_rate
        p95_duration_secs = self.p95_duration_secs
        field_dict["p95_duration_secs"] = p95_duration_secs
        median_duration_secs = self.median_duration_secs
        field_dict["median_duration_secs"] = median_duration_secs
        total_credits_used = self.total_credits_used
        field_dict["total_credits_used"] = total_credits_used
        mttr = self.mttr
        field_dict["mttr"] = mttr
        throughput = self.throughput
        field_dict["throughput"] = throughput
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        total_runs = src_dict["total_runs"]
        if total_runs.__class__ is not float or total_runs - total_runs:
            total_runs = checked_number(total_runs, "total_runs")

        failed_runs = src_dict["failed_runs"]
        if failed_runs.__class__ is not float or failed_runs - failed_runs:
            failed_runs = checked_number(failed_runs, "failed_runs")

        success_rate = src_dict["success_rate"]
        if success_rate.__class__ is not float or success_rate - success_rate:
            success_rate = checked_number(success_rate, "success_rate")

        p95_duration_secs = src_dict["p95_duration_secs"]
        if p95_duration_secs.__class__ is not float or p95_duration_secs - p95_duration_secs:
            p95_duration_secs = checked_number(p95_duration_secs, "p95_duration_secs")

        median_duration_secs = src_dict["median_duration_secs"]
        if (
            median_duration_secs.__class__ is not float
            or median_duration_secs - median_duration_secs
        ):
            median_duration_secs = checked_number(median_duration_secs, "median_duration_secs")

        total_credits_used = src_dict["total_credits_used"]
        if total_credits_used.__class__ is not float or total_credits_used - total_credits_used:
            total_credits_used = checked_number(total_credits_used, "total_credits_used")

        mttr = src_dict["mttr"]
        if mttr.__class__ is not float or mttr - mttr:
            mttr = checked_number(mttr, "mttr")

        throughput = src_dict["throughput"]
        if throughput.__class__ is not float or throughput - throughput:
            throughput = checked_number(throughput, "throughput")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            total_runs,
            failed_runs,
            success_rate,
            p95_duration_secs,
            median_duration_secs,
            total_credits_used,
            mttr,
            throughput,
        )
        documented = 8
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
