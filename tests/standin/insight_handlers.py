"""Handlers of the four insights operations; the metrics come from :mod:`.insights`."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.standin import insights
from tests.standin.handler_kit import (
    ApiError,
    Ctx,
    Reply,
    ok,
    op,
)
from tests.standin.world import Project

# -- Insights ---------------------------------------------------------------------


def branch_filter(ctx: Ctx, project: Project) -> str | None:
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
    return insights.window_for(ctx.world, name, branch_filter(ctx, project))


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
    branch = branch_filter(ctx, project)
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
