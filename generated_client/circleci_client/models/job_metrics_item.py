# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_str, parse_datetime

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "name",
        "metrics",
        "window_start",
        "window_end",
    }
)


@define
class JobMetricsItem:
    """One job's metrics.

    Attributes:
        name (str): The job's name.
        metrics (JobMetrics): A job's metrics over a reporting window.
        window_start (datetime.datetime): When the first run in the window started.
        window_end (datetime.datetime): When the last run in the window started.
    """

    name: str
    metrics: JobMetrics
    window_start: datetime.datetime
    window_end: datetime.datetime
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        name = self.name
        field_dict["name"] = name
        metrics = self.metrics.to_dict()
        field_dict["metrics"] = metrics
        window_start = self.window_start.isoformat()
        field_dict["window_start"] = window_start
        window_end = self.window_end.isoformat()
        field_dict["window_end"] = window_end
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        name = src_dict["name"]
        if name.__class__ is not str:
            name = checked_str(name, "name")

        metrics = JobMetrics.from_dict(src_dict["metrics"])

        window_start = parse_datetime(src_dict["window_start"])

        window_end = parse_datetime(src_dict["window_end"])

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            name,
            metrics,
            window_start,
            window_end,
        )
        documented = 4
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


from ..models.job_metrics import JobMetrics
