# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_str

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "metrics",
        "trends",
        "workflow_names",
    }
)


@define
class WorkflowSummary:
    """A workflow's metrics and trends.

    Attributes:
        metrics (WorkflowSummaryMetrics): A workflow's metrics over the reporting window.
        trends (WorkflowTrends): How each metric changed against the previous window, as a ratio.
        workflow_names (list[str]): The names of the project's workflows.
    """

    metrics: WorkflowSummaryMetrics
    trends: WorkflowTrends
    workflow_names: list[str]
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        metrics = self.metrics.to_dict()
        field_dict["metrics"] = metrics
        trends = self.trends.to_dict()
        field_dict["trends"] = trends
        workflow_names = self.workflow_names

        field_dict["workflow_names"] = workflow_names
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        metrics = WorkflowSummaryMetrics.from_dict(src_dict["metrics"])

        trends = WorkflowTrends.from_dict(src_dict["trends"])

        _workflow_names = src_dict["workflow_names"]
        workflow_names: list[str]
        if not isinstance(_workflow_names, list):
            raise TypeError(
                f"workflow_names: expected a list, not {type(_workflow_names).__name__}"
            )
        workflow_names = [
            checked_str(item, "workflow_names[]") if item.__class__ is not str else item
            for item in _workflow_names
        ]

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            metrics,
            trends,
            workflow_names,
        )
        documented = 3
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


from ..models.workflow_summary_metrics import WorkflowSummaryMetrics
from ..models.workflow_trends import WorkflowTrends
