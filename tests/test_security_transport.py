"""Hostile servers on 127.0.0.1: broken bodies, huge bodies, slow bodies and foreign redirects.

Each server answers its n-th connection with the n-th scripted behaviour (the last one repeats),
so a test can count the attempts a call made and see what each one received.
"""

from __future__ import annotations

import gzip
import json
import socket
import struct
import threading
import time
import tracemalloc
import zlib
from collections.abc import Awaitable, Callable, Iterator
from functools import cache

import circleci_client
import httpx
import pytest
from circleci_client import (
    APIConnectionError,
    APITimeoutError,
    CircleCIError,
    Client,
    CrossOriginRedirectError,
    RateLimitError,
    ResponseTooLargeError,
    ServerError,
)
from circleci_client._body import BodyReader, _BodyTooLarge
from circleci_client._constants import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_RESPONSE_SIZE,
    MAX_ERROR_BODY_SIZE,
)
from circleci_client._retry import AsyncRetryTransport, RetryTransport
from circleci_client.api.pipeline import list_pipelines_for_project
from circleci_client.api.project import create_env_var
from circleci_client.api.user import get_current_user
from circleci_client.cli import TOKEN_HOSTS_ENV_VAR, app
from circleci_client.models.environment_variable_input import EnvironmentVariableInput
from typer.testing import CliRunner

from tests.fake_time import FakeTime

USER = {
    "id": "5e3fd3a1-6a8b-4d7e-9c55-2f1a7a0b3c41",
    "login": "ada",
    "name": "Ada",
    "avatar_url": None,
}
SLUG = "gh/acme/widgets"
SECRET = "s3cr3t-env-value"
ENV_VAR = {"name": "DEPLOY_KEY", "value": "xxxx-value"}

Behaviour = Callable[[socket.socket, "Hostile"], None]


class Hostile:
    """A TCP server on 127.0.0.1 that answers connection n with ``behaviours[n]``."""

    def __init__(self, *behaviours: Behaviour) -> None:
        self._behaviours = behaviours
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.02)  # so the accept loop notices ``stop``
        self.port: int = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.stop = threading.Event()
        self.requests: list[tuple[str, str, bytes]] = []
        self._threads: list[threading.Thread] = []
        self.connections = 0

    def __enter__(self) -> Hostile:
        accept = threading.Thread(target=self._accept, daemon=True)
        accept.start()
        self._threads.append(accept)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for thread in list(self._threads):
            thread.join(timeout=5)
        self._listener.close()

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            conn.settimeout(None)
            index, self.connections = self.connections, self.connections + 1
            behaviour = self._behaviours[min(index, len(self._behaviours) - 1)]
            thread = threading.Thread(target=self._serve, args=(conn, behaviour), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, conn: socket.socket, behaviour: Behaviour) -> None:
        with conn:
            try:
                self._read_request(conn)
                behaviour(conn, self)
            except OSError:
                pass  # the client hung up, as it should past a cap or a deadline

    def _read_request(self, conn: socket.socket) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, path, _ = lines[0].split(" ", 2)
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        while len(body) < length:
            body += conn.recv(65536)
        self.requests.append((method, path, body))


def _head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} Whatever", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def respond(status: int = 200, body: object = USER, **headers: str) -> Behaviour:
    """A complete, well-formed response."""
    content = body if isinstance(body, bytes) else json.dumps(body).encode()

    def behaviour(conn: socket.socket, server: Hostile) -> None:
        fields = {"Content-Type": "application/json", "Content-Length": str(len(content))}
        fields.update({k.replace("_", "-"): v for k, v in headers.items()})
        conn.sendall(_head(status, fields) + content)

    return behaviour


def reset_after_headers(conn: socket.socket, server: Hostile) -> None:
    """Headers and part of the body, then a TCP reset."""
    conn.sendall(_head(200, {"Content-Length": "200"}) + b'{"id": "5e3f')
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def short_body(conn: socket.socket, server: Hostile) -> None:
    """A Content-Length of 200, then 12 bytes and a clean close."""
    conn.sendall(_head(200, {"Content-Length": "200"}) + b'{"id": "5e3f')


def stall_after_headers(conn: socket.socket, server: Hostile) -> None:
    """Headers, then nothing until the server stops."""
    conn.sendall(_head(200, {"Content-Length": "200"}))
    server.stop.wait(10)


def drip(interval: float, *, headers_too: bool = False) -> Behaviour:
    """One byte every ``interval`` seconds: of the body, or from the status line on."""

    def behaviour(conn: socket.socket, server: Hostile) -> None:
        stream = b"" if headers_too else _head(200, {"Content-Length": "100000"})
        conn.sendall(stream)
        payload = _head(200, {"Content-Length": "100000"}) if headers_too else b" " * 100000
        for byte in payload:
            if server.stop.wait(interval):
                return
            conn.sendall(bytes([byte]))

    return behaviour


def endless_chunked(conn: socket.socket, server: Hostile) -> None:
    """A chunked body that never ends."""
    conn.sendall(_head(200, {"Transfer-Encoding": "chunked"}))
    chunk = b"4000\r\n" + b"[" * 0x4000 + b"\r\n"
    while not server.stop.is_set():
        conn.sendall(chunk)


@cache
def gzip_bomb() -> bytes:
    """About 64 KiB of gzip that inflates to 64 MiB of spaces."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = b" " * (1 << 20)
    return b"".join(packer.compress(block) for _ in range(64)) + packer.flush()


def bomb(status: int = 200) -> Behaviour:
    return respond(status, gzip_bomb(), Content_Encoding="gzip")


def redirect(location: str, status: int = 307) -> Behaviour:
    return respond(status, b"", Location=location)


# --------------------------------------------------------------------------------------------
# Clients
# --------------------------------------------------------------------------------------------


def api_url(server: Hostile) -> str:
    return f"{server.url}/api/v2"


def sync_client(server: Hostile, sleeps: list[float], **transport: object) -> Client:
    """A client whose retry transport records its waits instead of sleeping."""
    retrying = RetryTransport(httpx.HTTPTransport(), sleep=sleeps.append, **transport)  # type: ignore[arg-type]
    http = httpx.Client(base_url=api_url(server), transport=retrying, timeout=2.0)
    return Client(api_url(server), rate_limit=False).set_httpx_client(http, wrap=False)


def async_client(server: Hostile, sleeps: list[float], **transport: object) -> Client:
    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    retrying = AsyncRetryTransport(httpx.AsyncHTTPTransport(), sleep=sleep, **transport)  # type: ignore[arg-type]
    http = httpx.AsyncClient(base_url=api_url(server), transport=retrying, timeout=2.0)
    return Client(api_url(server), rate_limit=False).set_async_httpx_client(http, wrap=False)


def new_var() -> EnvironmentVariableInput:
    return EnvironmentVariableInput(name="DEPLOY_KEY", value=SECRET)


SyncCall = Callable[[Client], object]
AsyncCall = Callable[[Client], Awaitable[object]]


def get_me(client: Client) -> object:
    return get_current_user.sync(client=client)


async def aget_me(client: Client) -> object:
    return await get_current_user.asyncio(client=client)


def post_var(client: Client) -> object:
    return create_env_var.sync(SLUG, client=client, body=new_var())


async def apost_var(client: Client) -> object:
    return await create_env_var.asyncio(SLUG, client=client, body=new_var())


# --------------------------------------------------------------------------------------------
# Finding 2: failures while reading the body are typed, and retried for idempotent requests
# --------------------------------------------------------------------------------------------

BODY_FAULTS = {
    "reset": (reset_after_headers, APIConnectionError),
    "short": (short_body, APIConnectionError),
    "stall": (stall_after_headers, APITimeoutError),
}


@pytest.fixture(params=sorted(BODY_FAULTS))
def body_fault(request: pytest.FixtureRequest) -> tuple[Behaviour, type[Exception]]:
    return BODY_FAULTS[request.param]


def test_body_failure_on_get_is_retried(body_fault: tuple[Behaviour, type[Exception]]) -> None:
    fault, _ = body_fault
    sleeps: list[float] = []
    with Hostile(fault, respond()) as server:
        client = sync_client(server, sleeps, max_retries=2)
        client.get_httpx_client().timeout = httpx.Timeout(0.3)
        user = get_current_user.sync(client=client)
    assert user.login == "ada"
    assert len(server.requests) == 2
    assert len(sleeps) == 1


async def test_async_body_failure_on_get_is_retried(
    body_fault: tuple[Behaviour, type[Exception]],
) -> None:
    fault, _ = body_fault
    sleeps: list[float] = []
    with Hostile(fault, respond()) as server:
        client = async_client(server, sleeps, max_retries=2)
        client.get_async_httpx_client().timeout = httpx.Timeout(0.3)
        user = await get_current_user.asyncio(client=client)
    assert user.login == "ada"
    assert len(server.requests) == 2
    assert len(sleeps) == 1


def test_body_failure_on_post_is_typed_and_not_retried(
    body_fault: tuple[Behaviour, type[Exception]],
) -> None:
    fault, error = body_fault
    sleeps: list[float] = []
    with Hostile(fault, respond(201, ENV_VAR)) as server:
        client = sync_client(server, sleeps, max_retries=2)
        client.get_httpx_client().timeout = httpx.Timeout(0.3)
        with pytest.raises(error) as caught:
            post_var(client)
    assert len(server.requests) == 1, "POST must not be sent again once it may have arrived"
    assert sleeps == []
    assert "/envvar" in str(caught.value)


async def test_async_body_failure_on_post_is_typed_and_not_retried(
    body_fault: tuple[Behaviour, type[Exception]],
) -> None:
    fault, error = body_fault
    sleeps: list[float] = []
    with Hostile(fault, respond(201, ENV_VAR)) as server:
        client = async_client(server, sleeps, max_retries=2)
        client.get_async_httpx_client().timeout = httpx.Timeout(0.3)
        with pytest.raises(error):
            await apost_var(client)
    assert len(server.requests) == 1
    assert sleeps == []


def test_body_failures_that_persist_raise_the_typed_error_after_the_retries() -> None:
    sleeps: list[float] = []
    with Hostile(reset_after_headers) as server:
        client = sync_client(server, sleeps, max_retries=2)
        with pytest.raises(APIConnectionError) as caught:
            get_me(client)
    assert len(server.requests) == 3
    assert isinstance(caught.value.__cause__, httpx.ReadError)


def test_default_client_maps_a_reset_body_to_a_connection_error() -> None:
    with Hostile(reset_after_headers) as server:
        client = Client(api_url(server), max_retries=0, rate_limit=False)
        with pytest.raises(APIConnectionError):
            get_me(client)


def test_cli_reports_a_reset_body_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(time, "sleep", lambda seconds: None)  # the retries' backoff
    with Hostile(reset_after_headers) as server:
        env = {
            "CIRCLE_TOKEN": "CCIPAT_cli-token",
            "CIRCLECI_TOKEN": "",
            "CIRCLECI_BASE_URL": api_url(server),
            TOKEN_HOSTS_ENV_VAR: "",
        }
        result = CliRunner().invoke(app, ["artifacts", "list", SLUG, "7"], env=env)
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    assert "error: Connection error for GET" in result.output
    assert "Traceback" not in result.output
    assert len(server.requests) == 3  # retried like any other transient failure


# --------------------------------------------------------------------------------------------
# Finding 3: bodies are capped once decoded; error bodies are cut short
# --------------------------------------------------------------------------------------------


def test_gzip_bomb_on_a_success_raises_response_too_large() -> None:
    assert len(gzip_bomb()) < 100_000
    with Hostile(bomb()) as server:
        client = Client(api_url(server), max_retries=0, rate_limit=False)
        with pytest.raises(ResponseTooLargeError) as caught:
            get_me(client)
    assert caught.value.limit == DEFAULT_MAX_RESPONSE_SIZE
    assert "max_response_size" in str(caught.value)
    assert len(server.requests) == 1, "a body too large is not fetched again"


async def test_async_gzip_bomb_raises_response_too_large() -> None:
    with Hostile(bomb()) as server:
        client = Client(api_url(server), max_retries=2, rate_limit=False)
        with pytest.raises(ResponseTooLargeError):
            await aget_me(client)
    assert len(server.requests) == 1


def test_gzip_bomb_stays_within_memory_near_the_cap() -> None:
    cap = 1 << 20
    with Hostile(bomb()) as server:
        client = Client(api_url(server), max_retries=0, rate_limit=False, max_response_size=cap)
        tracemalloc.start()
        try:
            with pytest.raises(ResponseTooLargeError):
                get_me(client)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 6 * cap, f"peak {peak} bytes while inflating a 64 MiB bomb with a 1 MiB cap"


def test_endless_chunked_body_raises_response_too_large() -> None:
    with Hostile(endless_chunked) as server:
        client = Client(api_url(server), rate_limit=False, max_response_size=256 * 1024)
        with pytest.raises(ResponseTooLargeError) as caught:
            get_me(client)
    assert caught.value.limit == 256 * 1024


async def test_async_endless_chunked_body_raises_response_too_large() -> None:
    with Hostile(endless_chunked) as server:
        client = Client(api_url(server), rate_limit=False, max_response_size=256 * 1024)
        with pytest.raises(ResponseTooLargeError):
            await aget_me(client)


def test_gzip_bomb_in_an_error_body_is_cut_to_the_error_cap() -> None:
    with Hostile(bomb(500)) as server:
        client = Client(api_url(server), max_retries=0, rate_limit=False)
        with pytest.raises(ServerError) as caught:
            get_me(client)
    assert caught.value.status_code == 500
    assert len(caught.value.response.content) == MAX_ERROR_BODY_SIZE


async def test_async_endless_error_body_is_cut_to_the_error_cap() -> None:
    def endless_404(conn: socket.socket, server: Hostile) -> None:
        conn.sendall(_head(404, {"Transfer-Encoding": "chunked"}))
        while not server.stop.is_set():
            conn.sendall(b"400\r\n" + b"x" * 0x400 + b"\r\n")

    with Hostile(endless_404) as server:
        client = Client(api_url(server), max_retries=0, rate_limit=False)
        with pytest.raises(circleci_client.NotFoundError) as caught:
            await aget_me(client)
    assert len(caught.value.response.content) == MAX_ERROR_BODY_SIZE


def test_bodies_up_to_the_cap_are_read_whole() -> None:
    body = json.dumps({**USER, "name": "A" * 5000}).encode()
    for behaviour in (
        respond(200, body),
        respond(200, gzip.compress(body), Content_Encoding="gzip"),
    ):
        with Hostile(behaviour) as server:
            client = Client(api_url(server), rate_limit=False, max_response_size=len(body))
            assert get_current_user.sync(client=client).name == "A" * 5000
            detailed = get_current_user.sync_detailed(client=client)
            assert detailed.content == body
            assert "content-encoding" not in detailed.headers  # it describes the decoded body


@pytest.mark.parametrize("coding", ["identity", "gzip", "deflate", "raw-deflate", "gzip-twice"])
def test_body_reader_cap_is_exact(coding: str) -> None:
    body = bytes(range(256)) * 40

    def encode(data: bytes) -> tuple[bytes, str]:
        if coding == "gzip":
            return gzip.compress(data), "gzip"
        if coding == "deflate":
            return zlib.compress(data), "deflate"
        if coding == "raw-deflate":
            packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
            return packer.compress(data) + packer.flush(), "deflate"
        if coding == "gzip-twice":
            return gzip.compress(gzip.compress(data)), "gzip, gzip"
        return data, "identity"

    wire, header = encode(body)
    headers = httpx.Headers({"Content-Encoding": header})

    def read(limit: int) -> bytes:
        reader = BodyReader(headers, limit)
        for start in range(0, len(wire), 1000):
            reader.feed(wire[start : start + 1000])
        reader.finish()
        return reader.response(httpx.Response(200, stream=httpx.ByteStream(b""))).read()

    assert read(len(body)) == body
    with pytest.raises(_BodyTooLarge):
        read(len(body) - 1)


def test_corrupt_gzip_is_a_typed_error() -> None:
    with Hostile(respond(200, b"\x1f\x8bnot gzip at all", Content_Encoding="gzip")) as server:
        client = Client(api_url(server), max_retries=0, rate_limit=False)
        with pytest.raises(APIConnectionError, match="gzip"):
            get_me(client)


def test_response_too_large_is_a_public_circleci_error() -> None:
    assert issubclass(ResponseTooLargeError, CircleCIError)
    assert "ResponseTooLargeError" in circleci_client.__all__
    assert DEFAULT_MAX_RESPONSE_SIZE == 32 * 1024 * 1024
    assert MAX_ERROR_BODY_SIZE == 64 * 1024


def test_max_response_size_is_validated_and_kept_by_with_options() -> None:
    client = Client(max_response_size=1000)
    assert client.with_options(max_retries=0).max_response_size == 1000
    with pytest.raises(ValueError, match="max_response_size"):
        Client(max_response_size=0)


# --------------------------------------------------------------------------------------------
# Finding 4: one deadline for the whole call
# --------------------------------------------------------------------------------------------


@pytest.mark.timeout(30)
def test_slow_drip_body_is_cut_off_at_the_client_deadline() -> None:
    with Hostile(drip(2.0)) as server:
        client = Client(api_url(server), deadline=0.5, max_retries=2, rate_limit=False)
        with pytest.raises(APITimeoutError) as caught:
            get_me(client)
    assert "overall deadline of 0.5 s" in str(caught.value)
    assert "deadline=" in str(caught.value)
    assert len(server.requests) == 1, "no retry once the deadline has passed"


@pytest.mark.timeout(30)
async def test_async_slow_drip_body_is_cut_off_at_the_client_deadline() -> None:
    with Hostile(drip(2.0)) as server:
        client = Client(api_url(server), deadline=0.5, max_retries=2, rate_limit=False)
        with pytest.raises(APITimeoutError, match="overall deadline"):
            await aget_me(client)
    assert len(server.requests) == 1


@pytest.mark.timeout(30)
def test_fast_drip_body_is_cut_off_at_the_per_call_deadline() -> None:
    # Every byte arrives well within the read timeout; only the deadline can stop it.
    with Hostile(drip(0.02)) as server:
        client = Client(api_url(server), rate_limit=False)
        with pytest.raises(APITimeoutError, match=r"overall deadline of 0\.5 s"):
            get_current_user.sync(client=client, deadline=0.5)


@pytest.mark.timeout(30)
async def test_async_fast_drip_body_is_cut_off_at_the_per_call_deadline() -> None:
    with Hostile(drip(0.02)) as server:
        client = Client(api_url(server), rate_limit=False)
        with pytest.raises(APITimeoutError, match="overall deadline"):
            await get_current_user.asyncio(client=client, deadline=0.5)


@pytest.mark.timeout(30)
def test_slow_drip_headers_are_cut_off_at_the_deadline() -> None:
    with Hostile(drip(2.0, headers_too=True)) as server:
        client = Client(api_url(server), deadline=0.5, rate_limit=False)
        with pytest.raises(APITimeoutError, match="overall deadline"):
            get_me(client)


@pytest.mark.timeout(30)
def test_paging_passes_the_per_call_deadline_on_to_each_page() -> None:
    with Hostile(drip(2.0)) as server:
        client = Client(api_url(server), rate_limit=False)
        items = list_pipelines_for_project.iter_items(SLUG, client=client, deadline=0.5)
        with pytest.raises(APITimeoutError, match="overall deadline"):
            next(items)


def endless_header_drip(conn: socket.socket, server: Hostile) -> None:
    """A status line, then a header that never ends, one byte every 20 ms."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nX-Pad: ")
    while not server.stop.wait(0.02):
        conn.sendall(b"a")


@pytest.mark.timeout(30)
def test_fast_header_drip_is_cut_off_at_the_deadline() -> None:
    # Every socket read succeeds within its timeout, and httpx does not return until the
    # headers end: only a deadline applied to each socket operation can stop this.
    with Hostile(endless_header_drip) as server:
        client = Client(api_url(server), deadline=0.5, max_retries=2, rate_limit=False)
        with pytest.raises(APITimeoutError, match="overall deadline"):
            get_me(client)
    assert len(server.requests) == 1


@pytest.mark.timeout(30)
async def test_async_fast_header_drip_is_cut_off_at_the_deadline() -> None:
    with Hostile(endless_header_drip) as server:
        client = Client(api_url(server), deadline=0.5, max_retries=2, rate_limit=False)
        with pytest.raises(APITimeoutError, match="overall deadline"):
            await aget_me(client)
    assert len(server.requests) == 1


def clocked_client(server: Hostile, clock: FakeTime, **transport: object) -> Client:
    retrying = RetryTransport(httpx.HTTPTransport(), sleep=clock.sleep, clock=clock, **transport)  # type: ignore[arg-type]
    http = httpx.Client(base_url=api_url(server), transport=retrying, timeout=2.0)
    return Client(api_url(server), rate_limit=False).set_httpx_client(http, wrap=False)


def test_retry_waits_stop_before_the_deadline() -> None:
    clock = FakeTime()
    with Hostile(respond(503, {"message": "busy"})) as server:
        client = clocked_client(server, clock, deadline=10.0, max_retries=20, initial_delay=2.0)
        with pytest.raises(ServerError):
            get_me(client)
    assert clock.sleeps, "the first retries fit the deadline"
    assert sum(clock.sleeps) < 10.0
    assert len(server.requests) == len(clock.sleeps) + 1 < 21


def test_retry_after_past_the_deadline_is_not_waited_for() -> None:
    clock = FakeTime()
    with Hostile(respond(429, {"message": "slow down"}, Retry_After="30")) as server:
        client = clocked_client(server, clock, deadline=10.0, max_retries=3)
        with pytest.raises(RateLimitError):
            get_me(client)
    assert clock.sleeps == []
    assert len(server.requests) == 1


def test_per_call_deadline_overrides_the_client_one() -> None:
    clock = FakeTime()
    with Hostile(respond(429, {"message": "slow down"}, Retry_After="30"), respond()) as server:
        client = clocked_client(server, clock, deadline=10.0, max_retries=3)
        user = get_current_user.sync(client=client, deadline=60.0)
    assert user.login == "ada"
    assert clock.sleeps == [30.0]


@pytest.mark.timeout(30)
def test_rate_limiter_wait_past_the_deadline_raises_at_once() -> None:
    throttle = respond(429, {"message": "slow down"}, Retry_After="30")
    with Hostile(throttle, respond()) as server:
        client = Client(api_url(server), max_retries=0)  # rate limiting on: it learns the 429
        with pytest.raises(RateLimitError):
            get_me(client)
        with pytest.raises(APITimeoutError, match="rate limiter"):
            get_current_user.sync(client=client, deadline=1.0)
    assert len(server.requests) == 1


def test_deadline_settings() -> None:
    assert DEFAULT_DEADLINE == 300.0
    assert Client().deadline == DEFAULT_DEADLINE
    client = Client(deadline=5.0)
    assert client.with_options(max_retries=0).deadline == 5.0
    assert Client(deadline=None).deadline is None
    for bad in (0, -1.0):
        with pytest.raises(ValueError, match="deadline"):
            Client(deadline=bad)
    with pytest.raises(ValueError, match="deadline"):
        get_current_user.sync(client=client, deadline=0)


# --------------------------------------------------------------------------------------------
# Finding 9: no redirects to another origin for API calls
# --------------------------------------------------------------------------------------------


@pytest.fixture
def foreign() -> Iterator[Hostile]:
    with Hostile(respond(201, ENV_VAR)) as server:
        yield server


def _redirecting(target: str, status: int = 307) -> Hostile:
    return Hostile(redirect(target, status), respond(201, ENV_VAR))


def test_cross_origin_307_of_a_post_is_refused(foreign: Hostile) -> None:
    target = f"{foreign.url}/steal?X-Amz-Signature=abc"
    with _redirecting(target) as server:
        client = Client(api_url(server), follow_redirects=True, rate_limit=False)
        with pytest.raises(CrossOriginRedirectError) as caught:
            post_var(client)
    assert foreign.requests == [], "the body (with its secret) must not reach the other origin"
    assert caught.value.target_origin == foreign.url
    message = str(caught.value)
    assert foreign.url in message and "base_url" in message
    assert "X-Amz-Signature" not in message


async def test_async_cross_origin_308_of_a_post_is_refused(foreign: Hostile) -> None:
    with _redirecting(f"{foreign.url}/steal", 308) as server:
        client = Client(api_url(server), follow_redirects=True, rate_limit=False)
        with pytest.raises(CrossOriginRedirectError):
            await apost_var(client)
    assert foreign.requests == []


def test_cross_origin_redirect_of_a_get_is_refused_too(foreign: Hostile) -> None:
    with _redirecting(f"{foreign.url}/me", 302) as server:
        client = Client(api_url(server), follow_redirects=True, rate_limit=False)
        with pytest.raises(CrossOriginRedirectError):
            get_me(client)
    assert foreign.requests == []


def test_same_origin_307_of_a_post_is_followed() -> None:
    moved = "/api/v2/project/gh/acme/widgets/envvar-moved"
    with Hostile(redirect(moved), respond(201, ENV_VAR)) as server:
        client = Client(api_url(server), follow_redirects=True, rate_limit=False)
        created = create_env_var.sync(SLUG, client=client, body=new_var())
    assert created.name == "DEPLOY_KEY"
    assert [path for _, path, _ in server.requests][1:] == [moved]
    assert SECRET.encode() in server.requests[1][2], "307 resends the body to the same origin"
