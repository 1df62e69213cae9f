# Hand-written runtime module (not generated): edit it here.
"""Errors of the tools built on the operations: artifacts, bulk, triggers, run control,
webhooks and usage export. All of them are ``CircleCIError``; import them from
``circleci_client`` (or ``circleci_client.errors``)."""

from __future__ import annotations

from ._display import visible
from .errors import CircleCIError

__all__ = [
    "ApprovalNotPendingError",
    "CallCancelledError",
    "InvalidPipelineParameterError",
    "InvalidTriggerError",
    "InvalidUsageExportWindowError",
    "JobNotFoundError",
    "NoSuccessfulPipelineError",
    "NotAnApprovalJobError",
    "RunControlError",
    "UnsafePathError",
    "UsageExportFailedError",
    "UsageExportTimeoutError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WorkflowNotFoundError",
]


class UnsafePathError(CircleCIError, ValueError):
    """An artifact path would escape the destination folder (or is otherwise unusable)."""


class NoSuccessfulPipelineError(CircleCIError):
    """No recent pipeline on the branch had all its workflows succeed."""


class CallCancelledError(CircleCIError):
    """A call run by ``bulk`` raised ``CancelledError`` while ``bulk`` itself was not cancelled.

    It is that call's ``Result.error``; the original ``CancelledError`` is its ``__cause__``.
    """

    index: int
    """Position of the call in the input."""

    def __init__(self, index: int) -> None:
        self.index = index
        super().__init__(
            f"call {index} raised CancelledError although the bulk run was not cancelled "
            "(the call, or a task it awaited, was cancelled by someone else)"
        )


class InvalidTriggerError(CircleCIError, ValueError):
    """Arguments of ``pipelines.trigger_pipeline`` that make no valid request; nothing was sent."""


class InvalidPipelineParameterError(InvalidTriggerError, TypeError):
    """A pipeline parameter whose name or value CircleCI would not take; nothing was sent.

    Values must be ``str``, ``int`` or ``bool`` (``float``, ``None``, lists and mappings are
    refused), and names non-empty strings.
    """

    name: object
    """The parameter's name as given."""
    value: object
    """The refused value."""

    def __init__(self, message: str, *, name: object, value: object) -> None:
        super().__init__(message)
        self.name = name
        self.value = value


class RunControlError(CircleCIError, ValueError):
    """Run control (``circleci_client.runs``) found nothing it may act on and changed nothing."""


class WorkflowNotFoundError(RunControlError, LookupError):
    """The pipeline has no workflow of that name; the message lists the names it has."""


class JobNotFoundError(RunControlError, LookupError):
    """The workflow has no job of that name; the message lists the names it has."""


class NotAnApprovalJobError(RunControlError):
    """The job is not an approval job (``type: approval``), so it cannot be approved."""


class ApprovalNotPendingError(RunControlError):
    """The approval job is not ``on_hold`` (approved already, or still blocked)."""


class WebhookSignatureError(CircleCIError, ValueError):
    """A webhook request's ``circleci-signature`` is missing, malformed or matches no secret.

    Answer such a request with 401 and do not act on it. The message never contains a secret
    or the signature that was expected.
    """

    reason: str
    """``"missing"``, ``"malformed"`` or ``"mismatch"``."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


class WebhookPayloadError(CircleCIError, ValueError):
    """A verified webhook body is not an event this client can read (not JSON, fields missing)."""

    event_type: str | None
    """The event's ``type``, when the body names one."""

    def __init__(self, message: str, *, event_type: str | None = None) -> None:
        super().__init__(visible(message))
        self.event_type = event_type


class InvalidUsageExportWindowError(CircleCIError, ValueError):
    """A usage export window CircleCI refuses (``start`` over a year ago, ``end`` not after
    ``start`` or over 31 days after it, a time without a time zone); nothing was sent."""


class UsageExportFailedError(CircleCIError):
    """A usage export job ended ``failed``; ``error_reason`` is CircleCI's reason, if any."""

    def __init__(self, message: str, *, job_id: str, error_reason: str | None) -> None:
        super().__init__(visible(message))
        self.job_id = job_id
        self.error_reason = error_reason


class UsageExportTimeoutError(CircleCIError, TimeoutError):
    """A usage export job was not ready in time. It may still finish: wait for it by ``job_id``."""

    def __init__(self, message: str, *, job_id: str, state: str) -> None:
        super().__init__(visible(message))
        self.job_id = job_id
        self.state = state
