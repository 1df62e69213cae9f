"""What the sandbox prints when it starts: where it listens, what to paste, what to try.

The ``export`` lines are meant to be pasted into a POSIX shell as they are: with them, the
``circleci-client`` command and ``AuthenticatedClient.from_env()`` talk to the stand-in and
send the token to its artifact host.
"""

from __future__ import annotations

import shlex
from typing import Protocol

from tests.standin.world import World


class Served(Protocol):
    """What the welcome text reads from a running stand-in."""

    @property
    def base_url(self) -> str: ...

    @property
    def artifact_base_url(self) -> str: ...

    @property
    def foreign_base_url(self) -> str: ...

    @property
    def token(self) -> str: ...

    @property
    def world(self) -> World: ...


def exports(standin: Served) -> list[str]:
    """``export NAME=value`` lines for the token, the API root and the token hosts."""
    values = {
        "CIRCLE_TOKEN": standin.token,
        "CIRCLECI_BASE_URL": standin.base_url,
        "CIRCLECI_TOKEN_HOSTS": standin.artifact_base_url,
    }
    return [f"export {name}={shlex.quote(value)}" for name, value in values.items()]


def _projects(world: World) -> list[str]:
    lines = []
    for slug, project in world.projects.items():
        branches = sorted({p.branch for p in project.pipelines if p.branch})
        shown = ", ".join(branches[:4])
        lines.append(f"  {slug}: {len(project.pipelines)} pipelines (branches: {shown})")
    return lines


def _showcase_workflow(world: World) -> str | None:
    """The id of the showcase pipeline's ``build-and-test`` workflow, if it is there."""
    facts = world.facts
    for workflow in world.workflows.values():
        if (
            workflow.project_slug == facts.widgets_slug
            and workflow.pipeline_number == facts.showcase_pipeline_number
            and workflow.name == "build-and-test"
        ):
            return workflow.id
    return None


def welcome(standin: Served) -> list[str]:
    """Every line printed after start-up, first ``base URL:`` and ``token:``."""
    facts = standin.world.facts
    slug = facts.widgets_slug
    build = standin.world.projects[slug].jobs_by_number[facts.build_job_number]
    lines = [
        f"base URL: {standin.base_url}",
        f"token: {standin.token}",
        f"artifact host: {standin.artifact_base_url}",
        f"foreign host: {standin.foreign_base_url}",
        "",
        "Paste into your shell:",
        *exports(standin),
        "",
        "Projects:",
        *_projects(standin.world),
        "",
        "Jobs with artifacts:",
        f"  {slug} job {facts.build_job_number} (build: {len(build.artifacts)} artifacts, "
        f"{facts.big_artifact_path} among them)",
        f"  {slug} job {facts.two_node_job_number} (test, on 2 nodes)",
        "",
        "Try:",
        f"  circleci-client artifacts list {slug} {facts.build_job_number}",
        f"  circleci-client artifacts download {slug} {facts.two_node_job_number} --dest out",
    ]
    workflow = _showcase_workflow(standin.world)
    if workflow is not None:
        lines.append(f"  circleci-client artifacts download --workflow {workflow} --dest out")
    lines += [
        f"  circleci-client artifacts download {slug} --branch main --dest out",
        f"  circleci-client pipeline trigger {facts.circleci_slug} --wait",
        f"  circleci-client pipeline trigger {facts.circleci_slug} --param fail=true --wait",
        "",
        "Serving until Ctrl-C.",
    ]
    return lines
