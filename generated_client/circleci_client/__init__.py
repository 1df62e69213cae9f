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
    CircleCIError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
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
    "CircleCIError",
    "Client",
    "InsecureTransportWarning",
    "NotFoundError",
    "PageLimitError",
    "PaginationError",
    "PermissionDeniedError",
    "ProjectSlug",
    "RateLimit",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
    "__version__",
)
