"""The stand-in runs the pipelines it is asked to trigger, on a clock that can be sped up.

A pipeline created by ``triggerPipeline`` or ``triggerPipelineRun`` is *driven*: its jobs run
for a fixed number of seconds each (:data:`JOB_SECONDS`), blocked jobs start once the jobs they
require succeed (or become ``not_run`` when one did not), approval jobs wait ``on_hold`` until
``approvePendingApprovalJobById`` releases them, and every workflow's status follows its jobs:
``running``, ``failing`` (a job failed, others still run), ``on_hold``, then ``success``,
``failed``, ``error``, ``unauthorized``, ``not_run`` or ``canceled``. Seeded pipelines are
never driven: they keep their states whatever the clock does. Reruns of a driven pipeline's
workflows are driven too.

**Clock.** Time moves only through the engine's :class:`Clock`:

* :class:`VirtualClock` (the default of ``Standin``): frozen until a test calls
  ``standin.engine.advance(seconds)``, which runs every event due within those seconds, in
  order, before it returns. ``standin.engine.advance_until_idle()`` advances event by event
  until nothing is left to happen (held approvals wait for ever) and returns the seconds spent.
* :class:`ScaledClock` (the sandbox, ``python -m tests.standin --speed 10``; the default speed
  is 1, real time, and 0 freezes): simulated time is wall time times ``speed``. The engine
  catches up at the start of every API request (:meth:`Engine.catch_up`), so a client that
  polls sees the states it would see live. ``Standin(clock=ScaledClock(10))`` does the same
  in-process.

Simulated time is the world's clock: advancing by ``s`` seconds moves
``World.current_time()`` on by ``s``, and the timestamps the engine writes (``started_at``,
``stopped_at``) are the moments the events were due.

**Pipeline parameters** (of either trigger operation) choose what happens; ``true`` may also
be the string ``"true"``, as a command line sends it:

``fail: true`` or ``fail: "<job>"``
    The job ``build`` (or the named job) fails in the pipeline's first run; reruns succeed.
``fail_status: "<status>"``
    How the failing job ends: ``failed`` (default), ``timedout``, ``infrastructure_fail``
    (the workflow ``failed``), ``terminated-unknown`` (workflow ``error``) or
    ``unauthorized`` (workflow ``unauthorized``).
``parallel: true``
    The first workflow runs ``lint`` and ``test`` side by side before ``build``; with
    ``fail: "lint"`` it is ``failing`` while ``test`` still runs.
``hold: true``
    A second workflow ``deploy``: an approval job ``hold`` (``on_hold`` at once), then
    ``deploy``. Approving ``hold`` (by its ``approval_request_id``) lets ``deploy`` run.
``dynamic: true``
    Dynamic configuration, as the ``dynamic`` pipeline definition also gives: the pipeline
    starts in state ``setup`` with one ``setup`` workflow; when its ``setup`` job finishes it
    continues the pipeline itself with :data:`AUTO_CONTINUATION` (workflows ``build``:
    ``lint`` then ``build``, and ``docs``: ``docs``), unless ``continuePipeline`` was called
    first, whose configuration's workflows then run (``requires`` honoured).
``config_error: true``
    The configuration is invalid: the pipeline has no workflows, is ``pending`` at first and
    ``errored`` :data:`CONFIG_CHECK_SECONDS` later, with ``errors`` of type ``config``.
``not_run: true``
    The first workflow does not run: it and its jobs are ``not_run`` from the start.

A plain trigger runs ``lint`` (8 s) then ``build`` (6 s): 14 simulated seconds in all, so the
sandbox finishes it within a minute even at real time (1.4 s at ``--speed 10``).

**API** (all under ``world.lock``; the handlers call the ``on_*`` hooks)::

    engine = Engine(world, VirtualClock())   # Standin does this; world.engine = engine
    engine.advance(30)                       # VirtualClock only
    engine.advance_until_idle(limit=3600)    # -> seconds advanced
    engine.catch_up()                        # run what the clock says is due (every request)
    engine.touch()                           # the world changed elsewhere (every non-GET)
    engine.driven(pipeline_id)               # -> bool
    on_triggered(world, pipeline)            # hook: drive a new pipeline
    on_continued(world, pipeline, config)    # hook: after continuePipeline
    engine.cancelled(workflow, jobs, at, ended)  # report what the API cancelled (cancelling.py)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import yaml

from tests.standin import runcontrol
from tests.standin.clocks import Clock
from tests.standin.clocks import ScaledClock as ScaledClock  # re-exported
from tests.standin.clocks import VirtualClock as VirtualClock  # re-exported
from tests.standin.world import ACTIVE_JOB, TERMINAL_WORKFLOW, Job, Pipeline, Workflow, World

JOB_SECONDS = {"setup": 5, "lint": 8, "test": 12, "build": 6, "deploy": 6, "docs": 5}
"""How long each job runs, in simulated seconds; any other job runs DEFAULT_JOB_SECONDS."""
DEFAULT_JOB_SECONDS = 10
CONFIG_CHECK_SECONDS = 2
"""How long a pipeline with ``config_error`` stays ``pending`` before it is ``errored``."""
CONFIG_ERROR = "Config does not conform to schema: jobs: build: steps is required"
AUTO_CONTINUATION = (
    "version: 2.1\n"
    "workflows:\n"
    "  build:\n"
    "    jobs: [lint, {build: {requires: [lint]}}]\n"
    "  docs:\n"
    "    jobs: [docs]\n"
)
"""The configuration a dynamic pipeline's setup job continues with by itself."""
PARAMETERS_HELP = """\
Triggered pipelines run on a clock (--speed). Pipeline parameters choose what happens:
  fail=true | fail=<job>   the job build (or <job>) fails; reruns succeed
  fail_status=<status>     failed (default), timedout, infrastructure_fail,
                           terminated-unknown (workflow error), unauthorized
  parallel=true            lint and test side by side before build
  hold=true                a second workflow deploy: approval job hold, then deploy
  dynamic=true             a setup workflow, then continuation workflows build and docs
  config_error=true        no workflows: pending, then errored with config errors
  not_run=true             the first workflow does not run
A plain run takes 14 simulated seconds (lint 8 s, then build 6 s).
Values may be JSON booleans or the strings "true"/"false", e.g. {"parameters": {"fail": true}}.
"""

FinishListener = Callable[[Workflow, Job | None, datetime], None]
"""Told, under ``world.lock``, that a driven job (``job`` given) or workflow (``job`` None)
finished at a moment, or one the API cancelled; see ``Engine.finish_listeners``. It must not
block."""

FAIL_STATUSES = {"failed", "timedout", "infrastructure_fail", "terminated-unknown", "unauthorized"}
FAILED_JOB = {"failed", "timedout", "infrastructure_fail"}


@dataclass
class Run:
    """What the engine knows about one driven pipeline."""

    pipeline_id: str
    fail_job: str | None = None
    fail_status: str = "failed"
    first_run: set[str] = field(default_factory=set)
    """Workflows of the first run (``fail`` applies to them only, not to reruns)."""
    config_error_at: datetime | None = None


def on_triggered(world: World, pipeline: Pipeline) -> None:
    """Hook for the trigger handlers: let the world's engine drive ``pipeline``."""
    if world.engine is not None:
        world.engine.adopt(pipeline)


def on_continued(world: World, pipeline: Pipeline, configuration: str) -> None:
    """Hook for ``continuePipeline``: apply the configuration's ``requires`` to the new jobs."""
    if world.engine is not None:
        world.engine.continued(pipeline, configuration)


def requires_of_config(configuration: str) -> dict[str, dict[str, list[str]]]:
    """``{workflow: {job: [required job names]}}`` of a YAML configuration (best effort)."""
    try:
        data = yaml.safe_load(configuration)
    except yaml.YAMLError:
        return {}
    workflows = data.get("workflows") if isinstance(data, dict) else None
    found: dict[str, dict[str, list[str]]] = {}
    for name, body in (workflows or {}).items():
        jobs = body.get("jobs") if isinstance(body, dict) else None
        for job in jobs if isinstance(jobs, list) else []:
            if isinstance(job, dict) and job:
                job_name, options = next(iter(job.items()))
                requires = options.get("requires") if isinstance(options, dict) else None
                if isinstance(requires, list):
                    found.setdefault(str(name), {})[str(job_name)] = [str(r) for r in requires]
    return found


def _truthy(value: Any) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


class Engine:
    """Drives the pipelines triggered in one world; see the module docstring."""

    def __init__(self, world: World, clock: Clock) -> None:
        self.world = world
        self.clock = clock
        self._seen = clock.elapsed()
        self._runs: dict[str, Run] = {}
        self._dirty = False
        self._due: datetime | None = None
        self.finish_listeners: list[FinishListener] = []
        """Called when a driven job or workflow finishes (outbound webhooks listen here)."""

    # -- time -----------------------------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        """Move a :class:`VirtualClock` on by ``seconds`` and run everything due by then."""
        if not isinstance(self.clock, VirtualClock):
            raise TypeError("only a VirtualClock can be advanced by hand")
        with self.world.lock:
            self.clock.advance(seconds)
            self.touch()
            self.catch_up()

    def advance_until_idle(self, limit: float = 3600) -> float:
        """Advance event by event until nothing is due; return the seconds advanced."""
        spent = 0.0
        with self.world.lock:
            self.touch()
            self.catch_up()
            while self._due is not None:
                step = max((self._due - self.world.current_time()).total_seconds(), 0.0)
                if spent + step > limit:
                    raise RuntimeError(f"still running after {limit} simulated seconds")
                self.advance(step)
                spent += step
            return spent

    def touch(self) -> None:
        """Note that the world may have changed outside the engine (any non-GET request)."""
        self._dirty = True

    def catch_up(self) -> None:
        """Run every event the clock says is due (call under ``world.lock``).

        Cheap when nothing changed: the next due moment is remembered until :meth:`touch`.
        """
        elapsed = self.clock.elapsed()
        delta = elapsed - self._seen
        self._seen = elapsed
        target = self.world.current_time() + timedelta(seconds=max(delta, 0.0))
        if self._dirty:
            self._dirty = False
            self._settle_all(self.world.current_time())  # a rerun's blocked jobs may start now
            self._due = self._next_due()
        while self._due is not None and self._due <= target:
            due = self._due
            self.world.clock = max(self.world.current_time(), due)
            self._step(due)
            self._due = self._next_due()
        self.world.clock = max(self.world.current_time(), target)

    def driven(self, pipeline_id: str) -> bool:
        """Whether the engine drives this pipeline."""
        return pipeline_id in self._runs

    # -- hooks ----------------------------------------------------------------------------------

    def adopt(self, pipeline: Pipeline) -> None:
        """Start driving a pipeline just created by a trigger, shaped by its parameters."""
        self.touch()
        params = pipeline.trigger_parameters
        run = Run(pipeline.id, first_run={w.id for w in pipeline.workflows})
        fail = params.get("fail")
        if _truthy(fail):
            run.fail_job = "build"
        elif isinstance(fail, str) and fail and fail.lower() != "false":
            run.fail_job = fail
        status = params.get("fail_status")
        if isinstance(status, str) and status in FAIL_STATUSES:
            run.fail_status = status
        self._runs[pipeline.id] = run
        project = self.world.projects[pipeline.project_slug]
        if _truthy(params.get("config_error")):
            self._drop_workflows(pipeline)
            pipeline.state = "pending"
            run.config_error_at = pipeline.created_at + timedelta(seconds=CONFIG_CHECK_SECONDS)
            return
        dynamic = pipeline.state == "setup" or _truthy(params.get("dynamic"))
        if dynamic and pipeline.state != "setup":
            runcontrol.run_setup_instead(self.world, project, pipeline)
        if not dynamic:
            self._shape_first_workflow(pipeline, params)
            if _truthy(params.get("hold")):
                self._add_deploy(pipeline)
        run.first_run = {w.id for w in pipeline.workflows}

    def continued(self, pipeline: Pipeline, configuration: str) -> None:
        """Give the continuation workflows their ``requires`` (and ``deploy`` with ``hold``)."""
        self.touch()
        run = self._runs.get(pipeline.id)
        if run is None:
            return
        requires = requires_of_config(configuration)
        for workflow in pipeline.workflows:
            if workflow.id in run.first_run:
                continue
            by_name = {job.name: job for job in workflow.jobs}
            for job_name, needed in requires.get(workflow.name, {}).items():
                job = by_name.get(job_name)
                ids = [by_name[n].id for n in needed if n in by_name]
                if job is not None and ids:
                    self._block(job, ids)
            run.first_run.add(workflow.id)
        if _truthy(pipeline.trigger_parameters.get("hold")):
            self._add_deploy(pipeline)
            run.first_run.update(w.id for w in pipeline.workflows)

    # -- shaping --------------------------------------------------------------------------------

    def _drop_workflows(self, pipeline: Pipeline) -> None:
        project = self.world.projects[pipeline.project_slug]
        for workflow in pipeline.workflows:
            for job in workflow.jobs:
                self.world.jobs.pop(job.id, None)
                if job.job_number is not None:
                    project.jobs_by_number.pop(job.job_number, None)
            self.world.workflows.pop(workflow.id, None)
        pipeline.workflows = []

    def _block(self, job: Job, dependencies: list[str]) -> None:
        """Make a job wait for others (it has not started: no number, no times)."""
        project = self.world.projects[job.project_slug]
        if job.job_number is not None:
            project.jobs_by_number.pop(job.job_number, None)
        job.status, job.job_number = "blocked", None
        job.queued_at = job.started_at = job.stopped_at = None
        job.dependencies = list(dependencies)
        job.requires = {d: ["success"] for d in dependencies}

    def _new_job(self, workflow: Workflow, name: str, status: str, job_type: str) -> Job:
        project = self.world.projects[workflow.project_slug]
        at = workflow.created_at
        job = self.world._new_job(project, workflow, name, status, at, numbered=status == "running")
        job.type = job_type
        if job_type == "approval":
            job.approval_request_id = self.world.new_id("approval")
        workflow.jobs.append(job)
        self.world.jobs[job.id] = job
        if job.job_number is not None:
            project.jobs_by_number[job.job_number] = job
        return job

    def _shape_first_workflow(self, pipeline: Pipeline, params: dict[str, Any]) -> None:
        if not pipeline.workflows:
            return
        workflow = pipeline.workflows[0]
        if _truthy(params.get("parallel")):
            test = self._new_job(workflow, "test", "running", "build")
            build = next((j for j in workflow.jobs if j.name == "build"), None)
            if build is not None:
                workflow.jobs.remove(build)
                workflow.jobs.append(build)
                build.dependencies = [*build.dependencies, test.id]
                build.requires = {d: ["success"] for d in build.dependencies}
        if _truthy(params.get("not_run")):
            project = self.world.projects[pipeline.project_slug]
            for job in workflow.jobs:
                if job.job_number is not None:
                    project.jobs_by_number.pop(job.job_number, None)
                job.status, job.job_number = "not_run", None
                job.queued_at = job.started_at = job.stopped_at = None
            workflow.status = "not_run"

    def _add_deploy(self, pipeline: Pipeline) -> None:
        project = self.world.projects[pipeline.project_slug]
        workflow = Workflow(
            id=self.world.new_id("workflow"),
            pipeline_id=pipeline.id,
            name="deploy",
            project_slug=pipeline.project_slug,
            status="on_hold",
            started_by=pipeline.actor_id,
            pipeline_number=pipeline.number,
            created_at=self.world.current_time(),
        )
        self.world.add_workflow(project, pipeline, workflow)
        hold = self._new_job(workflow, "hold", "on_hold", "approval")
        hold.started_at = workflow.created_at
        deploy = self._new_job(workflow, "deploy", "blocked", "build")
        self._block(deploy, [hold.id])

    # -- running --------------------------------------------------------------------------------

    def _workflows(self) -> list[tuple[Run, Pipeline, Workflow]]:
        found: list[tuple[Run, Pipeline, Workflow]] = []
        for run in self._runs.values():
            pipeline = self.world.pipelines.get(run.pipeline_id)
            if pipeline is None:
                continue
            found.extend((run, pipeline, workflow) for workflow in pipeline.workflows)
        return found

    def _finish_at(self, job: Job) -> datetime | None:
        if job.status != "running" or job.started_at is None:
            return None
        return job.started_at + timedelta(seconds=JOB_SECONDS.get(job.name, DEFAULT_JOB_SECONDS))

    def _next_due(self) -> datetime | None:
        times: list[datetime] = []
        for run in self._runs.values():
            pipeline = self.world.pipelines.get(run.pipeline_id)
            pending = pipeline is not None and pipeline.state == "pending"
            if run.config_error_at is not None and pending:
                times.append(run.config_error_at)
        for _, _, workflow in self._workflows():
            times.extend(t for job in workflow.jobs if (t := self._finish_at(job)) is not None)
        return min(times, default=None)

    def _step(self, at: datetime) -> None:
        """Apply everything due at ``at``, then what follows at once from it."""
        for run in self._runs.values():
            pipeline = self.world.pipelines.get(run.pipeline_id)
            if pipeline is not None and pipeline.state == "pending" and run.config_error_at == at:
                pipeline.state = "errored"
                pipeline.errors = [{"type": "config", "message": CONFIG_ERROR}]
        for run, _, workflow in self._workflows():
            for job in workflow.jobs:
                if self._finish_at(job) == at:
                    failing = run.fail_job == job.name and workflow.id in run.first_run
                    job.status = run.fail_status if failing else "success"
                    job.stopped_at = at
                    self._finished(workflow, job, at)
        self._settle_all(at)

    def _settle_all(self, at: datetime) -> None:
        """Start what may start, derive workflow statuses, continue finished setups."""
        for _, _, workflow in self._workflows():
            if workflow.status not in TERMINAL_WORKFLOW:
                self._release(workflow, at)
                self._settle(workflow, at)
        for run, pipeline, _ in self._workflows():
            self._auto_continue(run, pipeline)

    def _release(self, workflow: Workflow, at: datetime) -> None:
        """Start (or skip) blocked jobs whose required jobs have all finished."""
        by_id = {job.id: job for job in workflow.jobs}
        project = self.world.projects[workflow.project_slug]
        for job in workflow.jobs:
            if job.status != "blocked":
                continue
            needed = [by_id[d] for d in job.dependencies if d in by_id]
            if any(d.status in ACTIVE_JOB for d in needed):
                continue
            if any(d.status != "success" for d in needed):
                job.status = "not_run"
            elif job.type == "approval":
                job.status, job.started_at = "on_hold", at
            else:
                job.status = "running"
                job.job_number = self.world.next_job_number(project)
                job.queued_at = job.started_at = at
                project.jobs_by_number[job.job_number] = job

    def _settle(self, workflow: Workflow, at: datetime) -> None:
        """Derive the workflow's status from its jobs."""
        statuses = [job.status for job in workflow.jobs]
        failed = any(s in FAILED_JOB | {"terminated-unknown", "unauthorized"} for s in statuses)
        if any(s in ACTIVE_JOB for s in statuses):
            moving = any(s in {"running", "queued", "not_running"} for s in statuses)
            if failed:
                workflow.status = "failing"
            elif "on_hold" in statuses and not moving:
                workflow.status = "on_hold"
            else:
                workflow.status = "running"
            return
        for status, when in (
            ("canceled", "canceled"),
            ("error", "terminated-unknown"),
            ("unauthorized", "unauthorized"),
        ):
            if when in statuses:
                workflow.status = status
                break
        else:
            if any(s in FAILED_JOB for s in statuses):
                workflow.status = "failed"
            elif statuses and all(s == "not_run" for s in statuses):
                workflow.status = "not_run"
            else:
                workflow.status = "success"
        workflow.stopped_at = at
        self._finished(workflow, None, at)

    def cancelled(self, workflow: Workflow, jobs: list[Job], at: datetime, ended: bool) -> None:
        """Report jobs the API cancelled, then the workflow if that ended it (``ended``: it
        was cancelled itself; else a driven one is settled as :meth:`catch_up` would)."""
        for job in jobs:
            self._finished(workflow, job, at)
        if ended:
            self._finished(workflow, None, at)
        elif workflow.status not in TERMINAL_WORKFLOW and self.driven(workflow.pipeline_id):
            self._release(workflow, at)
            self._settle(workflow, at)

    def _finished(self, workflow: Workflow, job: Job | None, at: datetime) -> None:
        for listener in self.finish_listeners:
            listener(workflow, job, at)

    def _auto_continue(self, run: Run, pipeline: Pipeline) -> None:
        """A finished setup job continues its pipeline, as a real one would."""
        if pipeline.state != "setup":
            return
        setup = next((w for w in pipeline.workflows if w.tag == "setup"), None)
        if setup is None or setup.status != "success":
            return
        continuation = next(
            (c for c in self.world.continuations.values() if c.pipeline_id == pipeline.id), None
        )
        if continuation is None or continuation.used:
            return
        workflows = runcontrol.workflows_of_config(AUTO_CONTINUATION)
        runcontrol.continue_pipeline(self.world, continuation, workflows)
        self.continued(pipeline, AUTO_CONTINUATION)
