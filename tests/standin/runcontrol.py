"""Run control in the stand-in world: trigger a run, approve, continue, list an organization.

The stand-in's rules, which tests and the sandbox rely on:

* **CI skip.** A branch or tag whose name contains ``skip-ci`` (e.g. ``docs/skip-ci``) has a head
  commit whose message asks CircleCI to skip CI (``[skip ci]``). ``triggerPipelineRun`` on it
  creates no pipeline and answers 200 ``{"message": ...}``.
* **Definitions.** ``triggerPipelineRun`` without ``definition_id`` uses the project's first
  definition, or none for a project that has none (the seeded ``gh``/``bb`` projects). A
  ``dynamic`` definition (``setup=True``) starts the pipeline in state ``setup`` with one
  running ``setup`` workflow (tag ``setup``) and issues a continuation key, kept in
  ``World.continuations`` (a real setup job reads it from ``CIRCLE_CONTINUATION_KEY``).
* **Continuing.** ``continuePipeline`` reads the workflows of the configuration it is given
  (YAML ``workflows: {name: {jobs: [...]}}``), finishes the setup workflow as ``success``,
  starts each workflow with its jobs running and puts the pipeline back to ``created``. A key
  works once.
* **Approving.** Approving an ``on_hold`` approval job makes it ``success`` and starts the
  blocked jobs that waited only for finished jobs; the workflow leaves ``on_hold`` (``running``)
  once none of its jobs is on hold.
* **Running.** Triggered pipelines then move on :mod:`tests.standin.engine`'s clock (jobs
  finish, blocked jobs start, a finished setup job continues its pipeline by itself); the
  rules above describe the moment of each call.
* **Organization listing.** ``listPipelines`` takes an organization slug (``gh/acme``,
  ``github/acme``, ``circleci/<org-id>``): the pipelines of its projects, newest first. Without
  one, the pipelines of every project.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from tests.standin.world import (
    VCS_ALIASES,
    Continuation,
    Job,
    Pipeline,
    PipelineDefinition,
    Project,
    Workflow,
    World,
)

SKIP_CI_MARK = "skip-ci"


class ConfigError(ValueError):
    """A configuration given to ``continuePipeline`` that names no workflow to run."""


@dataclass(frozen=True)
class Ref:
    """A branch or a tag."""

    branch: str | None = None
    tag: str | None = None

    @property
    def empty(self) -> bool:
        """Whether neither a branch nor a tag is set."""
        return self.branch is None and self.tag is None

    @property
    def name(self) -> str:
        """The branch or tag name."""
        return self.branch or self.tag or ""


def head_commit_asks_to_skip_ci(ref: Ref) -> bool:
    """Whether the stand-in's head commit of ``ref`` carries ``[skip ci]`` (see the rules)."""
    return SKIP_CI_MARK in ref.name


def find_definition(project: Project, definition_id: str | None) -> PipelineDefinition | None:
    """The definition with ``definition_id``, or the project's default one when it is None."""
    if definition_id is None:
        return project.definitions[0] if project.definitions else None
    return next((d for d in project.definitions if d.id == definition_id), None)


def trigger_run(
    world: World,
    project: Project,
    definition: PipelineDefinition | None,
    config: Ref,
    checkout: Ref,
    parameters: dict[str, Any],
) -> Pipeline | None:
    """Create a pipeline as ``triggerPipelineRun`` does; None when the commit skips CI."""
    ref = checkout if not checkout.empty else config
    if head_commit_asks_to_skip_ci(ref):
        return None
    pipeline = world.trigger_pipeline(project, ref.branch, ref.tag, parameters)
    pipeline.definition_id = definition.id if definition is not None else None
    if definition is not None and definition.setup:
        run_setup_instead(world, project, pipeline)
    return pipeline


def run_setup_instead(world: World, project: Project, pipeline: Pipeline) -> None:
    """Turn a fresh pipeline's workflow into the setup workflow of dynamic config."""
    workflow = pipeline.workflows[0]
    workflow.name = "setup"
    workflow.tag = "setup"
    for job in workflow.jobs[1:]:
        del world.jobs[job.id]
    workflow.jobs = workflow.jobs[:1]
    workflow.jobs[0].name = "setup"
    pipeline.state = "setup"
    key = "ck-" + world.new_id("continuation").replace("-", "")
    world.continuations[key] = Continuation(key, pipeline.id)


def continuation_key_of(world: World, pipeline_id: str) -> str | None:
    """The continuation key issued for a pipeline, if any."""
    return next((c.key for c in world.continuations.values() if c.pipeline_id == pipeline_id), None)


def workflows_of_config(configuration: str) -> dict[str, list[str]]:
    """Workflow names and their job names in a YAML configuration; ``ConfigError`` if none."""
    try:
        data = yaml.safe_load(configuration)
    except yaml.YAMLError as exc:
        raise ConfigError(f"the configuration is not valid YAML: {exc}") from None
    workflows = data.get("workflows") if isinstance(data, dict) else None
    if not isinstance(workflows, dict):
        raise ConfigError("the configuration has no workflows")
    found: dict[str, list[str]] = {}
    for name, body in workflows.items():
        if name == "version" or not isinstance(body, dict):
            continue
        jobs = body.get("jobs")
        if not isinstance(jobs, list) or not jobs:
            raise ConfigError(f"workflow {name} has no jobs")
        found[str(name)] = [
            str(next(iter(job))) if isinstance(job, dict) and job else str(job) for job in jobs
        ]
    if not found:
        raise ConfigError("the configuration has no workflows")
    return found


def continue_pipeline(
    world: World, continuation: Continuation, workflows: dict[str, list[str]]
) -> None:
    """Finish the setup workflow and start the continuation workflows."""
    at = world.tick()
    continuation.used = True
    pipeline = world.pipelines[continuation.pipeline_id]
    project = world.projects[pipeline.project_slug]
    for setup in pipeline.workflows:
        if setup.tag == "setup" and setup.status == "running":
            setup.status, setup.stopped_at = "success", at
            for job in setup.jobs:
                job.status, job.stopped_at = "success", at
    for name, job_names in workflows.items():
        workflow = Workflow(
            id=world.new_id("workflow"),
            pipeline_id=pipeline.id,
            name=name,
            project_slug=pipeline.project_slug,
            status="running",
            started_by=world.current_user_id,
            pipeline_number=pipeline.number,
            created_at=at,
        )
        workflow.jobs = [
            world._new_job(project, workflow, job_name, "running", at, numbered=True)
            for job_name in job_names
        ]
        world.add_workflow(project, pipeline, workflow)
    pipeline.state = "created"


def approval_job(workflow: Workflow, approval_request_id: str) -> Job | None:
    """The approval job of ``workflow`` with this ``approval_request_id``."""
    return next(
        (
            job
            for job in workflow.jobs
            if job.type == "approval" and job.approval_request_id == approval_request_id
        ),
        None,
    )


def approve(world: World, workflow: Workflow, job: Job) -> None:
    """Approve a held job: it succeeds, the jobs waiting only for it start, the workflow runs."""
    at = world.tick()
    project = world.projects[workflow.project_slug]
    job.status, job.approved_by, job.stopped_at = "success", world.current_user_id, at
    finished = {j.id for j in workflow.jobs if j.status == "success"}
    for waiting in workflow.jobs:
        if waiting.status == "blocked" and set(waiting.dependencies) <= finished:
            waiting.status = "running"
            waiting.job_number = world.next_job_number(project)
            waiting.queued_at = waiting.started_at = at
            project.jobs_by_number[waiting.job_number] = waiting
    if workflow.status == "on_hold" and not any(j.status == "on_hold" for j in workflow.jobs):
        workflow.status = "running"


def organization_pipelines(world: World, org_slug: str | None) -> list[Pipeline] | None:
    """The pipelines of an organization's projects, newest first; None for an unknown one."""
    projects = list(world.projects.values())
    if org_slug is not None:
        parts = org_slug.split("/")
        if len(parts) != 2 or parts[0].lower() not in VCS_ALIASES:
            return None
        wanted = f"{VCS_ALIASES[parts[0].lower()]}/{parts[1]}"
        projects = [p for p in projects if p.organization_slug == wanted]
        if not projects:
            return None
    pipelines = [pipeline for project in projects for pipeline in project.pipelines]
    return sorted(pipelines, key=lambda p: (p.created_at, p.number), reverse=True)
