# Hand-written runtime module (not generated): edit it here.
"""The overall deadline of one API call: every attempt, retry wait and read shares it.

httpx's timeouts bound each socket operation, so a server that sends a byte just before each
one runs out holds a call forever. :class:`Budget` counts down from the call's start; before
each attempt the attempt's httpx timeouts are cut to the time left, the body is read with a
check between chunks, and a retry whose wait would end past the deadline is not made.

httpx only hands back a response once its headers are complete, so headers dripped one byte
at a time are out of reach of those checks. :func:`bound_by_deadlines` therefore wraps the
network backend of the client's own transports: while a call is :func:`active`, every
connect, read and write waits at most the time left.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx

from .errors import APITimeoutError

__all__ = ["BUDGET_EXTENSION", "Budget", "active", "bound_by_deadlines", "budget_of"]

BUDGET_EXTENSION = "circleci_client.budget"
"""Request-extension key of the call's :class:`Budget`, for the layers below the retries."""

_TIMEOUT_KINDS = ("connect", "read", "write", "pool")
_SLACK = 0.005
"""Seconds by which a socket timeout may fire early and still count as the deadline's."""


@dataclass(slots=True)
class Budget:
    """Seconds left of one call's deadline, on an injectable monotonic ``clock``."""

    seconds: float
    clock: Callable[[], float]
    expires: float = field(init=False)
    attempts: int = field(default=0, init=False)
    _base_timeouts: dict[str, float | None] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.expires = self.clock() + self.seconds

    def left(self) -> float:
        """Seconds until the deadline (0 or less once it has passed)."""
        return self.expires - self.clock()

    def expired(self) -> bool:
        """Whether the deadline has passed (give or take a few milliseconds of timer slack)."""
        return self.left() <= _SLACK

    def fits(self, wait: float) -> bool:
        """Whether waiting ``wait`` seconds still leaves time for another attempt.

        The attempt after the wait must not find the deadline :meth:`expired`, so the wait
        has to end more than the timer slack before it.
        """
        return wait < self.left() - _SLACK

    def start_attempt(self, request: httpx.Request) -> None:
        """Raise if no time is left; else cut the request's timeouts to the time left."""
        left = self.expires - self.clock()  # read once: the same as left(), then expired()
        if left <= _SLACK:
            raise self.error(request, "passed before the next attempt")
        self.attempts += 1
        if self._base_timeouts is None:
            current: dict[str, Any] = request.extensions.get("timeout") or {}
            self._base_timeouts = {kind: current.get(kind) for kind in _TIMEOUT_KINDS}
        request.extensions["timeout"] = {
            kind: left if base is None else min(base, left)
            for kind, base in self._base_timeouts.items()
        }

    def check_while_reading(self) -> None:
        """Raise ``httpx.ReadTimeout`` once the deadline has passed while a body streams in."""
        if self.expired():
            raise httpx.ReadTimeout("the overall deadline passed while reading the body")

    def error(self, request: httpx.Request, what: str) -> APITimeoutError:
        """The typed error for a call that ran out of time; ``what`` the deadline did."""
        tries = f"{self.attempts} attempt" + ("" if self.attempts == 1 else "s")
        return APITimeoutError(
            f"the overall deadline of {self.seconds:g} s for this call {what} ({tries} made); "
            "allow more with deadline= on the client or for this call",
            request=request,
        )


def budget_of(request: httpx.Request) -> Budget | None:
    """The deadline budget of the call ``request`` belongs to, if it has one."""
    budget = request.extensions.get(BUDGET_EXTENSION)
    return budget if isinstance(budget, Budget) else None


# --------------------------------------------------------------------------------------------
# Every socket operation of an active call waits at most the time left
# --------------------------------------------------------------------------------------------

_active: ContextVar[Budget | None] = ContextVar("circleci_client_deadline", default=None)
TransportT = TypeVar("TransportT", httpx.HTTPTransport, httpx.AsyncHTTPTransport)


@contextlib.contextmanager
def active(budget: Budget | None) -> Iterator[None]:
    """Bound the socket operations made inside the block (in this thread or task)."""
    token = _active.set(budget)
    try:
        yield
    finally:
        _active.reset(token)


def bound_by_deadlines(transport: TransportT) -> TransportT:
    """Make ``transport``'s socket operations keep to the deadline of the active call.

    The wrappers subclass httpcore's network classes, so they live in ``_deadline_streams``,
    imported with the first transport rather than with the package.
    """
    from ._deadline_streams import wrap_network_backend

    return wrap_network_backend(transport)
