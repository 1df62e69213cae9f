"""Use case: a webhook receiver that checks CircleCI's signature and drops duplicate deliveries.

``main`` runs the receiver on 127.0.0.1 and sends it what CircleCI would: a signed
``workflow-completed`` event for the project, the same delivery again, and a forged one.
"""

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx
from circleci_client import AuthenticatedClient, WebhookPayloadError, WebhookSignatureError
from circleci_client.api.project import get_project_by_slug
from circleci_client.webhooks import (
    WebhookEvent,
    WorkflowCompletedEvent,
    signature_header,
    verify_and_parse,
)


# --8<-- [start:receiver]
class WebhookReceiver(BaseHTTPRequestHandler):
    """Answers CircleCI's webhook POSTs: 204 when handled, 401 when the signature is wrong."""

    secrets: ClassVar[list[str]] = []  # the signing secret, plus the old one while rotating
    seen_ids: ClassVar[set[str]] = set()  # use a shared store (a database) in production
    log: ClassVar[list[str]] = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)  # the raw bytes: verify these, never re-encoded JSON
        try:
            event = verify_and_parse(body, dict(self.headers), self.secrets)
        except WebhookSignatureError as exc:
            self.log.append(f"refused ({exc.reason})")
            self.send_response(401)
        except WebhookPayloadError:
            self.log.append("unreadable event")
            self.send_response(400)
        else:
            if event.id in self.seen_ids:  # CircleCI may deliver an event twice
                self.log.append(f"duplicate {event.id}")
            else:
                self.seen_ids.add(event.id)
                self.handle_event(event)
            self.send_response(204)
        self.end_headers()

    def handle_event(self, event: WebhookEvent) -> None:
        if isinstance(event, WorkflowCompletedEvent):
            self.log.append(
                f"workflow {event.workflow.name} of {event.project.slug} "
                f"pipeline {event.pipeline.number}: {event.workflow.status}"
            )
        else:
            self.log.append(f"event {event.type_} ignored")

    def log_message(self, format: str, *args: object) -> None:
        """Keep the default access log quiet."""


# --8<-- [end:receiver]

DEMO_SECRET = "demo-signing-secret"


def _delivery(client: AuthenticatedClient, project_slug: str) -> bytes:
    """The body CircleCI would send when a workflow of the project succeeds."""
    project = get_project_by_slug.sync(project_slug, client=client)
    event = {
        "id": "3888f21b-eaa7-38e3-8f3d-75a63bba8895",
        "type": "workflow-completed",
        "happened_at": "2025-10-15T12:00:00Z",
        "webhook": {"id": "cf8c4fdd-0587-4da1-b4ca-4846e9640af9", "name": "deploy-notifier"},
        "project": {"id": str(project.id), "name": project.name, "slug": project.slug},
        "organization": {"id": "f22b6566-597d-46d5-ba74-99ef5bb3d85c", "name": "acme"},
        "workflow": {
            "id": "fda08377-fe7e-46b1-8992-3a7aaecac9c3",
            "name": "build-and-test",
            "created_at": "2025-10-15T11:50:00Z",
            "stopped_at": "2025-10-15T12:00:00Z",
            "url": "https://app.circleci.com/pipelines/...",
            "status": "success",
        },
        "pipeline": {
            "id": "1285fe1d-d3a6-44fc-8886-8979558254c4",
            "number": 94,
            "created_at": "2025-10-15T11:50:00Z",
            "trigger": {"type": "webhook"},
            "vcs": {"branch": "main", "commit": {"subject": "Caf\u00e9 menu \u2615"}},
        },
    }
    return json.dumps(event, ensure_ascii=False).encode("utf-8")


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """Run the receiver, deliver to it as CircleCI would, print what it did."""
    WebhookReceiver.secrets = [os.environ.get("CIRCLECI_WEBHOOK_SECRET", DEMO_SECRET)]
    WebhookReceiver.seen_ids.clear()
    WebhookReceiver.log.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), WebhookReceiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/circleci"
    body = _delivery(client, project_slug)
    signed = {
        "content-type": "application/json",
        "circleci-event-type": "workflow-completed",
        "circleci-signature": signature_header(body, WebhookReceiver.secrets),
    }
    forged = dict(signed, **{"circleci-signature": signature_header(body, "guessed")})
    try:
        with httpx.Client() as http:
            for headers in (signed, signed, forged):
                status = http.post(url, content=body, headers=headers).status_code
                print(f"delivery answered {status}")
    finally:
        server.shutdown()
        server.server_close()
    for line in WebhookReceiver.log:
        print(line)


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
