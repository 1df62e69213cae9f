from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_int, checked_number

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "min",
        "mean",
        "median",
        "p95",
        "max",
        "standard_deviation",
    }
)


@define
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
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        min_: int | None
        min_ = self.min_

        field_dict["min"] = min_
        mean: int | None
        mean = self.mean

        field_dict["mean"] = mean
        median: int | None
        median = self.median

        field_dict["median"] = median
        p95: int | None
        p95 = self.p95

        field_dict["p95"] = p95
        max_: int | None
        max_ = self.max_

        field_dict["max"] = max_
        standard_deviation: float | None
        standard_deviation = self.standard_deviation

        field_dict["standard_deviation"] = standard_deviation
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        min_ = src_dict["min"]
        if min_.__class__ is not int and min_ is not None:
            min_ = checked_int(min_, "min", nullable=True)

        mean = src_dict["mean"]
        if mean.__class__ is not int and mean is not None:
            mean = checked_int(mean, "mean", nullable=True)

        median = src_dict["median"]
        if median.__class__ is not int and median is not None:
            median = checked_int(median, "median", nullable=True)

        p95 = src_dict["p95"]
        if p95.__class__ is not int and p95 is not None:
            p95 = checked_int(p95, "p95", nullable=True)

        max_ = src_dict["max"]
        if max_.__class__ is not int and max_ is not None:
            max_ = checked_int(max_, "max", nullable=True)

        standard_deviation = src_dict["standard_deviation"]
        if (
            standard_deviation.__class__ is not float or standard_deviation - standard_deviation
        ) and standard_deviation is not None:
            standard_deviation = checked_number(
                standard_deviation, "standard_deviation", nullable=True
            )

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            min_,
            mean,
            median,
            p95,
            max_,
            standard_deviation,
        )
        documented = 6
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
