"""The stand-in's world: every record it serves, the clock, and lookups.

State changes (triggering, cancelling, re-running, registering) are in
:mod:`tests.standin.changes`; the seed is in :mod:`tests.standin.seeding`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tests.standin.changes import WorldChanges
from tests.standin.contexts import ContextStore
from tests.standin.entities import (
    VCS_ALIASES,
    WIDGETS,
    Artifact,
    Collaboration,
    Continuation,
    Job,
    Pipeline,
    Project,
    SeedFacts,
    User,
    Workflow,
)
from tests.standin.schedules import ScheduleStore, WebhookStore
from tests.standin.usage import UsageStore

if TYPE_CHECKING:
    from tests.standin.engine import Engine


@dataclass
class World(WorldChanges):
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
    schedules: ScheduleStore = field(default_factory=ScheduleStore)
    webhooks: WebhookStore = field(default_factory=WebhookStore)
    usage: UsageStore = field(default_factory=UsageStore)
    project_settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Advanced settings by project ID (see :mod:`tests.standin.settings_handlers`)."""
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

    def current_time(self) -> datetime:
        """Return the world clock without advancing it."""
        return self.clock or self.now

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
