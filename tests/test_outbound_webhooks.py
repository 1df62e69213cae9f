"""The outbound webhook operations over HTTP on the stand-in, and the whole loop offline: the
stand-in signs and delivers an event when a pipeline it runs finishes, and the docs' example
receiver verifies and parses it."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import Any, ClassVar
from uuid import UUID, uuid4

import pytest
from circleci_client import AuthenticatedClient, BadRequestError, NotFoundError
from circleci_client.api.job import cancel_job_by_job_id, cancel_job_by_job_number
from circleci_client.api.pipeline import trigger_pipeline
from circleci_client.api.webhook import (
    create_webhook,
    delete_webhook,
    get_webhook_by_id,
    get_webhooks,
    update_webhook,
)
from circleci_client.api.workflow import cancel_workflow
from circleci_client.models.trigger_pipeline_parameters import TriggerPipelineParameters
from circleci_client.models.trigger_pipeline_parameters_parameters import (
    TriggerPipelineParametersParameters,
)
from circleci_client.models.webhook import Webhook
from circleci_client.models.webhook_event_type import WebhookEventType
from circleci_client.models.webhook_input import WebhookInput
from circleci_client.models.webhook_list_response import WebhookListResponse
from circleci_client.models.webhook_scope import WebhookScope
from circleci_client.models.webhook_scope_type import WebhookScopeType
from circleci_client.models.webhook_update import WebhookUpdate
from circleci_client.types import Unset
from circleci_client.webhooks import JobCompletedEvent, WorkflowCompletedEvent, parse_event

from docs.examples.webhooks_receiver import WebhookReceiver
from tests.covered import covered_operations, covers
from tests.local_http import origin, serving
from tests.operations import WEBHOOK_OPERATIONS
from tests.standin.server import Standin
from tests.standin.world import Workflow

WIDGETS = "gh/acme/widgets"
SECRET = "whsec-0123456789abcdef"
PROJECT = WebhookScopeType.PROJECT
BOTH = [WebhookEventType.WORKFLOW_COMPLETED, WebhookEventType.JOB_COMPLETED]


def _project_id(standin: Standin, slug: str = WIDGETS) -> UUID:
    return UUID(standin.world.projects[slug].id)


def _input(
    project_id: UUID,
    url: str = "https://hooks.example.com/circleci",
    secret: str = SECRET,
    events: list[WebhookEventType] | None = None,
    name: str = "notifier",
) -> WebhookInput:
    return WebhookInput(
        name=name,
        url=url,
        events=list(events or BOTH),
        verify_tls=True,
        signing_secret=secret,
        scope=WebhookScope(id=project_id, type_=PROJECT),
    )


# --- managing webhooks ------------------------------------------------------------------------


def test_create_get_and_list_never_show_the_secret(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("createWebhook", "getWebhookById", "getWebhooks")
    project_id = _project_id(standin)
    assert get_webhooks.sync(client=client, scope_id=project_id, scope_type=PROJECT).items == []
    detailed = create_webhook.sync_detailed(client=client, body=_input(project_id))
    assert detailed.status_code == HTTPStatus.CREATED
    created = detailed.parsed
    assert isinstance(created, Webhook)
    assert SECRET.encode() not in detailed.content
    assert created.signing_secret == "****" + SECRET[-4:]
    raw = json.loads(detailed.content)
    assert {"verify_tls", "signing_secret", "created_at", "updated_at"} <= set(raw)
    assert created.verify_tls is True and created.created_at == created.updated_at
    assert created.scope.id == project_id and created.scope.type_ == PROJECT
    assert created.events == BOTH
    assert get_webhook_by_id.sync(created.id, client=client) == created
    listed = get_webhooks.sync_detailed(client=client, scope_id=project_id, scope_type=PROJECT)
    assert isinstance(listed.parsed, WebhookListResponse) and listed.parsed.items == [created]
    assert listed.parsed.next_page_token is None and SECRET.encode() not in listed.content
    assert standin.world.webhooks.webhooks[str(created.id)].signing_secret == SECRET


def test_short_secrets_are_masked_whole(standin: Standin, client: AuthenticatedClient) -> None:
    covers("createWebhook")
    short = create_webhook.sync(client=client, body=_input(_project_id(standin), secret="abc"))
    assert short.signing_secret == "****"


def test_update_changes_only_what_is_given(standin: Standin, client: AuthenticatedClient) -> None:
    covers("updateWebhook", "getWebhookById")
    created = create_webhook.sync(client=client, body=_input(_project_id(standin)))
    renamed = update_webhook.sync(created.id, client=client, body=WebhookUpdate(name="renamed"))
    assert renamed.name == "renamed" and renamed.url == created.url
    assert renamed.events == created.events and renamed.signing_secret == created.signing_secret
    assert renamed.created_at == created.created_at
    assert isinstance(renamed.updated_at, datetime) and isinstance(created.updated_at, datetime)
    assert renamed.updated_at > created.updated_at
    changed = update_webhook.sync(
        created.id,
        client=client,
        body=WebhookUpdate(
            url="https://other.example.com/hook",
            events=[WebhookEventType.JOB_COMPLETED],
            verify_tls=False,
            signing_secret="rotated-secret-9876",
        ),
    )
    assert changed.url == "https://other.example.com/hook" and changed.verify_tls is False
    assert changed.events == [WebhookEventType.JOB_COMPLETED]
    assert changed.signing_secret == "****9876"
    assert get_webhook_by_id.sync(created.id, client=client) == changed
    moved = client.get_httpx_client().put(
        f"/webhook/{created.id}", json={"scope": {"id": str(uuid4()), "type": "project"}}
    )
    assert moved.status_code == HTTPStatus.BAD_REQUEST and "cannot change" in moved.text


def test_delete_then_404(standin: Standin, client: AuthenticatedClient) -> None:
    covers("deleteWebhook", "getWebhookById", "getWebhooks", "updateWebhook")
    project_id = _project_id(standin)
    created = create_webhook.sync(client=client, body=_input(project_id))
    assert delete_webhook.sync(created.id, client=client).message
    assert get_webhooks.sync(client=client, scope_id=project_id, scope_type=PROJECT).items == []
    for call in (get_webhook_by_id.sync, delete_webhook.sync):
        with pytest.raises(NotFoundError, match="Webhook not found"):
            call(created.id, client=client)
    with pytest.raises(NotFoundError):
        update_webhook.sync(created.id, client=client, body=WebhookUpdate(name="x"))
    assert client.get_httpx_client().get("/webhook/not-a-uuid").status_code == 404


def test_unknown_projects_are_404(client: AuthenticatedClient) -> None:
    covers("getWebhooks", "createWebhook")
    with pytest.raises(NotFoundError, match="Project not found"):
        get_webhooks.sync(client=client, scope_id=uuid4(), scope_type=PROJECT)
    with pytest.raises(NotFoundError, match="Project not found"):
        create_webhook.sync(client=client, body=_input(uuid4()))


def test_a_project_has_at_most_five_webhooks(standin: Standin, client: AuthenticatedClient) -> None:
    covers("createWebhook", "getWebhooks")
    project_id = _project_id(standin)
    for n in range(5):
        create_webhook.sync(client=client, body=_input(project_id, name=f"hook-{n}"))
    with pytest.raises(BadRequestError, match="at most 5"):
        create_webhook.sync(client=client, body=_input(project_id, name="hook-5"))
    other = create_webhook.sync(
        client=client, body=_input(_project_id(standin, "bb/acme/legacy-app"))
    )
    assert other.name == "notifier"  # the limit is per project


def test_list_pages(standin: Standin, client: AuthenticatedClient) -> None:
    covers("getWebhooks", "createWebhook")
    project_id = _project_id(standin)
    for n in range(5):
        create_webhook.sync(client=client, body=_input(project_id, name=f"hook-{n}"))
    size = standin.page_size
    standin.page_size = 2
    try:
        pages = list(
            get_webhooks.iter_pages(client=client, scope_id=project_id, scope_type=PROJECT)
        )
        names = [
            w.name
            for w in get_webhooks.iter_items(client=client, scope_id=project_id, scope_type=PROJECT)
        ]
    finally:
        standin.page_size = size
    assert [len(p.items) for p in pages] == [2, 2, 1]
    assert names == [f"hook-{n}" for n in range(5)]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"events": []}, "events"),
        ({"events": ["workflow-started"]}, "events"),
        ({"url": "ftp://hooks.example.com/x"}, "url"),
        ({"url": "https:///no-host"}, "url"),
        ({"name": ""}, "name"),
        ({"verify-tls": "yes"}, "verify-tls"),
        ({"signing-secret": 42}, "signing-secret"),
        ({"scope": {"id": "x", "type": "organization"}}, "scope"),
    ],
)
def test_create_refuses_bad_bodies(
    standin: Standin, client: AuthenticatedClient, change: dict[str, Any], problem: str
) -> None:
    covers("createWebhook")
    body = _input(_project_id(standin)).to_dict()
    response = client.get_httpx_client().post("/webhook", json={**body, **change})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert problem in response.json()["message"]
    for name in ("name", "url", "events", "verify-tls", "signing-secret"):
        partial = {k: v for k, v in body.items() if k != name}
        missing = client.get_httpx_client().post("/webhook", json=partial)
        assert missing.status_code == HTTPStatus.BAD_REQUEST and name in missing.text
    assert client.get_httpx_client().post("/webhook", json=body).status_code == 201


def test_list_needs_the_project_scope(standin: Standin, client: AuthenticatedClient) -> None:
    covers("getWebhooks")
    response = client.get_httpx_client().get(
        "/webhook", params={"scope-id": str(_project_id(standin)), "scope-type": "organization"}
    )
    assert response.status_code == HTTPStatus.BAD_REQUEST


def test_answers_parse_in_either_spelling_of_the_webhook_fields() -> None:
    """The service answers ``verify_tls``/``created_at``; a hyphenated answer parses too."""
    base = {
        "id": str(uuid4()),
        "name": "n",
        "url": "https://hooks.example.com/x",
        "events": ["job-completed", "pipeline-started"],  # an event added later still parses
        "scope": {"id": str(uuid4()), "type": "project"},
    }
    real = Webhook.from_dict(
        {
            **base,
            "verify_tls": False,
            "signing_secret": "****abcd",
            "created_at": "2025-10-15T12:00:00Z",
            "updated_at": "2025-10-15T12:00:01.250Z",
        }
    )
    assert real.verify_tls is False and real.signing_secret == "****abcd"
    assert isinstance(real.updated_at, datetime) and real.updated_at.microsecond == 250_000
    assert str(real.events[1]) == "pipeline-started"
    published = Webhook.from_dict(
        {**base, "verify-tls": True, "created-at": "2025-10-15T12:00:00Z"}
    )
    assert isinstance(published.verify_tls, Unset) and isinstance(published.created_at, Unset)
    assert published["verify-tls"] is True and published["created-at"] == "2025-10-15T12:00:00Z"
    assert published.to_dict()["verify-tls"] is True  # kept when sent back


# --- delivery: the whole loop offline -----------------------------------------------------------


@dataclass
class Received:
    """What a recording receiver got: headers and the raw body of each POST."""

    posts: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    status: int = 204


def _serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    with serving(handler) as server:
        yield f"{origin(server)}/circleci"


@pytest.fixture
def recorder() -> Iterator[tuple[str, Received]]:
    """A receiver on 127.0.0.1 that records every POST as received."""
    received = Received()

    class Recorder(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            received.posts.append(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(received.status)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    for url in _serve(Recorder):
        yield url, received


class DocsReceiver(WebhookReceiver):
    """The docs' example receiver with its own state for one test."""

    secrets: ClassVar[list[str]] = []
    seen_ids: ClassVar[set[str]] = set()
    log: ClassVar[list[str]] = []


@pytest.fixture
def docs_receiver() -> Iterator[str]:
    """The docs' example receiver on 127.0.0.1, knowing :data:`SECRET`."""
    DocsReceiver.secrets = [SECRET]
    DocsReceiver.seen_ids = set()
    DocsReceiver.log = []
    yield from _serve(DocsReceiver)


def _run_pipeline(standin: Standin, client: AuthenticatedClient, **parameters: object) -> int:
    """Trigger a pipeline of widgets, let the engine finish it, wait for the deliveries."""
    body = TriggerPipelineParameters(branch="main")
    if parameters:
        body.parameters = TriggerPipelineParametersParameters.from_dict(parameters)
    created = trigger_pipeline.sync(WIDGETS, client=client, body=body)
    standin.engine.advance_until_idle()
    assert standin.deliveries.wait_idle(timeout=10)
    return created.number


def test_the_docs_receiver_verifies_and_parses_what_the_stand_in_delivers(
    standin: Standin, client: AuthenticatedClient, docs_receiver: str
) -> None:
    covers("createWebhook")
    project_id = _project_id(standin)
    good = create_webhook.sync(client=client, body=_input(project_id, url=docs_receiver))
    forged = _input(project_id, url=docs_receiver, secret="guessed", name="forged")
    forged.events = [WebhookEventType.WORKFLOW_COMPLETED]
    create_webhook.sync(client=client, body=forged)
    number = _run_pipeline(standin, client)
    assert DocsReceiver.log == [
        "event job-completed ignored",  # lint
        "event job-completed ignored",  # build
        f"workflow build-and-test of {WIDGETS} pipeline {number}: success",
        "refused (mismatch)",  # the webhook whose secret the receiver does not know
    ]
    by_hook = {(r.webhook_id, r.event_type, r.status) for r in standin.deliveries.records}
    assert (str(good.id), "workflow-completed", 204) in by_hook
    assert any(status == 401 for _, _, status in by_hook)


def test_deliveries_are_signed_with_the_webhook_secret_over_the_raw_body(
    standin: Standin, client: AuthenticatedClient, recorder: tuple[str, Received]
) -> None:
    covers("createWebhook")
    url, received = recorder
    hook = create_webhook.sync(client=client, body=_input(_project_id(standin), url=url))
    number = _run_pipeline(standin, client, fail="build")
    types = [headers["circleci-event-type"] for headers, _ in received.posts]
    assert types == ["job-completed", "job-completed", "workflow-completed"]
    for headers, body in received.posts:
        expected = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        assert headers["circleci-signature"] == f"v1={expected}"
        assert headers["content-type"] == "application/json"
        assert headers["user-agent"] == "CircleCI-Webhook/1.0"
    events = [parse_event(body) for _, body in received.posts]
    lint, build, workflow = events
    assert isinstance(lint, JobCompletedEvent) and isinstance(build, JobCompletedEvent)
    assert [lint.job.name, build.job.name] == ["lint", "build"]
    assert [str(lint.job.status), str(build.job.status)] == ["success", "failed"]
    assert isinstance(workflow, WorkflowCompletedEvent)
    assert str(workflow.workflow.status) == "failed" and workflow.pipeline.number == number
    assert workflow.webhook.id == hook.id and workflow.project.slug == WIDGETS
    assert len({e.id for e in events}) == 3


def test_only_subscribed_events_and_no_signature_without_a_secret(
    standin: Standin, client: AuthenticatedClient, recorder: tuple[str, Received]
) -> None:
    covers("createWebhook", "deleteWebhook")
    url, received = recorder
    body = _input(_project_id(standin), url=url, secret="")
    body.events = [WebhookEventType.WORKFLOW_COMPLETED]
    create_webhook.sync(client=client, body=body)
    gone = create_webhook.sync(client=client, body=_input(_project_id(standin), url=url))
    delete_webhook.sync(gone.id, client=client)
    _run_pipeline(standin, client)
    assert [h["circleci-event-type"] for h, _ in received.posts] == ["workflow-completed"]
    assert "circleci-signature" not in received.posts[0][0]


def test_a_project_without_webhooks_sends_nothing(
    standin: Standin, client: AuthenticatedClient, recorder: tuple[str, Received]
) -> None:
    covers("createWebhook")
    url, received = recorder
    legacy = _project_id(standin, "bb/acme/legacy-app")
    create_webhook.sync(client=client, body=_input(legacy, url=url))
    _run_pipeline(standin, client)
    assert received.posts == [] and standin.deliveries.records == []


def test_a_hanging_receiver_does_not_hold_up_the_api(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("getWebhooks", "createWebhook")
    entered, release = threading.Event(), threading.Event()

    class Hanging(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            entered.set()
            release.wait(10)
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    project_id = _project_id(standin)
    for url in _serve(Hanging):
        body = _input(project_id, url=url, events=[WebhookEventType.JOB_COMPLETED])
        create_webhook.sync(client=client, body=body)
        trigger_pipeline.sync(WIDGETS, client=client, body=TriggerPipelineParameters())
        standin.engine.advance_until_idle()
        assert entered.wait(10)  # a delivery is stuck in the receiver ...
        listed = get_webhooks.sync(client=client, scope_id=project_id, scope_type=PROJECT)
        assert len(listed.items) == 1  # ... and the API still answers
        release.set()
        assert standin.deliveries.wait_idle(timeout=10)
    assert {r.status for r in standin.deliveries.records} == {204}


def test_a_dead_receiver_is_given_up_after_the_timeout(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("createWebhook")
    never = threading.Event()

    class Silent(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            never.wait(5)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    timeout = standin.deliveries.timeout
    standin.deliveries.timeout = 0.2
    try:
        for url in _serve(Silent):
            body = _input(
                _project_id(standin), url=url, events=[WebhookEventType.WORKFLOW_COMPLETED]
            )
            create_webhook.sync(client=client, body=body)
            _run_pipeline(standin, client)
            never.set()
    finally:
        standin.deliveries.timeout = timeout
    [record] = standin.deliveries.records
    assert record.status is None and record.error is not None and "Timeout" in record.error


# --- delivery of what the API cancels: jobs first, then their workflow, once each ----------------


def _driven(standin: Standin, client: AuthenticatedClient, **params: object) -> Workflow:
    """The first workflow of a pipeline of widgets that has run for 3 s."""
    body = TriggerPipelineParameters(
        parameters=TriggerPipelineParametersParameters.from_dict(params)
    )
    created = trigger_pipeline.sync(WIDGETS, client=client, body=body)
    standin.engine.advance(3)
    return standin.world.pipelines[str(created.id)].workflows[0]


def _events(standin: Standin, received: Received) -> list[tuple[str, str]]:
    """``(job or workflow name, status)`` of each event received; signatures and ids checked."""
    assert standin.deliveries.wait_idle(timeout=10)
    events, found = [parse_event(body) for _, body in received.posts], []
    for (headers, body), event in zip(received.posts, events, strict=True):
        digest = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
        assert headers["circleci-signature"] == f"v1={digest}"
        assert isinstance(event, JobCompletedEvent | WorkflowCompletedEvent)
        assert headers["circleci-event-type"] == str(event.type_)
        done = event.job if isinstance(event, JobCompletedEvent) else event.workflow
        found.append((done.name, str(done.status)))
    assert len({e.id for e in events}) == len(events)
    return found


def test_cancels_of_driven_work_are_delivered_once_each(
    standin: Standin, client: AuthenticatedClient, recorder: tuple[str, Received]
) -> None:
    covers("createWebhook")
    create_webhook.sync(client=client, body=_input(_project_id(standin), url=recorder[0]))
    workflow = _driven(standin, client, parallel=True)
    standin.engine.advance(6)  # lint succeeded; test runs; build waits for both
    for _ in range(2):
        cancel_workflow.sync(UUID(workflow.id), client=client)
    standin.engine.advance_until_idle()
    wf = ("build-and-test", "canceled")
    assert _events(standin, recorder[1]) == [("lint", "success"), ("test", "canceled"), wf]
    lint = next(j for j in _driven(standin, client).jobs if j.name == "lint")
    cancel_job_by_job_number.sync(WIDGETS, lint.job_number or 0, client=client)
    cancel_job_by_job_id.sync(UUID(lint.id), client=client)  # already cancelled
    assert _events(standin, recorder[1])[3:] == [("lint", "canceled"), wf]  # build: not_run
    test = next(j for j in _driven(standin, client, parallel=True).jobs if j.name == "test")
    cancel_job_by_job_id.sync(UUID(test.id), client=client)
    assert _events(standin, recorder[1])[5:] == [("test", "canceled")]  # lint still runs
    standin.engine.advance_until_idle()
    assert _events(standin, recorder[1])[5:] == [("test", "canceled"), ("lint", "success"), wf]


def test_cancels_of_seeded_work_are_delivered_once_each(
    standin: Standin, client: AuthenticatedClient, recorder: tuple[str, Received]
) -> None:
    covers("createWebhook")
    create_webhook.sync(client=client, body=_input(_project_id(standin), url=recorder[0]))
    workflow = standin.world.workflows[standin.world.facts.running_workflow_id]
    test = next(j for j in workflow.jobs if j.name == "test")  # lint succeeded; build waits
    cancel_job_by_job_number.sync(WIDGETS, test.job_number or 0, client=client)
    assert _events(standin, recorder[1]) == [("test", "canceled")]  # the workflow still runs
    for _ in range(2):
        cancel_workflow.sync(UUID(workflow.id), client=client)
    rest = [("integration", "canceled"), ("e2e", "canceled"), ("build-and-test", "canceled")]
    assert _events(standin, recorder[1]) == [("test", "canceled"), *rest]


def test_every_webhook_operation_has_a_test() -> None:
    wanted = {operation_id for _, _, operation_id in WEBHOOK_OPERATIONS}
    assert wanted == covered_operations(__file__)
