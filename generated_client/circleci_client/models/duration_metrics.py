from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DurationMetrics")


@_attrs_define
class DurationMetrics:
    """Run durations in seconds; null when there were no runs to measure.

    Attributes:
        min_ (int | None): The shortest run.
        mean (int | None): The mean run.
        median (int | None): The median run.
        p95 (int | None): The 95th percentile.
        max_ (int | None): The longest run.
        standard_deviation (float | None): The standard deviation.
    """

    min_: int | None
    mean: int | None
    median: int | None
    p95: int | None
    max_: int | None
    standard_deviation: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        min_: int | None
        min_ = self.min_

        mean: int | None
        mean = self.mean

        median: int | None
        median = self.median

        p95: int | None
        p95 = self.p95

        max_: int | None
        max_ = self.max_

        standard_deviation: float | None
        standard_deviation = self.standard_deviation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "min": min_,
                "mean": mean,
                "median": median,
                "p95": p95,
                "max": max_,
                "standard_deviation": standard_deviation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_min_(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        min_ = _parse_min_(d.pop("min"))

        def _parse_mean(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        mean = _parse_mean(d.pop("mean"))

        def _parse_median(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        median = _parse_median(d.pop("median"))

        def _parse_p95(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        p95 = _parse_p95(d.pop("p95"))

        def _parse_max_(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_ = _parse_max_(d.pop("max"))

        def _parse_standard_deviation(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        standard_deviation = _parse_standard_deviation(d.pop("standard_deviation"))

        duration_metrics = cls(
            min_=min_,
            mean=mean,
            median=median,
            p95=p95,
            max_=max_,
            standard_deviation=standard_deviation,
        )

        duration_metrics.additional_properties = d
        return duration_metrics

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
