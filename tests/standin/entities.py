"""The records the stand-in serves: users, projects, pipelines, workflows, jobs and the rest.

Plain dataclasses with the few values derived from their own fields (durations, credits),
the constants that name the seeded projects, and the deterministic id helpers.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

NAMESPACE = uuid.UUID("6f2c1d8e-3b0a-5c47-9e21-5a7d4c3b2a10")
SEED_NOW = datetime(2025, 10, 15, 12, 0, 0, tzinfo=UTC)
WIDGETS = "gh/acme/widgets"
LEGACY = "bb/acme/legacy-app"
BULK = "gh/acme/bulk"
DEFAULT_BIG_ARTIFACT_SIZE = 8 * 1024 * 1024
VCS_ALIASES = {"github": "gh", "bitbucket": "bb", "gh": "gh", "bb": "bb", "circleci": "circleci"}
TERMINAL_WORKFLOW = {"success", "failed", "error", "canceled", "unauthorized", "not_run"}
ACTIVE_JOB = {"running", "queued", "not_running", "blocked", "on_hold"}
CREDITS_PER_MINUTE = {"small": 5, "medium": 10, "large": 20}


def make_id(name: str) -> str:
    """Return a deterministic uuid string for ``name``."""
    return str(uuid.uuid5(NAMESPACE, name))


_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def make_short_id(name: str) -> str:
    """A deterministic 22-character ID of letters and digits, the form of GitHub App slugs."""
    number = uuid.uuid5(NAMESPACE, name).int
    digits = []
    for _ in range(22):
        number, digit = divmod(number, 62)
        digits.append(_BASE62[digit])
    return "".join(digits)


def mask_value(value: str) -> str:
    """Mask an env var value the way CircleCI does: ``xxxx`` plus the last four characters."""
    return "xxxx" + value[-4:]


@dataclass
class User:
    """A CircleCI user."""

    id: str
    login: str
    name: str
    avatar_url: str | None


@dataclass
class Collaboration:
    """An organization the current user belongs to."""

    id: str | None
    vcs_type: str
    name: str
    avatar_url: str
    slug: str


@dataclass
class EnvVar:
    """A project environment variable (value stored in clear, served masked)."""

    name: str
    value: str
    created_at: datetime | None


@dataclass
class CheckoutKey:
    """A project checkout key with both fingerprint forms."""

    public_key: str
    type: str
    md5: str
    sha256: str
    preferred: bool
    created_at: datetime


@dataclass
class Artifact:
    """A stored artifact; ``content`` is None for generated (streamed) artifacts."""

    path: str
    node_index: int
    size: int
    content: bytes | None = None
    seed: str = ""


@dataclass
class TestResult:
    """One test-metadata row of a job."""

    message: str | None
    source: str
    run_time: float
    file: str
    result: str
    name: str
    classname: str


@dataclass
class Job:
    """A job of a workflow (build or approval)."""

    id: str
    name: str
    type: str
    status: str
    project_slug: str
    workflow_id: str
    pipeline_id: str
    created_at: datetime
    job_number: int | None = None
    queued_at: datetime | None = None
    started_at: datetime | None = None
    stopped_at: datetime | None = None
    dependencies: list[str] = field(default_factory=list)
    requires: dict[str, list[str]] = field(default_factory=dict)
    approved_by: str | None = None
    canceled_by: str | None = None
    approval_request_id: str | None = None
    parallelism: int = 1
    resource_class: str = "medium"
    artifacts: list[Artifact] = field(default_factory=list)
    tests: list[TestResult] = field(default_factory=list)

    def duration_seconds(self) -> int | None:
        """Return the run time in whole seconds, or None while not finished."""
        if self.started_at is None or self.stopped_at is None:
            return None
        return int((self.stopped_at - self.started_at).total_seconds())

    def credits(self) -> int:
        """Return the credits this job used (per started minute times the class rate)."""
        seconds = self.duration_seconds()
        if seconds is None or self.type == "approval":
            return 0
        minutes = -(-seconds // 60)
        return minutes * CREDITS_PER_MINUTE.get(self.resource_class, 10) * self.parallelism


@dataclass
class PipelineDefinition:
    """A pipeline definition of a project: a config file and the repository it checks out."""

    id: str
    name: str
    description: str
    created_at: datetime
    file_path: str
    repo_full_name: str
    repo_external_id: str
    provider: str = "github_app"
    setup: bool = False
    """Dynamic config: pipelines run a ``setup`` workflow and wait for ``continuePipeline``."""


@dataclass
class Continuation:
    """The continuation key of a pipeline whose setup workflow runs; a key works once."""

    key: str
    pipeline_id: str
    used: bool = False


@dataclass
class Workflow:
    """A workflow run of a pipeline."""

    id: str
    pipeline_id: str
    name: str
    project_slug: str
    status: str
    started_by: str
    pipeline_number: int
    created_at: datetime
    stopped_at: datetime | None = None
    canceled_by: str | None = None
    errored_by: str | None = None
    tag: str | None = None
    jobs: list[Job] = field(default_factory=list)

    def credits(self) -> int:
        """Return the credits used by all jobs of the workflow."""
        return sum(job.credits() for job in self.jobs)


@dataclass
class Pipeline:
    """A pipeline of a project."""

    id: str
    project_slug: str
    number: int
    state: str
    created_at: datetime
    trigger_type: str
    actor_id: str
    branch: str | None
    tag: str | None
    revision: str | None
    commit_subject: str | None
    commit_body: str | None
    trigger_parameters: dict[str, Any] = field(default_factory=dict)
    errors: list[dict[str, str]] = field(default_factory=list)
    config_source: str = ""
    config_compiled: str = ""
    workflows: list[Workflow] = field(default_factory=list)
    definition_id: str | None = None

    @property
    def updated_at(self) -> datetime:
        """Return the latest time anything in the pipeline changed."""
        times = [self.created_at]
        for wf in self.workflows:
            times.append(wf.created_at)
            if wf.stopped_at is not None:
                times.append(wf.stopped_at)
        return max(times)


@dataclass
class Project:
    """A followed project and its settings."""

    id: str
    slug: str
    name: str
    organization_name: str
    organization_slug: str
    organization_id: str
    vcs_url: str
    provider: str
    default_branch: str
    env_vars: dict[str, EnvVar] = field(default_factory=dict)
    checkout_keys: list[CheckoutKey] = field(default_factory=list)
    pipelines: list[Pipeline] = field(default_factory=list)
    jobs_by_number: dict[int, Job] = field(default_factory=dict)
    next_job_number: int = 1
    definitions: list[PipelineDefinition] = field(default_factory=list)


@dataclass
class SeedFacts:
    """Handy facts about the seed for tests."""

    widgets_slug: str = WIDGETS
    legacy_slug: str = LEGACY
    circleci_slug: str = ""
    widgets_pipeline_count: int = 95
    widgets_branch_counts: dict[str, int] = field(default_factory=dict)
    my_widgets_pipeline_count: int = 0
    showcase_pipeline_number: int = 94
    two_node_job_number: int = 0
    build_job_number: int = 0
    big_artifact_path: str = "big/blob.bin"
    big_artifact_size: int = DEFAULT_BIG_ARTIFACT_SIZE
    approval_job_id: str = ""
    pending_approval_job_id: str = ""
    running_workflow_id: str = ""
    sha256_checkout_fingerprint: str = ""
    md5_checkout_fingerprint: str = ""
    circleci_project_id: str = ""
    build_definition_id: str = ""
    dynamic_definition_id: str = ""
    paged_failures_workflow_id: str = ""
    paged_failures_job_number: int = 0
