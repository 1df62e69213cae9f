"""The run-control operations over HTTP on the stand-in: trigger a run (201 or 200), pipeline
definitions, pipelines by number and by organization, approving, cancelling by job ID, and
continuing a pipeline after its setup workflow."""

from __future__ import annotations

import asyncio
from http import HTTPStatus
from uuid import UUID

import httpx
import pytest
from circleci_client import AuthenticatedClient, BadRequestError, NotFoundError
from circleci_client.api.job import cancel_job_by_job_id, get_job_details
from circleci_client.api.pipeline import (
    continue_pipeline,
    get_pipeline_by_id,
    get_pipeline_by_number,
    list_pipelines,
    list_workflows_by_pipeline_id,
    trigger_pipeline_run,
)
from circleci_client.api.pipeline_definition import list_pipeline_definitions
from circleci_client.api.project import get_project_by_slug
from circleci_client.api.workflow import (
    approve_pending_approval_job_by_id,
    get_workflow_by_id,
    list_workflow_jobs,
    rerun_workflow,
)
from circleci_client.models.continue_pipeline_parameters import ContinuePipelineParameters
from circleci_client.models.git_ref import GitRef
from circleci_client.models.job import Job
from circleci_client.models.pipeline_creation import PipelineCreation
from circleci_client.models.pipeline_not_created import PipelineNotCreated
from circleci_client.models.trigger_pipeline_run_parameters import TriggerPipelineRunParameters
from circleci_client.models.trigger_pipeline_run_parameters_parameters import (
    TriggerPipelineRunParametersParameters,
)
from circleci_client.models.workflow import Workflow
from circleci_client.models.workflow_status import WorkflowStatus
from circleci_client.slugs import InvalidProjectSlugError
from circleci_client.types import Unset

from tests.covered import covered_operations, covers
from tests.operations import RUN_CONTROL_OPERATIONS
from tests.standin import runcontrol
from tests.standin.server import Standin

WIDGETS = "gh/acme/widgets"


def _app_parts(standin: Standin) -> tuple[str, str, str]:
    """The GitHub App project's slug as its three parts."""
    provider, organization, project = standin.world.facts.circleci_slug.split("/")
    return provider, organization, project


def _workflows(client: AuthenticatedClient, pipeline_id: UUID) -> dict[str, Workflow]:
    items = list_workflows_by_pipeline_id.iter_items(pipeline_id, client=client)
    return {workflow.name: workflow for workflow in items}


def _jobs(client: AuthenticatedClient, workflow_id: UUID) -> dict[str, Job]:
    return {job.name: job for job in list_workflow_jobs.iter_items(workflow_id, client=client)}


# --- triggerPipelineRun ---------------------------------------------------------------------------


def test_trigger_run_201_creates_a_pipeline_sent_as_three_path_segments(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("triggerPipelineRun")
    provider, organization, project = _app_parts(standin)
    body = TriggerPipelineRunParameters(
        definition_id=UUID(standin.world.facts.build_definition_id),
        checkout=GitRef(branch="feature/x"),
        parameters=TriggerPipelineRunParametersParameters.from_dict({"deploy": True}),
    )
    detailed = trigger_pipeline_run.sync_detailed(
        provider, organization, project, client=client, body=body
    )
    assert detailed.status_code == HTTPStatus.CREATED
    created = detailed.parsed
    assert isinstance(created, PipelineCreation) and created.number == 5
    record = standin.requests.api.filter(operation="triggerPipelineRun")[-1]
    assert record.raw_path == f"/api/v2/project/circleci/{organization}/{project}/pipeline/run"
    pipeline = get_pipeline_by_id.sync(created.id, client=client)
    assert not isinstance(pipeline.vcs, Unset) and pipeline.vcs.branch == "feature/x"
    assert standin.world.pipelines[str(created.id)].definition_id == str(body.definition_id)


def test_trigger_run_200_creates_nothing_and_is_told_apart_by_type(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("triggerPipelineRun")
    parts = _app_parts(standin)
    before = len(standin.world.pipelines)
    body = TriggerPipelineRunParameters(checkout=GitRef(branch="docs/skip-ci"))
    skipped = trigger_pipeline_run.sync(*parts, client=client, body=body)
    assert isinstance(skipped, PipelineNotCreated)
    assert not isinstance(skipped, PipelineCreation)
    assert isinstance(skipped.message, str) and "skip CI" in skipped.message
    detailed = trigger_pipeline_run.sync_detailed(*parts, client=client, body=body)
    assert detailed.status_code == HTTPStatus.OK
    assert isinstance(detailed.parsed, PipelineNotCreated)
    assert len(standin.world.pipelines) == before


def test_trigger_run_both_outcomes_async(standin: Standin, client: AuthenticatedClient) -> None:
    covers("triggerPipelineRun")
    parts = _app_parts(standin)

    async def both() -> tuple[object, object]:
        created = await trigger_pipeline_run.asyncio(*parts, client=client)
        skipped = await trigger_pipeline_run.asyncio(
            *parts, client=client, body=TriggerPipelineRunParameters(config=GitRef(tag="skip-ci"))
        )
        return created, skipped

    created, skipped = asyncio.run(both())
    assert isinstance(created, PipelineCreation) and isinstance(skipped, PipelineNotCreated)


def test_trigger_run_of_an_oauth_project_sends_the_canonical_provider(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("triggerPipelineRun")
    created = trigger_pipeline_run.sync("github", "acme", "widgets", client=client)
    assert isinstance(created, PipelineCreation) and created.number == 96
    record = standin.requests.api.filter(operation="triggerPipelineRun")[-1]
    assert record.raw_path == "/api/v2/project/gh/acme/widgets/pipeline/run"


def test_trigger_run_one_escaped_segment_is_not_found_at_the_standin(standin: Standin) -> None:
    escaped = standin.world.facts.circleci_slug.replace("/", "%2F")
    response = httpx.post(
        f"{standin.base_url}/project/{escaped}/pipeline/run",
        headers={"Circle-Token": standin.token},
    )
    assert response.status_code == 404


def test_trigger_run_refuses_bad_slug_parts_before_sending(
    standin: Standin, client: AuthenticatedClient
) -> None:
    _, organization, project = _app_parts(standin)
    with pytest.raises(InvalidProjectSlugError) as caught:
        trigger_pipeline_run.sync("circleci", "not/an-id", project, client=client)
    assert caught.value.part == "org"
    with pytest.raises(InvalidProjectSlugError):
        trigger_pipeline_run.sync("gitlab", organization, project, client=client)
    assert standin.requests.api.filter(operation="triggerPipelineRun") == []


def test_trigger_run_errors(standin: Standin, client: AuthenticatedClient) -> None:
    parts = _app_parts(standin)
    unknown = TriggerPipelineRunParameters(
        definition_id=UUID("00000000-0000-4000-8000-000000000000")
    )
    with pytest.raises(NotFoundError):
        trigger_pipeline_run.sync(*parts, client=client, body=unknown)
    both = TriggerPipelineRunParameters(config=GitRef(branch="main", tag="v1"))
    with pytest.raises(BadRequestError) as caught:
        trigger_pipeline_run.sync(*parts, client=client, body=both)
    assert "config.branch or config.tag" in str(caught.value)
    with pytest.raises(NotFoundError):
        trigger_pipeline_run.sync("circleci", parts[1], "NoSuchProject0000000000", client=client)


# --- listPipelineDefinitions ----------------------------------------------------------------------


def test_list_pipeline_definitions_by_project_id(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("listPipelineDefinitions")
    facts = standin.world.facts
    project = get_project_by_slug.sync(facts.circleci_slug, client=client)
    listing = list_pipeline_definitions.sync(str(project.id), client=client)
    assert not isinstance(listing.items, Unset)
    by_name = {d.name: d for d in listing.items}
    assert set(by_name) == {"build", "dynamic"}
    assert str(by_name["build"].id) == facts.build_definition_id
    source = by_name["dynamic"].config_source
    assert not isinstance(source, Unset) and source.file_path == ".circleci/setup.yml"
    with pytest.raises(NotFoundError):
        list_pipeline_definitions.sync("no-such-project", client=client)


# --- getPipelineByNumber --------------------------------------------------------------------------


def test_get_pipeline_by_number(standin: Standin, client: AuthenticatedClient) -> None:
    covers("getPipelineByNumber")
    pipeline = get_pipeline_by_number.sync(WIDGETS, 94, client=client)
    assert pipeline.number == 94 and pipeline.project_slug == WIDGETS
    assert get_pipeline_by_id.sync(pipeline.id, client=client) == pipeline
    app = standin.world.facts.circleci_slug
    assert get_pipeline_by_number.sync(app, 3, client=client).project_slug == app
    record = standin.requests.api.filter(operation="getPipelineByNumber")[-1]
    assert record.raw_path.endswith("/pipeline/3")
    with pytest.raises(NotFoundError):
        get_pipeline_by_number.sync(WIDGETS, 96, client=client)


def test_get_pipeline_by_number_async_after_a_trigger(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("getPipelineByNumber")
    parts = _app_parts(standin)
    created = trigger_pipeline_run.sync(*parts, client=client)
    assert isinstance(created, PipelineCreation)
    found = asyncio.run(
        get_pipeline_by_number.asyncio(
            standin.world.facts.circleci_slug, created.number, client=client
        )
    )
    assert found.id == created.id


# --- listPipelines --------------------------------------------------------------------------------


def test_list_pipelines_of_an_organization_paged_newest_first(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("listPipelines")
    first = list_pipelines.sync(client=client, org_slug="gh/acme")
    assert len(first.items) == standin.page_size and first.next_page_token
    every = list(list_pipelines.iter_items(client=client, org_slug="github/acme"))
    assert [p.number for p in every] == list(range(95, 0, -1))
    assert {p.project_slug for p in every} == {WIDGETS}
    mine = list(list_pipelines.iter_items(client=client, org_slug="gh/acme", mine=True))
    assert len(mine) == standin.world.facts.my_widgets_pipeline_count
    org = "/".join(standin.world.facts.circleci_slug.split("/")[:2])
    assert len(list(list_pipelines.iter_items(client=client, org_slug=org))) == 4
    with pytest.raises(NotFoundError):
        list_pipelines.sync(client=client, org_slug="gh/nobody")


def test_list_pipelines_shows_a_new_run_first_async(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("listPipelines")
    created = trigger_pipeline_run.sync(*_app_parts(standin), client=client)
    assert isinstance(created, PipelineCreation)
    page = asyncio.run(list_pipelines.asyncio(client=client))
    assert page.items[0].id == created.id


# --- approvePendingApprovalJobById ----------------------------------------------------------------


def _held_deploy(client: AuthenticatedClient) -> tuple[Workflow, Job]:
    pipeline = get_pipeline_by_number.sync(WIDGETS, 94, client=client)
    deploy = _workflows(client, pipeline.id)["deploy"]
    return deploy, _jobs(client, deploy.id)["hold"]


def test_approve_releases_the_held_job_and_the_workflow(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("approvePendingApprovalJobById")
    workflow, hold = _held_deploy(client)
    assert workflow.status == WorkflowStatus.ON_HOLD and hold.status == "on_hold"
    assert isinstance(hold.approval_request_id, UUID) and hold.approval_request_id != hold.id
    with pytest.raises(NotFoundError):  # the job's id is not its approval request id
        approve_pending_approval_job_by_id.sync(workflow.id, hold.id, client=client)
    answer = approve_pending_approval_job_by_id.sync(
        workflow.id, hold.approval_request_id, client=client
    )
    assert answer.message
    assert get_workflow_by_id.sync(workflow.id, client=client).status == WorkflowStatus.RUNNING
    jobs = _jobs(client, workflow.id)
    assert jobs["hold"].status == "success"
    assert jobs["hold"].approved_by == UUID(standin.world.current_user_id)
    deploy = jobs["deploy"]
    assert deploy.status == "running" and isinstance(deploy.job_number, int)
    details = get_job_details.sync(WIDGETS, deploy.job_number, client=client)
    assert details.name == "deploy"
    with pytest.raises(BadRequestError):  # no longer on hold
        approve_pending_approval_job_by_id.sync(
            workflow.id, hold.approval_request_id, client=client
        )


def test_approve_async_and_unknown_workflow(client: AuthenticatedClient) -> None:
    covers("approvePendingApprovalJobById")
    workflow, hold = _held_deploy(client)
    assert isinstance(hold.approval_request_id, UUID)
    with pytest.raises(NotFoundError):
        approve_pending_approval_job_by_id.sync(hold.id, hold.approval_request_id, client=client)
    asyncio.run(
        approve_pending_approval_job_by_id.asyncio(
            workflow.id, hold.approval_request_id, client=client
        )
    )
    assert get_workflow_by_id.sync(workflow.id, client=client).status == WorkflowStatus.RUNNING


def test_approve_a_rerun_hold_by_its_own_approval_request_id(client: AuthenticatedClient) -> None:
    covers("approvePendingApprovalJobById")
    workflow, _ = _held_deploy(client)
    rerun = rerun_workflow.sync(workflow.id, client=client)
    hold = _jobs(client, rerun.workflow_id)["hold"]
    assert hold.status == "on_hold" and isinstance(hold.approval_request_id, UUID)
    assert hold.approval_request_id != hold.id
    approve_pending_approval_job_by_id.sync(
        rerun.workflow_id, hold.approval_request_id, client=client
    )
    jobs = _jobs(client, rerun.workflow_id)
    assert jobs["hold"].status == "success" and jobs["deploy"].status == "running"


# --- cancelJobByJobID -----------------------------------------------------------------------------


def test_cancel_job_by_id_also_cancels_an_approval_job(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("cancelJobByJobID")
    running = _jobs(client, UUID(standin.world.facts.running_workflow_id))["test"]
    assert running.status == "running"
    assert cancel_job_by_job_id.sync(running.id, client=client).message
    assert isinstance(running.job_number, int)
    assert get_job_details.sync(WIDGETS, running.job_number, client=client).status == "canceled"
    _, hold = _held_deploy(client)
    asyncio.run(cancel_job_by_job_id.asyncio(hold.id, client=client))
    assert standin.world.jobs[str(hold.id)].status == "canceled"
    with pytest.raises(NotFoundError):
        cancel_job_by_job_id.sync(UUID("00000000-0000-4000-8000-000000000000"), client=client)


# --- continuePipeline -----------------------------------------------------------------------------

CONFIG = "version: 2.1\nworkflows:\n  test:\n    jobs: [unit, {integration: {requires: [unit]}}]\n"


def test_continue_pipeline_after_its_setup_workflow(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("continuePipeline")
    body = TriggerPipelineRunParameters(
        definition_id=UUID(standin.world.facts.dynamic_definition_id)
    )
    created = trigger_pipeline_run.sync(*_app_parts(standin), client=client, body=body)
    assert isinstance(created, PipelineCreation) and created.state == "setup"
    assert _workflows(client, created.id)["setup"].tag == "setup"
    key = runcontrol.continuation_key_of(standin.world, str(created.id))
    assert key is not None
    answer = continue_pipeline.sync(
        client=client, body=ContinuePipelineParameters(continuation_key=key, configuration=CONFIG)
    )
    assert answer.message
    workflows = _workflows(client, created.id)
    assert workflows["setup"].status == WorkflowStatus.SUCCESS
    assert workflows["test"].status == WorkflowStatus.RUNNING
    assert set(_jobs(client, workflows["test"].id)) == {"unit", "integration"}
    assert get_pipeline_by_id.sync(created.id, client=client).state == "created"
    again = ContinuePipelineParameters(continuation_key=key, configuration=CONFIG)
    with pytest.raises(BadRequestError) as used:
        asyncio.run(continue_pipeline.asyncio(client=client, body=again))
    assert "already been used" in str(used.value)


def test_continue_pipeline_unknown_key_and_bad_configuration(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("continuePipeline")
    unknown = ContinuePipelineParameters(continuation_key="ck-nope", configuration=CONFIG)
    with pytest.raises(NotFoundError):
        continue_pipeline.sync(client=client, body=unknown)
    body = TriggerPipelineRunParameters(
        definition_id=UUID(standin.world.facts.dynamic_definition_id)
    )
    created = trigger_pipeline_run.sync(*_app_parts(standin), client=client, body=body)
    assert isinstance(created, PipelineCreation)
    key = runcontrol.continuation_key_of(standin.world, str(created.id))
    assert key is not None
    broken = ContinuePipelineParameters(continuation_key=key, configuration="jobs: {}\n")
    with pytest.raises(BadRequestError) as caught:
        continue_pipeline.sync(client=client, body=broken)
    assert "no workflows" in str(caught.value)


def test_every_run_control_operation_has_a_test() -> None:
    wanted = {operation_id for _, _, operation_id in RUN_CONTROL_OPERATIONS}
    assert wanted == covered_operations(__file__)
