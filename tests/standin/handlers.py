"""Handlers of the 37 operations. Each takes a :class:`Ctx` and returns a :class:`Reply`."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol, TypeVar

from tests.standin import engine, insights, runcontrol, wire
from tests.standin.routing import Route
from tests.standin.tokens import BadPageToken, PageTokens
from tests.standin.world import (
    EnvVar,
    Job,
    Pipeline,
    Project,
    Workflow,
    World,
    make_checkout_key,
)

T = TypeVar("T")
JSON = dict[str, Any]
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class ApiError(Exception):
    """An error answered as ``{"message": ...}`` with ``status``."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Reply:
    """A JSON response to send."""

    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


class ApiHost(Protocol):
    """What handlers need from the server object."""

    @property
    def world(self) -> World: ...

    @property
    def page_size(self) -> int: ...

    @property
    def page_tokens(self) -> PageTokens: ...

    @property
    def artifact_base_url(self) -> str: ...


@dataclass
class Ctx:
    """One API request as handlers see it."""

    host: ApiHost
    method: str
    operation: str
    params: dict[str, str]
    query: dict[str, str]
    body: bytes

    @property
    def world(self) -> World:
        """Return the current world."""
        return self.host.world

    # -- lookups (404s) ---------------------------------------------------------

    def project(self) -> Project:
        """Return the project of the ``project-slug`` parameter or raise 404."""
        found = self.world.find_project(self.params["project-slug"])
        if found is None:
            raise ApiError(404, "Project not found")
        return found

    def _uuid(self, name: str, what: str) -> str:
        value = self.params[name]
        try:
            return str(uuid.UUID(value))
        except ValueError:
            raise ApiError(404, f"{what} not found") from None

    def pipeline(self) -> Pipeline:
        """Return the pipeline of ``pipeline-id`` or raise 404."""
        found = self.world.pipelines.get(self._uuid("pipeline-id", "Pipeline"))
        if found is None:
            raise ApiError(404, "Pipeline not found")
        return found

    def workflow(self) -> Workflow:
        """Return the workflow of ``id`` or raise 404."""
        found = self.world.workflows.get(self._uuid("id", "Workflow"))
        if found is None:
            raise ApiError(404, "Workflow not found")
        return found

    def job(self) -> tuple[Project, Job]:
        """Return the project and job of ``job-number`` or raise 404."""
        project = self.project()
        raw = self.params["job-number"]
        found = self.world.find_job(project, int(raw)) if raw.isdigit() else None
        if found is None:
            raise ApiError(404, "Job not found")
        return project, found

    # -- query and body -------------------------------------------------------------

    def flag(self, name: str) -> bool | None:
        """Return a boolean query parameter (None when absent), 400 when not a boolean."""
        value = self.query.get(name)
        if value is None:
            return None
        if value.lower() not in ("true", "false"):
            raise ApiError(400, f"Query parameter {name} must be true or false")
        return value.lower() == "true"

    def json_body(self, allowed: set[str]) -> JSON:
        """Parse an optional JSON object body; 400 on bad JSON or unexpected fields."""
        if not self.body.strip():
            return {}
        try:
            data = json.loads(self.body)
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "Request body is not valid JSON") from None
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise ApiError(400, "Request body must be a JSON object")
        unexpected = sorted(set(data) - allowed)
        if unexpected:
            raise ApiError(400, f"Unexpected request body field(s): {', '.join(unexpected)}")
        return data

    def page(self, items: Sequence[T], serialize: Callable[[T], Any]) -> JSON:
        """Return one ``{items, next_page_token}`` page; tokens are bound to the query."""
        query = {k: v for k, v in self.query.items() if k != "page-token"}
        key = "|".join(
            [self.operation]
            + [f"{k}={v}" for k, v in sorted(self.params.items())]
            + [f"{k}={v}" for k, v in sorted(query.items())]
        )
        token = self.query.get("page-token") or ""
        try:
            offset = self.host.page_tokens.decode(token, key) if token else 0
        except BadPageToken as exc:
            raise ApiError(400, f"Invalid page-token: {exc}") from None
        size = self.host.page_size
        chunk = items[offset : offset + size]
        more = offset + size < len(items)
        return {
            "items": [serialize(item) for item in chunk],
            "next_page_token": self.host.page_tokens.encode(offset + size, key) if more else None,
        }


def _string(data: JSON, name: str, required: bool = False) -> str | None:
    """Return a string body field; 400 when it has another type or is missing."""
    value = data.get(name)
    if value is None:
        if required:
            raise ApiError(400, f"Field {name} is required")
        return None
    if not isinstance(value, str) or (required and not value):
        raise ApiError(400, f"Field {name} must be a non-empty string")
    return value


def _bool(data: JSON, name: str) -> bool:
    """Return an optional boolean body field (False when absent)."""
    value = data.get(name, False)
    if not isinstance(value, bool):
        raise ApiError(400, f"Field {name} must be a boolean")
    return value


def _pipeline_parameters(data: JSON) -> dict[str, Any]:
    """Return the ``parameters`` body field: an object of strings, integers and booleans."""
    parameters = data.get("parameters") or {}
    if not isinstance(parameters, dict):
        raise ApiError(400, "Field parameters must be an object")
    for name, value in parameters.items():
        if not isinstance(value, str | int | bool) or isinstance(value, float):
            raise ApiError(400, f"Pipeline parameter {name} must be a string, integer or boolean")
    return parameters


ROUTES: list[Route] = []
Handler = Callable[[Ctx], Reply]


def op(method: str, template: str, operation: str) -> Callable[[Handler], Handler]:
    """Register a handler for ``method template`` under its operationId."""

    def register(fn: Handler) -> Handler:
        ROUTES.append(Route(method, template, operation, fn))
        return fn

    return register


def ok(body: Any, status: int = 200) -> Reply:
    """Build a success reply."""
    return Reply(status, body)


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
    found = ctx.world.users.get(ctx._uuid("id", "User"))
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
    branch, tag = _string(data, "branch"), _string(data, "tag")
    if branch is not None and tag is not None:
        raise ApiError(400, "Only one of branch or tag may be given")
    parameters = _pipeline_parameters(data)
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
    name = _string(data, "name", required=True)
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
    ctx.world.cancel_job(job)
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
    ctx.world.cancel_workflow(ctx.workflow())
    return ok(wire.message("Accepted."), 202)


@op("POST", "/workflow/{id}/rerun", "rerunWorkflow")
def rerun_workflow(ctx: Ctx) -> Reply:
    """``POST /workflow/{id}/rerun``: create a new workflow."""
    wf = ctx.workflow()
    data = ctx.json_body({"enable_ssh", "from_failed", "jobs", "sparse_tree"})
    from_failed = _bool(data, "from_failed")
    enable_ssh, sparse_tree = _bool(data, "enable_ssh"), _bool(data, "sparse_tree")
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


# -- Insights ---------------------------------------------------------------------


def _branch(ctx: Ctx, project: Project) -> str | None:
    """Return the branch filter: ``branch``, all branches, or the default branch."""
    all_branches = ctx.flag("all-branches")
    branch = ctx.query.get("branch") or None
    if all_branches and branch is not None:
        raise ApiError(400, "Use either branch or all-branches, not both")
    if all_branches:
        return None
    return branch or project.default_branch


def _window(ctx: Ctx, project: Project) -> insights.Window:
    name = ctx.query.get("reporting-window") or "last-90-days"
    if name not in insights.WINDOWS:
        raise ApiError(400, f"reporting-window must be one of {', '.join(insights.WINDOWS)}")
    return insights.window_for(ctx.world, name, _branch(ctx, project))


def _date(ctx: Ctx, name: str) -> datetime | None:
    value = ctx.query.get(name)
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"Query parameter {name} must be a date-time") from None
    if parsed.tzinfo is None:
        raise ApiError(400, f"Query parameter {name} needs a time zone")
    return parsed


@op("GET", "/insights/{project-slug}/workflows", "getProjectWorkflowMetrics")
def insights_workflows(ctx: Ctx) -> Reply:
    """``GET /insights/{slug}/workflows``."""
    project = ctx.project()
    window = _window(ctx, project)
    items = insights.project_workflow_metrics(ctx.world, project, window)
    return ok(ctx.page(items, lambda item: item))


@op("GET", "/insights/{project-slug}/workflows/{workflow-name}", "getProjectWorkflowRuns")
def insights_runs(ctx: Ctx) -> Reply:
    """``GET /insights/{slug}/workflows/{name}`` with ``start-date``/``end-date``."""
    project = ctx.project()
    branch = _branch(ctx, project)
    start, end = _date(ctx, "start-date"), _date(ctx, "end-date")
    if end is not None and start is None:
        raise ApiError(400, "end-date requires start-date")
    if start is not None and end is not None:
        if end <= start:
            raise ApiError(400, "end-date must be after start-date")
        if end - start > timedelta(days=90):
            raise ApiError(400, "end-date may be at most 90 days after start-date")
    default = insights.window_for(ctx.world, "last-90-days", branch)
    window = insights.Window(start or default.start, end or default.end, branch)
    runs = insights.workflow_runs(ctx.world, project, ctx.params["workflow-name"], window)
    pipelines = ctx.world.pipelines
    return ok(
        ctx.page(
            runs,
            lambda wf: insights.run_item(wf, pipelines[wf.pipeline_id].branch),
        )
    )


@op(
    "GET", "/insights/{project-slug}/workflows/{workflow-name}/jobs", "getProjectWorkflowJobMetrics"
)
def insights_jobs(ctx: Ctx) -> Reply:
    """``GET /insights/{slug}/workflows/{name}/jobs`` with optional ``job-name``."""
    project = ctx.project()
    window = _window(ctx, project)
    runs = insights.workflow_runs(ctx.world, project, ctx.params["workflow-name"], window)
    job_name = ctx.query.get("job-name") or None
    items = insights.job_metrics(runs, window, job_name)
    return ok(ctx.page(items, lambda item: item))


@op("GET", "/insights/{project-slug}/workflows/{workflow-name}/summary", "getWorkflowSummary")
def insights_summary(ctx: Ctx) -> Reply:
    """``GET /insights/{slug}/workflows/{name}/summary``."""
    project = ctx.project()
    window = _window(ctx, project)
    name = ctx.params["workflow-name"]
    return ok(insights.workflow_summary(ctx.world, project, name, window))


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
    ref = runcontrol.Ref(_string(value, "branch"), _string(value, "tag"))
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
    definition_id = _string(data, "definition_id")
    if definition_id is not None:
        try:
            definition_id = str(uuid.UUID(definition_id))
        except ValueError:
            raise ApiError(400, "Field definition_id must be a UUID") from None
    definition = runcontrol.find_definition(project, definition_id)
    if definition_id is not None and definition is None:
        raise ApiError(404, "Pipeline definition not found")
    config, checkout = _ref(data, "config"), _ref(data, "checkout")
    parameters = _pipeline_parameters(data)
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
    key = _string(data, "continuation-key", required=True)
    configuration = _string(data, "configuration", required=True)
    parameters = _pipeline_parameters(data)
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
    job = ctx.world.jobs.get(ctx._uuid("job-id", "Job"))
    if job is None:
        raise ApiError(404, "Job not found")
    ctx.world.cancel_job(job)
    return ok(wire.message("Accepted."))


@op(
    "POST",
    "/workflow/{id}/approve/{approval_request_id}",
    "approvePendingApprovalJobById",
)
def approve_job(ctx: Ctx) -> Reply:
    """``POST /workflow/{id}/approve/{approval_request_id}``: 404 unknown, 400 not on hold."""
    workflow = ctx.workflow()
    request_id = ctx._uuid("approval_request_id", "Approval request")
    job = runcontrol.approval_job(workflow, request_id)
    if job is None:
        raise ApiError(404, "Approval request not found")
    if job.status != "on_hold":
        raise ApiError(400, f"Job {job.name} is not on hold")
    runcontrol.approve(ctx.world, workflow, job)
    return ok(wire.message("Accepted."), 202)
