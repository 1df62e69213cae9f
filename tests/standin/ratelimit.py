"""A real rate limiter for the stand-in: a token bucket per API token.

Each token gets ``burst`` requests at once and ``rate`` more per second. A request that
finds its bucket empty is answered 429 with ``Retry-After``: the seconds until a request
would be allowed, rounded up to a hundredth (``whole_seconds=True`` rounds up to whole
seconds, as HTTP's delta-seconds form strictly requires). Every answer, 429 or not, also carries
``RateLimit-Limit`` (the burst), ``RateLimit-Remaining`` (whole requests left now) and
``RateLimit-Reset`` (seconds until the next request is allowed, in hundredths; 0 while some are
left), as CircleCI may send. Off until configured.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BucketSettings:
    """``rate`` requests per second per token, up to ``burst`` at once."""

    rate: float
    burst: int = 1
    whole_seconds: bool = False

    def __post_init__(self) -> None:
        if not self.rate > 0 or not math.isfinite(self.rate):
            raise ValueError("rate must be a positive number of requests per second")
        if self.burst < 1:
            raise ValueError("burst must be 1 or more")


class TokenBuckets:
    """Thread-safe token buckets keyed by API token; ``check`` returns None or a Retry-After."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._settings: BucketSettings | None = None
        self._buckets: dict[str, tuple[float, float]] = {}  # token -> (tokens, updated at)
        self.limited = 0
        """429s answered since the last configuration."""

    @property
    def settings(self) -> BucketSettings | None:
        """The active settings, or None when rate limiting is off."""
        return self._settings

    def configure(self, settings: BucketSettings | None) -> None:
        """Turn limiting on with ``settings`` (full buckets), or off with None."""
        with self._lock:
            self._settings = settings
            self._buckets.clear()
            self.limited = 0

    def check(self, key: str) -> str | None:
        """Take one token for ``key``; None when allowed, else the Retry-After header value."""
        return self.take(key).retry_after

    def take(self, key: str) -> Verdict:
        """Take one token for ``key``: whether it is allowed, and the headers to answer with."""
        with self._lock:
            settings = self._settings
            if settings is None:
                return Verdict(None, {})
            now = self._clock()
            tokens, updated = self._buckets.get(key, (float(settings.burst), now))
            tokens = min(float(settings.burst), tokens + (now - updated) * settings.rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            else:
                self.limited += 1
            self._buckets[key] = (tokens, now)
        wait = 0.0 if tokens >= 1.0 else (1.0 - tokens) / settings.rate
        headers = {
            "RateLimit-Limit": str(settings.burst),
            "RateLimit-Remaining": str(math.floor(tokens)),
            # In hundredths even with whole_seconds: that flag is about Retry-After's strict form.
            "RateLimit-Reset": _seconds(wait, whole=False) if wait > 0 else "0",
        }
        if allowed:
            return Verdict(None, headers)
        return Verdict(_seconds(wait, settings.whole_seconds), headers)


@dataclass(frozen=True, slots=True)
class Verdict:
    """One request's fate: ``retry_after`` is None when it may go on."""

    retry_after: str | None
    headers: dict[str, str]


def _seconds(wait: float, whole: bool) -> str:
    """Seconds to wait, rounded up: to whole seconds, or to a hundredth."""
    if whole:
        return str(max(1, math.ceil(wait)))
    return f"{math.ceil(wait * 100) / 100:.2f}"
