"""Schedules and outbound webhooks in the stand-in world: state only.

The HTTP side and its rules are in :mod:`tests.standin.schedule_handlers` and
:mod:`tests.standin.webhook_handlers`; deliveries in :mod:`tests.standin.webhook_delivery`. This
module imports nothing from the rest of the stand-in, so ``state`` can hold the stores
(``World.schedules``, ``World.webhooks``).

Seeded (see :func:`seed_schedules`): the project ``gh/acme/widgets`` has one schedule,
``nightly`` (01:00 UTC on weekdays, branch ``main``, attributed to the scheduling system). No
project has a webhook, so nothing is delivered until a test registers one.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

NAMESPACE = uuid.UUID("5b0e2f44-93f1-4c5d-8a57-0c1e6b7d2a93")
SYSTEM_ACTOR_ID = "d9b3fcaa-6032-405a-8c75-40079ce33c3e"
"""The ID CircleCI's scheduling system has as the actor of a ``system`` schedule."""
MAX_WEBHOOKS_PER_PROJECT = 5
"""CircleCI's limit of outbound webhooks per project."""


def schedule_id_for(project_slug: str, name: str) -> str:
    """The ID of a seeded schedule."""
    return str(uuid.uuid5(NAMESPACE, f"schedule:{project_slug}:{name}"))


@dataclass
class StoredSchedule:
    """A schedule of a project; ``actor_id`` is a user's ID or :data:`SYSTEM_ACTOR_ID`."""

    id: str
    project_slug: str
    name: str
    description: str | None
    timetable: dict[str, Any]
    parameters: dict[str, Any]
    actor_id: str
    created_at: datetime
    updated_at: datetime


@dataclass
class StoredWebhook:
    """An outbound webhook of a project. The secret is stored and never served in clear."""

    id: str
    project_id: str
    name: str
    url: str
    events: list[str]
    verify_tls: bool
    signing_secret: str
    created_at: datetime
    updated_at: datetime


@dataclass
class ScheduleStore:
    """Every schedule of the world (``World.schedules``)."""

    schedules: dict[str, StoredSchedule] = field(default_factory=dict)
    counter: int = 0

    def new_id(self) -> str:
        """A fresh deterministic ID for a schedule created at run time."""
        self.counter += 1
        return str(uuid.uuid5(NAMESPACE, f"runtime:schedule:{self.counter}"))

    def of_project(self, project_slug: str) -> list[StoredSchedule]:
        """A project's schedules, oldest first."""
        found = [s for s in self.schedules.values() if s.project_slug == project_slug]
        return sorted(found, key=lambda s: (s.created_at, s.id))


@dataclass
class WebhookStore:
    """Every outbound webhook of the world (``World.webhooks``)."""

    webhooks: dict[str, StoredWebhook] = field(default_factory=dict)
    counter: int = 0

    def new_id(self) -> str:
        """A fresh deterministic ID for a webhook created at run time."""
        self.counter += 1
        return str(uuid.uuid5(NAMESPACE, f"runtime:webhook:{self.counter}"))

    def of_project(self, project_id: str) -> list[StoredWebhook]:
        """A project's webhooks, oldest first."""
        found = [w for w in self.webhooks.values() if w.project_id == project_id]
        return sorted(found, key=lambda w: (w.created_at, w.id))


def seed_schedules(store: ScheduleStore, widgets_slug: str, now: datetime) -> None:
    """Seed the schedule the module docstring lists."""
    created = now - timedelta(days=60)
    nightly = StoredSchedule(
        id=schedule_id_for(widgets_slug, "nightly"),
        project_slug=widgets_slug,
        name="nightly",
        description="Nightly build of main.",
        timetable={
            "per-hour": 1,
            "hours-of-day": [1],
            "days-of-week": ["MON", "TUE", "WED", "THU", "FRI"],
        },
        parameters={"branch": "main"},
        actor_id=SYSTEM_ACTOR_ID,
        created_at=created,
        updated_at=created,
    )
    store.schedules[nightly.id] = nightly
