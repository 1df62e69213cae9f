"""Handlers of the two project settings operations, registered with the stand-in's routes on import.

The stand-in's rules, which tests rely on (state in ``World.project_settings``, by project ID):

* **Project.** The slug's three parts arrive as three path segments; ``github``/``bitbucket``
  are aliases as elsewhere. An unknown project is 404.
* **Defaults.** Every project starts with :data:`DEFAULTS` (``set_github_status`` on, the rest
  off) and ``pr_only_branch_overrides`` holding its default branch.
* **Changes.** ``PATCH`` takes ``{"advanced": {...}}`` with any of the settings: each named
  boolean must be ``true`` or ``false`` and ``pr_only_branch_overrides`` a list of non-empty
  branch names (400 otherwise, and nothing changes); the list replaces the old one. Settings
  not named stay as they are; fields the stand-in does not know are ignored. A body without
  ``advanced`` changes nothing. The answer is every setting after the change. The token's user
  is an admin of every seeded organization, so ``write_settings_requires_admin`` is stored but
  never refuses a change.
"""

from __future__ import annotations

import copy
from typing import Any

from tests.standin.handler_kit import JSON, ApiError, Ctx, Reply, ok, op
from tests.standin.world import Project

BOOLEAN_SETTINGS = (
    "autocancel_builds",
    "build_fork_prs",
    "build_prs_only",
    "disable_ssh",
    "forks_receive_secret_env_vars",
    "oss",
    "set_github_status",
    "setup_workflows",
    "write_settings_requires_admin",
)
DEFAULTS: dict[str, bool] = {name: name == "set_github_status" for name in BOOLEAN_SETTINGS}
BRANCHES = "pr_only_branch_overrides"


def _project(ctx: Ctx) -> Project:
    slug = "/".join(ctx.params[name] for name in ("provider", "organization", "project"))
    project = ctx.world.find_project(slug)
    if project is None:
        raise ApiError(404, "Project not found")
    return project


def settings_of(ctx: Ctx, project: Project) -> JSON:
    """The project's stored advanced settings, made from the defaults on first use."""
    stored: dict[str, JSON] = ctx.world.project_settings
    if project.id not in stored:
        stored[project.id] = {**DEFAULTS, BRANCHES: [project.default_branch]}
    return stored[project.id]


def _checked_change(data: Any) -> JSON:
    """The settings a PATCH body names, checked; 400 on a wrong type."""
    if not isinstance(data, dict):
        raise ApiError(400, 'Request body must be a JSON object such as {"advanced": {...}}')
    advanced = data.get("advanced", {})
    if not isinstance(advanced, dict):
        raise ApiError(400, "Field advanced must be an object")
    change: JSON = {}
    for name in BOOLEAN_SETTINGS:
        if name in advanced:
            if not isinstance(advanced[name], bool):
                raise ApiError(400, f"Field advanced.{name} must be true or false")
            change[name] = advanced[name]
    if BRANCHES in advanced:
        branches = advanced[BRANCHES]
        if not isinstance(branches, list) or not all(
            isinstance(branch, str) and branch for branch in branches
        ):
            raise ApiError(400, f"Field advanced.{BRANCHES} must be a list of branch names")
        change[BRANCHES] = list(branches)
    return change


@op("GET", "/project/{provider}/{organization}/{project}/settings", "getProjectSettings")
def get_project_settings(ctx: Ctx) -> Reply:
    """``GET /project/{provider}/{org}/{project}/settings``."""
    return ok({"advanced": copy.deepcopy(settings_of(ctx, _project(ctx)))})


@op("PATCH", "/project/{provider}/{organization}/{project}/settings", "patchProjectSettings")
def patch_project_settings(ctx: Ctx) -> Reply:
    """``PATCH /project/{provider}/{org}/{project}/settings``: change the named settings."""
    project = _project(ctx)
    change = _checked_change(ctx.json_value())
    current = settings_of(ctx, project)
    current.update(change)
    return ok({"advanced": copy.deepcopy(current)})
