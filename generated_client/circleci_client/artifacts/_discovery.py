# Hand-written runtime module (not generated): edit it here.
"""Which jobs to download: what a workflow's jobs and a branch's pipelines tell (no I/O).

The listings themselves are fetched in ``_async_run`` (and its sync twin ``_sync_run``).
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from .._display import visible
from ..models.job import Job
from ..models.workflow import Workflow
from ..models.workflow_status import WorkflowStatus
from ..slugs import validate_project_slug
from ..types import Unset
from ._errors import NoSuccessfulPipelineError
from ._listing import _MAX_NODE_INDEX, _JobRef, _kind, _whole_number


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


def _no_successful_pipeline(project_slug: str, branch: str, seen: int) -> NoSuccessfulPipelineError:
    """The error for a branch none of whose newest ``seen`` pipelines succeeded."""
    if not seen:
        return NoSuccessfulPipelineError(
            f"branch {branch!r} of {project_slug} has no pipelines at all: check the branch "
            "name (it is case-sensitive) and that the project builds it"
        )
    return NoSuccessfulPipelineError(
        f"no successful pipeline among the newest {seen} on branch {branch!r} of {project_slug}"
    )
