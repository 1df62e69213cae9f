# Hand-written runtime module (not generated): edit it here.
"""Receive CircleCI's outbound webhooks: check the ``circleci-signature`` header, read the event.

What CircleCI documents (``webhooks.adoc``, "Validate outbound webhooks", and
``webhooks-reference.adoc`` in ``circleci/circleci-docs``; https://circleci.com/docs/webhooks/):

* A webhook with a secret token sends ``circleci-signature``: a comma-separated list of
  versioned signatures, e.g. ``v1=4fcc0691...,v2=...``. ``v1`` is the only version today; a
  receiver should check the latest version it knows, which prevents downgrade attacks, so other
  versions are ignored here.
* The ``v1`` signature is the lowercase hex HMAC-SHA256 of the request body, keyed with the
  webhook's signing secret. CircleCI's examples: body ``hello world`` with secret ``secret``
  gives ``734cc62f32841568f45715aeb9f4d7891324e6d948e4c6c60c0621cdac48623a``.
* The body is JSON; ``circleci-event-type`` names the event (``workflow-completed``,
  ``job-completed``). Requests may be duplicated: the payload's ``id`` identifies the event.
  Payloads are open maps: new fields may appear at any time.

So :func:`verify_signature` works on the raw body bytes exactly as received (never on JSON
that was parsed and serialised again), compares in constant time, accepts several ``v1``
entries and several secrets (for rotating a secret), and raises :class:`WebhookSignatureError`
otherwise. :func:`parse_event` reads a verified body into :class:`WorkflowCompletedEvent`,
:class:`JobCompletedEvent` or, for event types added later, :class:`UnknownEvent`.
:func:`verify_and_parse` does both.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import WebhookPayloadError, WebhookSignatureError
from .models.job_completed_event import JobCompletedEvent
from .models.workflow_completed_event import WorkflowCompletedEvent

__all__ = [
    "EVENT_TYPE_HEADER",
    "SIGNATURE_HEADER",
    "JobCompletedEvent",
    "UnknownEvent",
    "WebhookEvent",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WorkflowCompletedEvent",
    "compute_signature",
    "parse_event",
    "signature_header",
    "verify_and_parse",
    "verify_signature",
]

SIGNATURE_HEADER = "circleci-signature"
"""The header that carries the signatures."""
EVENT_TYPE_HEADER = "circleci-event-type"
"""The header that names the event type."""
SIGNATURE_VERSION = "v1"
"""The signature version this module checks; entries of other versions are ignored."""
MAX_HEADER_LENGTH = 8192
"""Longest ``circleci-signature`` value read; a longer one is malformed."""

_HEX_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
_VERSION = re.compile(r"[A-Za-z0-9_-]+")

Secret = str | bytes
"""A signing secret: text (encoded as UTF-8) or bytes."""


@dataclass(frozen=True)
class UnknownEvent:
    """An event of a type this client does not model yet; ``data`` is the whole payload.

    The event type is ``type_``, as on the generated event models.
    """

    id: str
    type_: str
    data: dict[str, Any] = field(repr=False)


WebhookEvent = WorkflowCompletedEvent | JobCompletedEvent | UnknownEvent
"""What :func:`parse_event` returns. Every kind has ``id`` (for dropping duplicates) and
``type_`` (``workflow-completed``, ...)."""


def _secret_bytes(secret: Secret) -> bytes:
    if isinstance(secret, bytes):
        key = secret
    elif isinstance(secret, str):
        key = secret.encode("utf-8")
    else:
        raise TypeError(f"a signing secret is str or bytes, not {type(secret).__name__}")
    if not key:
        raise ValueError("a signing secret must not be empty: copy the webhook's secret token")
    return key


def _secret_list(secrets: Secret | Iterable[Secret]) -> list[bytes]:
    items = [secrets] if isinstance(secrets, str | bytes) else list(secrets)
    if not items:
        raise ValueError("give at least one signing secret (the webhook's secret token)")
    return [_secret_bytes(secret) for secret in items]


def _body_bytes(body: bytes | bytearray | memoryview) -> bytes:
    if isinstance(body, str):
        raise TypeError(
            "pass the raw request body as bytes, not text: decoding and encoding it again can "
            "change the bytes the signature covers"
        )
    if not isinstance(body, bytes | bytearray | memoryview):
        raise TypeError(f"the request body is bytes, not {type(body).__name__}")
    return bytes(body)


def compute_signature(body: bytes | bytearray | memoryview, secret: Secret) -> str:
    """The ``v1`` signature of ``body``: lowercase hex HMAC-SHA256 keyed with ``secret``."""
    return hmac.new(_secret_bytes(secret), _body_bytes(body), hashlib.sha256).hexdigest()


def signature_header(
    body: bytes | bytearray | memoryview, secrets: Secret | Iterable[Secret]
) -> str:
    """A ``circleci-signature`` value as CircleCI sends it: one ``v1`` entry per secret."""
    raw = _body_bytes(body)
    return ",".join(
        f"{SIGNATURE_VERSION}={hmac.new(key, raw, hashlib.sha256).hexdigest()}"
        for key in _secret_list(secrets)
    )


def _v1_signatures(header: str) -> list[str]:
    """The ``v1`` values of a header; ``WebhookSignatureError`` when it cannot be read."""
    if len(header) > MAX_HEADER_LENGTH:
        raise WebhookSignatureError(
            "malformed", f"the {SIGNATURE_HEADER} header is longer than {MAX_HEADER_LENGTH}"
        )
    found: list[str] = []
    versions: list[str] = []
    for entry in header.split(","):
        version, equals, value = entry.strip().partition("=")
        if not equals or not _VERSION.fullmatch(version) or not value:
            raise WebhookSignatureError(
                "malformed",
                f"the {SIGNATURE_HEADER} header is not a comma-separated list of "
                "version=signature entries (e.g. v1=<64 hex digits>)",
            )
        versions.append(version)
        if version == SIGNATURE_VERSION:
            found.append(value)
    if not found:
        seen = ", ".join(sorted(set(versions)))
        raise WebhookSignatureError(
            "malformed",
            f"the {SIGNATURE_HEADER} header has no {SIGNATURE_VERSION} signature "
            f"(versions sent: {seen}); this client checks {SIGNATURE_VERSION} only",
        )
    return found


def verify_signature(
    body: bytes | bytearray | memoryview,
    signature: str | None,
    secrets: Secret | Iterable[Secret],
) -> None:
    """Check that ``signature`` (the ``circleci-signature`` value) signs ``body``.

    Args:
        body: The request body exactly as received, as bytes.
        signature: The header's value; None when the request had none.
        secrets: The webhook's signing secret, or several while you rotate it: the body is
            accepted when any ``v1`` entry matches any secret.

    Raises:
        WebhookSignatureError: The header is missing (``reason == "missing"``), cannot be read
            or has no ``v1`` entry (``"malformed"``), or no entry matches (``"mismatch"``).
        TypeError: ``body`` is text, not bytes.
        ValueError: No secret, or an empty one.
    """
    raw = _body_bytes(body)
    keys = _secret_list(secrets)
    if signature is None or not signature.strip():
        raise WebhookSignatureError(
            "missing",
            f"the request has no {SIGNATURE_HEADER} header: give the webhook a secret token in "
            "CircleCI, or the request did not come from CircleCI",
        )
    given = [value.lower() for value in _v1_signatures(signature) if _HEX_SHA256.fullmatch(value)]
    matched = False
    for key in keys:
        expected = hmac.new(key, raw, hashlib.sha256).hexdigest()
        for value in given:
            # No early exit: the time taken does not depend on which entry or secret matched.
            matched |= hmac.compare_digest(expected, value)
    if not matched:
        raise WebhookSignatureError(
            "mismatch",
            f"the {SIGNATURE_HEADER} signature does not match the body with any of the "
            f"{len(keys)} signing secret(s): the body was changed, the secret is wrong, or the "
            "request did not come from CircleCI",
        )


def parse_event(body: bytes | bytearray | memoryview) -> WebhookEvent:
    """Read a (verified) webhook body into its event model.

    ``workflow-completed`` and ``job-completed`` become :class:`WorkflowCompletedEvent` and
    :class:`JobCompletedEvent` (fields CircleCI adds later are kept in
    ``additional_properties``; statuses it adds later parse too); any other type becomes
    :class:`UnknownEvent`.

    Raises:
        WebhookPayloadError: The body is not a JSON object with a string ``id`` and ``type``,
            or a known event lacks a field CircleCI always sends.
    """
    try:
        data = json.loads(_body_bytes(body))
    except (ValueError, UnicodeDecodeError) as exc:
        raise WebhookPayloadError(f"the webhook body is not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise WebhookPayloadError("the webhook body is not a JSON object")
    event_type, event_id = data.get("type"), data.get("id")
    if not isinstance(event_type, str) or not isinstance(event_id, str):
        raise WebhookPayloadError("the webhook body has no string id and type")
    model: type[WorkflowCompletedEvent] | type[JobCompletedEvent] | None = {
        "workflow-completed": WorkflowCompletedEvent,
        "job-completed": JobCompletedEvent,
    }.get(event_type)
    if model is None:
        return UnknownEvent(event_id, event_type, data)
    try:
        return model.from_dict(data)
    except KeyError as exc:
        problem = f"field {exc.args[0]!r} is missing"
    except (TypeError, ValueError, AttributeError) as exc:
        problem = str(exc)
    raise WebhookPayloadError(
        f"the {event_type} event {event_id!r} cannot be read: {problem}", event_type=event_type
    )


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is not None:
        return value
    return next((v for k, v in headers.items() if k.lower() == name), None)


def verify_and_parse(
    body: bytes | bytearray | memoryview,
    headers: Mapping[str, str],
    secrets: Secret | Iterable[Secret],
) -> WebhookEvent:
    """Verify a webhook request's signature, then parse its body.

    ``headers`` is the request's headers (any mapping; names are matched case-insensitively).
    Raises what :func:`verify_signature` and :func:`parse_event` raise.
    """
    verify_signature(body, _header(headers, SIGNATURE_HEADER), secrets)
    return parse_event(body)
