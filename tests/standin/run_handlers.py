"""Handlers of run control: pipeline runs, definitions, pipelines by number, continuation,
cancelling jobs by id and approvals. The rules are in :mod:`~tests.standin.runcontrol`."""

from __future__ import annotations

import json
import uuid

from tests.standin import cancelling, engine, runcontrol, wire
from tests.standin.handler_kit import (
    JSON,
    ApiError,
    Ctx,
    Reply,
    body_string,
    ok,
    op,
    pipeline_parameters,
)

# -- Run control --------------------------------------------------------------------
# The rules (CI skip, definitions, continuation keys, approvals) are in ``runcontrol``.


def _ref(data: JSON, name: str) -> runcontrol.Ref:
    """Return the ``config`` or ``checkout`` body field: a branch or a tag, not both."""
    value = data.get(name)
    if value is None:
        return runcontrol.Ref()
    if not isinstance(value, dict):
        raise ApiError(400, f"Field {name} must be an object")
    unexpected = sorted(set(value) - {"branch", "tag"})
    if unexpected:
        raise ApiError(400, f"Unexpected field(s) in {name}: {', '.join(unexpected)}")
    ref = runcontrol.Ref(body_string(value, "branch"), body_string(value, "tag"))
    if ref.branch is not None and ref.tag is not None:
        raise ApiError(400, f"Only one of {name}.branch or {name}.tag may be given")
    return ref


@op("POST", "/project/{provider}/{organization}/{project}/pipeline/run", "triggerPipelineRun")
def trigger_pipeline_run(ctx: Ctx) -> Reply:
    """``POST /project/{provider}/{org}/{project}/pipeline/run``: 201 created, 200 not created."""
    slug = "/".join(ctx.params[name] for name in ("provider", "organization", "project"))
    project = ctx.world.find_project(slug)
    if project is None:
        raise ApiError(404, "Project not found")
    data = ctx.json_body({"definition_id", "config", "checkout", "parameters"})
    definition_id = body_string(data, "definition_id")
    if definition_id is not None:
        try:
            definition_id = str(uuid.UUID(definition_id))
        except ValueError:
            raise ApiError(400, "Field definition_id must be a UUID") from None
    definition = runcontrol.find_definition(project, definition_id)
    if definition_id is not None and definition is None:
        raise ApiError(404, "Pipeline definition not found")
    config, checkout = _ref(data, "config"), _ref(data, "checkout")
    parameters = pipeline_parameters(data)
    created = runcontrol.trigger_run(ctx.world, project, definition, config, checkout, parameters)
    if created is None:
        return ok(wire.message("Pipeline not created: the commit message asks to skip CI."))
    engine.on_triggered(ctx.world, created)
    return ok(wire.pipeline_creation(created), 201)


@op("GET", "/projects/{project_id}/pipeline-definitions", "listPipelineDefinitions")
def list_pipeline_definitions(ctx: Ctx) -> Reply:
    """``GET /projects/{project_id}/pipeline-definitions`` (all of them, not paginated)."""
    wanted = ctx.params["project_id"]
    project = next((p for p in ctx.world.projects.values() if p.id == wanted), None)
    if project is None:
        raise ApiError(404, "Project not found")
    return ok({"items": [wire.pipeline_definition(d) for d in project.definitions]})


@op("GET", "/project/{project-slug}/pipeline/{pipeline-number}", "getPipelineByNumber")
def get_pipeline_by_number(ctx: Ctx) -> Reply:
    """``GET /project/{slug}/pipeline/{number}``."""
    project = ctx.project()
    number = int(ctx.params["pipeline-number"])
    found = next((p for p in project.pipelines if p.number == number), None)
    if found is None:
        raise ApiError(404, "Pipeline not found")
    return ok(wire.pipeline(ctx.world, found))


@op("GET", "/pipeline", "listPipelines")
def list_org_pipelines(ctx: Ctx) -> Reply:
    """``GET /pipeline`` with ``org-slug`` and ``mine``, newest first."""
    mine = ctx.flag("mine")
    pipelines = runcontrol.organization_pipelines(ctx.world, ctx.query.get("org-slug") or None)
    if pipelines is None:
        raise ApiError(404, "Organization not found")
    if mine:
        pipelines = [p for p in pipelines if p.actor_id == ctx.world.current_user_id]
    return ok(ctx.page(pipelines, lambda p: wire.pipeline(ctx.world, p)))


def _refuse_unknown_continuation_key(ctx: Ctx) -> None:
    """Raise 404 when the body names a continuation key the world never issued."""
    try:
        data = json.loads(ctx.body)
    except (ValueError, UnicodeDecodeError):
        return
    key = data.get("continuation-key") if isinstance(data, dict) else None
    if isinstance(key, str) and key and key not in ctx.world.continuations:
        raise ApiError(404, "Continuation key not found")


@op("POST", "/pipeline/continue", "continuePipeline")
def continue_pipeline(ctx: Ctx) -> Reply:
    """``POST /pipeline/continue``: a key works once; 404 unknown key, 400 used key.

    An unknown key is 404 even when the rest of the body is bad: the key is looked up first.
    """
    try:
        data = ctx.json_body({"continuation-key", "configuration", "parameters"})
    except ApiError:
        _refuse_unknown_continuation_key(ctx)
        raise
    key = body_string(data, "continuation-key", required=True)
    configuration = body_string(data, "configuration", required=True)
    parameters = pipeline_parameters(data)
    assert key is not None and configuration is not None
    continuation = ctx.world.continuations.get(key)
    if continuation is None:
        raise ApiError(404, "Continuation key not found")
    if continuation.used:
        raise ApiError(400, "Continuation key has already been used")
    try:
        workflows = runcontrol.workflows_of_config(configuration)
    except runcontrol.ConfigError as exc:
        raise ApiError(400, f"Invalid configuration: {exc}") from None
    ctx.world.pipelines[continuation.pipeline_id].trigger_parameters.update(parameters)
    runcontrol.continue_pipeline(ctx.world, continuation, workflows)
    pipeline = ctx.world.pipelines[continuation.pipeline_id]
    engine.on_continued(ctx.world, pipeline, configuration)
    return ok(wire.message("Accepted."))


@op("POST", "/jobs/{job-id}/cancel", "cancelJobByJobID")
def cancel_job_by_id(ctx: Ctx) -> Reply:
    """``POST /jobs/{job-id}/cancel`` (approval jobs too: they have no number)."""
    job = ctx.world.jobs.get(ctx.uuid_param("job-id", "Job"))
    if job is None:
        raise ApiError(404, "Job not found")
    cancelling.cancel_job(ctx.world, job)
    return ok(wire.message("Accepted."))


@op(
    "POST",
    "/workflow/{id}/approve/{approval_request_id}",
    "approvePendingApprovalJobById",
)
def approve_job(ctx: Ctx) -> Reply:
    """``POST /workflow/{id}/approve/{approval_request_id}``: 404 unknown, 400 not on hold."""
    workflow = ctx.workflow()
    request_id = ctx.uuid_param("approval_request_id", "Approval request")
    job = runcontrol.approval_job(workflow, request_id)
    if job is None:
        raise ApiError(404, "Approval request not found")
    if job.status != "on_hold":
        raise ApiError(400, f"Job {job.name} is not on hold")
    runcontrol.approve(ctx.world, workflow, job)
    return ok(wire.message("Accepted."), 202)
