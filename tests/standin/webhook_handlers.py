"""Handlers of the five outbound webhook operations, registered with the stand-in's routes.

The stand-in's rules, which tests rely on (state in :mod:`tests.standin.schedules`, deliveries
in :mod:`tests.standin.webhook_delivery`):

* **Scope.** A webhook belongs to a project: ``scope`` ``{"type": "project", "id": <project
  ID>}`` in the body, ``scope-type=project&scope-id=<project ID>`` in the list's query. An
  unknown project is 404, another scope type 400. A project has at most 5 webhooks (400).
* **Fields.** ``name`` is a non-empty string; ``url`` an ``http`` or ``https`` URL with a host
  (CircleCI takes ``https`` only; the stand-in also takes ``http`` so that tests can receive
  on 127.0.0.1); ``events`` a non-empty list of ``workflow-completed`` and ``job-completed``
  (repeats are dropped); ``verify-tls`` a boolean; ``signing-secret`` a string (an empty one
  sends no signature). Anything else is 400; unknown fields are ignored.
* **Answers** spell the stored fields ``verify_tls``, ``signing_secret``, ``created_at`` and
  ``updated_at``, as the service does (see ``docs/spec-differences.md``); the secret is masked:
  ``****``, followed by its last four characters when it has more than eight.
* **Update** (``PUT``) changes the fields given; the scope cannot change (400).
* Unknown or malformed webhook IDs are 404.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from tests.standin import wire
from tests.standin.handler_kit import ApiError, Ctx, Reply, ok, op
from tests.standin.schedules import MAX_WEBHOOKS_PER_PROJECT, StoredWebhook
from tests.standin.world import Project

JSON = dict[str, Any]
EVENTS = ("workflow-completed", "job-completed")
URL = re.compile(r"^https?://[^\s/?#]+")
"""The spec's pattern for ``url`` (``WebhookUrl``), read as OpenAPI reads patterns."""


def mask_secret(secret: str) -> str:
    """The masked form the answers carry: never the secret itself."""
    if not secret:
        return ""
    return "****" + (secret[-4:] if len(secret) > 8 else "")


def webhook_json(webhook: StoredWebhook) -> JSON:
    """Serialize a webhook, its secret masked."""
    return {
        "id": webhook.id,
        "name": webhook.name,
        "url": webhook.url,
        "events": list(webhook.events),
        "scope": {"id": webhook.project_id, "type": "project"},
        "verify_tls": webhook.verify_tls,
        "signing_secret": mask_secret(webhook.signing_secret),
        "created_at": wire.ts(webhook.created_at),
        "updated_at": wire.ts(webhook.updated_at),
    }


def _uuid(value: Any) -> str | None:
    try:
        return str(uuid.UUID(value)) if isinstance(value, str) else None
    except ValueError:
        return None


def _project(ctx: Ctx, project_id: Any) -> Project:
    wanted = _uuid(project_id)
    found = next((p for p in ctx.world.projects.values() if p.id == wanted), None)
    if found is None:
        raise ApiError(404, "Project not found")
    return found


def _webhook(ctx: Ctx) -> StoredWebhook:
    found = ctx.world.webhooks.webhooks.get(_uuid(ctx.params["webhook-id"]) or "")
    if found is None:
        raise ApiError(404, "Webhook not found")
    return found


def _checked(data: JSON) -> JSON:
    """The given fields of a create or update body, checked (400 otherwise)."""
    fields: JSON = {}
    if "name" in data:
        if not isinstance(data["name"], str) or not data["name"]:
            raise ApiError(400, "Field name must be a non-empty string")
        fields["name"] = data["name"]
    if "url" in data:
        if not isinstance(data["url"], str) or not URL.search(data["url"]):
            raise ApiError(400, "Field url must be an https URL (http on the stand-in) with a host")
        fields["url"] = data["url"]
    if "events" in data:
        events = data["events"]
        if not isinstance(events, list) or not events or any(e not in EVENTS for e in events):
            raise ApiError(400, "Field events must list workflow-completed and/or job-completed")
        fields["events"] = list(dict.fromkeys(events))
    if "verify-tls" in data:
        if not isinstance(data["verify-tls"], bool):
            raise ApiError(400, "Field verify-tls must be a boolean")
        fields["verify_tls"] = data["verify-tls"]
    if "signing-secret" in data:
        if not isinstance(data["signing-secret"], str):
            raise ApiError(400, "Field signing-secret must be a string")
        fields["signing_secret"] = data["signing-secret"]
    return fields


@op("GET", "/webhook", "getWebhooks")
def list_webhooks(ctx: Ctx) -> Reply:
    """``GET /webhook?scope-type=project&scope-id=<project ID>``: oldest first."""
    if ctx.query.get("scope-type") != "project":
        raise ApiError(400, "scope-type must be project")
    project = _project(ctx, ctx.query.get("scope-id"))
    return ok(ctx.page(ctx.world.webhooks.of_project(project.id), webhook_json))


@op("POST", "/webhook", "createWebhook")
def create_webhook(ctx: Ctx) -> Reply:
    """``POST /webhook``: 201."""
    data = ctx.json_object()
    scope = data.get("scope")
    if not isinstance(scope, dict) or scope.get("type") != "project":
        raise ApiError(400, "Field scope must be {type: project, id: <project ID>}")
    project = _project(ctx, scope.get("id"))
    required = ("name", "url", "events", "verify-tls", "signing-secret")
    missing = [name for name in required if name not in data]
    if missing:
        raise ApiError(400, f"Field(s) required: {', '.join(missing)}")
    fields = _checked(data)
    store = ctx.world.webhooks
    if len(store.of_project(project.id)) >= MAX_WEBHOOKS_PER_PROJECT:
        raise ApiError(400, "A project has at most 5 outbound webhooks")
    now = ctx.world.tick()
    webhook = StoredWebhook(
        id=store.new_id(), project_id=project.id, created_at=now, updated_at=now, **fields
    )
    store.webhooks[webhook.id] = webhook
    return ok(webhook_json(webhook), 201)


@op("GET", "/webhook/{webhook-id}", "getWebhookById")
def get_webhook(ctx: Ctx) -> Reply:
    """``GET /webhook/{id}``."""
    return ok(webhook_json(_webhook(ctx)))


@op("PUT", "/webhook/{webhook-id}", "updateWebhook")
def update_webhook(ctx: Ctx) -> Reply:
    """``PUT /webhook/{id}``: the fields given change, the others stay."""
    webhook = _webhook(ctx)
    data = ctx.json_object()
    if "scope" in data:
        scope = data["scope"]
        same = isinstance(scope, dict) and _uuid(scope.get("id")) == webhook.project_id
        if not same or scope.get("type", "project") != "project":
            raise ApiError(400, "The scope of a webhook cannot change")
    for key, value in _checked(data).items():
        setattr(webhook, key, value)
    webhook.updated_at = ctx.world.tick()
    return ok(webhook_json(webhook))


@op("DELETE", "/webhook/{webhook-id}", "deleteWebhook")
def delete_webhook(ctx: Ctx) -> Reply:
    """``DELETE /webhook/{id}``."""
    webhook = _webhook(ctx)
    del ctx.world.webhooks.webhooks[webhook.id]
    return ok(wire.message("Webhook deleted."))
