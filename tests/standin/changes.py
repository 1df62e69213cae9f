"""State changes of the stand-in's world: the clock, new ids, registering and running things.

:class:`WorldChanges` is a base of :class:`~tests.standin.state.World`; it declares the
fields it changes, which ``World`` defines.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

from tests.standin.derived import config_compiled, config_source, workflow_names
from tests.standin.entities import (
    ACTIVE_JOB,
    TERMINAL_WORKFLOW,
    Job,
    Pipeline,
    Project,
    Workflow,
    make_id,
)


class WorldChanges:
    """Every method that changes the world (callers hold ``World.lock``)."""

    now: datetime
    clock: datetime | None
    counter: int
    current_user_id: str
    projects: dict[str, Project]
    pipelines: dict[str, Pipeline]
    workflows: dict[str, Workflow]
    jobs: dict[str, Job]

    def tick(self) -> datetime:
        """Advance the world clock by one second and return it (deterministic 'now')."""
        self.clock = (self.clock or self.now) + timedelta(seconds=1)
        return self.clock

    def new_id(self, kind: str) -> str:
        """Return a fresh deterministic id for something created at run time."""
        self.counter += 1
        return make_id(f"runtime:{kind}:{self.counter}")

    # -- registration helpers -------------------------------------------------

    def add_pipeline(self, project: Project, pipeline: Pipeline) -> None:
        """Register a pipeline with the world and its project."""
        project.pipelines.append(pipeline)
        self.pipelines[pipeline.id] = pipeline

    def add_workflow(self, project: Project, pipeline: Pipeline, wf: Workflow) -> None:
        """Register a workflow and its jobs."""
        pipeline.workflows.append(wf)
        self.workflows[wf.id] = wf
        for job in wf.jobs:
            self.jobs[job.id] = job
            if job.job_number is not None:
                project.jobs_by_number[job.job_number] = job

    def next_job_number(self, project: Project) -> int:
        """Hand out the next job number of a project."""
        number = project.next_job_number
        project.next_job_number += 1
        return number

    # -- mutations ---------------------------------------------------------------

    def trigger_pipeline(
        self,
        project: Project,
        branch: str | None,
        tag: str | None,
        parameters: dict[str, Any],
    ) -> Pipeline:
        """Create a pipeline as ``POST /project/{slug}/pipeline`` does."""
        at = self.tick()
        number = max((p.number for p in project.pipelines), default=0) + 1
        if branch is None and tag is None:
            branch = project.default_branch
        ref = branch if branch is not None else f"tag {tag}"
        pipeline = Pipeline(
            id=self.new_id("pipeline"),
            project_slug=project.slug,
            number=number,
            state="created",
            created_at=at,
            trigger_type="api",
            actor_id=self.current_user_id,
            branch=branch,
            tag=tag,
            revision=hashlib.sha1(f"{project.slug}:{number}".encode()).hexdigest(),
            commit_subject=f"Triggered via API on {ref}",
            commit_body=None,
            trigger_parameters=dict(parameters),
            config_source=config_source(project.slug),
            config_compiled=config_compiled(project.slug),
        )
        self.add_pipeline(project, pipeline)
        wf = Workflow(
            id=self.new_id("workflow"),
            pipeline_id=pipeline.id,
            name=workflow_names(project.slug)[0],
            project_slug=project.slug,
            status="running",
            started_by=self.current_user_id,
            pipeline_number=number,
            created_at=at,
        )
        first = self._new_job(project, wf, "lint", "running", at, numbered=True)
        second = self._new_job(project, wf, "build", "blocked", at, numbered=False)
        second.dependencies = [first.id]
        second.requires = {first.id: ["success"]}
        wf.jobs = [first, second]
        self.add_workflow(project, pipeline, wf)
        return pipeline

    def _new_job(
        self, project: Project, wf: Workflow, name: str, status: str, at: datetime, numbered: bool
    ) -> Job:
        """Build a job for a workflow created at run time."""
        job = Job(
            id=self.new_id("job"),
            name=name,
            type="build",
            status=status,
            project_slug=project.slug,
            workflow_id=wf.id,
            pipeline_id=wf.pipeline_id,
            created_at=at,
        )
        if numbered:
            job.job_number = self.next_job_number(project)
            job.queued_at = at
            if status == "running":
                job.started_at = at
        return job

    def cancel_workflow(self, wf: Workflow) -> None:
        """Cancel a workflow and its unfinished jobs."""
        at = self.tick()
        if wf.status in TERMINAL_WORKFLOW:
            return
        wf.status = "canceled"
        wf.stopped_at = at
        wf.canceled_by = self.current_user_id
        for job in wf.jobs:
            if job.status in ACTIVE_JOB:
                self.cancel_job(job, at)

    def cancel_job(self, job: Job, at: datetime | None = None) -> None:
        """Cancel one job if it has not finished."""
        at = at or self.tick()
        if job.status not in ACTIVE_JOB:
            return
        job.status = "canceled"
        job.canceled_by = self.current_user_id
        if job.started_at is not None:
            job.stopped_at = at

    def rerun_workflow(
        self, wf: Workflow, job_ids: list[str] | None, from_failed: bool
    ) -> Workflow:
        """Create a new workflow re-running ``wf`` (all jobs, failed ones, or chosen ones)."""
        at = self.tick()
        project = self.projects[wf.project_slug]
        pipeline = self.pipelines[wf.pipeline_id]
        new = Workflow(
            id=self.new_id("workflow"),
            pipeline_id=wf.pipeline_id,
            name=wf.name,
            project_slug=wf.project_slug,
            status="running",
            started_by=self.current_user_id,
            pipeline_number=wf.pipeline_number,
            created_at=at,
        )
        id_map: dict[str, str] = {}
        for old in wf.jobs:
            if job_ids is not None:
                rerun = old.id in job_ids
            elif from_failed:
                rerun = old.status not in {"success"}
            else:
                rerun = True
            if rerun:
                waits = bool(old.dependencies)
                job = self._new_job(
                    project, new, old.name, "blocked" if waits else "running", at, not waits
                )
                job.type = old.type
                job.parallelism = old.parallelism
                job.resource_class = old.resource_class
                if old.type == "approval":
                    job.status = "on_hold" if not waits else "blocked"
                    job.approval_request_id = self.new_id("approval")
            else:
                job = Job(**{**old.__dict__, "artifacts": list(old.artifacts)})
                job.id = self.new_id("job")
                job.workflow_id = new.id
            id_map[old.id] = job.id
            new.jobs.append(job)
        for job in new.jobs:
            job.dependencies = [id_map.get(d, d) for d in job.dependencies]
            job.requires = {id_map.get(k, k): v for k, v in job.requires.items()}
        self.add_workflow(project, pipeline, new)
        return new
