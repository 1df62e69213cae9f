"""A typed, resilient client for the CircleCI API v2."""

from ._auth import InsecureTransportWarning
from ._operation import APIDeprecationWarning, PageLimitError, PaginationError
from ._ratelimit import RateLimit
from ._version import __version__
from .client import AuthenticatedClient, Client
from .errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CallCancelledError,
    CircleCIError,
    CrossOriginRedirectError,
    InvalidPathParameterError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseTooLargeError,
    ResponseValidationError,
    ServerError,
    WebhookPayloadError,
    WebhookSignatureError,
)
from .slugs import ProjectSlug

__all__ = (
    "APIConnectionError",
    "APIDeprecationWarning",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticatedClient",
    "AuthenticationError",
    "BadRequestError",
    "CallCancelledError",
    "CircleCIError",
    "Client",
    "CrossOriginRedirectError",
    "InsecureTransportWarning",
    "InvalidPathParameterError",
    "NotFoundError",
    "PageLimitError",
    "PaginationError",
    "PermissionDeniedError",
    "ProjectSlug",
    "RateLimit",
    "RateLimitError",
    "ResponseTooLargeError",
    "ResponseValidationError",
    "ServerError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "__version__",
)
