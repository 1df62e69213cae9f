# Hand-written runtime module (not generated): edit it here.
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

DEFAULT_DEADLINE = 300.0
"""Seconds one API call may take in total: every attempt, retry wait and rate-limit wait.

The defaults let a call that is never attacked finish well within it: three attempts at the
30 s read timeout and two honoured ``Retry-After`` waits of up to 60 s take about 210 s. A
server that drips bytes to hold the client is cut off after five minutes.
"""

DEADLINE_EXTENSION = "circleci_client.deadline"
"""httpx request-extension key whose ``float`` value overrides the deadline for one call."""

API_CALL_EXTENSION = "circleci_client.api_call"
"""httpx request-extension key marking an API call: its body is read, capped, in the retries."""

DEFAULT_MAX_RESPONSE_SIZE = 32 * 1024 * 1024
"""Largest decoded body, in bytes, of a successful API response (32 MiB).

The largest real pages (a job's artifact list or test results) are a few MiB at most.
"""

MAX_ERROR_BODY_SIZE = 64 * 1024
"""Decoded bytes of a non-2xx API body that are kept (64 KiB); the rest is discarded."""
