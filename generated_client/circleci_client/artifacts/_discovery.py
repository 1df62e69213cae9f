# Hand-written runtime module (not generated): edit it here.
"""Which jobs to download: a workflow's jobs, a branch's latest successful pipeline."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from .._display import visible
from .._steps import Steps
from ..api.job import get_job_artifacts
from ..api.pipeline import list_pipelines_for_project, list_workflows_by_pipeline_id
from ..api.workflow import list_workflow_jobs
from ..models.artifact import Artifact
from ..models.job import Job
from ..models.workflow import Workflow
from ..models.workflow_status import WorkflowStatus
from ..slugs import validate_project_slug
from ..types import Unset
from ._errors import NoSuccessfulPipelineError
from ._listing import _MAX_NODE_INDEX, _Entry, _JobRef, _kind, _ListingEntries, _whole_number
from ._reports import SuccessfulPipeline


def _collect(op: Any, *args: Any, **kwargs: Any) -> Steps[list[Any]]:
    """Every item of a paginated operation (``op`` is its generated module)."""
    items = yield ("items", (op, args, kwargs))
    collected = []
    while (item := (yield ("next", (items,)))) is not None:
        collected.append(item)
    return collected


def _job_ref(job: Job) -> _JobRef | None:
    number: object = job.job_number
    if isinstance(number, Unset) or number is None:
        return None  # approval jobs, and jobs that never ran
    slug: object = job.project_slug
    name = job.name if isinstance(job.name, str) else None
    shown_slug = slug if isinstance(slug, str) else "<invalid>"
    if not _whole_number(number, _MAX_NODE_INDEX):
        problem = f"the job listing gives job_number as {_kind(number)}, not a whole number"
        return _JobRef(shown_slug, -1, name, problem)
    assert isinstance(number, int)
    try:
        if not isinstance(slug, str):
            raise TypeError
        validate_project_slug(slug)
    except (TypeError, ValueError):
        problem = f"the job listing gives an invalid project_slug ({_kind(slug)})"
        return _JobRef(shown_slug, number, name, problem)
    return _JobRef(slug, number, name)


def _all_succeeded(workflows: Sequence[Workflow]) -> bool:
    return bool(workflows) and all(w.status == WorkflowStatus.SUCCESS for w in workflows)


def _as_uuid(value: UUID | str) -> UUID:
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError:
        raise ValueError(
            f"workflow_id {visible(value)!r} is not a workflow id: give the UUID from the "
            "workflow's URL, e.g. 5034460f-c7c4-4c43-9457-de07e2029e7b"
        ) from None


def _artifacts_of(job: _JobRef) -> Steps[list[Artifact]]:
    return (yield from _collect(get_job_artifacts, job.project_slug, job.job_number))


def _entries_of(job: _JobRef) -> Steps[list[_Entry]]:
    """A job's listing for a download, entry by entry (none for a job that cannot be listed)."""
    if job.problem is not None:
        return []
    return (yield from _collect(_ListingEntries, job.project_slug, job.job_number))


def _latest_successful(project_slug: str, branch: str, limit: int) -> Steps[SuccessfulPipeline]:
    newest = {"branch": branch, "max_items": limit}
    pipelines = yield ("items", (list_pipelines_for_project, (project_slug,), newest))
    seen = 0
    while (pipeline := (yield ("next", (pipelines,)))) is not None:
        seen += 1
        workflows = yield from _collect(list_workflows_by_pipeline_id, pipeline.id)
        if _all_succeeded(workflows):
            return SuccessfulPipeline(pipeline, workflows)
    if not seen:
        raise NoSuccessfulPipelineError(
            f"branch {branch!r} of {project_slug} has no pipelines at all: check the branch "
            "name (it is case-sensitive) and that the project builds it"
        )
    raise NoSuccessfulPipelineError(
        f"no successful pipeline among the newest {seen} on branch {branch!r} of {project_slug}"
    )


def _workflow_jobs(workflow_id: UUID | str) -> Steps[list[_JobRef]]:
    jobs = yield from _collect(list_workflow_jobs, _as_uuid(workflow_id))
    return [ref for job in jobs if (ref := _job_ref(job)) is not None]
