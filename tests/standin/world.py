"""In-memory state of the stand-in CircleCI API and its deterministic seed.

Everything is derived from fixed names through ``uuid5`` and from the fixed anchor
``World.now`` (2025-10-15T12:00:00Z), so two calls to :func:`seed_world` build equal worlds.

Seeded facts:

* Current user ``octo-dev`` (``GET /me``) and a second user ``acme-bot`` (null avatar).
  Collaborations: ``acme`` on GitHub (``gh``), ``acme`` on Bitbucket (``bb``, null ``id``)
  and the ``acme-cloud`` CircleCI organization (``circleci``).
* ``gh/acme/widgets`` (default branch ``main``): 95 pipelines, numbers 1..95, pipeline ``n``
  created ``(95 - n) * 25`` hours before ``now`` (so they span about 98 days).

  - branches: ``feature/login`` when ``n % 5 == 0`` (19), ``feature/search`` when
    ``n % 5 == 3`` (19), ``main`` otherwise (57);
  - ``listMyPipelines``: pipelines whose number is not a multiple of 3 were started by
    ``octo-dev`` (64); the other 31 are scheduled pipelines started by ``acme-bot``;
  - pipeline 42 is ``errored`` (config error, no workflows);
  - every other pipeline has a ``build-and-test`` workflow (jobs ``lint``, ``test`` with
    parallelism 2, ``build``); main pipelines whose ``build-and-test`` succeeded also have
    a ``deploy`` workflow (approval job ``hold`` without job number, then ``deploy``);
  - ``build-and-test`` status: 95 running, 92 failing, 23 not_run, 11 unauthorized,
    otherwise by ``n % 10``: 2 failed, 5 canceled, 7 error, anything else success.
    The deploy workflow of pipeline 94 is ``on_hold`` (approval pending).
  - the showcase pipeline is 94 (main, success): its ``test`` job has artifacts on nodes 0
    and 1 and 45 test results; its ``build`` job has 27 artifacts, including the generated
    ``big/blob.bin`` (``SeedFacts.big_artifact_size`` bytes, streamed, never stored).
* ``bb/acme/legacy-app`` (default branch ``master``): 7 pipelines, workflow ``build``.
* ``circleci/<org-id>/<project-id>`` (project ``gizmo``, a GitHub App project): 4 pipelines,
  workflow ``ci``. Its IDs are short, case-sensitive letters and digits, as CircleCI issues.
  Two pipeline definitions: ``build`` (the default, ``.circleci/config.yml``) and ``dynamic``
  (``.circleci/setup.yml``, dynamic config: a ``setup`` workflow, then ``continuePipeline``).
  See :mod:`tests.standin.runcontrol` for how triggering, approving and continuing behave.
* Contexts of the organizations ``gh/acme`` and ``acme-cloud``: see :mod:`tests.standin.contexts`.
* Only with ``seed_world(bulk_pipelines=N)``: ``gh/acme/bulk`` with N pipelines on ``main``
  (no workflows), one a minute, for benchmarks that page through long lists.

Numbers that tests need are in :class:`SeedFacts` (``world.facts``).
"""

from __future__ import annotations

import base64
import hashlib
import threading
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.standin.engine import Engine

from tests.standin.contexts import ContextStore, Owner, seed_contexts

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


@dataclass
class World:
    """All state the stand-in serves. Guard mutations with ``lock``."""

    now: datetime
    current_user_id: str
    users: dict[str, User] = field(default_factory=dict)
    collaborations: list[Collaboration] = field(default_factory=list)
    projects: dict[str, Project] = field(default_factory=dict)
    pipelines: dict[str, Pipeline] = field(default_factory=dict)
    workflows: dict[str, Workflow] = field(default_factory=dict)
    jobs: dict[str, Job] = field(default_factory=dict)
    continuations: dict[str, Continuation] = field(default_factory=dict)
    contexts: ContextStore = field(default_factory=ContextStore)
    facts: SeedFacts = field(default_factory=SeedFacts)
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False, compare=False)
    clock: datetime | None = None
    counter: int = 0
    engine: Engine | None = field(default=None, repr=False, compare=False)
    """Runs triggered pipelines (see :mod:`tests.standin.engine`); set by ``Standin``."""

    @property
    def current_user(self) -> User:
        """Return the user the token belongs to."""
        return self.users[self.current_user_id]

    def tick(self) -> datetime:
        """Advance the world clock by one second and return it (deterministic 'now')."""
        self.clock = (self.clock or self.now) + timedelta(seconds=1)
        return self.clock

    def current_time(self) -> datetime:
        """Return the world clock without advancing it."""
        return self.clock or self.now

    def new_id(self, kind: str) -> str:
        """Return a fresh deterministic id for something created at run time."""
        self.counter += 1
        return make_id(f"runtime:{kind}:{self.counter}")

    def find_project(self, slug: str) -> Project | None:
        """Look a project up by slug, accepting ``github``/``bitbucket`` aliases."""
        parts = slug.split("/")
        if len(parts) != 3 or parts[0].lower() not in VCS_ALIASES:
            return None
        canonical = "/".join([VCS_ALIASES[parts[0].lower()], parts[1], parts[2]])
        return self.projects.get(canonical)

    def find_job(self, project: Project, number: int) -> Job | None:
        """Return the job with ``number`` in ``project``."""
        return project.jobs_by_number.get(number)

    def find_artifact(self, job_id: str, node_index: int, path: str) -> Artifact | None:
        """Return the artifact of a job by node and path."""
        job = self.jobs.get(job_id)
        if job is None:
            return None
        for art in job.artifacts:
            if art.node_index == node_index and art.path == path:
                return art
        return None

    @property
    def big_artifact(self) -> Artifact:
        """Return the generated large artifact of the showcase build job."""
        project = self.projects[WIDGETS]
        job = project.jobs_by_number[self.facts.build_job_number]
        return next(a for a in job.artifacts if a.path == self.facts.big_artifact_path)

    def set_big_artifact_size(self, size: int) -> None:
        """Change the size of the generated large artifact."""
        self.big_artifact.size = size
        self.facts.big_artifact_size = size

    # -- registration helpers -------------------------------------------------

    def add_pipeline(self, project: Project, pipeline: Pipeline) -> None:
        """Register a pipeline with the world and its project."""
        project.pipelines.append(pipeline)
        self.pipelines[pipeline.id] = pipeline

    def add_workflow(self, project: Project, pipeline: Pipeline, wf: Workflow) -> None:
        """Register a workflow and its jobs."""
        pipeline.workflows.append(wf)
        self.workflows[wf.id] = wf
        for job in wf.jobs:
            self.jobs[job.id] = job
            if job.job_number is not None:
                project.jobs_by_number[job.job_number] = job

    def next_job_number(self, project: Project) -> int:
        """Hand out the next job number of a project."""
        number = project.next_job_number
        project.next_job_number += 1
        return number

    # -- mutations ---------------------------------------------------------------

    def trigger_pipeline(
        self,
        project: Project,
        branch: str | None,
        tag: str | None,
        parameters: dict[str, Any],
    ) -> Pipeline:
        """Create a pipeline as ``POST /project/{slug}/pipeline`` does."""
        at = self.tick()
        number = max((p.number for p in project.pipelines), default=0) + 1
        if branch is None and tag is None:
            branch = project.default_branch
        ref = branch if branch is not None else f"tag {tag}"
        pipeline = Pipeline(
            id=self.new_id("pipeline"),
            project_slug=project.slug,
            number=number,
            state="created",
            created_at=at,
            trigger_type="api",
            actor_id=self.current_user_id,
            branch=branch,
            tag=tag,
            revision=hashlib.sha1(f"{project.slug}:{number}".encode()).hexdigest(),
            commit_subject=f"Triggered via API on {ref}",
            commit_body=None,
            trigger_parameters=dict(parameters),
            config_source=config_source(project.slug),
            config_compiled=config_compiled(project.slug),
        )
        self.add_pipeline(project, pipeline)
        wf = Workflow(
            id=self.new_id("workflow"),
            pipeline_id=pipeline.id,
            name=workflow_names(project.slug)[0],
            project_slug=project.slug,
            status="running",
            started_by=self.current_user_id,
            pipeline_number=number,
            created_at=at,
        )
        first = self._new_job(project, wf, "lint", "running", at, numbered=True)
        second = self._new_job(project, wf, "build", "blocked", at, numbered=False)
        second.dependencies = [first.id]
        second.requires = {first.id: ["success"]}
        wf.jobs = [first, second]
        self.add_workflow(project, pipeline, wf)
        return pipeline

    def _new_job(
        self, project: Project, wf: Workflow, name: str, status: str, at: datetime, numbered: bool
    ) -> Job:
        """Build a job for a workflow created at run time."""
        job = Job(
            id=self.new_id("job"),
            name=name,
            type="build",
            status=status,
            project_slug=project.slug,
            workflow_id=wf.id,
            pipeline_id=wf.pipeline_id,
            created_at=at,
        )
        if numbered:
            job.job_number = self.next_job_number(project)
            job.queued_at = at
            if status == "running":
                job.started_at = at
        return job

    def cancel_workflow(self, wf: Workflow) -> None:
        """Cancel a workflow and its unfinished jobs."""
        at = self.tick()
        if wf.status in TERMINAL_WORKFLOW:
            return
        wf.status = "canceled"
        wf.stopped_at = at
        wf.canceled_by = self.current_user_id
        for job in wf.jobs:
            if job.status in ACTIVE_JOB:
                self.cancel_job(job, at)

    def cancel_job(self, job: Job, at: datetime | None = None) -> None:
        """Cancel one job if it has not finished."""
        at = at or self.tick()
        if job.status not in ACTIVE_JOB:
            return
        job.status = "canceled"
        job.canceled_by = self.current_user_id
        if job.started_at is not None:
            job.stopped_at = at

    def rerun_workflow(
        self, wf: Workflow, job_ids: list[str] | None, from_failed: bool
    ) -> Workflow:
        """Create a new workflow re-running ``wf`` (all jobs, failed ones, or chosen ones)."""
        at = self.tick()
        project = self.projects[wf.project_slug]
        pipeline = self.pipelines[wf.pipeline_id]
        new = Workflow(
            id=self.new_id("workflow"),
            pipeline_id=wf.pipeline_id,
            name=wf.name,
            project_slug=wf.project_slug,
            status="running",
            started_by=self.current_user_id,
            pipeline_number=wf.pipeline_number,
            created_at=at,
        )
        id_map: dict[str, str] = {}
        for old in wf.jobs:
            if job_ids is not None:
                rerun = old.id in job_ids
            elif from_failed:
                rerun = old.status not in {"success"}
            else:
                rerun = True
            if rerun:
                waits = bool(old.dependencies)
                job = self._new_job(
                    project, new, old.name, "blocked" if waits else "running", at, not waits
                )
                job.type = old.type
                job.parallelism = old.parallelism
                job.resource_class = old.resource_class
                if old.type == "approval":
                    job.status = "on_hold" if not waits else "blocked"
                    job.approval_request_id = self.new_id("approval")
            else:
                job = Job(**{**old.__dict__, "artifacts": list(old.artifacts)})
                job.id = self.new_id("job")
                job.workflow_id = new.id
            id_map[old.id] = job.id
            new.jobs.append(job)
        for job in new.jobs:
            job.dependencies = [id_map.get(d, d) for d in job.dependencies]
            job.requires = {id_map.get(k, k): v for k, v in job.requires.items()}
        self.add_workflow(project, pipeline, new)
        return new


# -- seed ----------------------------------------------------------------------


def workflow_names(slug: str) -> list[str]:
    """Return the workflow names a project's config declares."""
    if slug == WIDGETS:
        return ["build-and-test", "deploy"]
    if slug == LEGACY:
        return ["build"]
    return ["ci"]


def config_source(slug: str) -> str:
    """Return the (uncompiled) config.yml of a project."""
    return (
        "version: 2.1\n"
        "orbs:\n  node: circleci/node@5.2.0\n"
        f"# project {slug}\n"
        "jobs:\n  lint:\n    executor: node/default\n    steps: [checkout, run: npm run lint]\n"
        "  build:\n    executor: node/default\n    steps: [checkout, run: npm run build]\n"
        "workflows:\n  build-and-test:\n    jobs: [lint, build]\n"
    )


def config_compiled(slug: str) -> str:
    """Return the compiled config of a project (orbs expanded)."""
    return (
        "version: 2\n"
        f"# project {slug}\n"
        "jobs:\n  lint:\n    docker:\n    - image: cimg/node:20.11\n"
        "    steps:\n    - checkout\n    - run:\n        command: npm run lint\n"
        "  build:\n    docker:\n    - image: cimg/node:20.11\n"
        "    steps:\n    - checkout\n    - run:\n        command: npm run build\n"
        "workflows:\n  version: 2\n  build-and-test:\n    jobs:\n    - lint\n    - build:\n"
        "        requires:\n        - lint\n"
    )


def _fingerprints(public_key: str) -> tuple[str, str]:
    """Return the md5 and sha256 fingerprints of an OpenSSH public key line."""
    blob = base64.b64decode(public_key.split()[1])
    md5 = hashlib.md5(blob).hexdigest()
    md5_fp = ":".join(md5[i : i + 2] for i in range(0, 32, 2))
    sha = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    return md5_fp, "SHA256:" + sha


def make_public_key(name: str, need_slash: bool = False) -> str:
    """Build a deterministic (fake) ed25519 public key; optionally one whose sha256 has '/'."""
    n = 0
    while True:
        blob = b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00\x20"
        blob += hashlib.sha256(f"{name}:{n}".encode()).digest()
        key = "ssh-ed25519 " + base64.b64encode(blob).decode() + f" {name}"
        if not need_slash or "/" in _fingerprints(key)[1]:
            return key
        n += 1


def make_checkout_key(name: str, key_type: str, created_at: datetime) -> CheckoutKey:
    """Create a checkout key record."""
    public_key = make_public_key(name, need_slash=True)
    md5_fp, sha_fp = _fingerprints(public_key)
    return CheckoutKey(
        public_key=public_key,
        type=key_type,
        md5=md5_fp,
        sha256=sha_fp,
        preferred=key_type == "github-user-key",
        created_at=created_at,
    )


def text_content(seed: str, lines: int = 12) -> bytes:
    """Return deterministic text bytes for a small artifact."""
    out = [f"# {seed}"]
    for i in range(lines):
        out.append(f"{i:04d} {hashlib.sha256(f'{seed}:{i}'.encode()).hexdigest()}")
    return ("\n".join(out) + "\n").encode()


def _widgets_status(n: int) -> str:
    """Return the build-and-test status of widgets pipeline ``n``."""
    overrides = {95: "running", 92: "failing", 23: "not_run", 11: "unauthorized"}
    if n in overrides:
        return overrides[n]
    return {2: "failed", 5: "canceled", 7: "error"}.get(n % 10, "success")


def _widgets_branch(n: int) -> str:
    """Return the branch of widgets pipeline ``n``."""
    if n % 5 == 0:
        return "feature/login"
    if n % 5 == 3:
        return "feature/search"
    return "main"


class _Seeder:
    """Builds the seeded world step by step."""

    def __init__(self, big_artifact_size: int) -> None:
        self.big_size = big_artifact_size
        me = User(
            make_id("user:octo-dev"),
            "octo-dev",
            "Octo Developer",
            "https://avatars.githubusercontent.com/u/1001?v=4",
        )
        bot = User(make_id("user:acme-bot"), "acme-bot", "Acme Bot", None)
        self.world = World(now=SEED_NOW, current_user_id=me.id)
        self.world.users = {me.id: me, bot.id: bot}
        self.me = me
        self.bot = bot
        self.facts = self.world.facts
        self.facts.big_artifact_size = big_artifact_size

    def build(self, bulk_pipelines: int = 0) -> World:
        """Seed users, projects, pipelines and settings (and the bulk project if asked)."""
        org_cloud = make_id("org:acme-cloud")
        self.world.collaborations = [
            Collaboration(
                make_id("org:gh/acme"),
                "github",
                "acme",
                "https://avatars.githubusercontent.com/u/4242?v=4",
                "gh/acme",
            ),
            Collaboration(
                None, "bitbucket", "acme", "https://bitbucket.org/account/acme/avatar/", "bb/acme"
            ),
            Collaboration(
                org_cloud,
                "circleci",
                "acme-cloud",
                "https://avatars.circleci.com/acme-cloud",
                f"circleci/{make_short_id('org:acme-cloud')}",
            ),
        ]
        widgets = self._project(
            WIDGETS, "widgets", "acme", "GitHub", "main", make_id("org:gh/acme")
        )
        legacy = self._project(LEGACY, "legacy-app", "acme", "Bitbucket", "master", make_id("bb"))
        gizmo_id = make_id("project:gizmo")
        cci_slug = f"circleci/{make_short_id('org:acme-cloud')}/{make_short_id('project:gizmo')}"
        gizmo = self._project(cci_slug, "gizmo", "acme-cloud", "CircleCI", "main", org_cloud)
        gizmo.id = gizmo_id
        self.facts.circleci_slug = cci_slug
        self.facts.circleci_project_id = gizmo_id
        self._definitions(gizmo, "acme-cloud/gizmo")
        for n in range(1, 96):
            self._widgets_pipeline(widgets, n)
        for n in range(1, 8):
            self._simple_pipeline(legacy, n, "master", "build", "success" if n % 3 else "failed")
        for n in range(1, 5):
            self._simple_pipeline(gizmo, n, "main", "ci", "success" if n != 2 else "failed")
        self._settings(widgets, legacy)
        self._contexts()
        if bulk_pipelines > 0:
            bulk = self._project(BULK, "bulk", "acme", "GitHub", "main", make_id("org:gh/acme"))
            for n in range(1, bulk_pipelines + 1):
                created = SEED_NOW - timedelta(minutes=bulk_pipelines - n)
                self._pipeline(bulk, n, "main", created)
        counts: dict[str, int] = {}
        for p in widgets.pipelines:
            counts[p.branch or ""] = counts.get(p.branch or "", 0) + 1
        self.facts.widgets_branch_counts = counts
        self.facts.my_widgets_pipeline_count = sum(
            1 for p in widgets.pipelines if p.actor_id == self.me.id
        )
        return self.world

    def _project(
        self, slug: str, name: str, org: str, provider: str, branch: str, org_id: str
    ) -> Project:
        host = {"GitHub": "github.com", "Bitbucket": "bitbucket.org"}.get(provider)
        url = f"https://{host}/{org}/{name}" if host else f"https://gitlab.com/{org}/{name}"
        project = Project(
            id=make_id(f"project:{slug}"),
            slug=slug,
            name=name,
            organization_name=org,
            organization_slug="/".join(slug.split("/")[:2]),
            organization_id=org_id,
            vcs_url=url,
            provider=provider,
            default_branch=branch,
        )
        self.world.projects[slug] = project
        return project

    def _pipeline(self, project: Project, n: int, branch: str, created: datetime) -> Pipeline:
        by_bot = n % 3 == 0 and project.slug == WIDGETS
        actor = self.bot if by_bot else self.me
        trigger = "scheduled_pipeline" if by_bot else ("api" if n % 7 == 0 else "webhook")
        revision = hashlib.sha1(f"{project.slug}:{n}".encode()).hexdigest()
        pipeline = Pipeline(
            id=make_id(f"pipeline:{project.slug}:{n}"),
            project_slug=project.slug,
            number=n,
            state="created",
            created_at=created,
            trigger_type=trigger,
            actor_id=actor.id,
            branch=branch,
            tag=None,
            revision=revision,
            commit_subject=f"Change number {n} on {branch}",
            commit_body=None if n % 4 else f"Longer description of change {n}.",
            trigger_parameters={
                "git": {"branch": branch, "checkout_sha": revision},
                "circleci": {"event_type": "schedule" if by_bot else "push"},
            },
            config_source=config_source(project.slug),
            config_compiled=config_compiled(project.slug),
        )
        self.world.add_pipeline(project, pipeline)
        return pipeline

    def _job(
        self,
        project: Project,
        wf: Workflow,
        name: str,
        status: str,
        start: datetime | None,
        seconds: int,
        job_type: str = "build",
    ) -> Job:
        """Create a seeded job; jobs that never started get no number."""
        job = Job(
            id=make_id(f"job:{wf.id}:{name}:{len(wf.jobs)}"),
            name=name,
            type=job_type,
            status=status,
            project_slug=project.slug,
            workflow_id=wf.id,
            pipeline_id=wf.pipeline_id,
            created_at=wf.created_at,
        )
        if job_type == "approval":
            job.approval_request_id = make_id(f"approval:{job.id}")
        numbered = job_type == "build" and status not in {"blocked", "not_run"}
        if numbered:
            job.job_number = self.world.next_job_number(project)
            job.queued_at = (start or wf.created_at) - timedelta(seconds=2)
        if status not in {"blocked", "not_run", "queued", "not_running"} and start is not None:
            job.started_at = start
            if status not in {"running", "on_hold"}:
                job.stopped_at = start + timedelta(seconds=seconds)
        if status == "canceled":
            job.canceled_by = self.me.id
        if status == "unauthorized":
            job.stopped_at = job.started_at
        if job_type == "approval" and status == "success":
            job.approved_by = self.me.id
        wf.jobs.append(job)
        return job

    def _workflow(self, pipeline: Pipeline, name: str, status: str, created: datetime) -> Workflow:
        return Workflow(
            id=make_id(f"workflow:{pipeline.id}:{name}"),
            pipeline_id=pipeline.id,
            name=name,
            project_slug=pipeline.project_slug,
            status=status,
            started_by=pipeline.actor_id,
            pipeline_number=pipeline.number,
            created_at=created,
        )

    def _finish(self, project: Project, pipeline: Pipeline, wf: Workflow) -> None:
        """Derive the workflow's stop time from its jobs and register it."""
        if wf.status in TERMINAL_WORKFLOW - {"not_run"}:
            stops = [j.stopped_at for j in wf.jobs if j.stopped_at is not None]
            wf.stopped_at = max(stops) if stops else wf.created_at
        if wf.status == "canceled":
            wf.canceled_by = self.me.id
        if wf.status == "error":
            wf.errored_by = make_id("actor:circleci-system")
        self.world.add_workflow(project, pipeline, wf)

    def _widgets_pipeline(self, project: Project, n: int) -> None:
        created = SEED_NOW - timedelta(hours=25 * (95 - n), minutes=7)
        branch = _widgets_branch(n)
        pipeline = self._pipeline(project, n, branch, created)
        if n == 42:
            pipeline.state = "errored"
            pipeline.errors = [
                {"type": "config", "message": "Config does not conform to schema: jobs.lint"}
            ]
            return
        status = _widgets_status(n)
        wf = self._workflow(pipeline, "build-and-test", status, created + timedelta(seconds=5))
        start = wf.created_at + timedelta(seconds=10)
        d_lint, d_test, d_build = 30 + n % 31, 120 + (n * 37) % 90, 60 + (n * 13) % 45
        lint_status, test_status, build_status = {
            "success": ("success", "success", "success"),
            "failed": (
                "success",
                ["failed", "timedout", "infrastructure_fail"][n // 10 % 3],
                "not_run",
            ),
            "error": ("success", "terminated-unknown", "not_run"),
            "canceled": ("success", "canceled", "not_run"),
            "running": ("success", "running", "blocked"),
            "failing": ("failed", "running", "blocked"),
            "not_run": ("not_run", "not_run", "not_run"),
            "unauthorized": ("unauthorized", "not_run", "not_run"),
        }[status]
        lint = self._job(project, wf, "lint", lint_status, start, d_lint)
        if n == 93:
            retried = self._job(project, wf, "test", "retried", start, d_test // 2)
            retried.parallelism = 2
        test = self._job(project, wf, "test", test_status, start, d_test)
        test.parallelism = 2
        test.resource_class = "large"
        if n == 95:
            self._job(project, wf, "integration", "queued", None, 0)
            self._job(project, wf, "e2e", "not_running", None, 0)
        build_start = start + timedelta(seconds=max(d_lint, d_test) + 2)
        build = self._job(project, wf, "build", build_status, build_start, d_build)
        build.dependencies = [lint.id, test.id]
        build.requires = {lint.id: ["success"], test.id: ["success"]}
        self._seed_outputs(test, build, n)
        self._finish(project, pipeline, wf)
        if n == 95:
            self.facts.running_workflow_id = wf.id
        if branch == "main" and status == "success":
            self._deploy_workflow(project, pipeline, wf, n)

    def _deploy_workflow(
        self, project: Project, pipeline: Pipeline, after: Workflow, n: int
    ) -> None:
        pending = n == 94
        assert after.stopped_at is not None
        dep = self._workflow(
            pipeline, "deploy", "on_hold" if pending else "success", after.stopped_at
        )
        hold = self._job(
            project,
            dep,
            "hold",
            "on_hold" if pending else "success",
            dep.created_at,
            600 + n * 11,
            job_type="approval",
        )
        assert hold.stopped_at is not None or pending
        deploy_start = (hold.stopped_at or dep.created_at) + timedelta(seconds=3)
        deploy = self._job(
            project, dep, "deploy", "blocked" if pending else "success", deploy_start, 45 + n % 40
        )
        deploy.dependencies = [hold.id]
        deploy.requires = {hold.id: ["success"]}
        if pending:
            self.facts.pending_approval_job_id = hold.id
        elif not self.facts.approval_job_id or n > 80:
            self.facts.approval_job_id = hold.id
        self._finish(project, pipeline, dep)

    def _seed_outputs(self, test: Job, build: Job, n: int) -> None:
        """Attach artifacts and test metadata to the test and build jobs."""
        if test.job_number is not None and test.status not in {"running", "queued"}:
            for node in (0, 1):
                for path in ("test-results/junit.xml", f"coverage/node-{node}/coverage.json"):
                    seed = f"{test.id}:{node}:{path}"
                    content = text_content(seed)
                    test.artifacts.append(Artifact(path, node, len(content), content, seed))
            count = 45 if n == 94 else 6
            failing = test.status in {"failed", "timedout", "infrastructure_fail"}
            for i in range(count):
                result = "success"
                message: str | None = None
                if failing and i == 1:
                    result, message = "failure", f"AssertionError: expected {i} got {i + 1}"
                elif i % 9 == 8:
                    result, message = "skipped", "skipped: requires network"
                test.tests.append(
                    TestResult(
                        message=message,
                        source="pytest",
                        run_time=round(0.05 + (i * 7 % 13) / 10, 3),
                        file=f"tests/test_module_{i // 5}.py",
                        result=result,
                        name=f"test_case_{i:02d}",
                        classname=f"tests.test_module_{i // 5}",
                    )
                )
        if build.job_number is not None and build.status == "success":
            paths = [
                f"dist/widgets-1.0.{n}.tar.gz",
                "reports/coverage/index.html",
                "reports/coverage/src/widgets/core.py.html",
                "logs/build.log",
            ]
            if n == 94:
                paths += [f"reports/pages/page-{i:02d}.html" for i in range(22)]
            for path in paths:
                seed = f"{build.id}:0:{path}"
                content = text_content(seed, 40 if path.endswith(".log") else 12)
                build.artifacts.append(Artifact(path, 0, len(content), content, seed))
            if n == 94:
                seed = f"{build.id}:big"
                build.artifacts.append(Artifact("big/blob.bin", 0, self.big_size, None, seed))
                self.facts.build_job_number = build.job_number
                self.facts.two_node_job_number = test.job_number or 0

    def _simple_pipeline(
        self, project: Project, n: int, branch: str, wf_name: str, status: str
    ) -> None:
        created = SEED_NOW - timedelta(days=3 * (8 - n), hours=2)
        pipeline = self._pipeline(project, n, branch, created)
        wf = self._workflow(pipeline, wf_name, status, created + timedelta(seconds=4))
        start = wf.created_at + timedelta(seconds=8)
        self._job(project, wf, "build" if wf_name == "build" else "test", status, start, 90 + n * 7)
        self._finish(project, pipeline, wf)

    def _definitions(self, project: Project, repo: str) -> None:
        """Seed a GitHub App project's two pipeline definitions (``build`` is the default)."""
        created = SEED_NOW - timedelta(days=120)
        external_id = str(int(make_id(f"repo:{repo}")[:8], 16))
        build = PipelineDefinition(
            make_id(f"definition:{project.slug}:build"),
            "build",
            "Builds and tests every push.",
            created,
            ".circleci/config.yml",
            repo,
            external_id,
        )
        dynamic = PipelineDefinition(
            make_id(f"definition:{project.slug}:dynamic"),
            "dynamic",
            "A setup workflow generates the configuration, then continues the pipeline.",
            created + timedelta(days=1),
            ".circleci/setup.yml",
            repo,
            external_id,
            setup=True,
        )
        project.definitions = [build, dynamic]
        self.facts.build_definition_id = build.id
        self.facts.dynamic_definition_id = dynamic.id

    def _contexts(self) -> None:
        """Seed the contexts of the organizations (see ``tests.standin.contexts``)."""
        owners: dict[str, Owner] = {}
        for project in self.world.projects.values():
            org = project.organization_slug
            owners[org] = Owner(project.organization_id, org, project.organization_name)
        project_ids = {slug: project.id for slug, project in self.world.projects.items()}
        seed_contexts(self.world.contexts, list(owners.values()), project_ids, SEED_NOW)

    def _settings(self, widgets: Project, legacy: Project) -> None:
        """Seed env vars and checkout keys."""
        old = SEED_NOW - timedelta(days=400)
        for name, value, created in (
            ("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", old),
            ("DEPLOY_TOKEN", "s3cr3t-f00d", SEED_NOW - timedelta(days=30)),
            ("NPM_TOKEN", "npm_0123456789abcd", None),
            ("SLACK_WEBHOOK", "https://hooks.slack.example/T000/B000/beef", old),
        ):
            widgets.env_vars[name] = EnvVar(name, value, created)
        legacy.env_vars["LEGACY_HOME"] = EnvVar("LEGACY_HOME", "/opt/legacy", None)
        deploy = make_checkout_key("widgets-deploy", "deploy-key", old)
        user = make_checkout_key("widgets-user", "github-user-key", SEED_NOW - timedelta(days=9))
        widgets.checkout_keys = [deploy, user]
        legacy.checkout_keys = [make_checkout_key("legacy-deploy", "deploy-key", old)]
        self.facts.md5_checkout_fingerprint = deploy.md5
        self.facts.sha256_checkout_fingerprint = deploy.sha256


def seed_world(
    big_artifact_size: int = DEFAULT_BIG_ARTIFACT_SIZE, bulk_pipelines: int = 0
) -> World:
    """Build the deterministic seeded world described in the module docstring."""
    return _Seeder(big_artifact_size).build(bulk_pipelines)
