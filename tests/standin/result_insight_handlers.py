"""Handlers of the test insights and organization operations; the numbers come from
:mod:`.result_insights`."""

from __future__ import annotations

from tests.standin import insights, result_insights
from tests.standin.context_handlers import canonical_org_slug
from tests.standin.handler_kit import ApiError, Ctx, Reply, ok, op
from tests.standin.insight_handlers import branch_filter


@op("GET", "/insights/{project-slug}/flaky-tests", "getFlakyTests")
def flaky_tests(ctx: Ctx) -> Reply:
    """``GET /insights/{slug}/flaky-tests``."""
    return ok(result_insights.flaky_tests(ctx.world, ctx.project()))


@op(
    "GET",
    "/insights/{project-slug}/workflows/{workflow-name}/test-metrics",
    "getProjectWorkflowTestMetrics",
)
def test_metrics(ctx: Ctx) -> Reply:
    """``GET /insights/{slug}/workflows/{name}/test-metrics`` with ``branch``/``all-branches``."""
    project = ctx.project()
    branch = branch_filter(ctx, project)
    name = ctx.params["workflow-name"]
    return ok(result_insights.workflow_test_metrics(ctx.world, project, name, branch))


def _org_slug(raw: str) -> str:
    found = canonical_org_slug(raw)
    if found is None:
        raise ApiError(404, "Organization not found")
    return found


@op("GET", "/insights/{org-slug}/summary", "getOrgSummaryData")
def org_summary(ctx: Ctx) -> Reply:
    """``GET /insights/{org-slug}/summary`` with ``reporting-window`` and ``project-names``."""
    org_slug = _org_slug(ctx.params["org-slug"])
    window = ctx.query.get("reporting-window") or "last-90-days"
    if window not in insights.WINDOWS:
        raise ApiError(400, f"reporting-window must be one of {', '.join(insights.WINDOWS)}")
    names = ctx.query_list("project-names")
    body = result_insights.org_summary(ctx.world, org_slug, window, names)
    if body is None:
        raise ApiError(404, "Organization not found")
    return ok(body)


@op("GET", "/insights/{project-slug}/branches", "getAllInsightsBranches")
def branches(ctx: Ctx) -> Reply:
    """``GET /insights/{slug}/branches`` with optional ``workflow-name``."""
    project = ctx.project()
    workflow_name = ctx.query.get("workflow-name") or None
    return ok(result_insights.branches(ctx.world, project, workflow_name))
