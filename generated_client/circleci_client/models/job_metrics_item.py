# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="JobMetricsItem")


@_attrs_define
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        metrics = self.metrics.to_dict()

        window_start = self.window_start.isoformat()

        window_end = self.window_end.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "metrics": metrics,
                "window_start": window_start,
                "window_end": window_end,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        metrics = JobMetrics.from_dict(d.pop("metrics"))

        window_start = datetime.datetime.fromisoformat(d.pop("window_start"))

        window_end = datetime.datetime.fromisoformat(d.pop("window_end"))

        job_metrics_item = cls(
            name=name,
            metrics=metrics,
            window_start=window_start,
            window_end=window_end,
        )

        job_metrics_item.additional_properties = d
        return job_metrics_item

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
from ..models.job_metrics import JobMetrics
