# ruff: noqa: E402
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WorkflowSummary")


@_attrs_define
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        metrics = self.metrics.to_dict()

        trends = self.trends.to_dict()

        workflow_names = self.workflow_names

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "metrics": metrics,
                "trends": trends,
                "workflow_names": workflow_names,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        metrics = WorkflowSummaryMetrics.from_dict(d.pop("metrics"))

        trends = WorkflowTrends.from_dict(d.pop("trends"))

        workflow_names = cast(list[str], d.pop("workflow_names"))

        workflow_summary = cls(
            metrics=metrics,
            trends=trends,
            workflow_names=workflow_names,
        )

        workflow_summary.additional_properties = d
        return workflow_summary

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
from ..models.workflow_summary_metrics import WorkflowSummaryMetrics
from ..models.workflow_trends import WorkflowTrends
