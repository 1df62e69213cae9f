# Hand-written runtime module (not generated): edit it here.
"""Run control: thin loops around the pure decisions of ``_assess`` and ``_waiting``.

Written once, for the coroutines; ``generator/sync_twins.py`` rewrites it into ``_sync`` (the
blocking functions), so the two cannot drift.
"""

from __future__ import annotations

from collections.abc import AsyncIterable, Mapping
from typing import TypeVar
from uuid import UUID

from .. import _timing
from ..api.pipeline import (
    get_pipeline_by_id,
    get_pipeline_by_number,
    list_pipelines_for_project,
    list_workflows_by_pipeline_id,
)
from ..api.workflow import (
    approve_pending_approval_job_by_id,
    cancel_workflow,
    list_workflow_jobs,
    rerun_workflow,
)
from ..client import AuthenticatedClient, Client
from ..models.pipeline import Pipeline
from ..models.rerun_workflow_parameters import RerunWorkflowParameters
from ..pipelines import ParameterValue, Triggered, atrigger_pipeline
from ..slugs import ProjectSlug
from ._assess import (
    JobCache,
    check_branch,
    latest_by_name,
    pick_approval,
    pick_workflow,
    run_status,
    split_redundant,
    to_cancel,
    to_rerun,
    workflow_state,
)
from ._model import (
    Canceled,
    HeldJob,
    PipelineRef,
    RedundantCancel,
    Rerun,
    RunResult,
    RunStatus,
    UpdateCallback,
    WaitOptions,
)
from ._waiting import Approve, Pause, Stop, Waiting, not_created, pipeline_ref

AnyClient = AuthenticatedClient | Client
T = TypeVar("T")


async def _all(items: AsyncIterable[T]) -> list[T]:
    return [item async for item in items]


async def _pipeline(client: AnyClient, pipeline: PipelineRef) -> Pipeline:
    ref = pipeline_ref(pipeline)
    if isinstance(ref, UUID):
        return await get_pipeline_by_id.asyncio(ref, client=client)
    return await get_pipeline_by_number.asyncio(ref.project_slug, ref.number, client=client)


async def _look(client: AnyClient, pipeline_id: UUID, cache: JobCache) -> RunStatus:
    pipeline = await get_pipeline_by_id.asyncio(pipeline_id, client=client)
    found = list_workflows_by_pipeline_id.aiter_items(pipeline_id, client=client)
    workflows = latest_by_name(await _all(found))
    states = []
    for workflow in workflows:
        jobs = cache.get(workflow)
        if jobs is None:
            listed = list_workflow_jobs.aiter_items(workflow.id, client=client)
            jobs = cache.keep(workflow, await _all(listed))
        states.append(workflow_state(workflow, jobs))
    return run_status(pipeline, states)


async def aget_run_status(client: AnyClient, pipeline: PipelineRef) -> RunStatus:
    """One look at a pipeline run: its state, newest workflows and their jobs, assessed."""
    return await _look(client, (await _pipeline(client, pipeline)).id, JobCache())


def _sleeper(client: AnyClient, options: WaitOptions) -> _timing.AsyncSleep:
    return options.async_sleep or client.retry.async_sleep or _timing.default_async_sleep


async def _approve(client: AnyClient, held: HeldJob) -> None:
    await approve_pending_approval_job_by_id.asyncio(
        held.workflow_id, held.approval_request_id, client=client
    )


async def _wait(
    client: AnyClient,
    pipeline_id: UUID,
    options: WaitOptions,
    on_update: UpdateCallback | None,
) -> RunResult:
    waiting = Waiting(options)
    sleep = _sleeper(client, options)
    cache = JobCache()
    while True:
        status = await _look(client, pipeline_id, cache)
        if on_update is not None:
            on_update(status)
        match waiting.decide(status):
            case Stop(outcome):
                return waiting.result(outcome)
            case Approve(held):
                for job in held:
                    await _approve(client, job)
                    waiting.approved(job)
            case Pause(seconds):
                await sleep(seconds)
                waiting.slept(seconds)


async def awatch_pipeline(
    client: AnyClient,
    pipeline: PipelineRef,
    *,
    options: WaitOptions | None = None,
    on_update: UpdateCallback | None = None,
) -> RunResult:
    """Wait until a pipeline run finishes (or holds, errors or times out); see the package doc.

    ``pipeline`` is its ID or a :class:`PipelineNumber`. ``on_update`` is called with every
    look at the run.
    """
    options = options or WaitOptions()
    found = await _pipeline(client, pipeline)
    return await _wait(client, found.id, options, on_update)


async def atrigger_and_wait(
    client: AnyClient,
    project_slug: str | ProjectSlug,
    *,
    branch: str | None = None,
    tag: str | None = None,
    parameters: Mapping[str, ParameterValue] | None = None,
    definition_id: UUID | str | None = None,
    options: WaitOptions | None = None,
    on_update: UpdateCallback | None = None,
) -> RunResult:
    """Trigger a pipeline (``pipelines.trigger_pipeline``) and wait for it (``watch_pipeline``).

    When no pipeline was created (e.g. the commit skips CI) the outcome is ``NOT_CREATED``
    and ``message`` says why.
    """
    options = options or WaitOptions()
    triggered = await atrigger_pipeline(
        client,
        project_slug,
        branch=branch,
        tag=tag,
        parameters=parameters,
        definition_id=definition_id,
    )
    if not isinstance(triggered, Triggered):
        return not_created(triggered.message)
    return await _wait(client, triggered.id, options, on_update)


async def aapprove_job(
    client: AnyClient, pipeline: PipelineRef, *, workflow: str, job: str
) -> HeldJob:
    """Approve the approval job ``job`` of the workflow ``workflow`` of a pipeline.

    Approves with the job's ``approval_request_id`` from the workflow's job list (the job's own
    ID would be refused). Raises ``WorkflowNotFoundError``, ``JobNotFoundError``,
    ``NotAnApprovalJobError`` or ``ApprovalNotPendingError`` before approving anything.
    """
    found = await _pipeline(client, pipeline)
    label = f"{found.project_slug} #{found.number}"
    workflows = await _all(list_workflows_by_pipeline_id.aiter_items(found.id, client=client))
    chosen = pick_workflow(workflows, workflow, label)
    jobs = await _all(list_workflow_jobs.aiter_items(chosen.id, client=client))
    held = pick_approval(chosen, jobs, job)
    await _approve(client, held)
    return held


async def _cancel(client: AnyClient, pipeline: Pipeline) -> list[Canceled]:
    workflows = await _all(list_workflows_by_pipeline_id.aiter_items(pipeline.id, client=client))
    canceled = []
    for workflow in to_cancel(workflows):
        await cancel_workflow.asyncio(workflow.id, client=client)
        canceled.append(Canceled(pipeline.id, pipeline.number, workflow.id, workflow.name))
    return canceled


async def acancel_pipeline(client: AnyClient, pipeline: PipelineRef) -> tuple[Canceled, ...]:
    """Cancel every unfinished workflow of a pipeline; return those it canceled."""
    return tuple(await _cancel(client, await _pipeline(client, pipeline)))


async def arerun_failed(
    client: AnyClient, pipeline: PipelineRef, *, workflow: str | None = None
) -> tuple[Rerun, ...]:
    """Rerun from failed every workflow of a pipeline that failed (or only ``workflow``).

    Raises ``RunControlError`` when none failed (or ``workflow`` did not), and
    ``WorkflowNotFoundError`` for an unknown ``workflow``.
    """
    found = await _pipeline(client, pipeline)
    label = f"{found.project_slug} #{found.number}"
    workflows = await _all(list_workflows_by_pipeline_id.aiter_items(found.id, client=client))
    body = RerunWorkflowParameters(from_failed=True)
    reruns = []
    for failed in to_rerun(workflows, workflow, label):
        answer = await rerun_workflow.asyncio(failed.id, client=client, body=body)
        reruns.append(Rerun(failed.name, failed.id, answer.workflow_id))
    return tuple(reruns)


async def acancel_redundant(
    client: AnyClient, project_slug: str | ProjectSlug, *, branch: str, limit: int = 20
) -> RedundantCancel:
    """Cancel the unfinished workflows of a branch's pipelines but the newest one.

    Looks at the branch's ``limit`` most recent pipelines.
    """
    check_branch(branch, limit)
    found = list_pipelines_for_project.aiter_items(
        str(project_slug), client=client, branch=branch, max_items=limit
    )
    newest, older = split_redundant(await _all(found))
    canceled = [c for pipeline in older for c in await _cancel(client, pipeline)]
    return RedundantCancel(branch, None if newest is None else newest.number, tuple(canceled))
