# Hand-written runtime module (not generated): edit it here.
"""The sync artifact downloads' network layer: HTTP/1.1 over ``http.client``, large reads.

httpx's own transport hands a body over 64 KiB at a time, each piece passing through h11 and
httpcore; with many files downloading in threads that work, not the network, sets the pace
(see docs/performance.md). :class:`DownloadTransport` sits where the client's transport
meets the network: requests marked with :data:`DOWNLOAD_EXTENSION` (plain GETs of artifact
files, made by ``circleci_client.artifacts``) go over a pooled ``http.client`` connection
and are read up to :data:`READ_SIZE` bytes at a time; every other request goes to httpx's
transport. Everything above it (token scoping, retries, pacing, redirect checks) is the same
for both. Responses are held to h11's framing rules (one ``Content-Length``, digits only;
``Transfer-Encoding`` only ``chunked``; well-formed header lines), and failures are httpx's
exception types, so the callers cannot tell the two paths apart.
"""

from __future__ import annotations

import email.errors
import http.client
import re
import socket
import ssl
from collections.abc import Iterator
from typing import BinaryIO, Literal, cast

import httpx

from ._client_options import VerifyTypes
from ._deadline import BUDGET_EXTENSION, bound_by_deadlines
from ._download_pool import ConnectionPool, Key, is_readable

__all__ = ["DOWNLOAD_EXTENSION", "READ_SIZE", "DownloadTransport", "sync_network"]

DOWNLOAD_EXTENSION = "circleci_client.download"
"""Request-extension key that marks an artifact file's GET for :class:`DownloadTransport`."""

READ_SIZE = 256 * 1024
"""Most bytes handed over at once: what has arrived is gathered up to this size, so large
bodies cost fewer, larger pieces, while a slow one is handed over as it comes."""

MAX_CONTENT_LENGTH_DIGITS = 20
"""A longer ``Content-Length`` is refused as malformed (h11's limit)."""

MAX_LINE = 65536
"""Longest chunk-size line read (``http.client``'s limit for every line of a response)."""

_TOKEN = re.compile(r"[-!#$%&'*+.^_`|~0-9A-Za-z]+")
_DIGITS = re.compile(r"[0-9]+")
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,20}")
_FOLD = re.compile(r"\r?\n[ \t]+")
_STALE = (ConnectionError, ssl.SSLEOFError, ssl.SSLZeroReturnError)
"""What a reused connection raises when its server closed it while it was idle."""
_BAD_HEADER_LINES = (
    email.errors.MissingHeaderBodySeparatorDefect,
    email.errors.FirstHeaderLineIsContinuationDefect,
)
"""The header parser's findings that mean a malformed header line (not, say, a multipart
``Content-Type`` without a body, which it also notes)."""

Phase = Literal["connect", "write", "read"]
_TIMEOUTS: dict[Phase, type[httpx.TimeoutException]] = {
    "connect": httpx.ConnectTimeout,
    "write": httpx.WriteTimeout,
    "read": httpx.ReadTimeout,
}
_ERRORS: dict[Phase, type[httpx.NetworkError]] = {
    "connect": httpx.ConnectError,
    "write": httpx.WriteError,
    "read": httpx.ReadError,
}


class _BadFraming(http.client.HTTPException):
    """A response whose head h11 would refuse: its body's end cannot be told safely."""


class _BeforeStatus(ConnectionError):
    """The connection failed before a response's status line had arrived."""


class _HeadReader:
    """A response's file while its head is read: notes how many lines came and whether the
    head ended at EOF (``http.client`` reads a head only with ``readline``, and closes it
    when the status line is not HTTP)."""

    def __init__(self, fp: BinaryIO) -> None:
        self.fp = fp
        self.lines = 0
        self.cut = False

    def readline(self, limit: int = -1) -> bytes:
        line = self.fp.readline(limit)
        if line:
            self.lines += 1
        else:
            self.cut = True
        return line

    def close(self) -> None:
        self.fp.close()


class _Response(http.client.HTTPResponse):
    """``http.client``'s response, held to h11's rules where it is lenient: a head cut short
    by the server is refused (not taken as complete), and so is a chunk size that is not
    plain hex digits (``int()`` would take ``-1``, ``0x5`` or ``1_0``)."""

    def begin(self) -> None:
        fp = self.fp
        head = _HeadReader(fp)
        self.fp = head  # type: ignore[assignment]
        try:
            super().begin()
        except _STALE as exc:  # RemoteDisconnected (no status line) included
            if head.lines == 0:
                raise _BeforeStatus(str(exc) or type(exc).__name__) from exc
            raise
        finally:
            if cast(object, self.fp) is head:
                self.fp = fp
        if head.cut:
            raise _BadFraming("the server closed the connection in the response's headers")

    def _read_next_chunk_size(self) -> int:
        line = self.fp.readline(MAX_LINE + 1)
        if len(line) > MAX_LINE:
            raise http.client.LineTooLong("chunk size")
        size = line.split(b";", 1)[0].rstrip(b" \t\r\n")
        if not _CHUNK_SIZE.fullmatch(size):
            raise ValueError(f"illegal chunk size line {line[:40]!r}")  # IncompleteRead follows
        return int(size, 16)


def _network_error(exc: BaseException, request: httpx.Request, phase: Phase) -> httpx.HTTPError:
    """The httpx exception httpx's own transport raises for ``exc`` in ``phase``."""
    if isinstance(exc, _BeforeStatus) and exc.__cause__ is not None:
        exc = exc.__cause__
    if isinstance(exc, TimeoutError):
        return _TIMEOUTS[phase](str(exc) or "timed out", request=request)
    if isinstance(exc, http.client.RemoteDisconnected):
        message = "Server disconnected without sending a response."
        return httpx.RemoteProtocolError(message, request=request)
    if isinstance(exc, http.client.IncompleteRead):
        message = "peer closed connection without sending complete message body"
        return httpx.RemoteProtocolError(f"{message} ({exc!r})", request=request)
    if isinstance(exc, http.client.HTTPException):
        return httpx.RemoteProtocolError(str(exc) or type(exc).__name__, request=request)
    if isinstance(exc, ValueError) and not isinstance(exc, OSError):  # (TLS errors are both)
        # a request header that http.client will not send
        return httpx.LocalProtocolError(str(exc), request=request)
    return _ERRORS[phase](str(exc) or type(exc).__name__, request=request)


def _check_framing(response: http.client.HTTPResponse) -> None:
    """Refuse what h11 refuses, where ``http.client`` would guess where the body ends."""
    message = response.msg
    for defect in message.defects:
        if isinstance(defect, _BAD_HEADER_LINES):
            raise _BadFraming(f"malformed response headers ({type(defect).__name__})")
    for name in message:
        if not _TOKEN.fullmatch(name):
            raise _BadFraming(f"invalid response header name {name!r}")
    encodings = message.get_all("Transfer-Encoding") or []
    if len(encodings) > 1 or any(value.strip().lower() != "chunked" for value in encodings):
        raise _BadFraming("only Transfer-Encoding: chunked is supported")
    if response.status in (204, 304):  # no body, whatever the headers say (as h11 has it)
        response.chunked, response.length = False, 0
        return
    if encodings and not response.chunked:  # "chunked " with a space: http.client missed it
        response.chunked, response.chunk_left, response.length = True, None, None
    values = message.get_all("Content-Length") or []
    lengths = {part.strip() for value in values for part in value.split(",")}
    if not lengths:
        return
    if len(lengths) > 1:
        raise _BadFraming("conflicting Content-Length headers")
    [length] = lengths
    if not _DIGITS.fullmatch(length) or len(length) > MAX_CONTENT_LENGTH_DIGITS:
        raise _BadFraming(f"bad Content-Length {length[:40]!r}")
    if response.length is None and not response.chunked:  # a repeated value: "5, 5"
        response.length = int(length)


class _NetworkStream:
    """What ``response.extensions["network_stream"]`` offers: the socket under the body."""

    def __init__(self, sock: socket.socket | None) -> None:
        self._sock = sock

    def get_extra_info(self, info: str) -> socket.socket | None:
        return self._sock if info == "socket" else None


class _Body(httpx.SyncByteStream):
    """A response body, what has arrived gathered up to :data:`READ_SIZE` bytes; the
    connection goes back to the pool only once the body was read to its announced end."""

    def __init__(
        self,
        pool: ConnectionPool,
        key: Key,
        connection: http.client.HTTPConnection,
        sock: socket.socket | None,
        response: http.client.HTTPResponse,
        request: httpx.Request,
    ) -> None:
        self._pool = pool
        self._key = key
        self._connection: http.client.HTTPConnection | None = connection
        self._sock = sock  # the connection lets go of it when the response will close it
        self._response = response
        self._request = request
        self._complete = False

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
                raise _network_error(exc, self._request, "read") from exc
            if piece:
                pieces.append(piece)
                size += len(piece)
                if size < READ_SIZE and self._more_waiting():
                    continue
            if pieces:
                yield pieces[0] if len(pieces) == 1 else b"".join(pieces)
                pieces, size = [], 0
            if not piece:
                self._finish()
                return

    def _more_waiting(self) -> bool:
        """Whether the next read returns at once (so the pieces are gathered, not waited for)."""
        sock = self._sock
        if sock is None or (isinstance(sock, ssl.SSLSocket) and sock.pending()):
            return True
        return is_readable(sock)

    def _finish(self) -> None:
        """At the end of the body: raise if it was cut short, else mark it complete."""
        response = self._response
        if response.length:  # the server closed before the announced length
            self.close()
            short = http.client.IncompleteRead(b"", response.length)
            raise _network_error(short, self._request, "read")
        response.read(0)  # lets the response count as read to its end (and closed)
        self._complete = True

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is None:
            return
        response = self._response
        if self._complete and response.isclosed() and not response.will_close:
            self._pool.give_back(self._key, connection)
            return
        response.close()
        connection.close()


class _Stale(Exception):
    """A reused connection failed before a response's status line came back."""


class DownloadTransport(httpx.BaseTransport):
    """Marked GETs over pooled ``http.client`` connections; the rest through ``inner``.

    ``verify`` is the client's TLS setting, applied as httpx applies it.
    """

    def __init__(self, inner: httpx.BaseTransport, verify: VerifyTypes = True) -> None:
        self._inner = inner
        self._verify = verify
        self._ssl_context: ssl.SSLContext | None = None
        self._pool = ConnectionPool()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not self._takes(request):
            return self._inner.handle_request(request)
        url = request.url
        host = url.raw_host.decode("ascii")
        key = (url.scheme, host, url.port or (443 if url.scheme == "https" else 80))
        connection = self._pool.take(key)
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

    def _connect(self, key: Key, request: httpx.Request) -> http.client.HTTPConnection:
        scheme, host, port = key
        timeout = _timeout(request, "connect")
        connection: http.client.HTTPConnection
        if scheme == "https":
            connection = http.client.HTTPSConnection(
                host, port, timeout=timeout, context=self._tls()
            )
        else:
            connection = http.client.HTTPConnection(host, port, timeout=timeout)
        connection.response_class = _Response
        try:
            connection.connect()
        except BaseException as exc:
            connection.close()
            if isinstance(exc, OSError):  # ssl.SSLError included
                raise _network_error(exc, request, "connect") from exc
            raise
        return connection

    def _tls(self) -> ssl.SSLContext:
        if self._ssl_context is None:  # as httpx's transport makes it, on first use
            self._ssl_context = httpx.create_ssl_context(verify=self._verify)
        return self._ssl_context

    def _send(
        self,
        key: Key,
        connection: http.client.HTTPConnection,
        request: httpx.Request,
        reused: bool,
    ) -> httpx.Response:
        """Send ``request`` on ``connection`` and return its response with the body unread.

        Raises :class:`_Stale` when a ``reused`` connection fails before a status line came.
        """
        sock = connection.sock
        phase: Phase = "write"
        try:
            if sock is not None:
                sock.settimeout(_timeout(request, "write"))
            target = request.url.raw_path.decode("ascii")
            connection.putrequest("GET", target, skip_host=True, skip_accept_encoding=True)
            for name, value in request.headers.raw:
                connection.putheader(name, value)
            connection.endheaders()
            phase = "read"
            if sock is not None:
                sock.settimeout(_timeout(request, "read"))
            response = connection.getresponse()
            _check_framing(response)
        except BaseException as exc:
            connection.close()
            if reused and _stale(exc, phase):
                raise _Stale from exc
            if isinstance(exc, (OSError, ValueError, http.client.HTTPException)):
                raise _network_error(exc, request, phase) from exc
            raise
        if response.status < 200:  # an informational answer, which http.client cannot skip:
            response.close()  # the request goes once more, through httpx's transport, which can
            connection.close()
            return self._inner.handle_request(request)
        headers = [  # a folded line unfolded, as h11 does
            (name.encode("latin-1"), _FOLD.sub(" ", value).encode("latin-1"))
            for name, value in response.getheaders()
        ]
        return httpx.Response(
            response.status,
            headers=headers,
            stream=_Body(self._pool, key, connection, sock, response, request),
            extensions={
                "http_version": b"HTTP/1.1" if response.version == 11 else b"HTTP/1.0",
                "reason_phrase": response.reason.encode("latin-1", "replace"),
                "network_stream": _NetworkStream(sock),
            },
        )

    def close(self) -> None:
        self._pool.close()
        self._inner.close()


def _stale(exc: BaseException, phase: Phase) -> bool:
    """Whether a reused connection failed as one its server closed while it was idle: while
    the request was written, or before any status line came back."""
    if phase == "write":
        return isinstance(exc, _STALE)
    return isinstance(exc, _BeforeStatus)


def _timeout(request: httpx.Request, phase: Phase) -> float | None:
    """The request's httpx timeout for ``phase`` (None: wait as long as it takes)."""
    timeouts = request.extensions.get("timeout") or {}
    value = timeouts.get(phase)
    return float(value) if value is not None else None


def sync_network(verify: VerifyTypes) -> DownloadTransport:
    """The sync client's network layer: httpx's transport (its socket operations bound by
    the active call's deadline) under :class:`DownloadTransport`."""
    context = httpx.create_ssl_context(verify=verify)  # one for both, made once
    return DownloadTransport(bound_by_deadlines(httpx.HTTPTransport(verify=context)), context)
