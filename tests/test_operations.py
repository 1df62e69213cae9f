"""Every operation of the guide, called through the generated client over HTTP on the stand-in.

The run-control operations have their own module, tests/test_run_control_operations.py, and so
do the context operations (tests/test_contexts.py).
"""

from __future__ import annotations

from types import CodeType, FunctionType
from uuid import UUID

import pytest
from circleci_client import AuthenticatedClient, NotFoundError
from circleci_client.api.insights import (
    get_project_workflow_job_metrics,
    get_project_workflow_metrics,
    get_project_workflow_runs,
    get_workflow_summary,
)
from circleci_client.api.job import (
    cancel_job_by_job_number,
    get_job_artifacts,
    get_job_details,
    get_tests,
)
from circleci_client.api.pipeline import (
    get_pipeline_by_id,
    get_pipeline_config_by_id,
    list_my_pipelines,
    list_pipelines_for_project,
    list_workflows_by_pipeline_id,
    trigger_pipeline,
)
from circleci_client.api.project import (
    create_checkout_key,
    create_env_var,
    delete_checkout_key,
    delete_env_var,
    get_checkout_key,
    get_env_var,
    get_project_by_slug,
    list_checkout_keys,
    list_env_vars,
)
from circleci_client.api.user import get_collaborations, get_current_user, get_user
from circleci_client.api.workflow import (
    cancel_workflow,
    get_workflow_by_id,
    list_workflow_jobs,
    rerun_workflow,
)
from circleci_client.models.checkout_key_input import CheckoutKeyInput
from circleci_client.models.checkout_key_input_type import CheckoutKeyInputType
from circleci_client.models.environment_variable_input import EnvironmentVariableInput
from circleci_client.models.fingerprint_digest import FingerprintDigest
from circleci_client.models.job_type import JobType
from circleci_client.models.pipeline_state import PipelineState
from circleci_client.models.reporting_window import ReportingWindow
from circleci_client.models.rerun_workflow_parameters import RerunWorkflowParameters
from circleci_client.models.trigger_pipeline_parameters import TriggerPipelineParameters
from circleci_client.models.trigger_pipeline_parameters_parameters import (
    TriggerPipelineParametersParameters,
)
from circleci_client.models.workflow_status import WorkflowStatus
from circleci_client.types import Unset

from tests.operations import (
    CONTEXT_OPERATIONS,
    RUN_CONTROL_OPERATIONS,
    SCHEDULE_OPERATIONS,
    SETTINGS_AND_USAGE_OPERATIONS,
    TEST_INSIGHT_OPERATIONS,
    WEBHOOK_OPERATIONS,
    all_operation_ids,
    operation_module,
)
from tests.standin.server import Standin

WIDGETS = "gh/acme/widgets"


def _showcase_pipeline_id(client: AuthenticatedClient) -> UUID:
    for pipeline in list_pipelines_for_project.iter_items(WIDGETS, client=client):
        if pipeline.number == 94:
            return pipeline.id
    raise AssertionError("pipeline 94 not found")


def test_get_current_user(client: AuthenticatedClient) -> None:
    me = get_current_user.sync(client=client)
    assert me.login == "octo-dev" and isinstance(me.id, UUID)


def test_get_collaborations(client: AuthenticatedClient) -> None:
    orgs = get_collaborations.sync(client=client)
    assert {org.vcs_type for org in orgs} >= {"github", "bitbucket"}
    assert any(org.id is None for org in orgs)


def test_get_user(standin: Standin, client: AuthenticatedClient) -> None:
    other = next(u for u in standin.world.users if u != standin.world.current_user_id)
    user = get_user.sync(UUID(other), client=client)
    assert user.login == "acme-bot" and user.avatar_url is None


def test_list_pipelines_for_project(client: AuthenticatedClient) -> None:
    page = list_pipelines_for_project.sync(WIDGETS, client=client, branch="feature/login")
    assert len(page.items) == 19 and page.next_page_token is None
    assert page.items[0].number > page.items[-1].number


def test_list_my_pipelines(client: AuthenticatedClient) -> None:
    mine = list(list_my_pipelines.iter_items(WIDGETS, client=client))
    assert len(mine) == 64 and all(p.number % 3 for p in mine)


def test_get_pipeline_by_id_and_config(client: AuthenticatedClient) -> None:
    pipeline_id = _showcase_pipeline_id(client)
    pipeline = get_pipeline_by_id.sync(pipeline_id, client=client)
    assert pipeline.number == 94 and pipeline.project_slug == WIDGETS
    config = get_pipeline_config_by_id.sync(pipeline_id, client=client)
    assert "version: 2.1" in config.source and config.compiled


def test_list_workflows_by_pipeline_id(client: AuthenticatedClient) -> None:
    pipeline_id = _showcase_pipeline_id(client)
    workflows = list(list_workflows_by_pipeline_id.iter_items(pipeline_id, client=client))
    assert {w.name for w in workflows} == {"build-and-test", "deploy"}
    assert all(w.pipeline_number == 94 for w in workflows)


def test_trigger_pipeline_plain_branch_tag_and_parameters(
    standin: Standin, client: AuthenticatedClient
) -> None:
    plain = trigger_pipeline.sync(WIDGETS, client=client)
    assert plain.number == 96 and isinstance(plain.state, PipelineState)
    parameters = TriggerPipelineParametersParameters.from_dict(
        {"image-tag": "4.8.2", "deploy": True, "replicas": 3}
    )
    body = TriggerPipelineParameters(branch="feature/x", parameters=parameters)
    created = trigger_pipeline.sync(WIDGETS, client=client, body=body)
    pipeline = get_pipeline_by_id.sync(created.id, client=client)
    assert not isinstance(pipeline.vcs, Unset) and pipeline.vcs.branch == "feature/x"
    assert not isinstance(pipeline.trigger_parameters, Unset)
    assert pipeline.trigger_parameters.to_dict() == {
        "image-tag": "4.8.2",
        "deploy": True,
        "replicas": 3,
    }
    tagged = trigger_pipeline.sync(
        WIDGETS, client=client, body=TriggerPipelineParameters(tag="v1.0.0")
    )
    tagged_pipeline = get_pipeline_by_id.sync(tagged.id, client=client)
    assert not isinstance(tagged_pipeline.vcs, Unset) and tagged_pipeline.vcs.tag == "v1.0.0"


def test_get_project_by_slug_in_every_form(standin: Standin, client: AuthenticatedClient) -> None:
    assert get_project_by_slug.sync("github/acme/widgets", client=client).slug == WIDGETS
    legacy = get_project_by_slug.sync("bb/acme/legacy-app", client=client)
    assert legacy.vcs_info.provider == "Bitbucket"
    app = get_project_by_slug.sync(standin.world.facts.circleci_slug, client=client)
    assert app.vcs_info.provider == "CircleCI"


def test_checkout_keys_list_create_get_delete(
    standin: Standin, client: AuthenticatedClient
) -> None:
    keys = list_checkout_keys.sync(WIDGETS, client=client).items
    assert {k.fingerprint for k in keys} >= {standin.world.facts.md5_checkout_fingerprint}
    sha = list_checkout_keys.sync(WIDGETS, client=client, digest=FingerprintDigest.SHA256)
    assert standin.world.facts.sha256_checkout_fingerprint in {k.fingerprint for k in sha.items}
    new = create_checkout_key.sync(
        WIDGETS, client=client, body=CheckoutKeyInput(type_=CheckoutKeyInputType.DEPLOY_KEY)
    )
    assert get_checkout_key.sync(WIDGETS, new.fingerprint, client=client) == new
    sha_key = get_checkout_key.sync(
        WIDGETS, standin.world.facts.sha256_checkout_fingerprint, client=client
    )
    assert sha_key.type_ == "deploy-key"
    assert "deleted" in delete_checkout_key.sync(WIDGETS, new.fingerprint, client=client).message
    with pytest.raises(NotFoundError):
        get_checkout_key.sync(WIDGETS, new.fingerprint, client=client)


def test_env_vars_list_create_get_delete(client: AuthenticatedClient) -> None:
    names = {v.name for v in list_env_vars.iter_items(WIDGETS, client=client)}
    assert "DEPLOY_TOKEN" in names
    created = create_env_var.sync(
        WIDGETS, client=client, body=EnvironmentVariableInput(name="API_KEY", value="abcd1234")
    )
    assert created.value == "xxxx1234"
    assert get_env_var.sync(WIDGETS, "API_KEY", client=client).value == "xxxx1234"
    assert delete_env_var.sync(WIDGETS, "API_KEY", client=client).message
    with pytest.raises(NotFoundError):
        get_env_var.sync(WIDGETS, "API_KEY", client=client)


def test_get_job_details(standin: Standin, client: AuthenticatedClient) -> None:
    number = standin.world.facts.two_node_job_number
    job = get_job_details.sync(WIDGETS, number, client=client)
    assert job.number == number and job.name == "test"
    assert job.parallelism == 2 and len(job.parallel_runs) == 2
    assert job.project.slug == WIDGETS


def test_cancel_job_by_job_number(standin: Standin, client: AuthenticatedClient) -> None:
    workflow_id = UUID(standin.world.facts.running_workflow_id)
    jobs = list(list_workflow_jobs.iter_items(workflow_id, client=client))
    running = next(j for j in jobs if j.status == "running" and isinstance(j.job_number, int))
    assert isinstance(running.job_number, int)
    assert cancel_job_by_job_number.sync(WIDGETS, running.job_number, client=client).message
    assert get_job_details.sync(WIDGETS, running.job_number, client=client).status == "canceled"


def test_get_job_artifacts_on_two_nodes(standin: Standin, client: AuthenticatedClient) -> None:
    number = standin.world.facts.two_node_job_number
    artifacts = list(get_job_artifacts.iter_items(WIDGETS, number, client=client))
    assert {a.node_index for a in artifacts} == {0, 1}
    assert all(a.url.startswith(standin.artifact_base_url) for a in artifacts)


def test_get_tests(standin: Standin, client: AuthenticatedClient) -> None:
    number = standin.world.facts.two_node_job_number
    results = list(get_tests.iter_items(WIDGETS, number, client=client))
    assert len(results) == 45
    assert any(r.message is None for r in results)


def test_workflow_get_jobs_cancel_rerun(standin: Standin, client: AuthenticatedClient) -> None:
    workflow_id = UUID(standin.world.facts.running_workflow_id)
    workflow = get_workflow_by_id.sync(workflow_id, client=client)
    assert workflow.status == WorkflowStatus.RUNNING
    jobs = list(list_workflow_jobs.iter_items(workflow_id, client=client))
    assert all(job.type_ in (JobType.BUILD, JobType.APPROVAL) for job in jobs)
    assert cancel_workflow.sync(workflow_id, client=client).message
    assert get_workflow_by_id.sync(workflow_id, client=client).status == WorkflowStatus.CANCELED
    rerun = rerun_workflow.sync(
        workflow_id, client=client, body=RerunWorkflowParameters(from_failed=False)
    )
    new = get_workflow_by_id.sync(rerun.workflow_id, client=client)
    assert new.id != workflow_id and new.pipeline_id == workflow.pipeline_id


def test_insights_workflow_metrics_runs_jobs_and_summary(
    standin: Standin, client: AuthenticatedClient
) -> None:
    metrics = list(
        get_project_workflow_metrics.iter_items(
            WIDGETS, client=client, all_branches=True, reporting_window=ReportingWindow.LAST_90_DAYS
        )
    )
    build = next(m for m in metrics if m.name == "build-and-test")
    runs = list(
        get_project_workflow_runs.iter_items(
            WIDGETS, "build-and-test", client=client, all_branches=True
        )
    )
    assert build.metrics.total_runs == len([r for r in runs if r.created_at >= build.window_start])
    assert build.metrics.successful_runs == sum(
        1 for r in runs if r.status == "success" and r.created_at >= build.window_start
    )
    jobs = list(
        get_project_workflow_job_metrics.iter_items(
            WIDGETS, "build-and-test", client=client, job_name="te"
        )
    )
    assert [j.name for j in jobs] == ["test"]
    summary = get_workflow_summary.sync(WIDGETS, "build-and-test", client=client)
    assert "build-and-test" in summary.workflow_names
    assert 0.0 <= summary.metrics.success_rate <= 1.0


def _names_used(code: CodeType) -> set[str]:
    """The global and attribute names a function's code (nested code included) refers to."""
    names = set(code.co_names)
    for constant in code.co_consts:
        if isinstance(constant, CodeType):
            names |= _names_used(constant)
    return names


def _operations_called_by_tests() -> set[str]:
    """The operations whose generated module a test function of this module refers to.

    Read from the functions' code, not recorded while they run, so it does not depend on
    which tests ran before, or whether they ran at all.
    """
    namespace = globals()
    used: set[str] = set()
    for name, value in namespace.items():
        if name.startswith("test_") and isinstance(value, FunctionType):
            used |= _names_used(value.__code__)
    return {
        operation_id
        for operation_id in all_operation_ids()
        for module in [operation_module(operation_id)]
        if any(namespace.get(name) is module for name in used)
    }


def test_every_operation_has_a_test() -> None:
    grouped = (
        RUN_CONTROL_OPERATIONS
        + CONTEXT_OPERATIONS
        + TEST_INSIGHT_OPERATIONS
        + SCHEDULE_OPERATIONS
        + WEBHOOK_OPERATIONS
        + SETTINGS_AND_USAGE_OPERATIONS
    )
    elsewhere = {operation_id for _, _, operation_id in grouped}
    tested = _operations_called_by_tests()
    assert sorted(tested) == sorted(set(all_operation_ids()) - elsewhere)
    assert len(tested) == 30
