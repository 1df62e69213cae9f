# Hand-written runtime module (not generated): edit it here.
"""Exceptions raised by the CircleCI client, and the helper that builds them from responses.

Hierarchy::

    CircleCIError
    ├── APIError                      (has .request, .method, .url)
    │   ├── APIConnectionError
    │   │   └── APITimeoutError
    │   ├── ResponseTooLargeError     (has .limit)
    │   ├── CrossOriginRedirectError  (has .target_origin)
    │   └── APIStatusError            (has .status_code, .message, .headers, .response, .body)
    │       ├── BadRequestError           400
    │       ├── AuthenticationError       401
    │       ├── PermissionDeniedError     403
    │       ├── NotFoundError             404
    │       ├── ConflictError             409
    │       ├── UnprocessableEntityError  422
    │       ├── RateLimitError            429 (has .retry_after)
    │       └── ServerError               5xx
    ├── ResponseValidationError       (body did not match the model; has .operation)
    ├── FieldTypeError                (also a TypeError; in ``circleci_client._scalars``)
    ├── PaginationError               (a page token came back twice)
    │   └── PageLimitError            (more pages than DEFAULT_MAX_PAGES without max_pages)
    ├── CallCancelledError            (a bulk call raised CancelledError on its own)
    ├── MissingTokenError             (also a ValueError)
    ├── InvalidPathParameterError     (also a ValueError; nothing was sent)
    │   └── InvalidProjectSlugError   (in ``circleci_client.slugs``)
    ├── InvalidTriggerError           (also a ValueError; nothing was sent)
    │   └── InvalidPipelineParameterError  (also a TypeError; has .name, .value)
    ├── WebhookSignatureError         (also a ValueError)
    ├── WebhookPayloadError           (also a ValueError)
    ├── InvalidUsageExportWindowError (also a ValueError; nothing was sent)
    ├── UsageExportFailedError        (has .job_id, .error_reason)
    ├── UsageExportTimeoutError       (also a TimeoutError; has .job_id, .state)
    ├── UnsafePathError               (also a ValueError; artifact downloads)
    ├── RunControlError               (also a ValueError; run control changed nothing), and its
    │   WorkflowNotFoundError, JobNotFoundError, NotAnApprovalJobError, ApprovalNotPendingError
    └── NoSuccessfulPipelineError     (artifact downloads)

All of them are importable from ``circleci_client``. Secrets never end up in an error: the
request's credentials are redacted from the message, ``args``, ``url``, ``headers`` and
``body``, and ``request`` and ``response`` are sanitised copies (see ``_redact``).
``redact``, ``redact_url`` and ``parse_retry_after`` are re-exported here from ``_redact``
and ``_headers``, where they live.
"""

from __future__ import annotations

import httpx

from ._display import visible
from ._error_body import MAX_MESSAGE_LENGTH as MAX_MESSAGE_LENGTH
from ._error_body import extract_message, read_content
from ._headers import parse_retry_after
from ._redact import (
    REDACTED,
    redact,
    redact_headers,
    redact_json,
    redact_url,
    request_secrets,
    sanitized_request,
    sanitized_response,
)

__all__ = [
    "REDACTED",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "ApprovalNotPendingError",
    "AuthenticationError",
    "BadRequestError",
    "CallCancelledError",
    "CircleCIError",
    "ConflictError",
    "CrossOriginRedirectError",
    "InvalidPathParameterError",
    "InvalidPipelineParameterError",
    "InvalidRequestBodyError",
    "InvalidTriggerError",
    "InvalidUsageExportWindowError",
    "JobNotFoundError",
    "MissingTokenError",
    "NoSuccessfulPipelineError",
    "NotAnApprovalJobError",
    "NotFoundError",
    "PageLimitError",
    "PaginationError",
    "PermissionDeniedError",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "RunControlError",
    "ServerError",
    "UnprocessableEntityError",
    "UnsafePathError",
    "UsageExportFailedError",
    "UsageExportTimeoutError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WorkflowNotFoundError",
    "error_from_response",
    "parse_retry_after",
    "redact",
    "redact_url",
]


def _response_request(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:  # a response built by hand, without a request
        return None


# --------------------------------------------------------------------------------------------
# Exceptions
# --------------------------------------------------------------------------------------------


class CircleCIError(Exception):
    """Base class of every exception raised by this client."""


class MissingTokenError(CircleCIError, ValueError):
    """The client was set up without an API token."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message
            or "a CircleCI personal API token is required; create one under "
            "User Settings > Personal API Tokens"
        )


class InvalidPathParameterError(CircleCIError, ValueError):
    """A path parameter would change which path the request goes to; nothing was sent.

    Raised for an empty value, a value of only slashes, a dot segment (``.``, ``..``) or a
    value that a server would decode into one (``%2e%2e``, ``x/../..``), and for control
    characters. ``InvalidProjectSlugError`` is the subclass for a malformed project slug.
    """

    operation: str | None
    """The operation (``operationId``) that refused the value, when known."""
    parameter: str | None
    """The Python name of the parameter, e.g. ``name`` or ``job_number``; None when a whole
    request path was refused."""
    value: object
    """The value as given."""

    def __init__(
        self,
        message: str,
        *,
        parameter: str | None,
        value: object,
        operation: str | None = None,
    ) -> None:
        super().__init__(message)
        self.operation = operation
        self.parameter = parameter
        self.value = value


class APIError(CircleCIError):
    """A request to the API failed; ``str()`` reads ``"<what> for <METHOD> <url>: <detail>"``."""

    _summary = "API error"

    request: httpx.Request
    """Sanitised copy of the failed request: redacted URL and headers, no body."""
    method: str
    url: str
    """The request URL without credentials."""
    message: str
    """The detail: the server's message, or a description of the transport failure."""

    def __init__(self, message: str, *, request: httpx.Request) -> None:
        secrets = request_secrets(request)
        self.request = sanitized_request(request, secrets)
        self.method = request.method
        self.url = redact_url(request.url, secrets)
        self.message = redact(message, secrets)
        text = f"{self._headline()} for {self.method} {self.url}"
        if self._show_message():
            text = f"{text}: {self.message}"
        super().__init__(visible(text))  # server text: controls escaped, ``message`` stays raw

    def _headline(self) -> str:
        return self._summary

    def _show_message(self) -> bool:
        return bool(self.message)


class APIConnectionError(APIError):
    """The request failed before a response arrived (DNS, refused connection, reset, ...)."""

    _summary = "Connection error"


class APITimeoutError(APIConnectionError):
    """The request timed out while connecting, sending, waiting or reading."""

    _summary = "Request timed out"


class ResponseTooLargeError(APIError):
    """The response body passed the size cap once decoded; reading stopped there."""

    _summary = "Response too large"

    limit: int
    """The cap, in decoded bytes, that the body passed."""

    def __init__(self, limit: int, *, request: httpx.Request) -> None:
        self.limit = limit
        super().__init__(
            f"the body is larger than {limit} bytes once decoded, more than any API page; "
            "if it is genuine, raise max_response_size on the client",
            request=request,
        )


class CrossOriginRedirectError(APIError):
    """The API redirected a call to another origin; the redirect was not followed."""

    _summary = "Redirect refused"

    target_origin: str
    """Scheme, host and port the redirect pointed at."""

    def __init__(self, target_origin: str, *, api_origin: str, request: httpx.Request) -> None:
        self.target_origin = target_origin
        super().__init__(
            f"the server redirected the call to another origin, {target_origin}; API calls "
            f"follow redirects only within {api_origin}, so nothing was sent there. If the API "
            "moved, set base_url to its new address",
            request=request,
        )


class APIStatusError(APIError):
    """The API answered with an error status; subclasses narrow it down by status code."""

    status_code: int
    headers: httpx.Headers
    """Response headers, with any credential-bearing header redacted."""
    response: httpx.Response
    """Sanitised copy of the response: status, redacted headers and the (decoded) body."""
    body: object | None
    """The decoded JSON body, else the body text; ``None`` if empty, binary or unreadable."""
    operation: str | None
    """The API operation (``operationId``) that failed, when known."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        body: object | None = None,
        operation: str | None = None,
    ) -> None:
        request = response.request
        secrets = request_secrets(request)
        self.status_code = response.status_code
        self.operation = operation
        self.headers = redact_headers(response.headers, secrets)
        self._reason = response.reason_phrase or "Error"
        if secrets and body is not None:
            try:
                body = redact_json(body, tuple(secrets))
            except RecursionError:
                body = None
        self.body = body
        super().__init__(message, request=request)
        self.response = sanitized_response(response, read_content(response), secrets, self.request)

    def _headline(self) -> str:
        headline = f"{self.status_code} {self._reason}"
        return f"{self.operation}: {headline}" if self.operation else headline

    def _show_message(self) -> bool:
        # Avoid "404 Not Found for GET ...: Not Found" when the server gave no message.
        return bool(self.message) and self.message != self._reason


class BadRequestError(APIStatusError):
    """HTTP 400: the request was malformed or had invalid parameters."""


class AuthenticationError(APIStatusError):
    """HTTP 401: the token is missing, invalid, or not a personal API token."""


class PermissionDeniedError(APIStatusError):
    """HTTP 403: the token's user may not access this resource."""


class NotFoundError(APIStatusError):
    """HTTP 404: no such resource, or it is hidden from this token's user."""


class ConflictError(APIStatusError):
    """HTTP 409: the request conflicts with the resource's current state."""


class UnprocessableEntityError(APIStatusError):
    """HTTP 422: the request was well formed but semantically invalid."""


class RateLimitError(APIStatusError):
    """HTTP 429: the client was throttled; ``retry_after`` is the requested wait in seconds."""

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait (``Retry-After``), or None when it gave no wait."""
        return parse_retry_after(self.headers.get("Retry-After"))


class ServerError(APIStatusError):
    """HTTP 5xx: the server failed to handle the request."""


class ResponseValidationError(CircleCIError):
    """The server's response body could not be parsed into the expected model."""

    model: str
    field: str | None
    response: httpx.Response | None
    """Sanitised copy of the offending response, when there is one."""
    operation: str | None

    def __init__(
        self,
        message: str,
        *,
        model: str,
        field: str | None = None,
        response: httpx.Response | None = None,
        operation: str | None = None,
    ) -> None:
        self.model = model
        self.field = field
        self.operation = operation
        self.response = None
        secrets: frozenset[str] = frozenset()
        if response is not None:
            request = _response_request(response)
            request_copy = None
            if request is not None:
                secrets = request_secrets(request)
                request_copy = sanitized_request(request, secrets)
            self.response = sanitized_response(
                response, read_content(response), secrets, request_copy
            )
        text = redact(message, secrets)
        super().__init__(visible(f"{operation}: {text}" if operation else text))


class PaginationError(CircleCIError):
    """The server's page tokens went round in a circle, or never ended."""


class PageLimitError(PaginationError):
    """A listing without ``max_pages`` still had more pages after ``DEFAULT_MAX_PAGES`` (10,000)."""


class InvalidRequestBodyError(CircleCIError, TypeError, ValueError):
    """A request body given as a mapping that does not build the operation's model; nothing
    was sent.

    Raised for an unknown key (often a typo), a missing required key, a value of the wrong
    type, or a body that is neither the model nor a mapping.
    """

    operation: str
    """The operation (``operationId``) the body was for."""
    model: str
    """The name of the model the body must build, e.g. ``ContextInput``."""
    key: str | None
    """The refused key, dotted for a nested one (``owner.tpye``); None when the whole body was
    refused."""

    def __init__(self, message: str, *, operation: str, model: str, key: str | None) -> None:
        super().__init__(message)
        self.operation = operation
        self.model = model
        self.key = key


_STATUS_CLASSES: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


# --------------------------------------------------------------------------------------------
# Building errors from responses
# --------------------------------------------------------------------------------------------


def error_from_response(
    response: httpx.Response, *, operation: str | None = None
) -> APIStatusError:
    """Build the typed error for an error ``response``; never raises on odd bodies.

    The class is picked by status code. The message is the JSON ``message`` or ``error``
    field, else the plain-text body (whitespace collapsed, at most 500 characters), else the
    HTTP reason phrase. Async callers should ``await response.aread()`` first; a body that
    cannot be read is treated as empty.
    """
    content = read_content(response)
    message, body = extract_message(response, content)
    status = response.status_code
    cls = _STATUS_CLASSES.get(status) or (ServerError if status >= 500 else APIStatusError)
    if message is None:
        message = response.reason_phrase or "Error"
    return cls(message, response=response, body=body, operation=operation)


# The tools' errors subclass CircleCIError, so they are imported once it exists.
from ._tool_errors import (  # noqa: E402
    ApprovalNotPendingError,
    CallCancelledError,
    InvalidPipelineParameterError,
    InvalidTriggerError,
    InvalidUsageExportWindowError,
    JobNotFoundError,
    NoSuccessfulPipelineError,
    NotAnApprovalJobError,
    RunControlError,
    UnsafePathError,
    UsageExportFailedError,
    UsageExportTimeoutError,
    WebhookPayloadError,
    WebhookSignatureError,
    WorkflowNotFoundError,
)
