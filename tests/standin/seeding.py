"""The deterministic seed of the stand-in's world.

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
* Flaky tests and failures past the first page of ``getTests``: see
  :mod:`tests.standin.result_seed`.
* Schedules (and no webhooks): see :mod:`tests.standin.schedules`.
* Only with ``seed_world(bulk_pipelines=N)``: ``gh/acme/bulk`` with N pipelines on ``main``
  (no workflows), one a minute, for benchmarks that page through long lists.

Numbers that tests need are in :class:`SeedFacts` (``world.facts``).
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from tests.standin.contexts import Owner, seed_contexts
from tests.standin.derived import (
    config_compiled,
    config_source,
    make_checkout_key,
    text_content,
)
from tests.standin.entities import (
    BULK,
    DEFAULT_BIG_ARTIFACT_SIZE,
    LEGACY,
    SEED_NOW,
    TERMINAL_WORKFLOW,
    WIDGETS,
    Artifact,
    Collaboration,
    EnvVar,
    Job,
    Pipeline,
    PipelineDefinition,
    Project,
    User,
    Workflow,
    make_id,
    make_short_id,
)
from tests.standin.result_seed import sample_test_result, seed_test_results
from tests.standin.schedules import seed_schedules
from tests.standin.state import World


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
        workflow_id, job_number = seed_test_results(widgets)
        self.facts.paged_failures_workflow_id = workflow_id
        self.facts.paged_failures_job_number = job_number
        seed_schedules(self.world.schedules, WIDGETS, SEED_NOW)
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
                failed = failing and i == 1
                message = f"AssertionError: expected {i} got {i + 1}" if failed else None
                test.tests.append(sample_test_result(i, failed, message))
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
