"""The operations of the spec (the guide's 30, run control, contexts, test insights, schedules,
webhooks, project settings, usage export) and their modules."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import circleci_client.api
import yaml

# (method, path, official operationId)
GUIDE_OPERATIONS: tuple[tuple[str, str, str], ...] = (
    ("GET", "/me", "getCurrentUser"),
    ("GET", "/me/collaborations", "getCollaborations"),
    ("GET", "/user/{id}", "getUser"),
    ("GET", "/pipeline/{pipeline-id}", "getPipelineById"),
    ("GET", "/pipeline/{pipeline-id}/config", "getPipelineConfigById"),
    ("GET", "/pipeline/{pipeline-id}/workflow", "listWorkflowsByPipelineId"),
    ("POST", "/project/{project-slug}/pipeline", "triggerPipeline"),
    ("GET", "/project/{project-slug}/pipeline", "listPipelinesForProject"),
    ("GET", "/project/{project-slug}/pipeline/mine", "listMyPipelines"),
    ("GET", "/project/{project-slug}", "getProjectBySlug"),
    ("GET", "/project/{project-slug}/checkout-key", "listCheckoutKeys"),
    ("POST", "/project/{project-slug}/checkout-key", "createCheckoutKey"),
    ("GET", "/project/{project-slug}/checkout-key/{fingerprint}", "getCheckoutKey"),
    ("DELETE", "/project/{project-slug}/checkout-key/{fingerprint}", "deleteCheckoutKey"),
    ("GET", "/project/{project-slug}/envvar", "listEnvVars"),
    ("POST", "/project/{project-slug}/envvar", "createEnvVar"),
    ("GET", "/project/{project-slug}/envvar/{name}", "getEnvVar"),
    ("DELETE", "/project/{project-slug}/envvar/{name}", "deleteEnvVar"),
    ("GET", "/project/{project-slug}/job/{job-number}", "getJobDetails"),
    ("POST", "/project/{project-slug}/job/{job-number}/cancel", "cancelJobByJobNumber"),
    ("GET", "/project/{project-slug}/{job-number}/artifacts", "getJobArtifacts"),
    ("GET", "/project/{project-slug}/{job-number}/tests", "getTests"),
    ("GET", "/workflow/{id}", "getWorkflowById"),
    ("POST", "/workflow/{id}/cancel", "cancelWorkflow"),
    ("GET", "/workflow/{id}/job", "listWorkflowJobs"),
    ("POST", "/workflow/{id}/rerun", "rerunWorkflow"),
    ("GET", "/insights/{project-slug}/workflows", "getProjectWorkflowMetrics"),
    ("GET", "/insights/{project-slug}/workflows/{workflow-name}", "getProjectWorkflowRuns"),
    (
        "GET",
        "/insights/{project-slug}/workflows/{workflow-name}/jobs",
        "getProjectWorkflowJobMetrics",
    ),
    (
        "GET",
        "/insights/{project-slug}/workflows/{workflow-name}/summary",
        "getWorkflowSummary",
    ),
)

# Run control and GitHub App / GitLab projects (tested in tests/test_run_control_operations.py).
RUN_CONTROL_OPERATIONS: tuple[tuple[str, str, str], ...] = (
    ("POST", "/project/{provider}/{organization}/{project}/pipeline/run", "triggerPipelineRun"),
    ("GET", "/projects/{project_id}/pipeline-definitions", "listPipelineDefinitions"),
    ("GET", "/project/{project-slug}/pipeline/{pipeline-number}", "getPipelineByNumber"),
    (
        "POST",
        "/workflow/{id}/approve/{approval_request_id}",
        "approvePendingApprovalJobById",
    ),
    ("POST", "/jobs/{job-id}/cancel", "cancelJobByJobID"),
    ("GET", "/pipeline", "listPipelines"),
    ("POST", "/pipeline/continue", "continuePipeline"),
)
# Contexts (tested in tests/test_contexts.py).
CONTEXT_OPERATIONS: tuple[tuple[str, str, str], ...] = (
    ("GET", "/context", "listContexts"),
    ("POST", "/context", "createContext"),
    ("GET", "/context/{context_id}", "getContext"),
    ("DELETE", "/context/{context_id}", "deleteContext"),
    ("GET", "/context/{context_id}/environment-variable", "listEnvironmentVariablesFromContext"),
    (
        "PUT",
        "/context/{context_id}/environment-variable/{env_var_name}",
        "addEnvironmentVariableToContext",
    ),
    (
        "DELETE",
        "/context/{context_id}/environment-variable/{env_var_name}",
        "deleteEnvironmentVariableFromContext",
    ),
    ("GET", "/context/{context_id}/restrictions", "getContextRestrictions"),
    ("POST", "/context/{context_id}/restrictions", "createContextRestriction"),
    (
        "DELETE",
        "/context/{context_id}/restrictions/{restriction_id}",
        "deleteContextRestriction",
    ),
)
# Tests and insights (tested in tests/test_insights_tests.py).
TEST_INSIGHT_OPERATIONS: tuple[tuple[str, str, str], ...] = (
    ("GET", "/insights/{project-slug}/flaky-tests", "getFlakyTests"),
    (
        "GET",
        "/insights/{project-slug}/workflows/{workflow-name}/test-metrics",
        "getProjectWorkflowTestMetrics",
    ),
    ("GET", "/insights/{org-slug}/summary", "getOrgSummaryData"),
    ("GET", "/insights/{project-slug}/branches", "getAllInsightsBranches"),
)
# Schedules (tested in tests/test_schedules.py).
SCHEDULE_OPERATIONS: tuple[tuple[str, str, str], ...] = (
    ("GET", "/project/{project-slug}/schedule", "listSchedulesForProject"),
    ("POST", "/project/{project-slug}/schedule", "createSchedule"),
    ("GET", "/schedule/{schedule-id}", "getScheduleById"),
    ("PATCH", "/schedule/{schedule-id}", "updateSchedule"),
    ("DELETE", "/schedule/{schedule-id}", "deleteScheduleById"),
)
# Outbound webhooks (tested in tests/test_outbound_webhooks.py).
WEBHOOK_OPERATIONS: tuple[tuple[str, str, str], ...] = (
    ("GET", "/webhook", "getWebhooks"),
    ("POST", "/webhook", "createWebhook"),
    ("GET", "/webhook/{webhook-id}", "getWebhookById"),
    ("PUT", "/webhook/{webhook-id}", "updateWebhook"),
    ("DELETE", "/webhook/{webhook-id}", "deleteWebhook"),
)
# Project settings (tests/test_project_settings.py) and usage export (tests/test_usage_export.py).
SETTINGS_AND_USAGE_OPERATIONS: tuple[tuple[str, str, str], ...] = (
    ("GET", "/project/{provider}/{organization}/{project}/settings", "getProjectSettings"),
    ("PATCH", "/project/{provider}/{organization}/{project}/settings", "patchProjectSettings"),
    ("POST", "/organizations/{org_id}/usage_export_job", "createUsageExport"),
    ("GET", "/organizations/{org_id}/usage_export_job/{usage_export_job_id}", "getUsageExport"),
)
SPEC_OPERATIONS = (
    GUIDE_OPERATIONS
    + RUN_CONTROL_OPERATIONS
    + CONTEXT_OPERATIONS
    + TEST_INSIGHT_OPERATIONS
    + SCHEDULE_OPERATIONS
    + WEBHOOK_OPERATIONS
    + SETTINGS_AND_USAGE_OPERATIONS
)


@cache
def _modules_by_operation_id() -> dict[str, ModuleType]:
    found: dict[str, ModuleType] = {}
    for info in pkgutil.walk_packages(circleci_client.api.__path__, "circleci_client.api."):
        module = importlib.import_module(info.name)
        operation = getattr(module, "OPERATION", None)
        if operation is not None:
            found[operation.operation_id] = module
    return found


def operation_module(operation_id: str) -> ModuleType:
    """The generated module of an operation, found by its official operationId."""
    return _modules_by_operation_id()[operation_id]


def all_operation_ids() -> list[str]:
    """Every operationId the generated package implements."""
    return sorted(_modules_by_operation_id())


SPEC_FILE = Path(__file__).resolve().parent.parent / "openapi.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


@cache
def spec() -> dict[str, Any]:
    """``openapi.yaml``, parsed once (do not change it)."""
    loaded: dict[str, Any] = yaml.safe_load(SPEC_FILE.read_text(encoding="utf-8"))
    return loaded


def spec_operations() -> dict[str, tuple[str, str, dict[str, Any]]]:
    """operationId -> (METHOD, path template, the operation's object) of every spec operation."""
    return {
        operation["operationId"]: (method.upper(), path, operation)
        for path, item in spec()["paths"].items()
        for method, operation in item.items()
        if method in HTTP_METHODS
    }
