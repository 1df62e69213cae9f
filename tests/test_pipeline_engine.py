"""The stand-in runs triggered pipelines on a clock: observed through the real client over HTTP,
with the virtual clock advanced by the tests (``tests.standin.engine``)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import pytest
from circleci_client import AuthenticatedClient
from circleci_client.api.pipeline import (
    continue_pipeline,
    get_pipeline_by_id,
    list_workflows_by_pipeline_id,
    trigger_pipeline_run,
)
from circleci_client.api.workflow import (
    approve_pending_approval_job_by_id,
    cancel_workflow,
    list_workflow_jobs,
    rerun_workflow,
)
from circleci_client.models.continue_pipeline_parameters import ContinuePipelineParameters
from circleci_client.models.pipeline_creation import PipelineCreation
from circleci_client.models.rerun_workflow_parameters import RerunWorkflowParameters
from circleci_client.models.trigger_pipeline_run_parameters import TriggerPipelineRunParameters
from circleci_client.pipelines import ParameterValue, Triggered, trigger_pipeline

from tests.standin import __main__ as sandbox
from tests.standin import runcontrol
from tests.standin.engine import (
    CONFIG_ERROR,
    Engine,
    ScaledClock,
    VirtualClock,
    requires_of_config,
)
from tests.standin.server import Standin

WIDGETS = "gh/acme/widgets"


def _trigger(client: AuthenticatedClient, slug: str, **parameters: ParameterValue) -> Triggered:
    result = trigger_pipeline(client, slug, parameters=parameters or None)
    assert isinstance(result, Triggered)
    return result


def _state(client: AuthenticatedClient, pipeline_id: UUID) -> str:
    return str(get_pipeline_by_id.sync(pipeline_id, client=client).state)


def _workflows(client: AuthenticatedClient, pipeline_id: UUID) -> dict[str, str]:
    """Workflow name -> status."""
    items = list_workflows_by_pipeline_id.iter_items(pipeline_id, client=client)
    return {w.name: str(w.status) for w in items}


def _workflow_id(client: AuthenticatedClient, pipeline_id: UUID, name: str) -> UUID:
    items = list_workflows_by_pipeline_id.iter_items(pipeline_id, client=client)
    return next(w.id for w in items if w.name == name)


def _jobs(client: AuthenticatedClient, pipeline_id: UUID, workflow: str) -> dict[str, str]:
    """Job name -> status of one workflow."""
    items = list_workflow_jobs.iter_items(
        _workflow_id(client, pipeline_id, workflow), client=client
    )
    return {j.name: str(j.status) for j in items}


# --- a plain run, step by step -------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["oauth", "github-app"])
def test_a_plain_run_goes_through_its_states(
    standin: Standin, client: AuthenticatedClient, kind: str
) -> None:
    slug = WIDGETS if kind == "oauth" else standin.world.facts.circleci_slug
    created = _trigger(client, slug)
    assert created.operation == ("triggerPipeline" if kind == "oauth" else "triggerPipelineRun")
    name = next(iter(_workflows(client, created.id)))
    assert _workflows(client, created.id) == {name: "running"}
    assert _jobs(client, created.id, name) == {"lint": "running", "build": "blocked"}
    standin.engine.advance(7)
    assert _jobs(client, created.id, name) == {"lint": "running", "build": "blocked"}
    standin.engine.advance(1)
    assert _jobs(client, created.id, name) == {"lint": "success", "build": "running"}
    assert _workflows(client, created.id) == {name: "running"}
    standin.engine.advance(6)
    assert _jobs(client, created.id, name) == {"lint": "success", "build": "success"}
    assert _workflows(client, created.id) == {name: "success"}
    assert _state(client, created.id) == "created"
    jobs = list(
        list_workflow_jobs.iter_items(_workflow_id(client, created.id, name), client=client)
    )
    lint, build = jobs
    assert build.started_at == lint.stopped_at and isinstance(build.job_number, int)
    assert isinstance(lint.stopped_at, datetime)
    assert (lint.stopped_at - created.created_at).total_seconds() == 8


def test_nothing_moves_until_the_clock_does_and_the_seed_never_moves(
    standin: Standin, client: AuthenticatedClient
) -> None:
    created = _trigger(client, WIDGETS)
    for _ in range(5):
        assert _workflows(client, created.id) == {"build-and-test": "running"}
    seeded = {
        p.id: [(w.status, [j.status for j in w.jobs]) for w in p.workflows]
        for p in standin.world.pipelines.values()
        if p.id != str(created.id)
    }
    assert standin.engine.advance_until_idle() == 14
    after = {
        p.id: [(w.status, [j.status for j in w.jobs]) for w in p.workflows]
        for p in standin.world.pipelines.values()
        if p.id != str(created.id)
    }
    assert after == seeded
    assert standin.engine.driven(str(created.id))
    assert not standin.engine.driven(next(iter(seeded)))


# --- failures chosen by parameters ---------------------------------------------------------------


def test_fail_true_fails_build(standin: Standin, client: AuthenticatedClient) -> None:
    created = _trigger(client, WIDGETS, fail=True)
    standin.engine.advance_until_idle()
    assert _jobs(client, created.id, "build-and-test") == {"lint": "success", "build": "failed"}
    assert _workflows(client, created.id) == {"build-and-test": "failed"}


def test_fail_a_named_job_skips_what_requires_it(
    standin: Standin, client: AuthenticatedClient
) -> None:
    created = _trigger(client, WIDGETS, fail="lint")
    standin.engine.advance(8)
    assert _jobs(client, created.id, "build-and-test") == {"lint": "failed", "build": "not_run"}
    assert _workflows(client, created.id) == {"build-and-test": "failed"}


def test_failing_is_shown_while_other_jobs_still_run(
    standin: Standin, client: AuthenticatedClient
) -> None:
    created = _trigger(client, standin.world.facts.circleci_slug, parallel=True, fail="lint")
    assert _jobs(client, created.id, "ci") == {
        "lint": "running",
        "build": "blocked",
        "test": "running",
    }
    standin.engine.advance(8)
    assert _workflows(client, created.id) == {"ci": "failing"}
    standin.engine.advance(4)
    assert _jobs(client, created.id, "ci") == {
        "lint": "failed",
        "build": "not_run",
        "test": "success",
    }
    assert _workflows(client, created.id) == {"ci": "failed"}


@pytest.mark.parametrize(
    ("fail_status", "workflow_status"),
    [
        ("timedout", "failed"),
        ("infrastructure_fail", "failed"),
        ("terminated-unknown", "error"),
        ("unauthorized", "unauthorized"),
    ],
)
def test_fail_status_chooses_how_the_workflow_ends(
    standin: Standin, client: AuthenticatedClient, fail_status: str, workflow_status: str
) -> None:
    created = _trigger(client, WIDGETS, fail="lint", fail_status=fail_status)
    standin.engine.advance_until_idle()
    assert _jobs(client, created.id, "build-and-test")["lint"] == fail_status
    assert _workflows(client, created.id) == {"build-and-test": workflow_status}


def test_not_run(standin: Standin, client: AuthenticatedClient) -> None:
    created = _trigger(client, WIDGETS, not_run=True)
    assert _workflows(client, created.id) == {"build-and-test": "not_run"}
    assert set(_jobs(client, created.id, "build-and-test").values()) == {"not_run"}
    assert standin.engine.advance_until_idle() == 0


def test_string_parameters_as_a_command_line_sends_them(
    standin: Standin, client: AuthenticatedClient
) -> None:
    created = _trigger(client, WIDGETS, fail="true", hold="false")
    standin.engine.advance_until_idle()
    assert _workflows(client, created.id) == {"build-and-test": "failed"}


def test_a_rerun_from_failed_succeeds(standin: Standin, client: AuthenticatedClient) -> None:
    created = _trigger(client, WIDGETS, fail=True)
    standin.engine.advance_until_idle()
    failed = _workflow_id(client, created.id, "build-and-test")
    rerun = rerun_workflow.sync(
        failed, client=client, body=RerunWorkflowParameters(from_failed=True)
    )
    jobs = {
        j.name: str(j.status)
        for j in list_workflow_jobs.iter_items(rerun.workflow_id, client=client)
    }
    assert jobs == {"lint": "success", "build": "running"}  # started at once, no clock needed
    standin.engine.advance_until_idle()
    jobs = {
        j.name: str(j.status)
        for j in list_workflow_jobs.iter_items(rerun.workflow_id, client=client)
    }
    assert jobs == {"lint": "success", "build": "success"}
    statuses = [
        str(w.status) for w in list_workflows_by_pipeline_id.iter_items(created.id, client=client)
    ]
    assert sorted(statuses) == ["failed", "success"]


def test_a_cancelled_workflow_stays_cancelled(
    standin: Standin, client: AuthenticatedClient
) -> None:
    created = _trigger(client, WIDGETS)
    standin.engine.advance(3)
    cancel_workflow.sync(_workflow_id(client, created.id, "build-and-test"), client=client)
    standin.engine.advance(60)
    assert _workflows(client, created.id) == {"build-and-test": "canceled"}
    assert _jobs(client, created.id, "build-and-test") == {"lint": "canceled", "build": "canceled"}


# --- approvals -----------------------------------------------------------------------------------


def test_hold_waits_until_the_approve_call_releases_it(
    standin: Standin, client: AuthenticatedClient
) -> None:
    created = _trigger(client, standin.world.facts.circleci_slug, hold=True)
    assert _workflows(client, created.id) == {"ci": "running", "deploy": "on_hold"}
    assert _jobs(client, created.id, "deploy") == {"hold": "on_hold", "deploy": "blocked"}
    standin.engine.advance_until_idle()
    standin.engine.advance(600)
    assert _workflows(client, created.id) == {"ci": "success", "deploy": "on_hold"}
    deploy = _workflow_id(client, created.id, "deploy")
    hold = next(j for j in list_workflow_jobs.iter_items(deploy, client=client) if j.name == "hold")
    assert isinstance(hold.approval_request_id, UUID)
    approve_pending_approval_job_by_id.sync(deploy, hold.approval_request_id, client=client)
    assert _jobs(client, created.id, "deploy") == {"hold": "success", "deploy": "running"}
    assert _workflows(client, created.id)["deploy"] == "running"
    standin.engine.advance(6)
    assert _workflows(client, created.id) == {"ci": "success", "deploy": "success"}


# --- dynamic configuration -----------------------------------------------------------------------


def test_setup_then_continuation_by_itself(standin: Standin, client: AuthenticatedClient) -> None:
    created = _trigger(client, WIDGETS, dynamic=True, hold=True)
    assert created.state == "setup"
    assert _workflows(client, created.id) == {"setup": "running"}
    standin.engine.advance(5)
    assert _state(client, created.id) == "created"
    workflows = _workflows(client, created.id)
    assert workflows == {
        "setup": "success",
        "build": "running",
        "docs": "running",
        "deploy": "on_hold",
    }
    assert _jobs(client, created.id, "build") == {"lint": "running", "build": "blocked"}
    standin.engine.advance_until_idle()
    assert _workflows(client, created.id) == {
        "setup": "success",
        "build": "success",
        "docs": "success",
        "deploy": "on_hold",
    }


def test_setup_of_the_dynamic_definition_continued_by_the_api(
    standin: Standin, client: AuthenticatedClient
) -> None:
    body = TriggerPipelineRunParameters(
        definition_id=UUID(standin.world.facts.dynamic_definition_id), parameters={"fail": "unit"}
    )
    created = trigger_pipeline_run.sync(
        *standin.world.facts.circleci_slug.split("/"), client=client, body=body
    )
    assert isinstance(created, PipelineCreation) and created.state == "setup"
    pipeline_id = created.id
    standin.engine.advance(2)
    key = runcontrol.continuation_key_of(standin.world, str(pipeline_id))
    assert key is not None
    config = "workflows:\n  test:\n    jobs: [unit, {integration: {requires: [unit]}}]\n"
    continue_pipeline.sync(
        client=client,
        body=ContinuePipelineParameters(continuation_key=key, configuration=config),
    )
    assert _jobs(client, pipeline_id, "test") == {"unit": "running", "integration": "blocked"}
    standin.engine.advance_until_idle()
    assert _workflows(client, pipeline_id) == {"setup": "success", "test": "failed"}
    assert _jobs(client, pipeline_id, "test") == {"unit": "failed", "integration": "not_run"}


def test_requires_of_config() -> None:
    config = "workflows:\n  a:\n    jobs: [x, {y: {requires: [x]}}, {z: {}}]\n  b: 3\n"
    assert requires_of_config(config) == {"a": {"y": ["x"]}}
    assert requires_of_config(": not yaml: [") == {}


# --- config errors -------------------------------------------------------------------------------


def test_config_error_is_pending_then_errored_without_workflows(
    standin: Standin, client: AuthenticatedClient
) -> None:
    created = _trigger(client, WIDGETS, config_error=True)
    assert created.state == "pending"
    assert _workflows(client, created.id) == {}
    standin.engine.advance(1)
    assert _state(client, created.id) == "pending"
    standin.engine.advance(1)
    pipeline = get_pipeline_by_id.sync(created.id, client=client)
    assert str(pipeline.state) == "errored"
    assert [(str(e.type_), e.message) for e in pipeline.errors] == [("config", CONFIG_ERROR)]
    assert _workflows(client, created.id) == {}


# --- clocks --------------------------------------------------------------------------------------


def test_a_scaled_clock_runs_pipelines_as_requests_arrive(
    standin: Standin, client: AuthenticatedClient
) -> None:
    now = [100.0]
    standin.world.engine = Engine(standin.world, ScaledClock(10, lambda: now[0]))
    created = _trigger(client, WIDGETS)
    now[0] += 0.9  # 9 simulated seconds
    assert _jobs(client, created.id, "build-and-test") == {"lint": "success", "build": "running"}
    now[0] += 0.6
    assert _workflows(client, created.id) == {"build-and-test": "success"}
    with pytest.raises(TypeError, match="VirtualClock"):
        standin.engine.advance(1)


def test_clocks_refuse_to_go_back() -> None:
    with pytest.raises(ValueError):
        VirtualClock().advance(-1)
    with pytest.raises(ValueError):
        ScaledClock(-1)
    assert ScaledClock(0).elapsed() == 0


def test_the_sandbox_takes_a_speed_and_explains_the_parameters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert sandbox.parse_args([]).speed == 1.0
    assert sandbox.parse_args(["--speed", "10"]).speed == 10.0
    with pytest.raises(SystemExit):
        sandbox.parse_args(["--speed", "-1"])
    with pytest.raises(SystemExit):
        sandbox.parse_args(["--help"])
    shown = capsys.readouterr().out
    for name in (
        "fail=",
        "fail_status=",
        "parallel=",
        "hold=",
        "dynamic=",
        "config_error=",
        "not_run=",
    ):
        assert name in shown
