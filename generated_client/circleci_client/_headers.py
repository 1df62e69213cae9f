# Hand-written runtime module (not generated): edit it here.
"""Pure parsing of the response headers that tell the client how long to wait.

``Retry-After`` (seconds or an HTTP-date) and the rate-limit headers (``RateLimit-Remaining``,
``RateLimit-Reset`` and their ``X-`` forms). Nothing here does I/O or reads a clock: the
caller passes ``now`` where a date has to be turned into seconds.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

__all__ = [
    "is_whole_seconds",
    "parse_retry_after",
    "rate_limit_remaining",
    "rate_limit_reset",
]

_DELTA_SECONDS = re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)")
_REMAINING_HEADERS = ("ratelimit-remaining", "x-ratelimit-remaining")
_RESET_HEADERS = ("ratelimit-reset", "x-ratelimit-reset")


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Parse a ``Retry-After`` header into seconds to wait.

    Accepts delta-seconds (decimals allowed) or an HTTP-date. Returns ``None`` for a missing,
    negative, non-finite or unparseable value, and ``0.0`` for a date in the past. A date
    without a time zone is taken as UTC, and so is a naive ``now``.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if _DELTA_SECONDS.fullmatch(value):
        seconds = float(value)
        return seconds if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    try:
        seconds = (when - now).total_seconds()
    except OverflowError:
        return None
    return max(0.0, seconds)


def is_whole_seconds(raw: str | None) -> bool:
    """Whether a ``Retry-After`` value is a whole number of seconds (so it was rounded)."""
    return raw is not None and raw.strip().isdigit()


def rate_limit_remaining(headers: Mapping[str, str]) -> float | None:
    """Requests left in the current window, from ``RateLimit-Remaining`` (or ``X-``)."""
    return _first_number(headers, _REMAINING_HEADERS)


def rate_limit_reset(headers: Mapping[str, str]) -> float | None:
    """Seconds until the window resets, from ``RateLimit-Reset`` (or ``X-``)."""
    return _first_number(headers, _RESET_HEADERS)


def _first_number(headers: Mapping[str, str], names: tuple[str, ...]) -> float | None:
    """The first header of ``names`` present, as a finite number >= 0; else None."""
    for name in names:
        raw = headers.get(name)
        if raw is None:
            continue
        try:
            value = float(raw.strip())
        except ValueError:
            return None
        return value if math.isfinite(value) and value >= 0 else None
    return None
