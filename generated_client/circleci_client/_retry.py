# Hand-written runtime module (not generated): edit it here.
"""Retries for rate limits and transient failures: the policy and both retry transports.

The rules and the decisions are in ``_retry_policy`` (no I/O); the attempt loop is written once,
in ``_async_retry``, and ``_sync_retry`` is its generated sync twin.
"""

from __future__ import annotations

from ._async_retry import AsyncRetryTransport
from ._retry_policy import RetryPolicy, RetrySettings
from ._sync_retry import RetryTransport
from ._timing import AsyncSleep, Sleep

__all__ = [
    "AsyncRetryTransport",
    "AsyncSleep",
    "RetryPolicy",
    "RetrySettings",
    "RetryTransport",
    "Sleep",
]
