"""Default settings shared by the hand-written runtime modules."""

from __future__ import annotations

import httpx

DEFAULT_BASE_URL = "https://circleci.com/api/v2"
"""Base URL of the CircleCI API v2; operation paths such as ``/me`` are relative to it."""

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
"""Timeout for a single attempt: 10 s to connect, 30 s for reads, writes and the pool."""

DEFAULT_MAX_RETRIES = 2
"""How many times a failed request is retried (so at most three attempts in total)."""

INITIAL_RETRY_DELAY = 0.5
"""Backoff before the first retry, in seconds; it doubles on every further retry."""

MAX_RETRY_DELAY = 8.0
"""Upper bound, in seconds, of the computed exponential backoff."""

MAX_RETRY_AFTER = 60.0
"""Longest server-requested wait (``Retry-After``), in seconds, that is honoured by retrying.

A longer request is not waited for: the response is returned to the caller instead.
"""

TOKEN_HEADER = "Circle-Token"
"""Header that carries the personal API token."""

CREDENTIAL_HEADERS = frozenset(
    {
        "circle-token",
        "authorization",
        "proxy-authorization",
        "cookie",
        "x-api-key",
        "x-auth-token",
    }
)
"""Headers (lower case) that carry credentials: sent only to the origins they belong to.

Whichever way they are set (``headers``, ``httpx_args``, per request), they go only to the API's
origin; the client's own token also goes to ``token_hosts``. Errors show them as redacted.
"""

LOGGER_NAME = "circleci_client"
"""Name of the logger the client writes to."""

MAX_RETRIES_EXTENSION = "circleci_client.max_retries"
"""httpx request-extension key whose ``int`` value overrides ``max_retries`` for one call."""
