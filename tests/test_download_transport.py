"""The sync downloads' own HTTP path (``DownloadTransport``), against servers on 127.0.0.1.

Each server here speaks HTTP/1.1 over a raw socket, so a test can cut a body short, stall it,
close a kept-alive connection or send bytes no header parser would clean up.
"""

from __future__ import annotations

import socket
import socketserver
import ssl
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

import httpcore
import httpx
import pytest
import trustme
from circleci_client import APIConnectionError, AuthenticatedClient
from circleci_client._download_transport import (
    DOWNLOAD_EXTENSION,
    READ_SIZE,
    DownloadTransport,
    _NetworkStream,
)
from circleci_client.artifacts import ArtifactFile, ProgressListener, download_job_artifacts

from tests.downloads import artifact_client
from tests.local_http import LOOPBACK, running
from tests.ports import refusing_port
from tests.standin.server import Standin
from tests.standin.world import Artifact

Serve = Callable[["_Connection"], None]


class _Connection(socketserver.StreamRequestHandler):
    """One accepted connection; the server's ``serve`` function decides what it gets."""

    server: _RawServer

    def handle(self) -> None:
        with self.server.lock:
            self.server.connections += 1
        self.server.serve(self)

    def read_request(self) -> str | None:
        """The next request's head (request line and headers), or None once the client left."""
        lines: list[bytes] = []
        while True:
            line = self.rfile.readline(65536)
            if not line:
                return None
            if line in (b"\r\n", b"\n"):
                break
            lines.append(line)
        head = b"".join(lines).decode("latin-1")
        with self.server.lock:
            self.server.requests.append(head)
        return head


class _RawServer(ThreadingHTTPServer):
    def __init__(self, serve: Serve) -> None:
        super().__init__(LOOPBACK, _Connection)
        self.serve = serve
        self.lock = threading.Lock()
        self.connections = 0
        self.requests: list[str] = []

    def url(self, path: str = "/file", scheme: str = "http") -> str:
        return f"{scheme}://127.0.0.1:{self.server_address[1]}{path}"


@contextmanager
def _server(serve: Serve) -> Iterator[_RawServer]:
    with running(_RawServer(serve)) as server:
        yield server


def _answer(body: bytes, *headers: str) -> bytes:
    head = ["HTTP/1.1 200 OK", f"Content-Length: {len(body)}", *headers]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


def _keep_alive(body: bytes) -> Serve:
    """Answer every request on a connection with ``body``, until the client leaves."""

    def serve(conn: _Connection) -> None:
        while conn.read_request() is not None:
            conn.wfile.write(_answer(body))

    return serve


def _transport(verify: ssl.SSLContext | bool = True) -> DownloadTransport:
    return DownloadTransport(httpx.HTTPTransport(), verify)


def _send(http: httpx.Client, url: str, read: float = 5.0) -> httpx.Response:
    """A download's GET (marked for the download transport), streamed."""
    request = http.build_request("GET", url, timeout=httpx.Timeout(5.0, read=read))
    request.extensions[DOWNLOAD_EXTENSION] = True
    return http.send(request, stream=True)


def _received(response: httpx.Response) -> tuple[bytes, BaseException | None]:
    """What the body delivered before it ended or failed, and the failure."""
    got = bytearray()
    try:
        for chunk in response.iter_raw():
            got += chunk
    except httpx.HTTPError as exc:
        return bytes(got), exc
    finally:
        response.close()
    return bytes(got), None


def _once(raw: bytes) -> Serve:
    """Read one request, answer ``raw`` and close the connection."""

    def serve(conn: _Connection) -> None:
        conn.read_request()
        conn.wfile.write(raw)

    return serve


def _refused(serve: Serve, match: str) -> _RawServer:
    """Send one download GET to ``serve``; it must fail with ``RemoteProtocolError``."""
    with (
        _server(serve) as server,
        httpx.Client(transport=_transport()) as http,
        pytest.raises(httpx.RemoteProtocolError, match=match),
    ):
        _send(http, server.url())
    return server


def test_a_fast_body_is_gathered_into_large_pieces() -> None:
    body = bytes(range(256)) * (4 * READ_SIZE // 256 + 100)
    with _server(_keep_alive(body)) as server, httpx.Client(transport=_transport()) as http:
        response = _send(http, server.url())
        pieces = [len(chunk) for chunk in response.iter_raw()]
        response.close()
    assert sum(pieces) == len(body) and max(pieces) <= READ_SIZE
    assert max(pieces) > 64 * 1024  # more than httpx's transport hands over at once


@pytest.mark.parametrize("extra", [[], ["Connection: close"]], ids=["kept-alive", "closing"])
def test_a_slow_body_is_handed_over_as_it_comes(extra: list[str]) -> None:
    def serve(conn: _Connection) -> None:
        conn.read_request()
        conn.wfile.write(_answer(b"s" * 4000, *extra)[:-3000])
        for _ in range(3):
            conn.wfile.flush()
            time.sleep(0.2)
            conn.wfile.write(b"s" * 1000)

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        response = _send(http, server.url())
        pieces = [len(chunk) for chunk in response.iter_raw()]
        response.close()
    assert sum(pieces) == 4000 and len(pieces) >= 2, pieces  # not held back until the end


def test_files_one_after_the_other_share_one_connection() -> None:
    with _server(_keep_alive(b"x" * 5000)) as server, httpx.Client(transport=_transport()) as http:
        for _ in range(10):
            data, failure = _received(_send(http, server.url()))
            assert (len(data), failure) == (5000, None)
    assert (server.connections, len(server.requests)) == (1, 10)


def test_a_body_left_unread_closes_its_connection() -> None:
    body = b"x" * 500_000
    with _server(_keep_alive(body)) as server, httpx.Client(transport=_transport()) as http:
        _send(http, server.url()).close()  # unread: the connection cannot carry another request
        data, failure = _received(_send(http, server.url()))
    assert (len(data), failure, server.connections) == (500_000, None, 2)


@pytest.mark.parametrize("reset", [False, True], ids=["closed", "reset"])
def test_a_kept_alive_connection_the_server_drops_is_replaced(reset: bool) -> None:
    """The server reads the second request of each connection and closes it unanswered (or
    resets it), as a server does whose keep-alive ran out as the request came: the GET goes
    once more on a new connection, and the caller sees only its answer."""

    def serve(conn: _Connection) -> None:
        if conn.read_request() is not None:
            conn.wfile.write(_answer(b"first answer"))
            conn.wfile.flush()
            conn.read_request()  # and close without a word
            if reset:  # an RST, with no FIN before it
                conn.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                conn.connection.close()

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        first = _received(_send(http, server.url()))
        second = _received(_send(http, server.url()))
    assert first == second == (b"first answer", None)
    assert (server.connections, len(server.requests)) == (2, 3)


@pytest.mark.parametrize(
    "second_answer",
    [None, b"HTTP/1.1 200 OK\r\nX-Partial", b"HTTP/1.1 100 Continue\r\n\r\n"],
    ids=["stalls", "cut-in-headers", "cut-after-100-continue"],
)
def test_a_reused_connection_that_failed_after_the_request_is_not_sent_again(
    second_answer: bytes | None,
) -> None:
    """Only a failure before any status line counts as a stale connection: a GET whose answer
    stalled, or was cut short in its headers, is reported, not sent a third time."""
    release = threading.Event()

    def serve(conn: _Connection) -> None:
        conn.read_request()
        conn.wfile.write(_answer(b"first"))
        conn.wfile.flush()
        conn.read_request()
        if second_answer is None:
            release.wait(10)
        else:
            conn.wfile.write(second_answer)

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        assert _received(_send(http, server.url())) == (b"first", None)
        with pytest.raises((httpx.ReadTimeout, httpx.RemoteProtocolError)) as failure:
            _send(http, server.url(), read=0.3)
        release.set()
    expected = httpx.ReadTimeout if second_answer is None else httpx.RemoteProtocolError
    assert isinstance(failure.value, expected)
    assert (server.connections, len(server.requests)) == (1, 2)


def test_a_connection_the_server_closed_after_its_answer_is_not_used_again() -> None:
    def serve(conn: _Connection) -> None:
        conn.read_request()
        conn.wfile.write(_answer(b"once"))  # kept alive by HTTP/1.1's default, then closed

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        results = [_received(_send(http, server.url())) for _ in range(3)]
    assert results == [(b"once", None)] * 3
    assert (server.connections, len(server.requests)) == (3, 3)


def test_a_new_connection_closed_unanswered_is_a_protocol_error() -> None:
    server = _refused(_once(b""), "without sending a response")
    assert len(server.requests) == 1  # not sent again


def test_a_body_cut_short_keeps_what_came_and_raises() -> None:
    def serve(conn: _Connection) -> None:
        conn.read_request()
        conn.wfile.write(_answer(b"a" * 1000)[:-400])  # 600 of the 1000 bytes announced

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        data, failure = _received(_send(http, server.url()))
    assert data == b"a" * 600
    assert isinstance(failure, httpx.RemoteProtocolError)
    assert "complete message body" in str(failure)


def test_a_body_that_failed_midway_does_not_give_back_its_connection() -> None:
    """The server sends a bad chunk-size line and keeps the connection open, silent."""
    release = threading.Event()

    def serve(conn: _Connection) -> None:
        if conn.read_request() is None:
            return
        if server.connections == 1:
            head = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            conn.wfile.write(head + b"zz\r\nnot a chunk\r\n")
            conn.wfile.flush()
            release.wait(10)
        else:
            conn.wfile.write(_answer(b"fresh"))

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        _, failure = _received(_send(http, server.url()))
        second = _received(_send(http, server.url(), read=2.0))
        release.set()
    assert isinstance(failure, httpx.RemoteProtocolError)
    assert second == (b"fresh", None)
    assert server.connections == 2


@pytest.mark.parametrize(
    ("headers", "problem"),
    [
        (["Content-Length: 5", "Content-Length: 48"], "conflicting Content-Length"),
        (["Content-Length: 5, 48"], "conflicting Content-Length"),
        (["Content-Length: 1_0"], "bad Content-Length"),
        (["Content-Length: +3"], "bad Content-Length"),
        (["Content-Length: abc"], "bad Content-Length"),
        (["Content-Length: " + "9" * 21], "bad Content-Length"),
        (["Transfer-Encoding: gzip, chunked"], "only Transfer-Encoding: chunked"),
        (["Transfer-Encoding: chunked", "Transfer-Encoding: chunked"], "only Transfer-Encoding"),
        (["Content-Length : 3"], "malformed response headers"),
        (["X-Fine: 1", "no colon here", "Content-Length: 3"], "malformed response headers"),
    ],
)
def test_responses_whose_end_cannot_be_told_are_refused(headers: list[str], problem: str) -> None:
    """What h11 refuses is refused here too: otherwise the bytes after a body one reader
    ends early could be read as the next request's answer, or a framing saved as the file."""

    head = "\r\n".join(["HTTP/1.1 200 OK", *headers]) + "\r\n\r\n"
    _refused(_once(head.encode("latin-1") + b"hello" + b"5\r\nEVIL!\r\n0\r\n\r\n"), problem)


def test_a_head_the_server_cut_short_is_refused() -> None:
    """http.client takes the end of the connection as the end of the headers: the empty body
    of such an answer would be saved as a complete file."""

    _refused(_once(b'HTTP/1.1 200 OK\r\nETag: "v1"\r\n'), "in the response's headers")


@pytest.mark.parametrize("size", [b"-1", b"0x5", b"+5", b"1_0", b" 5", b"5x"])
def test_a_chunk_size_that_is_not_hex_digits_is_refused(size: bytes) -> None:
    def serve(conn: _Connection) -> None:
        conn.read_request()
        head = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        conn.wfile.write(head + size + b"\r\nhello\r\n0\r\n\r\n")

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        data, failure = _received(_send(http, server.url()))
    assert (data, type(failure)) == (b"", httpx.RemoteProtocolError)


def test_a_status_line_that_is_not_http_is_a_protocol_error() -> None:
    _refused(_once(b"garbage\r\n\r\n"), "garbage")


def test_chunked_with_trailing_space_is_still_chunked() -> None:
    """The header parser keeps the space, and http.client would then read the chunk framing
    as the file; h11 strips it, and so does this transport."""

    def serve(conn: _Connection) -> None:
        conn.read_request()
        head = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked \r\nConnection: close\r\n\r\n"
        conn.wfile.write(head + b"5\r\nhello\r\n0\r\n\r\n")

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        assert _received(_send(http, server.url())) == (b"hello", None)


@pytest.mark.parametrize("status", [204, 304])
def test_a_bodiless_status_has_no_body_whatever_its_headers_say(status: int) -> None:
    def serve(conn: _Connection) -> None:
        while conn.read_request() is not None:
            head = f"HTTP/1.1 {status} Nothing\r\nTransfer-Encoding: chunked\r\n\r\n"
            conn.wfile.write(head.encode())

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        for _ in range(2):
            response = _send(http, server.url(), read=2.0)
            assert (response.status_code, _received(response)) == (status, (b"", None))
    assert server.connections == 1


def test_a_multipart_content_type_is_not_taken_for_malformed_headers() -> None:
    def serve(conn: _Connection) -> None:
        conn.read_request()
        conn.wfile.write(_answer(b"hi", "Content-Type: multipart/related; boundary=x"))

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        assert _received(_send(http, server.url())) == (b"hi", None)


def test_a_repeated_equal_content_length_frames_the_body() -> None:
    def serve(conn: _Connection) -> None:
        while conn.read_request() is not None:
            conn.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhelloEXTRA")

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        assert _received(_send(http, server.url())) == (b"hello", None)


def test_a_request_header_http_cannot_carry_is_a_local_protocol_error() -> None:
    with (
        _server(_keep_alive(b"")) as server,
        httpx.Client(transport=_transport()) as http,
        pytest.raises(httpx.LocalProtocolError),
    ):
        request = http.build_request("GET", server.url(), headers={"X-Bad": "a\nb"})
        request.extensions[DOWNLOAD_EXTENSION] = True
        http.send(request)


def test_a_stalled_body_keeps_what_came_and_raises_read_timeout() -> None:
    release = threading.Event()

    def serve(conn: _Connection) -> None:
        conn.read_request()
        conn.wfile.write(_answer(b"b" * 300_000)[:-200_000])
        conn.wfile.flush()
        release.wait(10)

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        data, failure = _received(_send(http, server.url(), read=0.3))
        release.set()
    assert data == b"b" * 100_000
    assert isinstance(failure, httpx.ReadTimeout)


def test_chunked_and_read_until_close_bodies() -> None:
    def chunked(conn: _Connection) -> None:
        while conn.read_request() is not None:
            head = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            conn.wfile.write(head + b"5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n")

    def until_close(conn: _Connection) -> None:
        conn.read_request()
        conn.wfile.write(b"HTTP/1.0 200 OK\r\n\r\nall of it")

    with httpx.Client(transport=_transport()) as http:
        with _server(chunked) as server:
            results = [_received(_send(http, server.url())) for _ in range(2)]
        assert results == [(b"hello, world", None)] * 2
        assert server.connections == 1  # a chunked body read to its end keeps the connection
        with _server(until_close) as server:
            response = _send(http, server.url())
            assert response.http_version == "HTTP/1.0"
            assert _received(response) == (b"all of it", None)


def test_a_chunked_body_cut_short_raises() -> None:
    def serve(conn: _Connection) -> None:
        conn.read_request()
        conn.wfile.write(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly this")

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        _, failure = _received(_send(http, server.url()))
    assert isinstance(failure, httpx.RemoteProtocolError)


def test_an_informational_answer_before_the_file_is_stepped_over() -> None:
    def serve(conn: _Connection) -> None:
        while conn.read_request() is not None:
            conn.wfile.write(b"HTTP/1.1 103 Early Hints\r\nLink: </x>; rel=preload\r\n\r\n")
            conn.wfile.write(_answer(b"the file"))

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        response = _send(http, server.url())
        assert response.status_code == 200
        assert _received(response) == (b"the file", None)
    assert len(server.requests) == 2  # sent once more, through httpx's transport


def test_header_bytes_come_through_as_sent() -> None:
    def serve(conn: _Connection) -> None:
        conn.read_request()
        headers = ["X-Name: caf\xe9 \x1b[31m", 'ETag: "v1"', "X-A: one\r\n two"]
        conn.wfile.write(_answer(b"", *headers))

    with _server(serve) as server, httpx.Client(transport=_transport()) as http:
        response = _send(http, server.url())
        response.close()
    assert response.headers.get_list("x-name") == ["caf\xe9 \x1b[31m"]
    assert (b"X-Name", b"caf\xe9 \x1b[31m") in response.headers.raw
    assert response.headers["etag"] == '"v1"'
    assert response.headers["x-a"] == "one two"  # a folded line unfolded, as h11 does


def test_the_request_goes_out_with_its_own_headers_only() -> None:
    with _server(_keep_alive(b"")) as server, httpx.Client(transport=_transport()) as http:
        request = http.build_request("GET", server.url("/a%2Fb?x=1"), headers={"Range": "bytes=5-"})
        request.extensions[DOWNLOAD_EXTENSION] = True
        http.send(request).close()
    [head] = server.requests
    lines = head.splitlines()
    assert lines[0] == "GET /a%2Fb?x=1 HTTP/1.1"
    sent = {line.split(":", 1)[0].lower() for line in lines[1:]}
    assert sent == {name.decode().lower() for name, _ in request.headers.raw}


def test_connect_failures_are_httpx_connect_errors() -> None:
    with (
        refusing_port() as port,
        httpx.Client(transport=_transport()) as http,
        pytest.raises(httpx.ConnectError),
    ):
        _send(http, f"http://127.0.0.1:{port}/file")


class _Recording(httpx.BaseTransport):
    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.seen: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request.method)
        return self.inner.handle_request(request)


def test_requests_not_marked_as_downloads_go_to_httpx() -> None:
    inner = _Recording()
    with (
        _server(_keep_alive(b"ok")) as server,
        httpx.Client(transport=DownloadTransport(inner)) as http,
    ):
        http.get(server.url()).raise_for_status()  # an ordinary GET
        post = http.build_request("POST", server.url(), content=b"{}")
        post.extensions[DOWNLOAD_EXTENSION] = True  # marked, but not a GET
        http.send(post).close()
        _received(_send(http, server.url()))
    assert inner.seen == ["GET", "POST"]


@dataclass(frozen=True)
class _Tls:
    """A server certificate for 127.0.0.1 from a local CA, and a client context trusting it."""

    server: ssl.SSLContext
    trusted: ssl.SSLContext


@pytest.fixture(scope="module")
def tls() -> _Tls:
    ca = trustme.CA()
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server)
    trusted = ssl.create_default_context()
    ca.configure_trust(trusted)
    return _Tls(server, trusted)


@contextmanager
def _tls_server(tls: _Tls, body: bytes) -> Iterator[_RawServer]:
    with _server(_keep_alive(body)) as server:
        server.socket = tls.server.wrap_socket(server.socket, server_side=True)
        yield server


def test_https_downloads_verify_the_certificate_as_httpx_does(tls: _Tls) -> None:
    with _tls_server(tls, b"secret bytes") as server:
        url = server.url(scheme="https")
        with httpx.Client(transport=_transport(verify=tls.trusted)) as http:
            assert _received(_send(http, url)) == (b"secret bytes", None)
        with (
            httpx.Client(transport=_transport(verify=True)) as http,  # the system's CAs
            pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"),
        ):
            _send(http, url)
        with httpx.Client(transport=_transport(verify=False)) as http:
            assert _received(_send(http, url)) == (b"secret bytes", None)


def test_https_downloads_check_the_host_name(tls: _Tls) -> None:
    with (  # the certificate names 127.0.0.1, not localhost
        _tls_server(tls, b"secret bytes") as server,
        httpx.Client(transport=_transport(verify=tls.trusted)) as http,
        pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"),
    ):
        _send(http, server.url(scheme="https").replace("127.0.0.1", "localhost"))


def test_the_clients_verify_ssl_reaches_the_download_path(tls: _Tls) -> None:
    with _tls_server(tls, b"secret bytes") as server:
        url = server.url(scheme="https")
        with AuthenticatedClient("token", verify_ssl=tls.trusted) as client:
            response = _send(client.get_httpx_client(), url)
            assert isinstance(response.extensions["network_stream"], _NetworkStream)
            assert _received(response) == (b"secret bytes", None)
        with (
            AuthenticatedClient("token") as client,
            pytest.raises(APIConnectionError, match="CERTIFICATE_VERIFY_FAILED"),
        ):
            _send(client.get_httpx_client(), url)


class _Pieces(ProgressListener):
    def __init__(self) -> None:
        self.counts: list[int] = []

    def on_bytes(self, file: ArtifactFile, count: int) -> None:
        self.counts.append(count)


def test_sync_artifact_downloads_take_the_download_path(standin: Standin, tmp_path: Path) -> None:
    size = 2 * READ_SIZE + 7
    facts = standin.world.facts
    job = standin.world.projects[facts.widgets_slug].jobs_by_number[facts.build_job_number]
    with standin.world.lock:
        job.artifacts = [Artifact("out/big.bin", 0, size, None, "download-path")]
    pieces = _Pieces()
    with artifact_client(standin) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, progress=pieces
        )
    assert report.ok
    assert sum(pieces.counts) == size
    assert max(pieces.counts) > 64 * 1024  # httpx's own transport: 64 KiB at most


def test_the_sync_client_sends_api_calls_through_httpx(standin: Standin) -> None:
    with AuthenticatedClient(standin.token, standin.base_url) as client:
        response = client.get_httpx_client().get("me")
        response.raise_for_status()
        stream = response.extensions["network_stream"]
    assert isinstance(stream, httpcore.NetworkStream)  # not the download transport's
