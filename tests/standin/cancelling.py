"""Cancelling through the API (``cancelWorkflow``, ``cancelJobByJobNumber``, ``cancelJobByJobID``).

The world makes the change (:meth:`~tests.standin.changes.WorldChanges.cancel_workflow`,
``cancel_job``); this module then tells the engine what the cancel finished, so that its
finish listeners (outbound webhooks) hear of it as of work the engine finished itself:

* cancelling a workflow reports each job it moved to ``canceled``, then the workflow;
* cancelling one job reports that job, then its workflow if that ended it: a driven workflow
  is settled at once, as the engine would at its next look; a seeded one keeps its status.

Only what changed is reported: cancelling finished work again, or the engine looking later,
reports nothing new. Pipelines the engine drives and seeded ones are treated alike.
"""

from __future__ import annotations

from tests.standin.world import ACTIVE_JOB, TERMINAL_WORKFLOW, Job, Workflow, World


def cancel_workflow(world: World, workflow: Workflow) -> None:
    """Cancel a workflow and its unfinished jobs; report what that finished."""
    ended_before = workflow.status in TERMINAL_WORKFLOW
    active = [job for job in workflow.jobs if job.status in ACTIVE_JOB]
    world.cancel_workflow(workflow)
    if ended_before or world.engine is None:
        return
    cancelled = [job for job in active if job.status == "canceled"]
    world.engine.cancelled(workflow, cancelled, world.current_time(), ended=True)


def cancel_job(world: World, job: Job) -> None:
    """Cancel one unfinished job; report it, and its workflow if that ended it."""
    was_active = job.status in ACTIVE_JOB
    world.cancel_job(job)
    workflow = world.workflows.get(job.workflow_id)
    if not was_active or workflow is None or world.engine is None:
        return
    world.engine.cancelled(workflow, [job], world.current_time(), ended=False)
