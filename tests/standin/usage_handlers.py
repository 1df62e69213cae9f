"""Handlers of the two usage export operations, registered with the stand-in's routes on import.

The stand-in's rules (state in :mod:`tests.standin.usage`), which tests rely on:

* **Organization.** ``org_id`` is the ID of an organization of the seed (``gh/acme``,
  ``bb/acme`` or the CircleCI organization); any other value is 404.
* **Window.** ``start`` and ``end`` are required RFC 3339 date-times with a time zone (400
  otherwise). ``start`` at most one year (365 days) before the stand-in's now, ``end`` after
  ``start`` and at most 31 days after it; each refusal is a 400 whose message names the rule.
  ``shared_org_ids``, when given, is a list of organization IDs of the seed (400 otherwise).
* **States.** ``created``, ``processing``, then ``completed`` with ``download_urls`` (one
  pre-signed URL per file, on the foreign host, which serves them without a token and refuses
  a request that carries one), or ``failed`` with ``error_reason``. ``download_urls`` is null
  until the job completes; ``start`` and ``end`` come with the 201 only, as CircleCI answers.
* **Rate limit.** An organization starts at most ten exports an hour of the stand-in's clock;
  the eleventh is 429 with ``Retry-After`` (whole seconds until the oldest is an hour old).
* An unknown or malformed job ID (or one of another organization) is 404.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from tests.standin import wire
from tests.standin.handler_kit import JSON, ApiError, Ctx, Reply, canonical_uuid, ok, op
from tests.standin.usage import MAX_LOOKBACK, MAX_WINDOW, UsageExportJob, presign_usage


def _org_id(ctx: Ctx) -> str:
    """The organization of the ``org_id`` parameter, or 404."""
    found = canonical_uuid(ctx.params["org_id"])
    if found is None or found not in ctx.world.contexts.owners:
        raise ApiError(404, "Organization not found")
    return found


def _moment(data: JSON, name: str) -> datetime:
    value = data.get(name)
    if not isinstance(value, str):
        raise ApiError(400, f"Field {name} is required: an RFC 3339 date-time")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ApiError(400, f"Field {name} must be an RFC 3339 date-time") from None
    if moment.tzinfo is None:
        raise ApiError(400, f"Field {name} must have a time zone, e.g. 2025-10-01T00:00:00Z")
    return moment


def _shared(ctx: Ctx, data: JSON) -> list[str]:
    shared: Any = data.get("shared_org_ids") or []
    if not isinstance(shared, list) or not all(isinstance(v, str) for v in shared):
        raise ApiError(400, "Field shared_org_ids must be a list of organization IDs")
    ids = [canonical_uuid(value) for value in shared]
    if any(value is None or value not in ctx.world.contexts.owners for value in ids):
        raise ApiError(400, "Field shared_org_ids names an unknown organization")
    return [value for value in ids if value is not None]


def job_json(ctx: Ctx, job: UsageExportJob, *, with_window: bool = False) -> JSON:
    """Serialize a job as CircleCI does (the window only in the answer to the POST)."""
    state = job.state(ctx.world.current_time())
    body: JSON = {"usage_export_job_id": job.id, "state": state, "download_urls": None}
    if with_window:
        body["start"], body["end"] = wire.ts(job.start), wire.ts(job.end)
    if state == "completed" and job.urls_ready(ctx.world.current_time()):
        base = f"{ctx.host.foreign_base_url}/usage-export/{job.id}"
        body["download_urls"] = [
            f"{base}/{name}?X-Amz-Expires=3600&X-Amz-Signature={presign_usage(job.id, name)}"
            for name in job.files()
        ]
    if state == "failed":
        body["error_reason"] = job.fail_reason
    return body


@op("POST", "/organizations/{org_id}/usage_export_job", "createUsageExport")
def create_usage_export(ctx: Ctx) -> Reply:
    """``POST /organizations/{org_id}/usage_export_job``: a new job (201)."""
    org_id = _org_id(ctx)
    data = ctx.json_object("Request body must be a JSON object with start and end")
    start, end = _moment(data, "start"), _moment(data, "end")
    now = ctx.world.current_time()
    if start < now - MAX_LOOKBACK:
        raise ApiError(400, "start must be no more than one year ago")
    if end <= start:
        raise ApiError(400, "end must be after start")
    if end - start > MAX_WINDOW:
        raise ApiError(400, "end must be no more than 31 days after start")
    shared = _shared(ctx, data)
    wait = ctx.world.usage.retry_after(org_id, now)
    if wait is not None:
        retry_after = str(max(1, math.ceil(wait)))
        return Reply(429, {"message": "Rate limit exceeded."}, {"Retry-After": retry_after})
    job = ctx.world.usage.create(org_id, start, end, shared, now)
    return ok(job_json(ctx, job, with_window=True), 201)


@op(
    "GET",
    "/organizations/{org_id}/usage_export_job/{usage_export_job_id}",
    "getUsageExport",
)
def get_usage_export(ctx: Ctx) -> Reply:
    """``GET /organizations/{org_id}/usage_export_job/{id}``: the job's state now."""
    org_id = _org_id(ctx)
    job = ctx.world.usage.jobs.get(canonical_uuid(ctx.params["usage_export_job_id"]) or "")
    if job is None or job.org_id != org_id:
        raise ApiError(404, "Usage export job not found")
    return ok(job_json(ctx, job))
