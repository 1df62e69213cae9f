"""Retry rules: the pure policy, and the sync and async transports that loop over it."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx
import pytest
from circleci_client._constants import MAX_RETRIES_EXTENSION
from circleci_client._retry import AsyncRetryTransport, RetryPolicy, RetryTransport
from circleci_client.errors import APIConnectionError, APITimeoutError

from tests.ports import refusing_port

URL = "https://circleci.com/api/v2/project/gh/acme/widgets/pipeline"
TOKEN = "CCIPAT_retry-secret"
NOW = datetime(2026, 1, 1, tzinfo=UTC)

Step = httpx.Response | Exception


def request(method: str = "GET", *, retries: int | None = None, **kwargs: object) -> httpx.Request:
    extensions = {} if retries is None else {MAX_RETRIES_EXTENSION: retries}
    return httpx.Request(
        method,
        URL,
        headers={"Circle-Token": TOKEN},
        extensions=extensions,
        **kwargs,  # type: ignore[arg-type]
    )


def policy(**kwargs: object) -> RetryPolicy:
    """A policy whose jitter always draws 1.0 (the top of its range) and whose clock is NOW."""
    return RetryPolicy(rand=lambda: 1.0, clock=lambda: NOW, **kwargs)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------- the policy


def test_429_with_retry_after_waits_that_long_for_any_method() -> None:
    response = httpx.Response(429, headers={"Retry-After": "3"})
    for method in ("GET", "POST", "PATCH", "DELETE"):
        assert policy().decide(request(method), response, 0) == 3.0


def test_429_with_http_date_retry_after() -> None:
    when = format_datetime(NOW + timedelta(seconds=12), usegmt=True)
    response = httpx.Response(429, headers={"Retry-After": when})
    assert policy().decide(request("POST"), response, 0) == 12.0


def test_429_with_past_http_date_retries_at_once() -> None:
    response = httpx.Response(429, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
    assert policy().decide(request(), response, 0) == 0.0


def test_429_over_the_cap_is_not_retried() -> None:
    response = httpx.Response(429, headers={"Retry-After": "61"})
    assert policy(max_retry_after=60.0).decide(request(), response, 0) is None
    assert policy(max_retry_after=120.0).decide(request(), response, 0) == 61.0


def test_429_at_the_cap_is_retried() -> None:
    response = httpx.Response(429, headers={"Retry-After": "60"})
    assert policy(max_retry_after=60.0).decide(request(), response, 0) == 60.0


def test_429_without_retry_after_uses_full_jitter() -> None:
    response = httpx.Response(429, headers={"Retry-After": "garbage"})
    low = RetryPolicy(initial_delay=0.5, rand=lambda: 0.0)
    high = RetryPolicy(initial_delay=0.5, rand=lambda: 0.999)
    assert low.decide(request("POST"), response, 1) == 0.0
    assert high.decide(request("POST"), response, 1) == pytest.approx(0.999)


def test_backoff_doubles_and_is_capped() -> None:
    p = policy(initial_delay=0.5, max_delay=8.0)
    assert [p.backoff(n) for n in range(7)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]
    assert p.backoff(10_000) == 8.0


def test_backoff_jitter_stays_within_half_to_full() -> None:
    low = RetryPolicy(initial_delay=1.0, max_delay=8.0, rand=lambda: 0.0)
    assert low.backoff(2) == 2.0
    assert low.backoff(2, full_jitter=True) == 0.0
    assert RetryPolicy(initial_delay=1.0, rand=lambda: 0.5).backoff(2) == 3.0


def test_real_jitter_is_in_range() -> None:
    p = RetryPolicy(initial_delay=1.0, max_delay=8.0)
    delays = [p.backoff(3) for _ in range(200)]
    assert all(4.0 <= d <= 8.0 for d in delays)
    assert len(set(delays)) > 1


@pytest.mark.parametrize("status", [408, 500, 502, 503, 504])
@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS", "DELETE", "PUT"])
def test_idempotent_methods_retry_transient_statuses(method: str, status: int) -> None:
    assert policy().decide(request(method), httpx.Response(status), 0) == 0.5


@pytest.mark.parametrize("status", [408, 500, 502, 503, 504])
@pytest.mark.parametrize("method", ["POST", "PATCH"])
def test_post_and_patch_never_retry_server_errors(method: str, status: int) -> None:
    assert policy().decide(request(method), httpx.Response(status), 0) is None


@pytest.mark.parametrize("status", [200, 201, 204, 301, 400, 401, 403, 404, 409, 422, 501, 505])
def test_other_statuses_are_not_retried(status: int) -> None:
    assert policy().decide(request(), httpx.Response(status), 0) is None


def test_503_retry_after_is_honoured_and_capped() -> None:
    assert policy().decide(request(), httpx.Response(503, headers={"Retry-After": "2"}), 0) == 2.0
    long_wait = httpx.Response(503, headers={"Retry-After": "3600"})
    assert policy().decide(request(), long_wait, 0) is None


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ConnectError("refused"),
        httpx.ConnectTimeout("connect timeout"),
        httpx.PoolTimeout("pool timeout"),
    ],
)
@pytest.mark.parametrize("method", ["GET", "POST", "PATCH"])
def test_never_sent_failures_are_retried_for_every_method(method: str, exc: Exception) -> None:
    assert policy().decide(request(method), exc, 0) == 0.5


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ReadTimeout("read timeout"),
        httpx.WriteTimeout("write timeout"),
        httpx.ReadError("reset"),
        httpx.WriteError("broken pipe"),
        httpx.CloseError("close"),
        httpx.RemoteProtocolError("server hung up"),
    ],
)
def test_maybe_sent_failures_retry_only_idempotent_methods(exc: Exception) -> None:
    assert policy().decide(request("GET"), exc, 0) == 0.5
    assert policy().decide(request("PUT"), exc, 0) == 0.5
    assert policy().decide(request("POST"), exc, 0) is None
    assert policy().decide(request("PATCH"), exc, 0) is None


@pytest.mark.parametrize(
    "exc",
    [
        httpx.UnsupportedProtocol("ftp"),
        httpx.LocalProtocolError("bad header"),
        httpx.ProxyError("proxy said no"),
        ValueError("not a transport error"),
    ],
)
def test_deterministic_failures_are_not_retried(exc: Exception) -> None:
    assert policy().decide(request("GET"), exc, 0) is None


def test_retries_stop_at_max_retries() -> None:
    p = policy(max_retries=2)
    response = httpx.Response(503)
    assert p.decide(request(), response, 0) is not None
    assert p.decide(request(), response, 1) is not None
    assert p.decide(request(), response, 2) is None


def test_extension_overrides_max_retries() -> None:
    p = policy(max_retries=2)
    response = httpx.Response(429)
    assert p.decide(request(retries=0), response, 0) is None
    assert p.decide(request(retries=5), response, 4) is not None
    assert p.decide(request(retries=5), response, 5) is None
    assert p.retries_allowed(request(retries=-3)) == 0


@pytest.mark.parametrize("bad", ["3", 2.5, True, None])
def test_invalid_extension_values_are_ignored(bad: object) -> None:
    req = httpx.Request("GET", URL, extensions={MAX_RETRIES_EXTENSION: bad})
    assert policy(max_retries=2).retries_allowed(req) == 2


def test_streaming_body_is_never_retried() -> None:
    def chunks() -> Iterator[bytes]:
        yield b"data"

    streamed = httpx.Request("PUT", URL, content=chunks())
    assert not RetryPolicy.can_replay(streamed)
    assert policy().decide(streamed, httpx.Response(503), 0) is None
    assert policy().decide(streamed, httpx.ConnectError("refused"), 0) is None
    assert RetryPolicy.can_replay(request("POST", json={"branch": "main"}))


def test_invalid_policy_settings_are_rejected() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        RetryPolicy(max_retries=-1)
    with pytest.raises(ValueError, match="delays"):
        RetryPolicy(initial_delay=-1.0)


# ---------------------------------------------------------------------------- transports


class Script:
    """Plays back responses and exceptions in order and records the requests it saw."""

    def __init__(self, *steps: Step) -> None:
        self.steps = list(steps)
        self.requests: list[httpx.Request] = []
        self.responses: list[httpx.Response] = []

    def __call__(self, req: httpx.Request) -> httpx.Response:
        self.requests.append(req)
        step = self.steps.pop(0)
        if isinstance(step, Exception):
            if isinstance(step, httpx.RequestError):
                step.request = req
            raise step
        self.responses.append(step)
        return step


def sync_client(script: Script, delays: list[float], **kwargs: object) -> httpx.Client:
    transport = RetryTransport(
        httpx.MockTransport(script),
        sleep=delays.append,
        **kwargs,  # type: ignore[arg-type]
    )
    return httpx.Client(transport=transport)


def async_client(script: Script, delays: list[float], **kwargs: object) -> httpx.AsyncClient:
    async def sleep(seconds: float) -> None:
        delays.append(seconds)

    async def handler(req: httpx.Request) -> httpx.Response:
        return script(req)

    transport = AsyncRetryTransport(
        httpx.MockTransport(handler),
        sleep=sleep,
        **kwargs,  # type: ignore[arg-type]
    )
    return httpx.AsyncClient(transport=transport)


FLAVOURS = pytest.mark.parametrize("flavour", ["sync", "async"])
"""Runs a test over ``RetryTransport`` and ``AsyncRetryTransport`` alike."""


def send(
    flavour: str,
    script: Script,
    delays: list[float],
    method: str = "GET",
    *,
    options: Mapping[str, object] | None = None,
    **request: Any,
) -> httpx.Response:
    """Send one request through the sync or the async retry transport, delays recorded."""
    if flavour == "sync":
        with sync_client(script, delays, **(options or {})) as client:
            return client.request(method, URL, **request)

    async def run() -> httpx.Response:
        async with async_client(script, delays, **(options or {})) as client:
            return await client.request(method, URL, **request)

    return asyncio.run(run())


@FLAVOURS
def test_429_with_retry_after_then_200(flavour: str) -> None:
    script = Script(httpx.Response(429, headers={"Retry-After": "1"}), httpx.Response(200))
    delays: list[float] = []
    response = send(flavour, script, delays, "POST", json={"branch": "main"})
    assert response.status_code == 200
    assert delays == [1.0]
    assert len(script.requests) == 2
    assert script.requests[1].content == b'{"branch":"main"}'
    assert script.responses[0].is_closed


@FLAVOURS
def test_429_with_http_date(flavour: str) -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=5), usegmt=True)
    script = Script(httpx.Response(429, headers={"Retry-After": when}), httpx.Response(200))
    delays: list[float] = []
    assert send(flavour, script, delays).status_code == 200
    assert len(delays) == 1
    assert 3.0 <= delays[0] <= 5.0


@FLAVOURS
@pytest.mark.parametrize(
    ("retry_after", "options"),
    [("120", {"max_retry_after": 60.0}), ("600", {})],
    ids=["set-cap", "default-cap"],
)
def test_429_over_the_cap_returns_the_429_and_logs_nothing(
    flavour: str, retry_after: str, options: dict[str, object], caplog: pytest.LogCaptureFixture
) -> None:
    script = Script(httpx.Response(429, headers={"Retry-After": retry_after}), httpx.Response(200))
    delays: list[float] = []
    caplog.set_level(logging.DEBUG, logger="circleci_client")
    response = send(flavour, script, delays, options=options)
    assert response.status_code == 429
    assert response.headers["Retry-After"] == retry_after
    assert delays == []
    assert len(script.requests) == 1
    assert not [r for r in caplog.records if r.name == "circleci_client"]


@FLAVOURS
def test_500_on_post_is_not_retried(flavour: str) -> None:
    script = Script(httpx.Response(500), httpx.Response(201))
    delays: list[float] = []
    response = send(flavour, script, delays, "POST", json={})
    assert response.status_code == 500
    assert len(script.requests) == 1
    assert delays == []


@FLAVOURS
def test_503_on_get_is_retried_then_200(flavour: str) -> None:
    script = Script(httpx.Response(503), httpx.Response(200, json={"ok": True}))
    delays: list[float] = []
    response = send(flavour, script, delays, options={"initial_delay": 0.5})
    assert response.json() == {"ok": True}
    assert len(delays) == 1
    assert 0.25 <= delays[0] <= 0.5


@FLAVOURS
def test_503_retry_after_sets_the_delay(flavour: str) -> None:
    script = Script(httpx.Response(503, headers={"Retry-After": "4"}), httpx.Response(200))
    delays: list[float] = []
    assert send(flavour, script, delays).status_code == 200
    assert delays == [4.0]


@FLAVOURS
def test_connect_error_on_post_is_retried(flavour: str) -> None:
    script = Script(httpx.ConnectError("refused"), httpx.Response(201))
    delays: list[float] = []
    assert send(flavour, script, delays, "POST", json={}).status_code == 201
    assert len(script.requests) == 2
    assert len(delays) == 1


@FLAVOURS
def test_read_timeout_on_post_raises_api_timeout_error(flavour: str) -> None:
    script = Script(httpx.ReadTimeout("timed out"), httpx.Response(201))
    delays: list[float] = []
    with pytest.raises(APITimeoutError) as info:
        send(flavour, script, delays, "POST", json={})
    assert len(script.requests) == 1
    assert delays == []
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)
    assert info.value.method == "POST"
    assert str(info.value) == f"Request timed out for POST {URL}: ReadTimeout: timed out"


@FLAVOURS
def test_remote_protocol_error_on_get_is_retried(flavour: str) -> None:
    script = Script(httpx.RemoteProtocolError("server disconnected"), httpx.Response(200))
    delays: list[float] = []
    assert send(flavour, script, delays).status_code == 200
    assert len(script.requests) == 2


@FLAVOURS
def test_remote_protocol_error_on_post_raises_connection_error(flavour: str) -> None:
    script = Script(httpx.RemoteProtocolError("server disconnected"))
    delays: list[float] = []
    with pytest.raises(APIConnectionError) as info:
        send(flavour, script, delays, "POST", json={})
    assert not isinstance(info.value, APITimeoutError)
    assert len(script.requests) == 1


@FLAVOURS
@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("refused"), httpx.RemoteProtocolError("eof")],
    ids=lambda failure: type(failure).__name__,
)
def test_exhausted_retries_raise_typed_error(flavour: str, failure: Exception) -> None:
    script = Script(*(type(failure)(str(failure)) for _ in range(3)))
    delays: list[float] = []
    with pytest.raises(APIConnectionError):
        send(flavour, script, delays, options={"max_retries": 2})
    assert len(script.requests) == 3
    assert len(delays) == 2
    assert delays[1] > delays[0] / 2  # backoff grows (jitter permitting)


@FLAVOURS
def test_exhausted_timeouts_raise_api_timeout_error(flavour: str) -> None:
    script = Script(*(httpx.ReadTimeout("slow") for _ in range(2)))
    delays: list[float] = []
    with pytest.raises(APITimeoutError):
        send(flavour, script, delays, options={"max_retries": 1})
    assert len(script.requests) == 2


@FLAVOURS
def test_exhausted_status_retries_return_last_response(flavour: str) -> None:
    script = Script(httpx.Response(502), httpx.Response(502), httpx.Response(504))
    delays: list[float] = []
    response = send(flavour, script, delays, options={"max_retries": 2})
    assert response.status_code == 504
    assert len(delays) == 2
    assert script.responses[0].is_closed
    assert script.responses[1].is_closed


@FLAVOURS
@pytest.mark.parametrize(
    "first",
    [httpx.Response(429, headers={"Retry-After": "1"}), httpx.Response(503)],
    ids=lambda response: str(response.status_code),
)
def test_extension_zero_disables_retries(flavour: str, first: httpx.Response) -> None:
    script = Script(httpx.Response(first.status_code, headers=first.headers), httpx.Response(200))
    delays: list[float] = []
    response = send(flavour, script, delays, extensions={MAX_RETRIES_EXTENSION: 0})
    assert response.status_code == first.status_code
    assert delays == []
    assert len(script.requests) == 1


@FLAVOURS
def test_extension_raises_the_limit(flavour: str) -> None:
    script = Script(*(httpx.Response(503) for _ in range(4)), httpx.Response(200))
    delays: list[float] = []
    response = send(
        flavour, script, delays, options={"max_retries": 1}, extensions={MAX_RETRIES_EXTENSION: 4}
    )
    assert response.status_code == 200
    assert len(delays) == 4


@FLAVOURS
def test_constructor_max_retries_zero(flavour: str) -> None:
    script = Script(httpx.ConnectError("refused"))
    delays: list[float] = []
    with pytest.raises(APIConnectionError):
        send(flavour, script, delays, options={"max_retries": 0})
    assert delays == []


@FLAVOURS
def test_other_exceptions_propagate_unchanged(flavour: str) -> None:
    script = Script(RuntimeError("bug"))
    delays: list[float] = []
    with pytest.raises(RuntimeError, match="bug"):
        send(flavour, script, delays)


@FLAVOURS
def test_retries_are_logged_at_debug_without_the_token(
    flavour: str, caplog: pytest.LogCaptureFixture
) -> None:
    script = Script(
        httpx.Response(429, headers={"Retry-After": "2"}),
        httpx.ConnectError("refused"),
        httpx.Response(200),
    )
    delays: list[float] = []
    caplog.set_level(logging.DEBUG, logger="circleci_client")
    send(flavour, script, delays, options={"max_retries": 3}, params={"circle-token": TOKEN})
    records = [r for r in caplog.records if r.name == "circleci_client"]
    assert len(records) == 2
    assert all(r.levelno == logging.DEBUG for r in records)
    first, second = (r.getMessage() for r in records)
    assert first == (
        f"Retrying GET {URL}?circle-token=REDACTED after HTTP 429 (retry 1 of 3) in 2.00s"
    )
    assert second.startswith(f"Retrying GET {URL}?circle-token=REDACTED after ConnectError")
    assert "(retry 2 of 3)" in second
    assert all(TOKEN not in r.getMessage() for r in caplog.records if r.name == "circleci_client")


@FLAVOURS
def test_a_retry_of_delete_is_logged_with_the_default_limit(
    flavour: str, caplog: pytest.LogCaptureFixture
) -> None:
    script = Script(httpx.Response(502), httpx.Response(200))
    delays: list[float] = []
    caplog.set_level(logging.DEBUG, logger="circleci_client")
    send(flavour, script, delays, "DELETE")
    messages = [r.getMessage() for r in caplog.records if r.name == "circleci_client"]
    assert len(messages) == 1
    assert messages[0].startswith(f"Retrying DELETE {URL} after HTTP 502 (retry 1 of 2) in ")


# ---------------------------------------------------------------------------- one flavour


def test_sync_streaming_upload_is_not_retried() -> None:
    def chunks() -> Iterator[bytes]:
        yield b"part"

    class Unbuffered(httpx.BaseTransport):
        """Like a real network transport, sends the stream without buffering it."""

        def __init__(self) -> None:
            self.calls = 0

        def handle_request(self, req: httpx.Request) -> httpx.Response:
            self.calls += 1
            for _ in req.stream:  # type: ignore[union-attr]
                pass
            return httpx.Response(503 if self.calls == 1 else 200)

    inner = Unbuffered()
    delays: list[float] = []
    with httpx.Client(transport=RetryTransport(inner, sleep=delays.append)) as client:
        response = client.put(URL, content=chunks())
    assert response.status_code == 503
    assert inner.calls == 1
    assert delays == []


def test_sync_body_buffered_by_the_inner_transport_can_be_replayed() -> None:
    def chunks() -> Iterator[bytes]:
        yield b"part"

    # MockTransport reads the body into memory first, which makes it replayable.
    script = Script(httpx.Response(503), httpx.Response(200))
    delays: list[float] = []
    with sync_client(script, delays) as client:
        response = client.put(URL, content=chunks())
    assert response.status_code == 200
    assert [r.content for r in script.requests] == [b"part", b"part"]


def test_sync_close_closes_the_wrapped_transport() -> None:
    closed: list[bool] = []

    class Inner(httpx.BaseTransport):
        def handle_request(self, req: httpx.Request) -> httpx.Response:
            return httpx.Response(200)

        def close(self) -> None:
            closed.append(True)

    RetryTransport(Inner()).close()
    assert closed == [True]


async def test_async_default_sleep_is_asyncio_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    real_sleep, this_thread = asyncio.sleep, threading.get_ident()

    async def fake_sleep(seconds: float) -> None:
        if threading.get_ident() != this_thread:  # the stand-in's server thread sleeps too
            await real_sleep(seconds)
            return
        slept.append(seconds)

    monkeypatch.setattr("asyncio.sleep", fake_sleep)
    script = Script(httpx.Response(429, headers={"Retry-After": "0.5"}), httpx.Response(200))

    async def handler(req: httpx.Request) -> httpx.Response:
        return script(req)

    transport = AsyncRetryTransport(httpx.MockTransport(handler))
    async with httpx.AsyncClient(transport=transport) as client:
        assert (await client.get(URL)).status_code == 200
    assert slept == [0.5]


def test_sync_default_sleep_is_time_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    slept: list[float] = []
    real_sleep, this_thread = time.sleep, threading.get_ident()

    def fake_sleep(seconds: float) -> None:
        if threading.get_ident() != this_thread:  # the stand-in's server thread sleeps too
            real_sleep(seconds)
            return
        slept.append(seconds)

    monkeypatch.setattr("time.sleep", fake_sleep)
    script = Script(httpx.Response(429, headers={"Retry-After": "0.5"}), httpx.Response(200))
    with httpx.Client(transport=RetryTransport(httpx.MockTransport(script))) as client:
        assert client.get(URL).status_code == 200
    assert slept == [0.5]


def test_transport_builds_its_policy_from_arguments() -> None:
    transport = RetryTransport(
        httpx.MockTransport(Script()),
        max_retries=5,
        initial_delay=1.0,
        max_delay=4.0,
        max_retry_after=9.0,
    )
    p = transport.policy
    assert (p.max_retries, p.initial_delay, p.max_delay, p.max_retry_after) == (5, 1.0, 4.0, 9.0)


def test_sync_real_connection_refused_is_retried_then_raised() -> None:
    delays: list[float] = []
    transport = RetryTransport(httpx.HTTPTransport(), max_retries=1, sleep=delays.append)
    with (
        refusing_port() as port,
        httpx.Client(transport=transport) as client,
        pytest.raises(APIConnectionError) as info,
    ):
        client.post(f"http://127.0.0.1:{port}/x", json={}, headers={"Circle-Token": TOKEN})
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert len(delays) == 1
    assert TOKEN not in repr(info.value.request.headers.multi_items())
