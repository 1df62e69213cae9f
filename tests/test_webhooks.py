"""circleci_client.webhooks: the circleci-signature check and the event models.

Expected signatures come from CircleCI's webhook docs (their table of bodies, secrets and
signatures) or are computed here with ``hmac`` directly, never with the module under test.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import circleci_client
import pytest
from circleci_client import CircleCIError, WebhookPayloadError, WebhookSignatureError, webhooks
from circleci_client.models.webhook_job_status import WebhookJobStatus
from circleci_client.models.webhook_workflow_status import WebhookWorkflowStatus
from circleci_client.types import Unset

# (body, secret, v1 signature) as CircleCI's "Validate outbound webhooks" section lists them.
DOCUMENTED = [
    (b"hello world", "secret", "734cc62f32841568f45715aeb9f4d7891324e6d948e4c6c60c0621cdac48623a"),
    (
        b"lalala",
        "another-secret",
        "daa220016c8f29a8b214fbfc3671aeec2145cfb1e6790184ffb38b6d0425fa00",
    ),
    (
        b"an-important-request-payload",
        "hunter123",
        "9be2242094a9a8c00c64306f382a7f9d691de910b4a266f67bd314ef18ac49fa",
    ),
    (b"foo", "secret", "773ba44693c7553d6ee20f61ea5d2757a9a4f4a44d2841ae4e95b52e4cd62db4"),
]
SECRET = "whsec-t0p-s3cr3t"

# The workflow-completed sample of CircleCI's webhooks reference, plus a field it may add later.
WORKFLOW_EVENT: dict[str, Any] = {
    "id": "3888f21b-eaa7-38e3-8f3d-75a63bba8895",
    "type": "workflow-completed",
    "happened_at": "2021-09-01T22:49:34.317Z",
    "webhook": {"id": "cf8c4fdd-0587-4da1-b4ca-4846e9640af9", "name": "Sample Webhook"},
    "project": {
        "id": "84996744-a854-4f5e-aea3-04e2851dc1d2",
        "name": "webhook-service",
        "slug": "github/circleci/webhook-service",
    },
    "organization": {"id": "f22b6566-597d-46d5-ba74-99ef5bb3d85c", "name": "circleci"},
    "workflow": {
        "id": "fda08377-fe7e-46b1-8992-3a7aaecac9c3",
        "name": "build-test-deploy",
        "created_at": "2021-09-01T22:49:03.616Z",
        "stopped_at": "2021-09-01T22:49:34.170Z",
        "url": "https://app.circleci.com/pipelines/github/circleci/webhook-service/130/workflows/fda08377-fe7e-46b1-8992-3a7aaecac9c3",
        "status": "success",
    },
    "pipeline": {
        "id": "1285fe1d-d3a6-44fc-8886-8979558254c4",
        "number": 130,
        "created_at": "2021-09-01T22:49:03.544Z",
        "trigger": {"type": "webhook"},
        "vcs": {
            "provider_name": "github",
            "origin_repository_url": "https://github.com/circleci/webhook-service",
            "target_repository_url": "https://github.com/circleci/webhook-service",
            "revision": "1dc6aa69429bff4806ad6afe58d3d8f57e25973e",
            "commit": {
                "subject": "Description of change",
                "body": "More details about the change",
                "author": {"name": "Author Name", "email": "author.email@example.com"},
                "authored_at": "2021-09-01T22:48:53Z",
                "committer": {"name": "Committer Name", "email": "committer.email@example.com"},
                "committed_at": "2021-09-01T22:48:53Z",
            },
            "branch": "main",
        },
    },
}
JOB = {
    "id": "8b91f9a8-7975-4e60-916c-f0152ccbc937",
    "name": "test",
    "started_at": "2021-09-01T22:49:28.841Z",
    "stopped_at": "2021-09-01T22:49:34.170Z",
    "status": "success",
    "number": 136,
}


def _job_event() -> dict[str, Any]:
    event: dict[str, Any] = json.loads(json.dumps(WORKFLOW_EVENT))
    event.update(id="8bd71c28-4969-3677-8940-3e3a61c46660", type="job-completed", job=dict(JOB))
    del event["workflow"]["status"]  # not in job-level events
    return event


def _sign(body: bytes, secret: str) -> str:
    """The v1 signature, computed here with hmac directly."""
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _reason(body: bytes, header: str | None, secrets: Any = SECRET) -> str:
    with pytest.raises(WebhookSignatureError) as caught:
        webhooks.verify_signature(body, header, secrets)
    message = str(caught.value)
    for secret in [secrets] if isinstance(secrets, str) else secrets:
        assert secret not in message
    return caught.value.reason


# --- the signature ------------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "secret", "signature"), DOCUMENTED)
def test_signatures_match_circleci_documented_examples(
    body: bytes, secret: str, signature: str
) -> None:
    assert webhooks.compute_signature(body, secret) == signature
    webhooks.verify_signature(body, f"v1={signature}", secret)
    webhooks.verify_signature(body, f"v1={signature}", secret.encode())


def test_a_real_body_verifies_against_an_independent_signature() -> None:
    body = json.dumps(WORKFLOW_EVENT, indent=2).encode()
    header = f"v1={_sign(body, SECRET)}"
    webhooks.verify_signature(body, header, SECRET)
    webhooks.verify_signature(bytearray(body), header.upper().replace("V1=", "v1="), SECRET)
    assert webhooks.signature_header(body, SECRET) == header


def test_a_tampered_body_fails() -> None:
    body = json.dumps(WORKFLOW_EVENT, indent=2).encode()
    header = f"v1={_sign(body, SECRET)}"
    changed = body.replace(b'"success"', b'"failed"')
    assert _reason(changed, header) == "mismatch"
    assert _reason(body + b"\n", header) == "mismatch"
    reserialised = json.dumps(json.loads(body)).encode()  # same JSON, other bytes
    assert _reason(reserialised, header) == "mismatch"


def test_a_wrong_secret_fails_and_the_message_names_no_secret() -> None:
    body = b'{"id": "1", "type": "ping"}'
    header = f"v1={_sign(body, SECRET)}"
    assert _reason(body, header, "not-the-secret") == "mismatch"
    with pytest.raises(WebhookSignatureError) as caught:
        webhooks.verify_signature(body, header, "not-the-secret")
    assert _sign(body, "not-the-secret") not in str(caught.value)
    assert "1 signing secret" in str(caught.value)


@pytest.mark.parametrize("header", [None, "", "   "])
def test_a_missing_header_fails(header: str | None) -> None:
    assert _reason(b"{}", header) == "missing"
    with pytest.raises(WebhookSignatureError, match="no circleci-signature header"):
        webhooks.verify_and_parse(b"{}", {"content-type": "application/json"}, SECRET)


@pytest.mark.parametrize(
    "header",
    ["garbage", "v1", "=abc", "v1=", "v1=abc,,", "v 1=abc", "v1=" + "a" * 9000],
)
def test_a_malformed_header_fails(header: str) -> None:
    assert _reason(b"{}", header) == "malformed"


def test_several_signatures_any_v1_entry_may_match() -> None:
    body = b'{"id": "x"}'
    good, bad = _sign(body, SECRET), _sign(body, "other")
    for header in (f"v1={bad},v1={good}", f"v1={good},v1={bad}", f"v1={bad}, v1={good}"):
        webhooks.verify_signature(body, header, SECRET)
    assert _reason(body, f"v1={bad},v1={'0' * 64}") == "mismatch"
    assert _reason(body, f"v1=not-hex,v1={bad}") == "mismatch"
    assert _reason(body, f"v1=\u00e9{good[1:]},v2={good}") == "mismatch"  # not hex: no match


def test_rotation_accepts_any_of_several_secrets() -> None:
    body = b'{"id": "rotating"}'
    old, new = "old-secret", "new-secret"
    webhooks.verify_signature(body, f"v1={_sign(body, old)}", [old, new])
    webhooks.verify_signature(body, f"v1={_sign(body, new)}", (old, new))
    assert _reason(body, f"v1={_sign(body, old)}", [new]) == "mismatch"
    both = webhooks.signature_header(body, [old, new])
    assert both == f"v1={_sign(body, old)},v1={_sign(body, new)}"
    webhooks.verify_signature(body, both, new)


def test_unknown_versions_are_ignored_and_never_trusted() -> None:
    body = b'{"id": "versions"}'
    good = _sign(body, SECRET)
    webhooks.verify_signature(body, f"v2=whatever,v1={good},v3=...", SECRET)
    with pytest.raises(WebhookSignatureError, match=r"no v1 signature \(versions sent: v0, v2\)"):
        webhooks.verify_signature(body, f"v2={good},v0={good}", SECRET)


def test_non_ascii_and_non_utf8_bodies_are_checked_as_bytes() -> None:
    text = '{"subject": "caf\u00e9 \u4e2d\u6587 \U0001f680", "id": "\u00fc"}'
    for body in (text.encode("utf-8"), text.encode("utf-16"), b"\xff\xfe\x00raw"):
        webhooks.verify_signature(body, f"v1={_sign(body, SECRET)}", SECRET)
        assert _reason(body, f"v1={_sign(body, SECRET + '!')}") == "mismatch"
    secret = "s\u00e9cr\u00e8t"
    body = text.encode()
    webhooks.verify_signature(body, f"v1={_sign(body, secret)}", secret)


def test_text_bodies_and_missing_secrets_are_refused() -> None:
    with pytest.raises(TypeError, match="raw request body as bytes"):
        webhooks.verify_signature("{}", "v1=" + "0" * 64, SECRET)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least one signing secret"):
        webhooks.verify_signature(b"{}", "v1=" + "0" * 64, [])
    with pytest.raises(ValueError, match="must not be empty"):
        webhooks.verify_signature(b"{}", "v1=" + "0" * 64, "")


def test_comparison_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []
    real = hmac.compare_digest

    def recording(a: str, b: str) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", recording)
    body = b"{}"
    webhooks.verify_signature(body, f"v1={'0' * 64},v1={_sign(body, SECRET)}", ["a", SECRET])
    assert len(calls) == 4  # every entry against every secret, no early exit


def test_errors_are_exported_and_typed() -> None:
    assert issubclass(WebhookSignatureError, CircleCIError)
    assert issubclass(WebhookPayloadError, CircleCIError)
    assert {"WebhookSignatureError", "WebhookPayloadError"} <= set(circleci_client.__all__)


# --- the events ---------------------------------------------------------------------------------


def test_verify_and_parse_a_workflow_completed_event() -> None:
    event_data = dict(WORKFLOW_EVENT, added_later={"x": 1})
    body = json.dumps(event_data).encode()
    headers = {"Circleci-Signature": f"v1={_sign(body, SECRET)}", "Circleci-Event-Type": "x"}
    event = webhooks.verify_and_parse(body, headers, SECRET)
    assert isinstance(event, webhooks.WorkflowCompletedEvent)
    assert event.id == "3888f21b-eaa7-38e3-8f3d-75a63bba8895"
    assert event.workflow.status == WebhookWorkflowStatus.SUCCESS
    assert event.pipeline.number == 130 and event.project.slug.endswith("webhook-service")
    vcs = event.pipeline.vcs
    assert not isinstance(vcs, Unset) and vcs.branch == "main"
    assert event["added_later"] == {"x": 1}  # unknown fields are kept
    assert set(event.to_dict()) == set(event_data)
    assert webhooks.WorkflowCompletedEvent.from_dict(event.to_dict()) == event


def test_parse_a_job_completed_event_with_a_status_added_later() -> None:
    data = _job_event()
    data["job"]["status"] = "skipped_by_policy"
    event = webhooks.parse_event(json.dumps(data).encode())
    assert isinstance(event, webhooks.JobCompletedEvent)
    assert event.id == "8bd71c28-4969-3677-8940-3e3a61c46660"
    assert event.job.number == 136 and event.job.name == "test"
    assert event.job.status == "skipped_by_policy"
    assert event.job.status not in list(WebhookJobStatus)
    assert isinstance(event.workflow.status, Unset)


def test_parse_a_gitlab_event_keeps_its_trigger_parameters() -> None:
    data = json.loads(json.dumps(WORKFLOW_EVENT))
    del data["pipeline"]["vcs"]
    data["pipeline"]["trigger"] = {"type": "gitlab"}
    data["pipeline"]["trigger_parameters"] = {
        "circleci": {"event_type": "push", "trigger_type": "gitlab"},
        "git": {"branch": "main", "tag": ""},
    }
    event = webhooks.parse_event(json.dumps(data).encode())
    assert isinstance(event, webhooks.WorkflowCompletedEvent)
    parameters = event.pipeline.trigger_parameters
    assert not isinstance(parameters, Unset) and parameters["git"]["branch"] == "main"


def test_an_unknown_event_type_is_kept_whole() -> None:
    data = {"id": "e-1", "type": "pipeline-created", "pipeline": {"number": 3}}
    event = webhooks.parse_event(json.dumps(data).encode())
    assert event == webhooks.UnknownEvent("e-1", "pipeline-created", data)


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"not json", "not JSON"),
        (b"\xff\xfe", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"type": "workflow-completed"}', "no string id and type"),
        (
            json.dumps({k: v for k, v in WORKFLOW_EVENT.items() if k != "workflow"}).encode(),
            "'workflow' is missing",
        ),
        (
            json.dumps(dict(WORKFLOW_EVENT, happened_at="yesterday")).encode(),
            "cannot be read",
        ),
    ],
)
def test_unreadable_bodies_raise_the_payload_error(body: bytes, problem: str) -> None:
    with pytest.raises(WebhookPayloadError, match=problem):
        webhooks.parse_event(body)
