# Hand-written runtime module (not generated): edit it here.
"""The pure half of run control: what a look at a pipeline run adds up to, and what to act on.

Nothing here sends a request; the sync and async loops (``_sync``, ``_async``) fetch, call
these functions and do what they decide, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from uuid import UUID

from ..errors import (
    ApprovalNotPendingError,
    JobNotFoundError,
    NotAnApprovalJobError,
    RunControlError,
    WorkflowNotFoundError,
)
from ..models.job import Job
from ..models.job_status import JobStatus
from ..models.job_type import JobType
from ..models.pipeline import Pipeline
from ..models.pipeline_state import PipelineState
from ..models.workflow import Workflow
from ..models.workflow_status import WorkflowStatus
from ..models.workflow_tag import WorkflowTag
from ..types import Unset
from ._model import (
    HeldJob,
    JobState,
    Outcome,
    Phase,
    PipelineProblem,
    RunStatus,
    WorkflowState,
)

FINISHED_WORKFLOW = frozenset(
    {
        WorkflowStatus.SUCCESS,
        WorkflowStatus.FAILED,
        WorkflowStatus.ERROR,
        WorkflowStatus.UNAUTHORIZED,
        WorkflowStatus.NOT_RUN,
        WorkflowStatus.CANCELED,
    }
)
"""Workflow statuses that never change again (``failing`` and ``on_hold`` are not among them;
nor is a status CircleCI adds later: an unknown status counts as still running)."""
FAILED_WORKFLOW = frozenset(
    {WorkflowStatus.FAILED, WorkflowStatus.ERROR, WorkflowStatus.UNAUTHORIZED}
)
RERUNNABLE_WORKFLOW = frozenset({WorkflowStatus.FAILED, WorkflowStatus.ERROR})
"""Workflows that "rerun from failed" applies to."""
CREATING_PIPELINE = frozenset({PipelineState.PENDING, PipelineState.SETUP_PENDING})


def job_state(job: Job) -> JobState:
    """A job of a workflow's job list as a :class:`JobState`."""
    return JobState(
        id=job.id,
        name=job.name,
        status=job.status,
        type=job.type_,
        job_number=None if isinstance(job.job_number, Unset) else job.job_number,
        approval_request_id=(
            None if isinstance(job.approval_request_id, Unset) else job.approval_request_id
        ),
    )


def workflow_state(workflow: Workflow, jobs: Iterable[Job]) -> WorkflowState:
    """A workflow and its job list as a :class:`WorkflowState`."""
    return WorkflowState(
        id=workflow.id,
        name=workflow.name,
        status=workflow.status,
        setup=workflow.tag == WorkflowTag.SETUP,
        created_at=workflow.created_at,
        jobs=tuple(job_state(job) for job in jobs),
    )


def latest_by_name(workflows: Iterable[Workflow]) -> list[Workflow]:
    """The newest workflow of each name (a rerun is a new one of the same name), oldest first."""
    newest: dict[str, Workflow] = {}
    for workflow in workflows:
        seen = newest.get(workflow.name)
        if seen is None or workflow.created_at >= seen.created_at:
            newest[workflow.name] = workflow
    return sorted(newest.values(), key=lambda w: w.created_at)


def held_jobs(workflows: Iterable[WorkflowState]) -> tuple[HeldJob, ...]:
    """Approval jobs on hold in unfinished workflows, with what approving each takes."""
    return tuple(
        HeldJob(workflow.id, workflow.name, job.name, job.approval_request_id)
        for workflow in workflows
        if workflow.status not in FINISHED_WORKFLOW
        for job in workflow.jobs
        if job.status == JobStatus.ON_HOLD
        and job.type == JobType.APPROVAL
        and job.approval_request_id is not None
    )


def outcome_of(workflows: Sequence[WorkflowState]) -> Outcome:
    """What finished workflows add up to: a failure wins, then a cancel, then a success."""
    statuses = {workflow.status for workflow in workflows}
    if statuses & FAILED_WORKFLOW:
        return Outcome.FAILED
    if WorkflowStatus.CANCELED in statuses:
        return Outcome.CANCELED
    if WorkflowStatus.SUCCESS in statuses:
        return Outcome.SUCCESS
    return Outcome.NOT_RUN


def assess(
    state: PipelineState, workflows: Sequence[WorkflowState]
) -> tuple[Phase, Outcome | None]:
    """Where a run is, and its outcome once finished (or when only approvals hold it).

    * an ``errored`` pipeline is finished: ``ERRORED``;
    * ``pending`` or ``setup-pending``, or no workflow yet: still being created;
    * any unfinished workflow (``running``, ``failing``, ``on_hold``, unknown): not finished;
      ``ON_HOLD`` when every unfinished one is ``on_hold``;
    * dynamic config: a setup workflow that succeeded, while the pipeline is still in
      ``setup`` or no other workflow exists yet, means the continuation is on its way;
    * every workflow finished: a failure (``failed``, ``error``, ``unauthorized``) wins, then a
      cancel, then a success; only ``not_run`` ones make ``NOT_RUN``.
    """
    if state == PipelineState.ERRORED:
        return Phase.FINISHED, Outcome.ERRORED
    if state in CREATING_PIPELINE or not workflows:
        return Phase.CREATING, None
    unfinished = [w for w in workflows if w.status not in FINISHED_WORKFLOW]
    if unfinished:
        if all(w.status == WorkflowStatus.ON_HOLD for w in unfinished):
            failed = any(w.status in FAILED_WORKFLOW for w in workflows)
            return Phase.ON_HOLD, Outcome.FAILED if failed else Outcome.ON_HOLD
        return Phase.RUNNING, None
    main = [w for w in workflows if not w.setup]
    outcome = outcome_of(main or workflows)
    setup_done = all(w.status == WorkflowStatus.SUCCESS for w in workflows if w.setup)
    if (state == PipelineState.SETUP or not main) and setup_done:
        return Phase.CREATING, None  # the setup succeeded: its continuation is on its way
    return Phase.FINISHED, outcome


def run_status(pipeline: Pipeline, workflows: Sequence[WorkflowState]) -> RunStatus:
    """One look at a run: the pipeline and its newest workflows (with their jobs) assessed."""
    phase, outcome = assess(pipeline.state, workflows)
    return RunStatus(
        pipeline_id=pipeline.id,
        number=pipeline.number,
        project_slug=pipeline.project_slug,
        state=pipeline.state,
        errors=tuple(PipelineProblem(str(e.type_), e.message) for e in pipeline.errors),
        workflows=tuple(workflows),
        phase=phase,
        outcome=outcome,
        held=held_jobs(workflows),
    )


class JobCache:
    """Jobs of finished workflows, fetched once after they finished and then kept."""

    def __init__(self) -> None:
        self._jobs: dict[UUID, tuple[Job, ...]] = {}

    def get(self, workflow: Workflow) -> tuple[Job, ...] | None:
        """The kept jobs of a finished workflow, or None: fetch them."""
        return self._jobs.get(workflow.id)

    def keep(self, workflow: Workflow, jobs: Iterable[Job]) -> tuple[Job, ...]:
        """Remember the jobs of ``workflow`` if it has finished; return them as a tuple."""
        kept = tuple(jobs)
        if workflow.status in FINISHED_WORKFLOW:
            self._jobs[workflow.id] = kept
        return kept


# --- choosing what to act on ------------------------------------------------------------------


def _names(items: Iterable[Workflow] | Iterable[Job]) -> str:
    names = sorted({item.name for item in items})
    return ", ".join(repr(name) for name in names) if names else "none"


def pick_workflow(workflows: Sequence[Workflow], name: str, pipeline: str) -> Workflow:
    """The newest workflow called ``name``, or :class:`WorkflowNotFoundError`."""
    for workflow in reversed(latest_by_name(workflows)):
        if workflow.name == name:
            return workflow
    raise WorkflowNotFoundError(
        f"pipeline {pipeline} has no workflow {name!r} (its workflows: {_names(workflows)}); "
        "check the name, or wait until the pipeline has created it"
    )


def pick_approval(workflow: Workflow, jobs: Sequence[Job], name: str) -> HeldJob:
    """The approval job ``name`` of ``workflow``, on hold; a typed error says why not."""
    job = next((j for j in jobs if j.name == name), None)
    if job is None:
        raise JobNotFoundError(
            f"workflow {workflow.name!r} has no job {name!r} (its jobs: {_names(jobs)})"
        )
    if job.type_ != JobType.APPROVAL or isinstance(job.approval_request_id, Unset):
        raise NotAnApprovalJobError(
            f"job {name!r} of workflow {workflow.name!r} is a {job.type_} job, not an approval "
            "job: only approval jobs (type: approval in the config) can be approved"
        )
    if job.status != JobStatus.ON_HOLD:
        raise ApprovalNotPendingError(
            f"approval job {name!r} of workflow {workflow.name!r} is {job.status}, not on_hold: "
            "it was approved already, or the jobs it requires have not finished"
        )
    return HeldJob(workflow.id, workflow.name, job.name, job.approval_request_id)


def to_cancel(workflows: Iterable[Workflow]) -> list[Workflow]:
    """The workflows a cancel stops: every one not finished (``on_hold`` included)."""
    return [w for w in workflows if w.status not in FINISHED_WORKFLOW]


def to_rerun(workflows: Sequence[Workflow], name: str | None, pipeline: str) -> list[Workflow]:
    """The newest workflows (or the one named) that ended ``failed`` or ``error``."""
    if name is not None:
        chosen = pick_workflow(workflows, name, pipeline)
        if chosen.status not in RERUNNABLE_WORKFLOW:
            raise RunControlError(
                f"workflow {name!r} of pipeline {pipeline} is {chosen.status}: only a failed "
                "or errored workflow can be rerun from failed"
            )
        return [chosen]
    failed = [w for w in latest_by_name(workflows) if w.status in RERUNNABLE_WORKFLOW]
    if not failed:
        raise RunControlError(
            f"no workflow of pipeline {pipeline} failed (its workflows: "
            f"{', '.join(f'{w.name} {w.status}' for w in latest_by_name(workflows)) or 'none'}): "
            "nothing to rerun from failed"
        )
    return failed


def split_redundant(pipelines: Sequence[Pipeline]) -> tuple[Pipeline | None, list[Pipeline]]:
    """The newest pipeline (highest number) and the others, newest first."""
    ordered = sorted(pipelines, key=lambda p: p.number, reverse=True)
    return (ordered[0] if ordered else None), ordered[1:]


def check_branch(branch: str, limit: int) -> None:
    """Refuse an empty branch or a limit below 1 before anything is sent."""
    if not isinstance(branch, str) or not branch.strip():
        raise RunControlError(
            f"give the branch whose redundant pipelines to cancel, got {branch!r}"
        )
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise RunControlError(
            f"limit is how many recent pipelines to look at (1 or more), got {limit!r}"
        )
