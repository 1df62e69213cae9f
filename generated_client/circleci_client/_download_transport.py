# Hand-written runtime module (not generated): edit it here.
"""The sync artifact downloads' network layer: HTTP/1.1 over ``http.client``, large reads.

httpx's own transport hands a body over 64 KiB at a time, each piece passing through h11 and
httpcore; with many files downloading in threads that work, not the network, sets the pace
(see docs/performance.md). :class:`DownloadTransport` sits where the client's transport
meets the network: requests marked with :data:`DOWNLOAD_EXTENSION` (plain GETs of artifact
files, made by ``circleci_client.artifacts``) go over a pooled ``http.client`` connection
and are read :data:`READ_SIZE` bytes at a time; every other request goes to httpx's
transport. Everything above it (token scoping, retries, pacing, redirect checks) is the same
for both, and its failures are httpx's exception types, so callers cannot tell them apart.
"""

from __future__ import annotations

import http.client
import select
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from typing import NoReturn

import httpx

from ._client_options import VerifyTypes
from ._deadline import BUDGET_EXTENSION, bound_by_deadlines

__all__ = ["DOWNLOAD_EXTENSION", "READ_SIZE", "DownloadTransport", "sync_network"]

DOWNLOAD_EXTENSION = "circleci_client.download"
"""Request-extension key that marks an artifact file's GET for :class:`DownloadTransport`."""

READ_SIZE = 256 * 1024
"""Bytes asked of the socket per read: fewer, larger pieces cost less than 64 KiB ones."""

KEEPALIVE_EXPIRY = 5.0
"""Seconds an idle connection is kept for the next download from its host (httpx's default)."""

MAX_IDLE_PER_HOST = 32
"""Idle connections kept per scheme, host and port."""

_Key = tuple[str, str, int]


class _NetworkStream:
    """What ``response.extensions["network_stream"]`` offers: the socket under the body."""

    def __init__(self, sock: socket.socket | None) -> None:
        self._sock = sock

    def get_extra_info(self, info: str) -> socket.socket | None:
        return self._sock if info == "socket" else None


class _Idle:
    """A connection waiting in the pool, and since when."""

    __slots__ = ("connection", "since")

    def __init__(self, connection: http.client.HTTPConnection, since: float) -> None:
        self.connection = connection
        self.since = since


def _is_readable(sock: socket.socket) -> bool:
    """Whether an idle connection's socket has something to read: the server closed it
    (or sent what no request asked for), so it cannot carry another request."""
    if sock.fileno() < 0:
        return True
    poller = getattr(select, "poll", None)
    if poller is not None:
        poll = poller()
        poll.register(sock, select.POLLIN)
        return bool(poll.poll(0))
    readable, _, _ = select.select([sock], [], [], 0)  # pragma: no cover - no poll() here
    return bool(readable)


def _raise_network(exc: BaseException, request: httpx.Request, reading: bool) -> NoReturn:
    """Raise ``exc`` as the httpx exception httpx's own transport raises for it."""
    if isinstance(exc, TimeoutError):
        kind: type[httpx.TransportError] = httpx.ReadTimeout if reading else httpx.ConnectTimeout
        raise kind(str(exc) or "timed out", request=request) from exc
    if isinstance(exc, http.client.RemoteDisconnected):
        message = "Server disconnected without sending a response."
        raise httpx.RemoteProtocolError(message, request=request) from exc
    if isinstance(exc, http.client.IncompleteRead):
        message = "peer closed connection without sending complete message body"
        raise httpx.RemoteProtocolError(f"{message} ({exc!r})", request=request) from exc
    if isinstance(exc, http.client.HTTPException):
        raise httpx.RemoteProtocolError(str(exc) or type(exc).__name__, request=request) from exc
    kind = httpx.ReadError if reading else httpx.ConnectError
    raise kind(str(exc) or type(exc).__name__, request=request) from exc


class _Body(httpx.SyncByteStream):
    """A response body read :data:`READ_SIZE` bytes at a time; the connection goes back to
    the pool once the body was read to its end, and is closed otherwise."""

    def __init__(
        self,
        transport: DownloadTransport,
        key: _Key,
        connection: http.client.HTTPConnection,
        response: http.client.HTTPResponse,
        request: httpx.Request,
    ) -> None:
        self._transport = transport
        self._key = key
        self._connection: http.client.HTTPConnection | None = connection
        self._response = response
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        response = self._response
        pieces: list[bytes] = []
        size = 0
        while True:
            try:
                piece = response.read1(READ_SIZE - size)
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                if pieces:  # what came before the failure is the caller's to keep
                    yield b"".join(pieces)
                _raise_network(exc, self._request, reading=True)
            if piece:
                pieces.append(piece)
                size += len(piece)
                if size < READ_SIZE:
                    continue
            if pieces:
                yield pieces[0] if len(pieces) == 1 else b"".join(pieces)
                pieces, size = [], 0
            if not piece:
                self._finish()
                return

    def _finish(self) -> None:
        """At the end of the body: raise if it was cut short, else mark the response read."""
        response = self._response
        if response.length:  # the server closed before the announced length
            self.close()
            short = http.client.IncompleteRead(b"", response.length)
            _raise_network(short, self._request, reading=True)
        response.read(0)  # lets the response count as read to its end (and closed)

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        response = self._response
        if response.isclosed() and not response.will_close:
            self._transport._put_back(self._key, connection)
            return
        response.close()
        connection.close()


class DownloadTransport(httpx.BaseTransport):
    """Marked GETs over pooled ``http.client`` connections; the rest through ``inner``.

    ``verify`` is the client's TLS setting (True, False or an ``ssl.SSLContext``), applied
    as httpx applies it.
    """

    def __init__(self, inner: httpx.BaseTransport, verify: VerifyTypes = True) -> None:
        self._inner = inner
        self._verify = verify
        self._ssl_context: ssl.SSLContext | None = None
        self._lock = threading.Lock()
        self._idle: dict[_Key, list[_Idle]] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self._takes(request):
            return self._inner.handle_request(request)
        url = request.url
        host = url.raw_host.decode("ascii")
        key = (url.scheme, host, url.port or (443 if url.scheme == "https" else 80))
        connection = self._pooled(key)
        if connection is not None:
            try:
                return self._send(key, connection, request, reused=True)
            except _Stale:
                pass  # the server closed it while it waited: once more on a new one
        return self._send(key, self._connect(key, request), request, reused=False)

    def _takes(self, request: httpx.Request) -> bool:
        """Only marked GETs without a body, to http(s) hosts, outside a call's deadline."""
        return (
            request.extensions.get(DOWNLOAD_EXTENSION) is True
            and request.method == "GET"
            and request.url.scheme in ("http", "https")
            and "content-length" not in request.headers
            and "transfer-encoding" not in request.headers
            and BUDGET_EXTENSION not in request.extensions
        )

    def _timeouts(self, request: httpx.Request) -> dict[str, float | None]:
        timeout = request.extensions.get("timeout") or {}
        return {kind: timeout.get(kind) for kind in ("connect", "read", "write")}

    def _connect(self, key: _Key, request: httpx.Request) -> http.client.HTTPConnection:
        scheme, host, port = key
        timeout = self._timeouts(request)["connect"]
        connection: http.client.HTTPConnection
        if scheme == "https":
            connection = http.client.HTTPSConnection(
                host, port, timeout=timeout, context=self._tls()
            )
        else:
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
        try:
            connection.connect()
        except (OSError, ssl.SSLError) as exc:
            connection.close()
            _raise_network(exc, request, reading=False)
        return connection

    def _tls(self) -> ssl.SSLContext:
        if self._ssl_context is None:  # as httpx's transport makes it, on first use
            self._ssl_context = httpx.create_ssl_context(verify=self._verify)
        return self._ssl_context

    def _send(
        self,
        key: _Key,
        connection: http.client.HTTPConnection,
        request: httpx.Request,
        reused: bool,
    ) -> httpx.Response:
        """Send ``request`` on ``connection`` and return its response with the body unread.

        Raises :class:`_Stale` when a ``reused`` connection fails before any response byte.
        """
        sock = connection.sock
        timeouts = self._timeouts(request)
        try:
            if sock is not None:
                sock.settimeout(timeouts["write"])
            target = request.url.raw_path.decode("ascii")
            connection.putrequest("GET", target, skip_host=True, skip_accept_encoding=True)
            for name, value in request.headers.raw:
                connection.putheader(name, value)
            connection.endheaders()
            if sock is not None:
                sock.settimeout(timeouts["read"])
            response = connection.getresponse()
        except (http.client.RemoteDisconnected, ConnectionError) as exc:
            connection.close()
            if reused:
                raise _Stale(exc) from exc
            _raise_network(exc, request, reading=True)
        except (OSError, http.client.HTTPException) as exc:
            connection.close()
            _raise_network(exc, request, reading=True)
        if response.status < 200:  # an informational answer http.client cannot step over
            response.close()
            connection.close()
            return self._inner.handle_request(request)  # httpx skips to the final one
        headers = [
            (name.encode("latin-1"), value.encode("latin-1"))
            for name, value in response.getheaders()
        ]
        return httpx.Response(
            response.status,
            headers=headers,
            stream=_Body(self, key, connection, response, request),
            extensions={
                "http_version": b"HTTP/1.1" if response.version == 11 else b"HTTP/1.0",
                "reason_phrase": response.reason.encode("latin-1", "replace"),
                "network_stream": _NetworkStream(sock),
            },
        )

    def _pooled(self, key: _Key) -> http.client.HTTPConnection | None:
        """An idle connection to ``key`` that is still open, if there is one."""
        now = time.monotonic()
        with self._lock:
            idle = self._idle.get(key, [])
            while idle:
                entry = idle.pop()
                sock = entry.connection.sock
                fresh = now - entry.since < KEEPALIVE_EXPIRY
                if fresh and sock is not None and not _is_readable(sock):
                    return entry.connection
                entry.connection.close()
        return None

    def _put_back(self, key: _Key, connection: http.client.HTTPConnection) -> None:
        with self._lock:
            idle = self._idle.setdefault(key, [])
            if len(idle) < MAX_IDLE_PER_HOST:
                idle.append(_Idle(connection, time.monotonic()))
                return
        connection.close()

    def close(self) -> None:
        with self._lock:
            idle = [entry for entries in self._idle.values() for entry in entries]
            self._idle.clear()
        for entry in idle:
            entry.connection.close()
        self._inner.close()


class _Stale(Exception):
    """A reused connection failed before any byte of a response came back."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


def sync_network(verify: VerifyTypes) -> DownloadTransport:
    """The sync client's network layer: httpx's transport (its socket operations bound by
    the active call's deadline) under :class:`DownloadTransport`."""
    context = httpx.create_ssl_context(verify=verify)  # one for both, made once
    return DownloadTransport(bound_by_deadlines(httpx.HTTPTransport(verify=context)), context)
