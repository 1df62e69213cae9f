"""Opt-in fault injection: rate limits, 5xx, latency, dropped connections, artifact faults.

Every rule matches requests by host (``api``, ``artifact``, ``foreign`` or ``any``) and
optionally by operationId, HTTP method and a path glob (compared with both the concrete
path below ``/api/v2`` and the route template, e.g. ``/project/{project-slug}/pipeline``).
``times`` limits how often a rule fires (``None``: forever) and ``every=N`` makes it fire
on every N-th matching request only. ``probability=p`` makes it fire on a random share ``p`` of
matching requests instead, drawn from a generator seeded by :meth:`Faults.seed` (so a run with
the same seed and the same request order fires the same faults). ``latency(..., jitter=s)``
adds a random extra delay of up to ``s`` seconds from that generator.
"""

from __future__ import annotations

import email.utils
import fnmatch
import random
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TypedDict, Unpack


@dataclass
class RequestInfo:
    """What fault rules can match on."""

    host: str
    method: str
    path: str
    template: str | None = None
    operation: str | None = None


class Match(TypedDict, total=False):
    """Which requests a rule applies to, and how often it fires (see the module docs)."""

    method: str | None
    path: str | None
    times: int | None
    every: int
    host: str
    probability: float


@dataclass
class FaultRule:
    """One fault; see :class:`Faults` for the meaning of each field."""

    kind: str
    host: str = "api"
    operation: str | None = None
    method: str | None = None
    path: str | None = None
    times: int | None = 1
    every: int = 1
    status: int = 500
    when: str = "after"
    message: str | None = None
    retry_after: str | None = None
    plain_text: bool = False
    seconds: float = 0.0
    after_bytes: int = 0
    probability: float = 1.0
    jitter: float = 0.0
    seen: int = 0
    fired: int = 0

    def __post_init__(self) -> None:
        if self.when not in ("before", "after"):
            raise ValueError("when must be 'before' or 'after'")

    def matches(self, req: RequestInfo) -> bool:
        """Return whether the rule applies to the request (ignoring counts)."""
        if self.host not in ("any", req.host):
            return False
        if self.operation is not None and self.operation != req.operation:
            return False
        if self.method is not None and self.method.upper() != req.method.upper():
            return False
        if self.path is not None:
            candidates = [req.path] + ([req.template] if req.template else [])
            if not any(fnmatch.fnmatchcase(c, self.path) for c in candidates):
                return False
        return True

    @property
    def exhausted(self) -> bool:
        """Return whether the rule has fired ``times`` times already."""
        return self.times is not None and self.fired >= self.times


def format_retry_after(value: str | int | float | datetime | None) -> str | None:
    """Render a Retry-After value: seconds stay seconds, datetimes become HTTP-dates."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return email.utils.format_datetime(value.astimezone(UTC), usegmt=True)
    if isinstance(value, float):
        return str(int(value))
    return str(value)


def http_date_in(seconds: float) -> str:
    """Return an HTTP-date ``seconds`` from the real current time (for Retry-After)."""
    when = datetime.now(UTC) + timedelta(seconds=seconds)
    return email.utils.format_datetime(when, usegmt=True)


@dataclass
class Faults:
    """Thread-safe set of fault rules shared by the three servers."""

    rules: list[FaultRule] = field(default_factory=list)
    generation: int = 0  # bumped by clear(): requests from before a reset take no new faults
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _random: random.Random = field(default_factory=lambda: random.Random(0), repr=False)

    def seed(self, value: int) -> None:
        """Reseed the generator behind ``probability`` and ``jitter``."""
        with self._lock:
            self._random.seed(value)

    def _register(self, rule: FaultRule, match: Match | None = None) -> FaultRule:
        for name, value in (match or {}).items():
            if name not in Match.__annotations__:
                raise TypeError(f"unknown fault option {name!r}")
            setattr(rule, name, value)
        if rule.every < 1:
            raise ValueError("every must be >= 1")
        if not 0.0 <= rule.probability <= 1.0:
            raise ValueError("probability must be between 0 and 1")
        if rule.jitter < 0:
            raise ValueError("jitter must be 0 or more")
        with self._lock:
            self.rules.append(rule)
        return rule

    def add(
        self,
        operation: str | None = None,
        *,
        status: int = 500,
        when: str = "after",
        message: str | None = None,
        **match: Unpack[Match],
    ) -> FaultRule:
        """Answer matching requests with ``status`` (a 5xx usually).

        ``when="after"`` (default) runs the real handler first, so a trigger still creates
        its pipeline before the error is returned; ``when="before"`` skips the handler.
        """
        rule = FaultRule("status", operation=operation, status=status, when=when, message=message)
        return self._register(rule, match)

    def rate_limit(
        self,
        operation: str | None = None,
        *,
        retry_after: str | int | float | datetime | None = "1",
        plain_text: bool = False,
        **match: Unpack[Match],
    ) -> FaultRule:
        """Answer matching requests with 429 before running the handler.

        ``retry_after`` may be delta-seconds (``"1"`` or ``1``), an HTTP-date string, a
        datetime (rendered as an HTTP-date) or None (no header). ``plain_text=True``
        sends the body ``Rate limited.`` as text/plain instead of JSON.
        """
        header = format_retry_after(retry_after)
        rule = FaultRule("rate_limit", operation=operation, status=429, when="before")
        rule.retry_after, rule.plain_text = header, plain_text
        return self._register(rule, match)

    def latency(
        self,
        seconds: float,
        *,
        operation: str | None = None,
        jitter: float = 0.0,
        **match: Unpack[Match],
    ) -> FaultRule:
        """Delay matching requests by ``seconds`` (plus up to ``jitter``) (forever by default)."""
        rule = FaultRule("latency", operation=operation, seconds=seconds, jitter=jitter)
        return self._register(rule, {"times": None, **match})

    def drop(
        self, operation: str | None = None, *, when: str = "before", **match: Unpack[Match]
    ) -> FaultRule:
        """Close the connection without any response (``when="after"``: after the handler)."""
        return self._register(FaultRule("drop", operation=operation, when=when), match)

    def redirect_artifacts(self, times: int | None = None, *, status: int = 302) -> FaultRule:
        """Make artifact downloads redirect to a pre-signed URL on the foreign host."""
        return self._register(FaultRule("redirect", host="artifact", times=times, status=status))

    def interrupt_artifacts(
        self, after_bytes: int = 1024, *, times: int | None = 1, host: str = "any"
    ) -> FaultRule:
        """Send headers and ``after_bytes`` bytes of an artifact body, then drop the connection."""
        return self._register(
            FaultRule("interrupt", host=host, times=times, after_bytes=after_bytes)
        )

    def stall_artifacts(
        self, after_bytes: int = 1024, *, seconds: float = 30.0, **match: Unpack[Match]
    ) -> FaultRule:
        """Send headers and ``after_bytes`` bytes of an artifact body, then nothing for
        ``seconds`` (or until the client goes away), then drop the connection."""
        rule = FaultRule("stall", host="any", after_bytes=after_bytes, seconds=seconds)
        return self._register(rule, match)

    def ignore_if_range(self, *, times: int | None = None, host: str = "any") -> FaultRule:
        """Make the file hosts answer ``Range`` without looking at ``If-Range`` (as some do)."""
        return self._register(FaultRule("ignore_if_range", host=host, times=times))

    def hide_validators(self, *, times: int | None = None, host: str = "any") -> FaultRule:
        """Make the file hosts send neither ``ETag`` nor ``Last-Modified``."""
        return self._register(FaultRule("hide_validators", host=host, times=times))

    def clear(self) -> None:
        """Remove every rule."""
        with self._lock:
            self.rules.clear()
            self.generation += 1

    def take(self, kind: str, req: RequestInfo, when: str | None = None) -> FaultRule | None:
        """Count the request against matching rules of ``kind``; return one that fires."""
        with self._lock:
            for rule in self.rules:
                if rule.kind != kind or rule.exhausted or not rule.matches(req):
                    continue
                if when is not None and rule.when != when:
                    continue
                rule.seen += 1
                if rule.probability < 1.0 and self._random.random() >= rule.probability:
                    continue
                if rule.seen % rule.every == 0:
                    rule.fired += 1
                    return rule
        return None

    def delay_for(self, req: RequestInfo) -> float:
        """Return the total latency to add to a request (consuming latency rules)."""
        total = 0.0
        with self._lock:
            for rule in self.rules:
                if rule.kind == "latency" and not rule.exhausted and rule.matches(req):
                    rule.fired += 1
                    total += rule.seconds
                    if rule.jitter > 0:
                        total += self._random.uniform(0.0, rule.jitter)
        return total
