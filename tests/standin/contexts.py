"""Contexts in the stand-in world: owners, contexts, write-only variables and restrictions.

This module holds state only (``World.contexts``); the HTTP side and the rules it enforces are in
:mod:`tests.standin.context_handlers`. It imports nothing from the rest of the stand-in, so
``world`` can hold a :class:`ContextStore` without an import cycle.

Seeded contexts (see :func:`seed_contexts`), all IDs derived from fixed names:

* organization ``gh/acme``: ``org-global`` (``AWS_REGION``, ``NPM_TOKEN``) and ``deploy-prod``
  (``DEPLOY_KEY``, ``SLACK_WEBHOOK``), restricted to the project ``widgets`` and to the
  expression ``pipeline.git.branch == "main"``;
* the CircleCI organization ``acme-cloud``: ``gizmo-secrets`` (``GIZMO_API_KEY``);
* organization ``bb/acme``: none.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

NAMESPACE = uuid.UUID("0d1c7a52-54c4-4c6e-9c0f-3d1f8a6b2e71")
MAX_VARIABLES_PER_CONTEXT = 100
"""CircleCI's limit of environment variables per context."""
MAX_CONTEXTS_PER_OWNER = 500
"""CircleCI's limit of contexts per organization."""


def context_id_for(owner_slug: str, name: str) -> str:
    """The ID of a seeded context."""
    return str(uuid.uuid5(NAMESPACE, f"context:{owner_slug}:{name}"))


@dataclass
class Owner:
    """An organization that can own contexts."""

    id: str
    slug: str
    name: str


@dataclass
class ContextVariable:
    """A context's environment variable. The value is stored and never served."""

    name: str
    value: str
    created_at: datetime
    updated_at: datetime


@dataclass
class Restriction:
    """A rule on who may use a context."""

    id: str
    type: str
    value: str
    name: str
    project_id: str | None = None


@dataclass
class StoredContext:
    """A context with its variables and restrictions."""

    id: str
    name: str
    owner_id: str
    created_at: datetime
    variables: dict[str, ContextVariable] = field(default_factory=dict)
    restrictions: list[Restriction] = field(default_factory=list)


@dataclass
class ContextStore:
    """Every owner and context of the world."""

    owners: dict[str, Owner] = field(default_factory=dict)
    contexts: dict[str, StoredContext] = field(default_factory=dict)
    counter: int = 0

    def new_id(self, kind: str) -> str:
        """A fresh deterministic ID for something created at run time."""
        self.counter += 1
        return str(uuid.uuid5(NAMESPACE, f"runtime:{kind}:{self.counter}"))

    def owner_by_slug(self, slug: str) -> Owner | None:
        """The owner with this (canonical) slug."""
        return next((o for o in self.owners.values() if o.slug == slug), None)

    def of_owner(self, owner_id: str) -> list[StoredContext]:
        """An owner's contexts, oldest first (then by name)."""
        found = [c for c in self.contexts.values() if c.owner_id == owner_id]
        return sorted(found, key=lambda c: (c.created_at, c.name))

    def named(self, owner_id: str, name: str) -> StoredContext | None:
        """The owner's context with this name."""
        return next((c for c in self.of_owner(owner_id) if c.name == name), None)

    def create(self, owner: Owner, name: str, at: datetime, context_id: str = "") -> StoredContext:
        """Add a context."""
        created = StoredContext(context_id or self.new_id("context"), name, owner.id, at)
        self.contexts[created.id] = created
        return created

    def put_variable(
        self, context: StoredContext, name: str, value: str, at: datetime
    ) -> ContextVariable:
        """Create the variable or replace its value (``created_at`` stays)."""
        existing = context.variables.get(name)
        if existing is None:
            existing = context.variables[name] = ContextVariable(name, value, at, at)
        else:
            existing.value, existing.updated_at = value, at
        return existing


def seed_contexts(
    store: ContextStore, owners: list[Owner], project_ids: dict[str, str], now: datetime
) -> None:
    """Seed the owners and the contexts the module docstring lists.

    ``project_ids`` maps project slugs (``gh/acme/widgets``) to project IDs.
    """
    for owner in owners:
        store.owners[owner.id] = owner
    day = timedelta(days=1)
    acme = store.owner_by_slug("gh/acme")
    if acme is not None:
        org_global = store.create(
            acme, "org-global", now - 300 * day, context_id_for(acme.slug, "org-global")
        )
        store.put_variable(org_global, "AWS_REGION", "eu-west-1", now - 300 * day)
        store.put_variable(org_global, "NPM_TOKEN", "npm_seeded_0123", now - 200 * day)
        store.put_variable(org_global, "NPM_TOKEN", "npm_rotated_4567", now - 20 * day)
        deploy = store.create(
            acme, "deploy-prod", now - 100 * day, context_id_for(acme.slug, "deploy-prod")
        )
        store.put_variable(deploy, "DEPLOY_KEY", "dk-prod-secret", now - 100 * day)
        store.put_variable(deploy, "SLACK_WEBHOOK", "https://hooks.example/prod", now - 90 * day)
        widgets = project_ids.get("gh/acme/widgets")
        if widgets is not None:
            deploy.restrictions.append(
                Restriction(store.new_id("restriction"), "project", widgets, "widgets", widgets)
            )
        expression = 'pipeline.git.branch == "main"'
        deploy.restrictions.append(
            Restriction(store.new_id("restriction"), "expression", expression, expression)
        )
    cloud = next((o for o in owners if o.slug.startswith("circleci/")), None)
    if cloud is not None:
        gizmo = store.create(
            cloud, "gizmo-secrets", now - 30 * day, context_id_for(cloud.slug, "gizmo-secrets")
        )
        store.put_variable(gizmo, "GIZMO_API_KEY", "gz-seeded-key", now - 30 * day)
