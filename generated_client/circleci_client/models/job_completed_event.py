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
        "id",
        "type",
        "happened_at",
        "webhook",
        "project",
        "organization",
        "workflow",
        "pipeline",
        "job",
    }
)


@define
class JobCompletedEvent:
    """A `job-completed` webhook event: a job reached a terminal state.

    Attributes:
        id (str): The event's ID. CircleCI may deliver an event twice: use it to drop duplicates.
        type_ (str): `job-completed`.
        happened_at (datetime.datetime): When the event happened.
        webhook (WebhookRef): The webhook that sent an event.
        project (WebhookProject): The project of an event.
        organization (WebhookOrganization): The organization of an event.
        workflow (WebhookWorkflow): The workflow of an event.
        pipeline (WebhookPipeline): The pipeline of an event.
        job (WebhookJob): The job of a `job-completed` event.
    """

    id: str
    type_: str
    happened_at: datetime.datetime
    webhook: WebhookRef
    project: WebhookProject
    organization: WebhookOrganization
    workflow: WebhookWorkflow
    pipeline: WebhookPipeline
    job: WebhookJob
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = self.id
        field_dict["id"] = id
        type_ = self.type_
        field_dict["type"] = type_
        happened_at = self.happened_at.isoformat()
        field_dict["happened_at"] = happened_at
        webhook = self.webhook.to_dict()
        field_dict["webhook"] = webhook
        project = self.project.to_dict()
        field_dict["project"] = project
        organization = self.organization.to_dict()
        field_dict["organization"] = organization
        workflow = self.workflow.to_dict()
        field_dict["workflow"] = workflow
        pipeline = self.pipeline.to_dict()
        field_dict["pipeline"] = pipeline
        job = self.job.to_dict()
        field_dict["job"] = job
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        id = src_dict["id"]
        if id.__class__ is not str:
            id = checked_str(id, "id")

        type_ = src_dict["type"]
        if type_.__class__ is not str:
            type_ = checked_str(type_, "type")

        happened_at = parse_datetime(src_dict["happened_at"])

        webhook = WebhookRef.from_dict(src_dict["webhook"])

        project = WebhookProject.from_dict(src_dict["project"])

        organization = WebhookOrganization.from_dict(src_dict["organization"])

        workflow = WebhookWorkflow.from_dict(src_dict["workflow"])

        pipeline = WebhookPipeline.from_dict(src_dict["pipeline"])

        job = WebhookJob.from_dict(src_dict["job"])

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            type_,
            happened_at,
            webhook,
            project,
            organization,
            workflow,
            pipeline,
            job,
        )
        documented = 9
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


from ..models.webhook_job import WebhookJob
from ..models.webhook_organization import WebhookOrganization
from ..models.webhook_pipeline import WebhookPipeline
from ..models.webhook_project import WebhookProject
from ..models.webhook_ref import WebhookRef
from ..models.webhook_workflow import WebhookWorkflow
