# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._open_enum import enum_member
from .._scalars import checked_int, checked_str, parse_datetime
from ..models.job_status import JobStatus
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "web_url",
        "project",
        "parallel_runs",
        "latest_workflow",
        "name",
        "executor",
        "parallelism",
        "status",
        "number",
        "pipeline",
        "duration",
        "created_at",
        "messages",
        "contexts",
        "organization",
        "queued_at",
        "started_at",
        "stopped_at",
    }
)


@define
class JobDetails:
    """A job's details.

    Attributes:
        web_url (str): The job's page in the CircleCI app.
        project (JobProject): The project a job belongs to.
        parallel_runs (list[ParallelRun]): The job's parallel runs.
        latest_workflow (WorkflowRef): The latest workflow a job ran in.
        name (str): The job's name.
        executor (Executor): What a job ran on.
        parallelism (int): How many parallel runs it has.
        status (JobStatus | None):
        number (int): The job's number.
        pipeline (PipelineRef): The pipeline a job belongs to.
        duration (int | None): How long it ran, in milliseconds.
        created_at (datetime.datetime): When it was created.
        messages (list[JobMessage]): Messages from CircleCI.
        contexts (list[JobContext]): The contexts it used.
        organization (OrganizationRef): The organization a job belongs to.
        queued_at (datetime.datetime): When it was queued.
        started_at (datetime.datetime | None | Unset): When it started; null if it has not.
        stopped_at (datetime.datetime | None | Unset): When it stopped.
    """

    web_url: str
    project: JobProject
    parallel_runs: list[ParallelRun]
    latest_workflow: WorkflowRef
    name: str
    executor: Executor
    parallelism: int
    status: JobStatus | None
    number: int
    pipeline: PipelineRef
    duration: int | None
    created_at: datetime.datetime
    messages: list[JobMessage]
    contexts: list[JobContext]
    organization: OrganizationRef
    queued_at: datetime.datetime
    started_at: datetime.datetime | None | Unset = UNSET
    stopped_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        web_url = self.web_url
        field_dict["web_url"] = web_url
        project = self.project.to_dict()
        field_dict["project"] = project
        parallel_runs = []
        for parallel_runs_item_data in self.parallel_runs:
            parallel_runs_item = parallel_runs_item_data.to_dict()
            parallel_runs.append(parallel_runs_item)

        field_dict["parallel_runs"] = parallel_runs
        latest_workflow = self.latest_workflow.to_dict()
        field_dict["latest_workflow"] = latest_workflow
        name = self.name
        field_dict["name"] = name
        executor = self.executor.to_dict()
        field_dict["executor"] = executor
        parallelism = self.parallelism
        field_dict["parallelism"] = parallelism
        status: None | str
        if isinstance(self.status, JobStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict["status"] = status
        number = self.number
        field_dict["number"] = number
        pipeline = self.pipeline.to_dict()
        field_dict["pipeline"] = pipeline
        duration: int | None
        duration = self.duration

        field_dict["duration"] = duration
        created_at = self.created_at.isoformat()
        field_dict["created_at"] = created_at
        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        field_dict["messages"] = messages
        contexts = []
        for contexts_item_data in self.contexts:
            contexts_item = contexts_item_data.to_dict()
            contexts.append(contexts_item)

        field_dict["contexts"] = contexts
        organization = self.organization.to_dict()
        field_dict["organization"] = organization
        queued_at = self.queued_at.isoformat()
        field_dict["queued_at"] = queued_at
        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        stopped_at: None | str | Unset
        if isinstance(self.stopped_at, Unset):
            stopped_at = UNSET
        elif isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        if stopped_at is not UNSET:
            field_dict["stopped_at"] = stopped_at
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        web_url = src_dict["web_url"]
        if web_url.__class__ is not str:
            web_url = checked_str(web_url, "web_url")

        project = JobProject.from_dict(src_dict["project"])

        _parallel_runs = src_dict["parallel_runs"]
        parallel_runs: list[ParallelRun]
        if not isinstance(_parallel_runs, list):
            raise TypeError(f"parallel_runs: expected a list, not {type(_parallel_runs).__name__}")
        parse_parallel_runs_item = ParallelRun.from_dict
        parallel_runs = [parse_parallel_runs_item(item) for item in _parallel_runs]

        latest_workflow = WorkflowRef.from_dict(src_dict["latest_workflow"])

        name = src_dict["name"]
        if name.__class__ is not str:
            name = checked_str(name, "name")

        executor = Executor.from_dict(src_dict["executor"])

        parallelism = src_dict["parallelism"]
        if parallelism.__class__ is not int:
            parallelism = checked_int(parallelism, "parallelism")

        status = src_dict["status"]
        if status is not None:
            if status.__class__ is not str and not isinstance(status, str):
                raise TypeError(f"status: unexpected {type(status).__name__}")
            status_type_1 = enum_member(JobStatus, status)

            status = status_type_1

        number = src_dict["number"]
        if number.__class__ is not int:
            number = checked_int(number, "number")

        pipeline = PipelineRef.from_dict(src_dict["pipeline"])

        duration = src_dict["duration"]
        if duration.__class__ is not int and duration is not None:
            duration = checked_int(duration, "duration", nullable=True)

        created_at = parse_datetime(src_dict["created_at"])

        _messages = src_dict["messages"]
        messages: list[JobMessage]
        if not isinstance(_messages, list):
            raise TypeError(f"messages: expected a list, not {type(_messages).__name__}")
        parse_messages_item = JobMessage.from_dict
        messages = [parse_messages_item(item) for item in _messages]

        _contexts = src_dict["contexts"]
        contexts: list[JobContext]
        if not isinstance(_contexts, list):
            raise TypeError(f"contexts: expected a list, not {type(_contexts).__name__}")
        parse_contexts_item = JobContext.from_dict
        contexts = [parse_contexts_item(item) for item in _contexts]

        organization = OrganizationRef.from_dict(src_dict["organization"])

        queued_at = parse_datetime(src_dict["queued_at"])

        started_at = src_dict.get("started_at", UNSET)
        if started_at is not None and started_at is not UNSET:
            if started_at.__class__ is not str and not isinstance(started_at, str):
                raise TypeError(f"started_at: unexpected {type(started_at).__name__}")
            started_at_type_0 = parse_datetime(started_at)

            started_at = started_at_type_0

        stopped_at = src_dict.get("stopped_at", UNSET)
        if stopped_at is not None and stopped_at is not UNSET:
            if stopped_at.__class__ is not str and not isinstance(stopped_at, str):
                raise TypeError(f"stopped_at: unexpected {type(stopped_at).__name__}")
            stopped_at_type_0 = parse_datetime(stopped_at)

            stopped_at = stopped_at_type_0

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            web_url,
            project,
            parallel_runs,
            latest_workflow,
            name,
            executor,
            parallelism,
            status,
            number,
            pipeline,
            duration,
            created_at,
            messages,
            contexts,
            organization,
            queued_at,
            started_at,
            stopped_at,
        )
        documented = 16 + (started_at is not UNSET) + (stopped_at is not UNSET)
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


from ..models.executor import Executor
from ..models.job_context import JobContext
from ..models.job_message import JobMessage
from ..models.job_project import JobProject
from ..models.organization_ref import OrganizationRef
from ..models.parallel_run import ParallelRun
from ..models.pipeline_ref import PipelineRef
from ..models.workflow_ref import WorkflowRef
