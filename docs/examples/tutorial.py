"""The API Developer's Guide's end-to-end tutorial, step by step, with circleci-client.

    python -m docs.examples.tutorial                       # against a local stand-in CircleCI
    CIRCLE_TOKEN=... python -m docs.examples.tutorial --live --project gh/you/repo

Without ``--live`` it starts the stand-in server from the test suite, so it needs no account and
no network. With ``--live`` it runs the read-only steps against CircleCI (or the server named by
``CIRCLECI_BASE_URL``) and skips the steps that would trigger pipelines.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from circleci_client import AuthenticatedClient, CircleCIError, NotFoundError
from circleci_client.api.insights import (
    get_project_workflow_job_metrics,
    get_project_workflow_metrics,
    get_project_workflow_runs,
)
from circleci_client.api.job import get_job_artifacts, get_job_details
from circleci_client.api.pipeline import (
    list_pipelines_for_project,
    list_workflows_by_pipeline_id,
    trigger_pipeline,
)
from circleci_client.api.project import get_project_by_slug
from circleci_client.api.user import get_current_user
from circleci_client.api.workflow import list_workflow_jobs
from circleci_client.artifacts import download_job_artifacts
from circleci_client.models.pipeline import Pipeline
from circleci_client.models.trigger_pipeline_parameters import TriggerPipelineParameters
from circleci_client.types import Unset

STANDIN_PROJECT = "gh/acme/widgets"


class StepFailed(Exception):
    """A step did not do what it shows; the tutorial stops with exit status 1."""


def step(out: TextIO, number: int, title: str) -> None:
    """Print a step heading."""
    print(f"\n{number}. {title}", file=out)


def _branch(pipeline: Pipeline) -> str:
    if isinstance(pipeline.vcs, Unset):
        return "-"
    branch = pipeline.vcs.branch
    return branch if isinstance(branch, str) else "-"


def check_token(client: AuthenticatedClient, out: TextIO) -> None:
    """Step 1: who does the token belong to?"""
    step(out, 1, "Check the token (GET /me)")
    me = get_current_user.sync(client=client)
    print(f"   authenticated as {me.login} ({me.name})", file=out)


def list_pipelines(client: AuthenticatedClient, project: str, out: TextIO) -> list[Pipeline]:
    """Step 2: the project's most recent pipelines."""
    step(out, 2, f"List the pipelines of {project}")
    recent = list(list_pipelines_for_project.iter_items(project, client=client, max_items=5))
    for pipeline in recent:
        print(f"   #{pipeline.number:<4} {pipeline.state:<8} {_branch(pipeline)}", file=out)
    return recent


def trigger_pipelines(client: AuthenticatedClient, project: str, out: TextIO) -> None:
    """Steps 3-5: trigger a pipeline plainly, on a branch, and with a pipeline parameter."""
    step(out, 3, "Trigger a pipeline on the default branch")
    plain = trigger_pipeline.sync(project, client=client)
    print(f"   created pipeline #{plain.number} ({plain.state})", file=out)

    step(out, 4, "Trigger a pipeline on a branch")
    on_branch = trigger_pipeline.sync(
        project, client=client, body=TriggerPipelineParameters(branch="feature/login")
    )
    print(f"   created pipeline #{on_branch.number} on feature/login", file=out)

    step(out, 5, "Trigger a pipeline with a pipeline parameter")
    parameters = {"image-tag": "4.8.2"}
    with_parameter = trigger_pipeline.sync(
        project, client=client, body=TriggerPipelineParameters(parameters=parameters)
    )
    print(f"   created pipeline #{with_parameter.number} with image-tag=4.8.2", file=out)


def project_details(client: AuthenticatedClient, project: str, out: TextIO) -> None:
    """Step 6: the project's organization and repository."""
    step(out, 6, "Project details")
    details = get_project_by_slug.sync(project, client=client)
    print(f"   {details.name} in {details.organization_name}", file=out)
    print(f"   {details.vcs_info.provider} {details.vcs_info.vcs_url}", file=out)
    print(f"   default branch: {details.vcs_info.default_branch}", file=out)


def find_job_with_artifacts(
    client: AuthenticatedClient, project: str, pipelines: list[Pipeline]
) -> int | None:
    """The number of the first job of the recent pipelines that stored artifacts."""
    for pipeline in pipelines:
        for workflow in list_workflows_by_pipeline_id.iter_items(pipeline.id, client=client):
            for job in list_workflow_jobs.iter_items(workflow.id, client=client):
                if not isinstance(job.job_number, int):
                    continue  # approval jobs have no number
                artifacts = get_job_artifacts.sync(project, job.job_number, client=client)
                if artifacts.items:
                    return job.job_number
    return None


def job_details(client: AuthenticatedClient, project: str, number: int, out: TextIO) -> None:
    """Step 7: one job's details."""
    step(out, 7, f"Job details of job {number}")
    job = get_job_details.sync(project, number, client=client)
    print(f"   {job.name}: {job.status}, executor {job.executor.resource_class}", file=out)
    seconds = f"{job.duration / 1000:.0f}s" if isinstance(job.duration, int) else "still running"
    print(f"   workflow {job.latest_workflow.name}, duration {seconds}", file=out)


def download_artifacts(client: AuthenticatedClient, project: str, number: int, out: TextIO) -> None:
    """Step 8: list a job's artifacts, then download them all (streamed, checked, in parallel)."""
    step(out, 8, f"Artifacts of job {number}")
    listed = list(get_job_artifacts.iter_items(project, number, client=client))
    print(f"   {len(listed)} artifacts", file=out)
    with tempfile.TemporaryDirectory() as folder:
        report = download_job_artifacts(client, project, number, folder)
        for result in report.files:
            if result.destination is None or result.error is not None:
                continue  # failures are listed by the summary, with their reasons
            relative = result.destination.relative_to(folder).as_posix()
            print(f"   {result.status.value:<10} {relative} ({result.size} bytes)", file=out)
        print(f"   {report.summary()}", file=out)
    if not report.ok:
        raise StepFailed(f"step 8: {len(report.failed)} of {len(report.files)} artifacts failed")


def insights(client: AuthenticatedClient, project: str, out: TextIO) -> None:
    """Steps 9-11: workflow metrics, one workflow's recent runs, and its jobs' metrics."""
    step(out, 9, "Workflow metrics (last 90 days, all branches)")
    metrics = list(
        get_project_workflow_metrics.iter_items(project, client=client, all_branches=True)
    )
    for item in metrics:
        m = item.metrics
        print(
            f"   {item.name}: {m.total_runs} runs, {m.success_rate:.0%} successful, "
            f"median {m.duration_metrics.median}s",
            file=out,
        )
    if not metrics:
        print("   no workflow has run in the window", file=out)
        return
    name = metrics[0].name

    step(out, 10, f"Recent runs of {name}")
    runs = get_project_workflow_runs.iter_items(project, name, client=client, all_branches=True)
    for run in list(runs)[:5]:
        status = run.status or "running"
        duration = "-" if run.duration is None else f"{run.duration}s"
        print(f"   {run.created_at:%Y-%m-%d %H:%M} {status:<9} {duration:>6}  {run.id}", file=out)

    step(out, 11, f"Job metrics of {name}")
    for job in get_project_workflow_job_metrics.iter_items(project, name, client=client):
        p95 = job.metrics.duration_metrics.p95
        print(f"   {job.name}: {job.metrics.total_runs} runs, p95 {p95}s", file=out)


def run(client: AuthenticatedClient, project: str, out: TextIO, *, live: bool = False) -> None:
    """Every step of the tutorial, in order."""
    check_token(client, out)
    pipelines = list_pipelines(client, project, out)
    if live:
        print("\n3-5. (live: skipping the steps that trigger pipelines)", file=out)
    else:
        trigger_pipelines(client, project, out)
    project_details(client, project, out)
    number = find_job_with_artifacts(client, project, pipelines)
    if number is None:
        print("\n7-8. no recent job stored artifacts", file=out)
    else:
        job_details(client, project, number, out)
        download_artifacts(client, project, number, out)
    insights(client, project, out)
    print("\nDone.", file=out)


@contextmanager
def standin_client() -> Iterator[AuthenticatedClient]:
    """Start the stand-in CircleCI from the test suite and yield a client for it."""
    from tests.clients import standin_client as make_client
    from tests.standin import Standin

    with Standin() as standin, make_client(standin) as client:
        print(f"Started a stand-in CircleCI at {standin.base_url}")
        yield client


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The API guide's tutorial, in Python.")
    parser.add_argument("--live", action="store_true", help="use CircleCI and CIRCLE_TOKEN")
    parser.add_argument("--project", help="project slug (default: the stand-in's gh/acme/widgets)")
    args = parser.parse_args(argv)
    try:
        if args.live:
            if not args.project:
                parser.error("--live needs --project, e.g. --project gh/your-org/your-repo")
            with AuthenticatedClient.from_env() as client:
                run(client, args.project, sys.stdout, live=True)
        else:
            with standin_client() as client:
                run(client, args.project or STANDIN_PROJECT, sys.stdout)
    except NotFoundError as error:
        print(f"\nNot found: {error.message}. Check the project slug and use a personal token.")
        return 1
    except (CircleCIError, StepFailed) as error:
        print(f"\nThe tutorial stopped: {error}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
