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
import ssl
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpcore
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
        if self.expired():
            raise self.error(request, "passed before the next attempt")
        self.attempts += 1
        if self._base_timeouts is None:
            current: dict[str, Any] = request.extensions.get("timeout") or {}
            self._base_timeouts = {kind: current.get(kind) for kind in _TIMEOUT_KINDS}
        left = self.left()
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


def _cut(timeout: float | None, error: type[httpcore.TimeoutException]) -> float | None:
    budget = _active.get()
    if budget is None:
        return timeout
    left = budget.left()
    if left <= 0:
        raise error("the call's overall deadline passed")
    return left if timeout is None else min(timeout, left)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _cut(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _cut(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _cut(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _cut(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_tcp(host, port, timeout, local_address, socket_options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        timeout = _cut(timeout, httpcore.ConnectTimeout)
        return _Stream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _AsyncStream(httpcore.AsyncNetworkStream):
    def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
        self._inner = inner

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, _cut(timeout, httpcore.ReadTimeout))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, _cut(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _cut(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _AsyncBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend) -> None:
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        timeout = _cut(timeout, httpcore.ConnectTimeout)
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _AsyncStream(stream)

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        timeout = _cut(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def bound_by_deadlines(transport: TransportT) -> TransportT:
    """Make ``transport``'s socket operations keep to the deadline of the active call.

    httpx offers no public way to choose the network backend, so the one inside its
    connection pool is wrapped; should a later httpx lay it out differently, the transport is
    returned as it is and the per-attempt timeouts and between-chunk checks still apply.
    """
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = _Backend(backend)  # type: ignore[union-attr]
    elif isinstance(backend, httpcore.AsyncNetworkBackend):
        pool._network_backend = _AsyncBackend(backend)  # type: ignore[union-attr]
    return transport
