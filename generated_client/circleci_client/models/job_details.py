# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_status import JobStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="JobDetails")


@_attrs_define
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        web_url = self.web_url

        project = self.project.to_dict()

        parallel_runs = []
        for parallel_runs_item_data in self.parallel_runs:
            parallel_runs_item = parallel_runs_item_data.to_dict()
            parallel_runs.append(parallel_runs_item)

        latest_workflow = self.latest_workflow.to_dict()

        name = self.name

        executor = self.executor.to_dict()

        parallelism = self.parallelism

        status: None | str
        if isinstance(self.status, JobStatus):
            status = self.status.value
        else:
            status = self.status

        number = self.number

        pipeline = self.pipeline.to_dict()

        duration: int | None
        duration = self.duration

        created_at = self.created_at.isoformat()

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        contexts = []
        for contexts_item_data in self.contexts:
            contexts_item = contexts_item_data.to_dict()
            contexts.append(contexts_item)

        organization = self.organization.to_dict()

        queued_at = self.queued_at.isoformat()

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        stopped_at: None | str | Unset
        if isinstance(self.stopped_at, Unset):
            stopped_at = UNSET
        elif isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "web_url": web_url,
                "project": project,
                "parallel_runs": parallel_runs,
                "latest_workflow": latest_workflow,
                "name": name,
                "executor": executor,
                "parallelism": parallelism,
                "status": status,
                "number": number,
                "pipeline": pipeline,
                "duration": duration,
                "created_at": created_at,
                "messages": messages,
                "contexts": contexts,
                "organization": organization,
                "queued_at": queued_at,
            }
        )
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if stopped_at is not UNSET:
            field_dict["stopped_at"] = stopped_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        web_url = d.pop("web_url")

        project = JobProject.from_dict(d.pop("project"))

        parallel_runs = []
        _parallel_runs = d.pop("parallel_runs")
        for parallel_runs_item_data in _parallel_runs:
            parallel_runs_item = ParallelRun.from_dict(parallel_runs_item_data)

            parallel_runs.append(parallel_runs_item)

        latest_workflow = WorkflowRef.from_dict(d.pop("latest_workflow"))

        name = d.pop("name")

        executor = Executor.from_dict(d.pop("executor"))

        parallelism = d.pop("parallelism")

        def _parse_status(data: object) -> JobStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_1 = JobStatus(data)

                return status_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JobStatus | None, data)

        status = _parse_status(d.pop("status"))

        number = d.pop("number")

        pipeline = PipelineRef.from_dict(d.pop("pipeline"))

        def _parse_duration(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        duration = _parse_duration(d.pop("duration"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = JobMessage.from_dict(messages_item_data)

            messages.append(messages_item)

        contexts = []
        _contexts = d.pop("contexts")
        for contexts_item_data in _contexts:
            contexts_item = JobContext.from_dict(contexts_item_data)

            contexts.append(contexts_item)

        organization = OrganizationRef.from_dict(d.pop("organization"))

        queued_at = datetime.datetime.fromisoformat(d.pop("queued_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        def _parse_stopped_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stopped_at_type_0 = datetime.datetime.fromisoformat(data)

                return stopped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        stopped_at = _parse_stopped_at(d.pop("stopped_at", UNSET))

        job_details = cls(
            web_url=web_url,
            project=project,
            parallel_runs=parallel_runs,
            latest_workflow=latest_workflow,
            name=name,
            executor=executor,
            parallelism=parallelism,
            status=status,
            number=number,
            pipeline=pipeline,
            duration=duration,
            created_at=created_at,
            messages=messages,
            contexts=contexts,
            organization=organization,
            queued_at=queued_at,
            started_at=started_at,
            stopped_at=stopped_at,
        )

        job_details.additional_properties = d
        return job_details

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
from ..models.executor import Executor
from ..models.job_context import JobContext
from ..models.job_message import JobMessage
from ..models.job_project import JobProject
from ..models.organization_ref import OrganizationRef
from ..models.parallel_run import ParallelRun
from ..models.pipeline_ref import PipelineRef
from ..models.workflow_ref import WorkflowRef
