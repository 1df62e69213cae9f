"""The stand-in delivers outbound webhooks: signed events POSTed when work finishes.

When the engine (:mod:`tests.standin.engine`) finishes a job or a workflow, or the API cancels
one (:mod:`tests.standin.cancelling`), of a project whose webhooks subscribe to
``job-completed`` or ``workflow-completed``, :class:`WebhookDeliveries`
builds the event as CircleCI's webhooks reference shows it (``webhooks-reference.adoc``: the
shapes ``circleci_client.webhooks`` parses), serializes it once and signs exactly those bytes:

* ``content-type: application/json``, ``user-agent: CircleCI-Webhook/1.0``,
  ``circleci-event-type: <type>``;
* ``circleci-signature: v1=<hex HMAC-SHA256 of the body, keyed with the signing secret>`` when
  the webhook has a secret (none is sent for an empty one).

The event is built under the world lock (a consistent snapshot) and queued; one background
thread POSTs it with a short timeout, outside the lock, so a slow or dead receiver never holds
up the API. One attempt per event, no retries. Job events come before the event of their
workflow. The event ``id`` is derived from what finished and when, so it is the same for every
webhook told of that event. A job's status is reported as ``success``, ``failed`` (also for
``timedout``, ``infrastructure_fail`` and ``terminated-unknown``), ``canceled`` or
``unauthorized``; a workflow that did not run (``not_run``) sends nothing, nor does a job
that never got a number (it never started, or is an approval).

Work cancelled through the API, in driven or seeded pipelines, is reported once, at the moment
of the cancel: ``cancelWorkflow`` sends ``job-completed`` (``canceled``) for each job it
cancelled, then ``workflow-completed`` (``canceled``); ``cancelJobByJobNumber`` and
``cancelJobByJobID`` send the job's event, then the workflow's if that ended it (a driven
workflow only: a seeded one keeps its status). Jobs finished before the cancel, a second
cancel and the engine's later looks send nothing more.

``deliveries.records`` lists what was attempted (status or error) since the last reset;
``deliveries.wait_idle()`` waits until everything queued was attempted.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import queue
import threading
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import httpx

from tests.standin import wire
from tests.standin.engine import FinishListener
from tests.standin.schedules import StoredWebhook
from tests.standin.world import Job, Pipeline, Project, Workflow, World

NAMESPACE = uuid.UUID("a3c4b1e0-6f7d-4e2a-9b58-1d0c3e5f7a92")
USER_AGENT = "CircleCI-Webhook/1.0"
DEFAULT_TIMEOUT = 2.0
"""Seconds a delivery may take (CircleCI waits 10)."""
JOB_STATUS = {
    "success": "success",
    "failed": "failed",
    "timedout": "failed",
    "infrastructure_fail": "failed",
    "terminated-unknown": "failed",
    "canceled": "canceled",
    "unauthorized": "unauthorized",
}
APP_VCS = {"gh": "github", "bb": "bitbucket"}
JSON = dict[str, Any]
log = logging.getLogger("tests.standin")


@dataclass(frozen=True)
class Delivery:
    """One signed POST to make."""

    webhook_id: str
    url: str
    event_type: str
    event_id: str
    verify_tls: bool
    body: bytes = field(repr=False)
    headers: dict[str, str] = field(repr=False)
    generation: int = 0


@dataclass(frozen=True)
class DeliveryRecord:
    """What happened to one delivery: the receiver's status, or the error."""

    webhook_id: str
    url: str
    event_type: str
    event_id: str
    status: int | None
    error: str | None = None


def sign(body: bytes, secret: str) -> str:
    """The ``circleci-signature`` value of ``body``: one ``v1`` entry."""
    return "v1=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def _app_url(project: Project, pipeline: Pipeline, workflow: Workflow) -> str:
    vcs, org, repo = project.slug.split("/")
    path = f"{APP_VCS.get(vcs, vcs)}/{org}/{repo}/{pipeline.number}/workflows/{workflow.id}"
    return f"https://app.circleci.com/pipelines/{path}"


def _pipeline_json(project: Project, pipeline: Pipeline) -> JSON:
    out: JSON = {
        "id": pipeline.id,
        "number": pipeline.number,
        "created_at": wire.ts_ms(pipeline.created_at),
        "trigger": {"type": pipeline.trigger_type},
    }
    if project.slug.startswith("circleci/"):  # GitHub App and GitLab projects
        out["trigger_parameters"] = pipeline.trigger_parameters
        return out
    vcs: JSON = {
        "provider_name": project.provider.lower(),
        "origin_repository_url": project.vcs_url,
        "target_repository_url": project.vcs_url,
        "revision": pipeline.revision,
        "commit": {"subject": pipeline.commit_subject, "body": pipeline.commit_body},
    }
    if pipeline.tag is not None:
        vcs["tag"] = pipeline.tag
    else:
        vcs["branch"] = pipeline.branch
    out["vcs"] = vcs
    return out


def event_json(
    world: World, hook: StoredWebhook, workflow: Workflow, job: Job | None, at: datetime
) -> JSON | None:
    """The event a webhook is told of, or None when nothing is sent (a workflow not run)."""
    project = world.projects[workflow.project_slug]
    pipeline = world.pipelines[workflow.pipeline_id]
    event_type = "job-completed" if job is not None else "workflow-completed"
    what = f"{event_type}:{workflow.id}:{job.id if job is not None else ''}:{wire.ts_ms(at)}"
    workflow_json: JSON = {
        "id": workflow.id,
        "name": workflow.name,
        "created_at": wire.ts_ms(workflow.created_at),
        "stopped_at": wire.ts_ms(workflow.stopped_at) if workflow.stopped_at else None,
        "url": _app_url(project, pipeline, workflow),
    }
    event: JSON = {
        "id": str(uuid.uuid5(NAMESPACE, what)),
        "type": event_type,
        "happened_at": wire.ts_ms(at),
        "webhook": {"id": hook.id, "name": hook.name},
        "project": {"id": project.id, "name": project.name, "slug": project.slug},
        "organization": {"id": project.organization_id, "name": project.organization_name},
        "workflow": workflow_json,
        "pipeline": _pipeline_json(project, pipeline),
    }
    if job is None:
        if workflow.status == "not_run":
            return None
        workflow_json["status"] = workflow.status
        return event
    status = JOB_STATUS.get(job.status)
    if status is None or job.job_number is None:
        return None
    event["job"] = {
        "id": job.id,
        "number": job.job_number,
        "name": job.name,
        "status": status,
        "started_at": wire.ts_ms(job.started_at or at),
        "stopped_at": wire.ts_ms(job.stopped_at or at),
    }
    return event


def deliveries_for(
    world: World, workflow: Workflow, job: Job | None, at: datetime
) -> list[Delivery]:
    """The signed deliveries due when a job or a workflow finished."""
    project = world.projects.get(workflow.project_slug)
    if project is None:
        return []
    event_type = "job-completed" if job is not None else "workflow-completed"
    found: list[Delivery] = []
    for hook in world.webhooks.of_project(project.id):
        if event_type not in hook.events:
            continue
        event = event_json(world, hook, workflow, job, at)
        if event is None:
            continue
        body = json.dumps(event, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        headers = {
            "content-type": "application/json",
            "user-agent": USER_AGENT,
            "circleci-event-type": event_type,
        }
        if hook.signing_secret:
            headers["circleci-signature"] = sign(body, hook.signing_secret)
        found.append(
            Delivery(hook.id, hook.url, event_type, event["id"], hook.verify_tls, body, headers)
        )
    return found


class WebhookDeliveries:
    """Queues signed deliveries and POSTs them from one background thread."""

    def __init__(self, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.timeout = timeout
        self.records: list[DeliveryRecord] = []
        self._queue: queue.Queue[Delivery | None] = queue.Queue()
        self._pending = 0
        self._generation = 0
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def listener(self, world: World) -> FinishListener:
        """The engine listener that queues the deliveries of ``world``'s webhooks."""

        def on_finish(workflow: Workflow, job: Job | None, at: datetime) -> None:
            try:
                due = deliveries_for(world, workflow, job, at)
            except Exception:  # a bug here must not break the engine
                log.exception("stand-in could not build a webhook event")
                return
            for delivery in due:
                self._put(delivery)

        return on_finish

    def _put(self, delivery: Delivery) -> None:
        with self._cond:
            self._pending += 1
            tagged = replace(delivery, generation=self._generation)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="standin-webhooks", daemon=True
                )
                self._thread.start()
        self._queue.put(tagged)

    def _run(self) -> None:
        while (delivery := self._queue.get()) is not None:
            status: int | None = None
            error: str | None = None
            try:
                response = httpx.post(
                    delivery.url,
                    content=delivery.body,
                    headers=delivery.headers,
                    timeout=self.timeout,
                    verify=delivery.verify_tls,
                    trust_env=False,
                    follow_redirects=False,
                )
                status = response.status_code
            except httpx.HTTPError as exc:
                error = f"{type(exc).__name__}: {exc}"
            record = DeliveryRecord(
                delivery.webhook_id,
                delivery.url,
                delivery.event_type,
                delivery.event_id,
                status,
                error,
            )
            with self._cond:
                if delivery.generation == self._generation:
                    self.records.append(record)
                self._pending -= 1
                self._cond.notify_all()

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until every queued delivery was attempted; False when ``timeout`` ran out."""
        with self._cond:
            return self._cond.wait_for(lambda: self._pending == 0, timeout)

    def clear(self) -> None:
        """Forget the records; deliveries still under way are not recorded."""
        with self._cond:
            self._generation += 1
            self.records.clear()

    def close(self) -> None:
        """Stop the background thread (after what is queued)."""
        thread = self._thread
        if thread is not None and thread.is_alive():
            self._queue.put(None)
            thread.join(timeout=self.timeout + 1)
        self._thread = None
