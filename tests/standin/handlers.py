"""Handlers of the user, pipeline, project, job and workflow operations.

Insights are in :mod:`~tests.standin.insight_handlers`, run control (pipeline runs,
definitions, continuation, approvals) in :mod:`~tests.standin.run_handlers`, contexts in
:mod:`~tests.standin.context_handlers`; what they share is in :mod:`~tests.standin.handler_kit`.
"""

from __future__ import annotations

import re

from tests.standin import cancelling, engine, wire
from tests.standin.handler_kit import (
    ApiError,
    Ctx,
    Reply,
    body_bool,
    body_string,
    ok,
    op,
    pipeline_parameters,
)
from tests.standin.world import EnvVar, Pipeline, Project, make_checkout_key

ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


# -- User ---------------------------------------------------------------------------


@op("GET", "/me", "getCurrentUser")
def get_current_user(ctx: Ctx) -> Reply:
    """``GET /me``."""
    return ok(wire.user(ctx.world.current_user))


@op("GET", "/me/collaborations", "getCollaborations")
def get_collaborations(ctx: Ctx) -> Reply:
    """``GET /me/collaborations`` (a bare array, not paginated)."""
    return ok([wire.collaboration(c) for c in ctx.world.collaborations])


@op("GET", "/user/{id}", "getUser")
def get_user(ctx: Ctx) -> Reply:
    """``GET /user/{id}``."""
    found = ctx.world.users.get(ctx.uuid_param("id", "User"))
    if found is None:
        raise ApiError(404, "User not found")
    return ok(wire.user(found))


# -- Pipeline -------------------------------------------------------------------


@op("GET", "/pipeline/{pipeline-id}", "getPipelineById")
def get_pipeline(ctx: Ctx) -> Reply:
    """``GET /pipeline/{pipeline-id}``."""
    return ok(wire.pipeline(ctx.world, ctx.pipeline()))


@op("GET", "/pipeline/{pipeline-id}/config", "getPipelineConfigById")
def get_pipeline_config(ctx: Ctx) -> Reply:
    """``GET /pipeline/{pipeline-id}/config``."""
    return ok(wire.pipeline_config(ctx.pipeline()))


@op("GET", "/pipeline/{pipeline-id}/workflow", "listWorkflowsByPipelineId")
def list_pipeline_workflows(ctx: Ctx) -> Reply:
    """``GET /pipeline/{pipeline-id}/workflow`` (newest first)."""
    workflows = sorted(ctx.pipeline().workflows, key=lambda w: w.created_at, reverse=True)
    return ok(ctx.page(workflows, wire.workflow))


def _newest_first(pipelines: list[Pipeline]) -> list[Pipeline]:
    return sorted(pipelines, key=lambda p: p.number, reverse=True)


@op("GET", "/project/{project-slug}/pipeline/mine", "listMyPipelines")
def list_my_pipelines(ctx: Ctx) -> Reply:
    """``GET /project/{slug}/pipeline/mine``: pipelines the current user started."""
    project = ctx.project()
    mine = [p for p in project.pipelines if p.actor_id == ctx.world.current_user_id]
    return ok(ctx.page(_newest_first(mine), lambda p: wire.pipeline(ctx.world, p)))


@op("GET", "/project/{project-slug}/pipeline", "listPipelinesForProject")
def list_pipelines(ctx: Ctx) -> Reply:
    """``GET /project/{slug}/pipeline`` with optional ``branch``."""
    project = ctx.project()
    branch = ctx.query.get("branch") or None
    chosen = [p for p in project.pipelines if branch is None or p.branch == branch]
    return ok(ctx.page(_newest_first(chosen), lambda p: wire.pipeline(ctx.world, p)))


@op("POST", "/project/{project-slug}/pipeline", "triggerPipeline")
def trigger_pipeline(ctx: Ctx) -> Reply:
    """``POST /project/{slug}/pipeline``: create a pipeline with a running workflow."""
    project = ctx.project()
    data = ctx.json_body({"branch", "tag", "parameters"})
    branch, tag = body_string(data, "branch"), body_string(data, "tag")
    if branch is not None and tag is not None:
        raise ApiError(400, "Only one of branch or tag may be given")
    parameters = pipeline_parameters(data)
    created = ctx.world.trigger_pipeline(project, branch, tag, parameters)
    engine.on_triggered(ctx.world, created)
    return ok(wire.pipeline_creation(created), 201)


# -- Project ----------------------------------------------------------------------


@op("GET", "/project/{project-slug}", "getProjectBySlug")
def get_project(ctx: Ctx) -> Reply:
    """``GET /project/{slug}``."""
    return ok(wire.project(ctx.project()))


def _digest(ctx: Ctx) -> str:
    digest = ctx.query.get("digest") or "md5"
    if digest not in ("md5", "sha256"):
        raise ApiError(400, "Query parameter digest must be md5 or sha256")
    return digest


@op("GET", "/project/{project-slug}/checkout-key", "listCheckoutKeys")
def list_checkout_keys(ctx: Ctx) -> Reply:
    """``GET /project/{slug}/checkout-key`` honouring ``digest``."""
    project, digest = ctx.project(), _digest(ctx)
    return ok(ctx.page(project.checkout_keys, lambda k: wire.checkout_key(k, digest)))


def _refresh_preferred(project: Project) -> None:
    """Prefer the newest user key, else the newest deploy key."""
    keys = project.checkout_keys
    for key in keys:
        key.preferred = False
    users = [k for k in keys if k.type == "github-user-key"]
    pool = users or keys
    if pool:
        max(pool, key=lambda k: k.created_at).preferred = True


@op("POST", "/project/{project-slug}/checkout-key", "createCheckoutKey")
def create_checkout_key(ctx: Ctx) -> Reply:
    """``POST /project/{slug}/checkout-key`` with ``{"type": "user-key"|"deploy-key"}``."""
    project = ctx.project()
    data = ctx.json_body({"type"})
    kind = data.get("type")
    if kind not in ("user-key", "deploy-key"):
        raise ApiError(400, "Field type must be user-key or deploy-key")
    wire_type = "github-user-key" if kind == "user-key" else "deploy-key"
    key = make_checkout_key(ctx.world.new_id("key"), wire_type, ctx.world.tick())
    project.checkout_keys.append(key)
    _refresh_preferred(project)
    return ok(wire.checkout_key(key), 201)


def _find_key(ctx: Ctx) -> tuple[Project, int, str]:
    project = ctx.project()
    fingerprint = ctx.params["fingerprint"]
    for index, key in enumerate(project.checkout_keys):
        if fingerprint in (key.md5, key.sha256):
            return project, index, "sha256" if fingerprint == key.sha256 else "md5"
    raise ApiError(404, "Checkout key not found")


@op("GET", "/project/{project-slug}/checkout-key/{fingerprint}", "getCheckoutKey")
def get_checkout_key(ctx: Ctx) -> Reply:
    """``GET /project/{slug}/checkout-key/{fingerprint}`` (md5 or sha256 fingerprint)."""
    project, index, digest = _find_key(ctx)
    return ok(wire.checkout_key(project.checkout_keys[index], digest))


@op("DELETE", "/project/{project-slug}/checkout-key/{fingerprint}", "deleteCheckoutKey")
def delete_checkout_key(ctx: Ctx) -> Reply:
    """``DELETE /project/{slug}/checkout-key/{fingerprint}``."""
    project, index, _ = _find_key(ctx)
    del project.checkout_keys[index]
    _refresh_preferred(project)
    return ok(wire.message("Checkout key deleted."))


@op("GET", "/project/{project-slug}/envvar", "listEnvVars")
def list_env_vars(ctx: Ctx) -> Reply:
    """``GET /project/{slug}/envvar`` (values masked)."""
    variables = sorted(ctx.project().env_vars.values(), key=lambda e: e.name)
    return ok(ctx.page(variables, wire.env_var))


@op("POST", "/project/{project-slug}/envvar", "createEnvVar")
def create_env_var(ctx: Ctx) -> Reply:
    """``POST /project/{slug}/envvar``: create or replace; answers with the masked value."""
    project = ctx.project()
    data = ctx.json_body({"name", "value"})
    name = body_string(data, "name", required=True)
    value = data.get("value")
    if not isinstance(value, str):
        raise ApiError(400, "Field value must be a string")
    assert name is not None
    if not ENV_NAME.match(name):
        raise ApiError(400, "Field name must be a valid environment variable name")
    env = EnvVar(name, value, ctx.world.tick())
    project.env_vars[name] = env
    return ok(wire.env_var(env), 201)


def _env(ctx: Ctx) -> tuple[Project, EnvVar]:
    project = ctx.project()
    found = project.env_vars.get(ctx.params["name"])
    if found is None:
        raise ApiError(404, "Environment variable not found")
    return project, found


@op("GET", "/project/{project-slug}/envvar/{name}", "getEnvVar")
def get_env_var(ctx: Ctx) -> Reply:
    """``GET /project/{slug}/envvar/{name}`` (masked)."""
    return ok(wire.env_var(_env(ctx)[1]))


@op("DELETE", "/project/{project-slug}/envvar/{name}", "deleteEnvVar")
def delete_env_var(ctx: Ctx) -> Reply:
    """``DELETE /project/{slug}/envvar/{name}``."""
    project, env = _env(ctx)
    del project.env_vars[env.name]
    return ok(wire.message("Environment variable deleted."))


# -- Job ------------------------------------------------------------------------------


@op("GET", "/project/{project-slug}/job/{job-number}", "getJobDetails")
def get_job_details(ctx: Ctx) -> Reply:
    """``GET /project/{slug}/job/{n}`` (approval jobs have no number, so they 404)."""
    project, job = ctx.job()
    return ok(wire.job_details(ctx.world, project, job))


@op("POST", "/project/{project-slug}/job/{job-number}/cancel", "cancelJobByJobNumber")
def cancel_job(ctx: Ctx) -> Reply:
    """``POST /project/{slug}/job/{n}/cancel``."""
    _, job = ctx.job()
    cancelling.cancel_job(ctx.world, job)
    return ok(wire.message("Accepted."))


@op("GET", "/project/{project-slug}/{job-number}/artifacts", "getJobArtifacts")
def get_job_artifacts(ctx: Ctx) -> Reply:
    """``GET /project/{slug}/{n}/artifacts``; urls point at the artifact host."""
    _, job = ctx.job()
    base = ctx.host.artifact_base_url
    return ok(ctx.page(job.artifacts, lambda a: wire.artifact(a, job, base)))


@op("GET", "/project/{project-slug}/{job-number}/tests", "getTests")
def get_tests(ctx: Ctx) -> Reply:
    """``GET /project/{slug}/{n}/tests``."""
    _, job = ctx.job()
    return ok(ctx.page(job.tests, wire.test_result))


# -- Workflow ---------------------------------------------------------------------


@op("GET", "/workflow/{id}", "getWorkflowById")
def get_workflow(ctx: Ctx) -> Reply:
    """``GET /workflow/{id}``."""
    return ok(wire.workflow(ctx.workflow()))


@op("GET", "/workflow/{id}/job", "listWorkflowJobs")
def list_workflow_jobs(ctx: Ctx) -> Reply:
    """``GET /workflow/{id}/job``."""
    return ok(ctx.page(ctx.workflow().jobs, wire.job))


@op("POST", "/workflow/{id}/cancel", "cancelWorkflow")
def cancel_workflow(ctx: Ctx) -> Reply:
    """``POST /workflow/{id}/cancel``."""
    cancelling.cancel_workflow(ctx.world, ctx.workflow())
    return ok(wire.message("Accepted."), 202)


@op("POST", "/workflow/{id}/rerun", "rerunWorkflow")
def rerun_workflow(ctx: Ctx) -> Reply:
    """``POST /workflow/{id}/rerun``: create a new workflow."""
    wf = ctx.workflow()
    data = ctx.json_body({"enable_ssh", "from_failed", "jobs", "sparse_tree"})
    from_failed = body_bool(data, "from_failed")
    enable_ssh, sparse_tree = body_bool(data, "enable_ssh"), body_bool(data, "sparse_tree")
    jobs = data.get("jobs")
    if jobs is not None:
        if not isinstance(jobs, list) or not all(isinstance(j, str) for j in jobs):
            raise ApiError(400, "Field jobs must be an array of job ids")
        known = {j.id for j in wf.jobs}
        missing = [j for j in jobs if j not in known]
        if missing:
            raise ApiError(400, f"Job {missing[0]} is not part of the workflow")
        if from_failed:
            raise ApiError(400, "from_failed and jobs cannot be used together")
    if (enable_ssh or sparse_tree) and not jobs:
        raise ApiError(400, "enable_ssh and sparse_tree require jobs")
    new = ctx.world.rerun_workflow(wf, jobs, from_failed)
    return ok({"workflow_id": new.id}, 202)
