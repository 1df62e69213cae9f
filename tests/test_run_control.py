"""Run control (``circleci_client.runs``), sync and async, against the stand-in over HTTP.

The stand-in's pipelines run on a virtual clock (``tests.standin.engine``); every wait here
sleeps by advancing that clock, so a 14-second pipeline takes a few milliseconds and nothing
sleeps for real.
"""

from __future__ import annotations

import asyncio
import datetime
import inspect
import re
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from uuid import UUID

import pytest
from circleci_client import (
    ApprovalNotPendingError,
    AuthenticatedClient,
    InvalidPathParameterError,
    JobNotFoundError,
    NotAnApprovalJobError,
    RetryPolicy,
    RunControlError,
    WorkflowNotFoundError,
)
from circleci_client.models.job_status import JobStatus
from circleci_client.models.pipeline_state import PipelineState
from circleci_client.models.workflow_status import WorkflowStatus
from circleci_client.pipelines import ParameterValue, Triggered, trigger_pipeline
from circleci_client.runs import (
    EXIT_ERRORED,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_NOT_CREATED,
    EXIT_ON_HOLD,
    EXIT_SUCCESS,
    EXIT_TIMED_OUT,
    EXIT_USAGE,
    OnHold,
    Outcome,
    Phase,
    PipelineNumber,
    PollBackoff,
    RunResult,
    RunStatus,
    WaitOptions,
    WorkflowState,
    aapprove_job,
    acancel_pipeline,
    acancel_redundant,
    aget_run_status,
    approve_job,
    arerun_failed,
    assess,
    atrigger_and_wait,
    awatch_pipeline,
    cancel_pipeline,
    cancel_redundant,
    get_run_status,
    rerun_failed,
    trigger_and_wait,
    watch_pipeline,
)

from tests.clients import standin_client
from tests.conftest import PacingClock
from tests.standin.engine import CONFIG_ERROR
from tests.standin.server import Standin

WIDGETS = "gh/acme/widgets"


@dataclass
class Sim:
    """Waits that advance the stand-in's virtual clock instead of sleeping; records them."""

    standin: Standin
    sleeps: list[float] = field(default_factory=list)
    looks: list[RunStatus] = field(default_factory=list)
    before_sleep: Callable[[int], None] | None = None
    """Called with the number of sleeps so far before each one (to change the world)."""

    def sleep(self, seconds: float) -> None:
        if self.before_sleep is not None:
            self.before_sleep(len(self.sleeps))
        self.sleeps.append(seconds)
        self.standin.engine.advance(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)

    def options(self, **changes: Any) -> WaitOptions:
        return WaitOptions(sleep=self.sleep, async_sleep=self.async_sleep, **changes)

    def seen(self, status: RunStatus) -> None:
        self.looks.append(status)


@pytest.fixture
def sim(standin: Standin) -> Sim:
    return Sim(standin)


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> str:
    return cast(str, request.param)


def run(mode: str, sync: Callable[..., Any], coro: Callable[..., Coroutine[Any, Any, Any]]) -> Any:
    """A caller with the signature of ``sync`` that runs ``sync`` or the coroutine ``coro``."""

    def call(*args: Any, **kwargs: Any) -> Any:
        if mode == "sync":
            return sync(*args, **kwargs)
        return asyncio.run(coro(*args, **kwargs))

    return call


def _trigger(client: AuthenticatedClient, slug: str, **parameters: ParameterValue) -> Triggered:
    result = trigger_pipeline(client, slug, parameters=parameters or None)
    assert isinstance(result, Triggered)
    return result


def _statuses(result: RunResult) -> dict[str, str]:
    assert result.status is not None
    return {w.name: str(w.status) for w in result.status.workflows}


def _jobs(status: RunStatus, workflow: str) -> dict[str, str]:
    found = next(w for w in status.workflows if w.name == workflow)
    return {j.name: str(j.status) for j in found.jobs}


def _wait(mode: str) -> Callable[..., RunResult]:
    return cast(Callable[..., RunResult], run(mode, trigger_and_wait, atrigger_and_wait))


# --- outcomes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["github-app", "oauth"])
def test_a_plain_run_succeeds(
    standin: Standin, client: AuthenticatedClient, sim: Sim, mode: str, kind: str
) -> None:
    slug = standin.world.facts.circleci_slug if kind == "github-app" else WIDGETS
    result = _wait(mode)(client, slug, options=sim.options(), on_update=sim.seen)
    assert result.outcome is Outcome.SUCCESS and result.exit_code == EXIT_SUCCESS and result.ok
    assert result.status is not None and result.status.finished
    main = "ci" if kind == "github-app" else "build-and-test"
    assert _jobs(result.status, main) == {"lint": "success", "build": "success"}
    assert result.polls == len(sim.looks) == len(sim.sleeps) + 1
    assert sim.looks[0].phase is Phase.RUNNING
    assert sum(sim.sleeps) >= 14  # lint 8 s then build 6 s, on the stand-in's clock
    assert result.elapsed >= sum(sim.sleeps)


def test_a_failing_job_fails_the_run(client: AuthenticatedClient, sim: Sim, mode: str) -> None:
    result = _wait(mode)(client, WIDGETS, parameters={"fail": True}, options=sim.options())
    assert result.outcome is Outcome.FAILED and result.exit_code == EXIT_FAILED
    assert result.status is not None
    assert _jobs(result.status, "build-and-test") == {"lint": "success", "build": "failed"}


def test_failing_is_not_finished(client: AuthenticatedClient, sim: Sim, mode: str) -> None:
    """lint fails at 8 s while test runs until 12 s: the workflow is failing, then failed."""
    parameters: dict[str, ParameterValue] = {"parallel": True, "fail": "lint"}
    result = _wait(mode)(
        client, WIDGETS, parameters=parameters, options=sim.options(), on_update=sim.seen
    )
    failing = [s for s in sim.looks if s.workflows[0].status == WorkflowStatus.FAILING]
    assert failing, "no look saw the workflow failing"
    assert all(s.phase is Phase.RUNNING and s.outcome is None for s in failing)
    assert _jobs(failing[0], "build-and-test")["test"] == "running"
    assert result.outcome is Outcome.FAILED
    assert result.status is not None
    assert _jobs(result.status, "build-and-test") == {
        "lint": "failed",
        "test": "success",
        "build": "not_run",
    }


@pytest.mark.parametrize(
    ("fail_status", "workflow_status"),
    [("terminated-unknown", "error"), ("unauthorized", "unauthorized"), ("timedout", "failed")],
)
def test_error_and_unauthorized_workflows_fail(
    client: AuthenticatedClient, sim: Sim, fail_status: str, workflow_status: str
) -> None:
    parameters: dict[str, ParameterValue] = {"fail": True, "fail_status": fail_status}
    result = trigger_and_wait(client, WIDGETS, parameters=parameters, options=sim.options())
    assert _statuses(result) == {"build-and-test": workflow_status}
    assert result.outcome is Outcome.FAILED and result.exit_code == EXIT_FAILED


def test_a_run_that_did_not_run(client: AuthenticatedClient, sim: Sim, mode: str) -> None:
    result = _wait(mode)(client, WIDGETS, parameters={"not_run": True}, options=sim.options())
    assert _statuses(result) == {"build-and-test": "not_run"}
    assert result.outcome is Outcome.NOT_RUN and result.exit_code == EXIT_FAILED


def test_an_errored_pipeline_reports_its_errors(
    standin: Standin, client: AuthenticatedClient, sim: Sim, mode: str
) -> None:
    slug = standin.world.facts.circleci_slug
    result = _wait(mode)(
        client, slug, parameters={"config_error": True}, options=sim.options(), on_update=sim.seen
    )
    assert result.outcome is Outcome.ERRORED and result.exit_code == EXIT_ERRORED
    assert result.status is not None and result.status.workflows == ()
    assert result.status.state == PipelineState.ERRORED
    assert [(e.type, e.message) for e in result.status.errors] == [("config", CONFIG_ERROR)]
    assert sim.looks[0].state == PipelineState.PENDING and sim.looks[0].phase is Phase.CREATING


def test_dynamic_config_waits_for_the_continuation(
    standin: Standin, client: AuthenticatedClient, sim: Sim, mode: str
) -> None:
    slug = standin.world.facts.circleci_slug
    result = _wait(mode)(
        client, slug, parameters={"dynamic": True}, options=sim.options(), on_update=sim.seen
    )
    assert [w.name for w in sim.looks[0].workflows] == ["setup"]
    assert sim.looks[0].workflows[0].setup and sim.looks[0].phase is Phase.RUNNING
    assert result.outcome is Outcome.SUCCESS
    assert _statuses(result) == {"setup": "success", "build": "success", "docs": "success"}


def test_a_finished_setup_alone_is_not_finished() -> None:
    """Between the setup job's end and the continuation, only ``setup`` exists: keep waiting."""

    def setup(status: WorkflowStatus) -> WorkflowState:
        return WorkflowState(UUID(int=1), "setup", status, True, _at(0), jobs=())

    done = setup(WorkflowStatus.SUCCESS)
    assert assess(PipelineState.CREATED, [done]) == (Phase.CREATING, None)
    assert assess(PipelineState.SETUP, [done]) == (Phase.CREATING, None)
    assert assess(PipelineState.SETUP, [setup(WorkflowStatus.RUNNING)]) == (Phase.RUNNING, None)
    failed = setup(WorkflowStatus.FAILED)
    assert assess(PipelineState.SETUP, [failed]) == (Phase.FINISHED, Outcome.FAILED)
    build = WorkflowState(UUID(int=2), "build", WorkflowStatus.SUCCESS, False, _at(9), jobs=())
    assert assess(PipelineState.CREATED, [done, build]) == (Phase.FINISHED, Outcome.SUCCESS)
    assert assess(PipelineState.SETUP, [done, build]) == (Phase.CREATING, None)


def _at(seconds: int) -> datetime.datetime:
    return datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(seconds=seconds)


def test_a_pipeline_without_workflows_yet_is_not_finished(
    standin: Standin, client: AuthenticatedClient, sim: Sim
) -> None:
    """A created pipeline whose workflows are not listed yet is still being created."""
    created = _trigger(client, WIDGETS)
    pipeline = standin.world.pipelines[str(created.id)]
    with standin.world.lock:
        hidden, pipeline.workflows = pipeline.workflows, []

    def reveal(sleeps: int) -> None:
        if sleeps == 1:
            with standin.world.lock:
                pipeline.workflows = hidden

    sim.before_sleep = reveal
    result = watch_pipeline(client, created.id, options=sim.options(), on_update=sim.seen)
    assert [s.phase for s in sim.looks[:2]] == [Phase.CREATING, Phase.CREATING]
    assert sim.looks[0].state == PipelineState.CREATED and sim.looks[0].workflows == ()
    assert result.outcome is Outcome.SUCCESS


def test_a_pipeline_that_never_lists_a_workflow_ends_not_run(
    standin: Standin, client: AuthenticatedClient, sim: Sim, mode: str
) -> None:
    """Every workflow filtered out: created, no workflows, for good."""
    created = _trigger(client, WIDGETS)
    with standin.world.lock:
        standin.world.pipelines[str(created.id)].workflows = []
    watch = run(mode, watch_pipeline, awatch_pipeline)
    result = watch(client, created.id, options=sim.options(no_workflows_after=30))
    assert result.outcome is Outcome.NOT_RUN and result.exit_code == EXIT_FAILED
    assert 30 <= sum(sim.sleeps) < 30 + PollBackoff().maximum
    waited = watch(client, created.id, options=sim.options(no_workflows_after=None, timeout=100))
    assert waited.outcome is Outcome.TIMED_OUT


# --- on hold ------------------------------------------------------------------------------------


def test_on_hold_stop_returns_at_the_approval(
    client: AuthenticatedClient, sim: Sim, mode: str
) -> None:
    result = _wait(mode)(client, WIDGETS, parameters={"hold": True}, options=sim.options())
    assert result.outcome is Outcome.ON_HOLD and result.exit_code == EXIT_ON_HOLD
    assert result.status is not None and result.status.phase is Phase.ON_HOLD
    assert _statuses(result) == {"build-and-test": "success", "deploy": "on_hold"}
    assert [(h.workflow_name, h.job_name) for h in result.status.held] == [("deploy", "hold")]
    assert result.approved == ()


def test_on_hold_approve_then_success(client: AuthenticatedClient, sim: Sim, mode: str) -> None:
    options = sim.options(on_hold=OnHold.APPROVE)
    result = _wait(mode)(client, WIDGETS, parameters={"hold": True}, options=options)
    assert result.outcome is Outcome.SUCCESS and result.exit_code == EXIT_SUCCESS
    assert _statuses(result) == {"build-and-test": "success", "deploy": "success"}
    assert result.status is not None
    assert _jobs(result.status, "deploy") == {"hold": "success", "deploy": "success"}
    assert [(h.workflow_name, h.job_name) for h in result.approved] == [("deploy", "hold")]


def test_on_hold_stop_then_approve_by_name_releases_the_workflow(
    standin: Standin, client: AuthenticatedClient, sim: Sim, mode: str
) -> None:
    slug = standin.world.facts.circleci_slug
    held = _wait(mode)(client, slug, parameters={"hold": True}, options=sim.options())
    assert held.outcome is Outcome.ON_HOLD and held.status is not None
    number = PipelineNumber(slug, held.status.number)
    approve = run(mode, approve_job, aapprove_job)
    approved = approve(client, number, workflow="deploy", job="hold")
    deploy = next(w for w in held.status.workflows if w.name == "deploy")
    hold = next(j for j in deploy.jobs if j.name == "hold")
    assert approved.approval_request_id == hold.approval_request_id != hold.id
    calls = standin.requests.api.filter("approvePendingApprovalJobById")
    assert calls[-1].path.endswith(f"/workflow/{deploy.id}/approve/{hold.approval_request_id}")
    watch = run(mode, watch_pipeline, awatch_pipeline)
    result = watch(client, number, options=sim.options())
    assert result.outcome is Outcome.SUCCESS
    assert _statuses(result) == {"ci": "success", "deploy": "success"}


def test_on_hold_with_a_failed_workflow_stops_as_failed(
    client: AuthenticatedClient, sim: Sim
) -> None:
    parameters: dict[str, ParameterValue] = {"hold": True, "fail": True}
    result = trigger_and_wait(client, WIDGETS, parameters=parameters, options=sim.options())
    assert _statuses(result) == {"build-and-test": "failed", "deploy": "on_hold"}
    assert result.outcome is Outcome.FAILED and result.exit_code == EXIT_FAILED


def test_on_hold_wait_times_out(client: AuthenticatedClient, sim: Sim, mode: str) -> None:
    options = sim.options(on_hold=OnHold.WAIT, timeout=60)
    result = _wait(mode)(client, WIDGETS, parameters={"hold": True}, options=options)
    assert result.outcome is Outcome.TIMED_OUT and result.exit_code == EXIT_TIMED_OUT
    assert result.status is not None and result.status.phase is Phase.ON_HOLD
    assert sum(sim.sleeps) == pytest.approx(60)  # the last sleep is cut to the timeout
    assert max(sim.sleeps) <= PollBackoff().maximum


# --- polling ------------------------------------------------------------------------------------


def test_polls_back_off_while_nothing_changes_and_restart_after_a_change(
    client: AuthenticatedClient, sim: Sim
) -> None:
    backoff = PollBackoff(first=1.0, factor=2.0, maximum=4.0)
    options = sim.options(backoff=backoff, on_hold=OnHold.WAIT, timeout=40)
    result = trigger_and_wait(client, WIDGETS, parameters={"hold": True}, options=options)
    assert result.outcome is Outcome.TIMED_OUT
    # Looks at 0, 1, 3, 7 s (nothing changes), 11 s (lint ended at 8: back to 1 s), 12, 14 s
    # (build ended at 14: back to 1 s), 15, 17, 21 ... 37, then the last sleep is cut to 40 s.
    assert sim.sleeps == [1, 2, 4, 4, 1, 2, 1, 2, 4, 4, 4, 4, 4, 3]


def test_polls_go_through_the_clients_retries_and_limiter(
    standin: Standin, pacing_clock: PacingClock, client: AuthenticatedClient, sim: Sim
) -> None:
    standin.faults.rate_limit("getPipelineById", retry_after="3", times=2)
    result = trigger_and_wait(client, WIDGETS, options=sim.options())
    assert result.outcome is Outcome.SUCCESS
    refused = [r for r in standin.requests.api.filter("getPipelineById") if r.status == 429]
    assert len(refused) == 2
    assert pacing_clock.sleeps.count(3.0) >= 2, pacing_clock.sleeps
    assert client.rate_limiter is not None and client.rate_limiter.stats.throttled >= 1


def test_the_clients_sleep_is_the_default(standin: Standin, sim: Sim) -> None:
    policy = RetryPolicy(sleep=sim.sleep, async_sleep=sim.async_sleep)
    with standin_client(standin, retry=policy) as client:
        result = trigger_and_wait(client, WIDGETS)
    assert result.outcome is Outcome.SUCCESS and sim.sleeps[0] == PollBackoff().first

    async def go() -> RunResult:
        async with standin_client(standin, retry=policy) as aclient:
            return await atrigger_and_wait(aclient, WIDGETS)

    assert asyncio.run(go()).outcome is Outcome.SUCCESS


def test_finished_workflows_jobs_are_fetched_once(
    standin: Standin, client: AuthenticatedClient, sim: Sim
) -> None:
    result = trigger_and_wait(client, WIDGETS, parameters={"hold": True}, options=sim.options())
    assert result.status is not None
    build = next(w for w in result.status.workflows if w.name == "build-and-test")
    standin.requests.clear()
    watch_pipeline(
        client, result.status.pipeline_id, options=sim.options(on_hold=OnHold.WAIT, timeout=30)
    )
    paths = [r.path for r in standin.requests.api.filter("listWorkflowJobs")]
    assert sum(str(build.id) in p for p in paths) == 1
    assert sum("deploy" not in p and str(build.id) not in p for p in paths) == len(paths) - 1


# --- acting -------------------------------------------------------------------------------------


def test_approve_errors_name_the_problem(
    standin: Standin, client: AuthenticatedClient, sim: Sim, mode: str
) -> None:
    held = _wait(mode)(client, WIDGETS, parameters={"hold": True}, options=sim.options())
    assert held.status is not None
    approve = run(mode, approve_job, aapprove_job)
    pipeline = held.status.pipeline_id
    with pytest.raises(
        WorkflowNotFoundError, match=r"no workflow 'deplo'.*'build-and-test', 'deploy'"
    ):
        approve(client, pipeline, workflow="deplo", job="hold")
    with pytest.raises(JobNotFoundError, match=r"no job 'hodl'.*'deploy', 'hold'"):
        approve(client, pipeline, workflow="deploy", job="hodl")
    with pytest.raises(NotAnApprovalJobError, match="not an approval job"):
        approve(client, pipeline, workflow="deploy", job="deploy")
    assert standin.requests.api.filter("approvePendingApprovalJobById") == []
    approve(client, str(pipeline), workflow="deploy", job="hold")
    with pytest.raises(ApprovalNotPendingError, match="is success, not on_hold"):
        approve(client, pipeline, workflow="deploy", job="hold")
    assert len(standin.requests.api.filter("approvePendingApprovalJobById")) == 1


def test_a_bad_pipeline_reference_is_refused_before_any_request(
    standin: Standin, client: AuthenticatedClient
) -> None:
    with pytest.raises(InvalidPathParameterError, match="not a pipeline ID"):
        get_run_status(client, "42")
    with pytest.raises(InvalidPathParameterError, match="whole number from 1"):
        get_run_status(client, PipelineNumber(WIDGETS, 0))
    assert len(standin.requests.api) == 0


def test_watch_by_number_and_get_status(client: AuthenticatedClient, sim: Sim, mode: str) -> None:
    created = _trigger(client, WIDGETS)
    status = run(mode, get_run_status, aget_run_status)(
        client, PipelineNumber(WIDGETS, created.number)
    )
    assert status.pipeline_id == created.id and status.phase is Phase.RUNNING
    assert _jobs(status, "build-and-test") == {"lint": "running", "build": "blocked"}
    watch = run(mode, watch_pipeline, awatch_pipeline)
    result = watch(client, PipelineNumber(WIDGETS, created.number), options=sim.options())
    assert result.outcome is Outcome.SUCCESS and result.status is not None
    assert result.status.number == created.number


def test_cancel_a_running_pipeline(
    standin: Standin, client: AuthenticatedClient, sim: Sim, mode: str
) -> None:
    created = _trigger(client, WIDGETS, hold=True)
    standin.engine.advance(3)
    canceled = run(mode, cancel_pipeline, acancel_pipeline)(client, created.id)
    assert sorted(c.workflow_name for c in canceled) == ["build-and-test", "deploy"]
    result = watch_pipeline(client, created.id, options=sim.options())
    assert result.outcome is Outcome.CANCELED and result.exit_code == EXIT_FAILED
    assert set(_statuses(result).values()) == {"canceled"}
    assert run(mode, cancel_pipeline, acancel_pipeline)(client, created.id) == ()


def test_rerun_from_failed_then_success(
    standin: Standin, client: AuthenticatedClient, sim: Sim, mode: str
) -> None:
    failed = trigger_and_wait(client, WIDGETS, parameters={"fail": True}, options=sim.options())
    assert failed.outcome is Outcome.FAILED and failed.status is not None
    rerun = run(mode, rerun_failed, arerun_failed)
    reruns = rerun(client, failed.status.pipeline_id)
    old = failed.status.workflows[0]
    assert [(r.workflow_name, r.failed_workflow_id) for r in reruns] == [("build-and-test", old.id)]
    body = standin.requests.api.filter("rerunWorkflow")[-1]
    assert body.path.endswith(f"/workflow/{old.id}/rerun")
    result = watch_pipeline(client, failed.status.pipeline_id, options=sim.options())
    assert result.outcome is Outcome.SUCCESS  # only the newest workflow of a name counts
    assert result.status is not None and result.status.workflows[0].id == reruns[0].workflow_id
    assert _jobs(result.status, "build-and-test") == {"lint": "success", "build": "success"}
    with pytest.raises(RunControlError, match="nothing to rerun"):
        rerun(client, failed.status.pipeline_id)
    with pytest.raises(WorkflowNotFoundError):
        rerun(client, failed.status.pipeline_id, workflow="nope")


def test_cancel_redundant_keeps_the_newest(
    standin: Standin, client: AuthenticatedClient, mode: str
) -> None:
    slug = standin.world.facts.circleci_slug
    runs = [trigger_pipeline(client, slug, branch="feature/x") for _ in range(3)]
    numbers = [r.number for r in runs if isinstance(r, Triggered)]
    cancel = run(mode, cancel_redundant, acancel_redundant)
    done = cancel(client, slug, branch="feature/x")
    assert done.kept == max(numbers)
    assert sorted(c.pipeline_number for c in done.canceled) == sorted(numbers)[:2]
    newest = get_run_status(client, PipelineNumber(slug, max(numbers)))
    assert {str(w.status) for w in newest.workflows} == {"running"}
    older = get_run_status(client, PipelineNumber(slug, min(numbers)))
    assert {str(w.status) for w in older.workflows} == {"canceled"}
    with pytest.raises(RunControlError, match="give the branch"):
        cancel(client, slug, branch=" ")


def test_a_trigger_that_creates_nothing(
    standin: Standin, client: AuthenticatedClient, sim: Sim, mode: str
) -> None:
    slug = standin.world.facts.circleci_slug
    result = _wait(mode)(client, slug, branch="docs/skip-ci", options=sim.options())
    assert result.outcome is Outcome.NOT_CREATED and result.exit_code == EXIT_NOT_CREATED
    assert result.status is None and result.message and sim.sleeps == []


def test_jobs_show_what_approving_takes(client: AuthenticatedClient, sim: Sim) -> None:
    result = trigger_and_wait(client, WIDGETS, parameters={"hold": True}, options=sim.options())
    assert result.status is not None
    deploy = next(w for w in result.status.workflows if w.name == "deploy")
    hold, job = deploy.jobs
    assert hold.status == JobStatus.ON_HOLD and hold.approval_request_id is not None
    assert job.approval_request_id is None and job.job_number is None


def test_wait_options_are_checked() -> None:
    with pytest.raises(ValueError, match="timeout"):
        WaitOptions(timeout=0)
    with pytest.raises(TypeError, match="OnHold"):
        WaitOptions(on_hold="approve")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="first > 0"):
        PollBackoff(first=0)


def test_the_documented_exit_codes_are_the_codes() -> None:
    """The exit-code table of docs/trigger-and-wait.md says what ``Outcome.exit_code`` does."""
    page = (Path(__file__).resolve().parent.parent / "docs" / "trigger-and-wait.md").read_text()
    rows = [line for line in page.splitlines() if re.match(r"\| \d+ \| ", line)]
    for outcome in Outcome:
        [row] = [r for r in rows if f"`{outcome.name}`" in r.split("|")[2]]
        assert row.startswith(f"| {outcome.exit_code} |"), (outcome, row)
    codes = {int(r.split("|")[1]) for r in rows}
    assert codes == {o.exit_code for o in Outcome} | {EXIT_USAGE, EXIT_INTERRUPTED}


def test_the_async_functions_mirror_the_sync_ones() -> None:
    """Every function of ``_sync`` has a coroutine twin in ``_async`` with the same parameters
    (``a``-prefixed when public); only the choice of sleep is not a coroutine."""
    from circleci_client.runs import _async, _sync

    functions = [
        (name, value)
        for name, value in vars(_sync).items()
        if inspect.isfunction(value) and value.__module__ == _sync.__name__
    ]
    assert len(functions) >= 12
    for name, function in functions:
        twin = getattr(_async, name if name.startswith("_") else f"a{name}")
        assert (
            inspect.signature(twin).parameters.keys()
            == inspect.signature(function).parameters.keys()
        )
        assert inspect.iscoroutinefunction(twin) is (name != "_sleeper"), name
