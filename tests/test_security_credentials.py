"""Where credentials go, what errors and logs show, and the client's own limits.

Real HTTP throughout: the stand-in (API host, artifact host, foreign host) or small servers on
127.0.0.1 that record which headers arrived. Each test checks the receiving side.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import http.server
import itertools
import json
import logging
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from circleci_client import (
    APIStatusError,
    AuthenticatedClient,
    Client,
    InsecureTransportWarning,
    PageLimitError,
)
from circleci_client import _operation as operation_runtime
from circleci_client.api.pipeline import list_pipelines_for_project
from circleci_client.api.user import get_current_user
from circleci_client.artifacts import adownload_job_artifacts, download_job_artifacts
from circleci_client.errors import redact, redact_url
from circleci_client.models.user import User

from tests.clients import standin_client
from tests.downloads import DownloadJob, run_async
from tests.local_http import origin, serving
from tests.standin.server import Standin

CREDENTIALS = ("circle-token", "authorization", "proxy-authorization", "cookie", "x-api-key")


# -- a small recording server -----------------------------------------------------------------


@dataclass
class Received:
    method: str
    path: str
    headers: dict[str, str]


Reply = tuple[int, dict[str, str], bytes]


@dataclass
class Recorder:
    """A server on 127.0.0.1 that records requests and answers with ``reply(request)``."""

    reply: Callable[[Received], Reply]
    received: list[Received] = field(default_factory=list)
    url: str = ""

    def credentials_seen(self) -> set[str]:
        return {name for r in self.received for name in CREDENTIALS if name in r.headers}


@pytest.fixture
def recorders() -> Iterator[Callable[[Callable[[Received], Reply]], Recorder]]:
    servers = contextlib.ExitStack()

    def start(reply: Callable[[Received], Reply]) -> Recorder:
        recorder = Recorder(reply)

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                seen = Received(
                    self.command, self.path, {k.lower(): v for k, v in self.headers.items()}
                )
                recorder.received.append(seen)
                status, headers, body = recorder.reply(seen)
                self.send_response(status)
                for name, value in {"Content-Length": str(len(body)), **headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        recorder.url = origin(servers.enter_context(serving(Handler)))
        return recorder

    with servers:
        yield start


def _json(status: int, body: object, **headers: str) -> Reply:
    return status, {"Content-Type": "application/json", **headers}, json.dumps(body).encode()


def _redirect_to(target: Recorder) -> Callable[[Received], Reply]:
    return lambda request: (302, {"Location": f"{target.url}/landing"}, b"")


USER = {"id": "5e8f1d1c-7f0e-4a36-9f5c-2f8a3c1f0a11", "login": "octo", "name": "Octo"}


# -- finding 6: credential headers stay with their origin -------------------------------------


def _header_paths(token: str) -> dict[str, Callable[[str], tuple[Client, dict[str, str]]]]:
    """Ways a caller can set credential headers: client class x header path."""
    creds = {
        "Circle-Token": token,
        "Authorization": "Bearer b-secret",
        "Cookie": "session=c-secret",
        "Proxy-Authorization": "Basic cHJveHk6c2VjcmV0",
        "X-Api-Key": "k-secret",
    }
    return {
        "Client(headers)": lambda url: (Client(url, headers=creds, follow_redirects=True), {}),
        "AuthenticatedClient(headers)": lambda url: (
            AuthenticatedClient("real-token-1234", url, headers=creds, follow_redirects=True),
            {},
        ),
        "httpx_args headers": lambda url: (
            Client(url, httpx_args={"headers": creds}, follow_redirects=True),
            {},
        ),
        "per-request headers": lambda url: (Client(url, follow_redirects=True), creds),
    }


@pytest.mark.parametrize("path", list(_header_paths("t")))
def test_api_redirect_to_another_origin_carries_no_credential_header(
    recorders: Callable[[Callable[[Received], Reply]], Recorder], path: str
) -> None:
    foreign = recorders(lambda request: _json(200, USER))
    api = recorders(_redirect_to(foreign))
    client, per_request = _header_paths("header-token-5678")[path](f"{api.url}/api/v2")
    # A refused cross-origin redirect is fine too: what matters is what arrived where.
    with client, contextlib.suppress(Exception):
        client.get_httpx_client().get("/me", headers=per_request)
    assert api.received, "the API host got the request"
    assert {"circle-token", "cookie", "x-api-key"} <= api.credentials_seen()
    assert foreign.credentials_seen() == set()
    for request in foreign.received:
        assert "header-token-5678" not in json.dumps(request.headers)


@pytest.mark.parametrize(
    "download", [download_job_artifacts, run_async(adownload_job_artifacts)], ids=["sync", "async"]
)
def test_client_header_token_goes_to_no_artifact_host(
    standin: Standin, tmp_path: Path, download: DownloadJob
) -> None:
    facts = standin.world.facts
    standin.faults.redirect_artifacts(times=None)
    client = Client(standin.base_url, headers={"Circle-Token": standin.token}, max_retries=0)
    with client:
        download(client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="reports/*")
    assert standin.requests.api[0].headers["circle-token"] == standin.token
    file_requests = [*standin.requests.artifact, *standin.requests.foreign]
    assert standin.requests.artifact.snapshot(), "the artifact host was asked"
    for record in file_requests:
        assert not set(CREDENTIALS) & set(record.headers), record.headers


def test_token_goes_to_token_hosts_but_other_credential_headers_do_not(
    standin: Standin, tmp_path: Path
) -> None:
    facts = standin.world.facts
    standin.faults.redirect_artifacts(times=None)
    client = standin_client(
        standin,
        headers={"Cookie": "session=c-secret", "X-Api-Key": "k-secret"},
        httpx_args={"headers": {"Cookie": "session=c-secret", "Authorization": "Bearer b"}},
        max_retries=0,
    )
    with client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="reports/*"
        )
    assert report.ok and report.downloaded
    assert "cookie" in standin.requests.api[0].headers
    for record in standin.requests.artifact:
        assert record.headers.get("circle-token") == standin.token
        assert set(CREDENTIALS) & set(record.headers) == {"circle-token"}, record.headers
    for record in standin.requests.foreign:
        assert not set(CREDENTIALS) & set(record.headers), record.headers


# -- finding 13: page cap ---------------------------------------------------------------------


@dataclass
class _Page:
    items: list[int]
    next_page_token: str | None


def test_endless_pagination_stops_at_the_default_cap_with_a_typed_error() -> None:
    fetched = itertools.count(1)

    def fetch(token: object) -> _Page:
        return _Page([0], f"fresh-{next(fetched)}")

    pages = operation_runtime.iter_pages(fetch, operation_runtime.UNSET, None)
    with pytest.raises(PageLimitError, match="max_pages") as caught:
        for count, _ in enumerate(pages, 1):
            if count > 20_000:
                pytest.fail("no page cap: 20,000 pages of fresh tokens were fetched")
    assert count == 10_000
    assert "10000" in str(caught.value)
    explicit = operation_runtime.iter_pages(fetch, operation_runtime.UNSET, 12_000)
    assert sum(1 for _ in explicit) == 12_000  # max_pages lifts the cap and stops quietly


def test_endless_pagination_over_http_raises_page_limit_error(
    recorders: Callable[[Callable[[Received], Reply]], Recorder],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def endless(request: Received) -> Reply:
        fresh = None if len(server.received) > 50 else f"t{len(server.received)}"
        return _json(200, {"items": [], "next_page_token": fresh})

    server = recorders(endless)
    monkeypatch.setattr(operation_runtime, "DEFAULT_MAX_PAGES", 5, raising=False)
    client = AuthenticatedClient("tok-12345678", f"{server.url}/api/v2")
    with client, pytest.raises(PageLimitError, match="max_pages=N"):
        list(list_pipelines_for_project.iter_pages("gh/acme/widgets", client=client))
    assert len(server.received) == 5


# -- finding 13: one client, two event loops --------------------------------------------------


@pytest.mark.parametrize("built_outside_a_loop", [False, True])
def test_one_client_works_in_two_asyncio_runs(standin: Standin, built_outside_a_loop: bool) -> None:
    client = standin_client(standin)
    if built_outside_a_loop:
        client.get_async_httpx_client()
    first = asyncio.run(get_current_user.asyncio(client=client))

    async def again_and_close() -> User:
        async with client:
            return await get_current_user.asyncio(client=client)

    second = asyncio.run(again_and_close())
    with warnings.catch_warnings():  # the first loop's connection is abandoned, as documented
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
    assert first.login == second.login
    assert len(standin.requests.api) == 2


# -- finding 13: per-origin rate-limit state --------------------------------------------------


def test_artifact_host_rate_limit_headers_do_not_throttle_the_api(
    standin: Standin, recorders: Callable[[Callable[[Received], Reply]], Recorder]
) -> None:
    exhausted = recorders(
        lambda request: (200, {"RateLimit-Remaining": "0", "RateLimit-Reset": "30"}, b"x")
    )
    client = standin_client(standin, token_hosts=[exhausted.url])
    with client:
        assert client.get_httpx_client().get(f"{exhausted.url}/file").status_code == 200
        api_limiter = client.rate_limiter
        assert api_limiter is not None
        assert api_limiter.acquire(time.monotonic()) == 0.0, "the API is not blocked"
        file_limiter = client.rate_limiter_for(f"{exhausted.url}/other")
        assert file_limiter is not None and file_limiter is not api_limiter
        assert file_limiter.acquire(time.monotonic()) > 20.0, "the artifact host is blocked"
        assert get_current_user.sync(client=client).login
    assert api_limiter.stats.waited == 0.0


# -- finding 13: clear-text warning -----------------------------------------------------------


@pytest.mark.parametrize(
    "make",
    [
        lambda: AuthenticatedClient("tok-12345678", "http://ci.example.com/api/v2"),
        lambda: Client("http://ci.example.com/api/v2", headers={"circle-token": "x"}),
        lambda: Client("http://u:p@ci.example.com/api/v2"),
        lambda: AuthenticatedClient(
            "tok-12345678", "https://ci.example.com/api/v2", token_hosts=["http://files.example"]
        ),
        lambda: AuthenticatedClient("tok-12345678", "http://10.0.0.7:8080/api/v2"),
        lambda: Client("http://ci.example.com/api/v2", httpx_args={"auth": ("u", "p")}),
        lambda: Client("http://ci.example.com/api/v2", httpx_args={"cookies": {"s": "c"}}),
    ],
)
def test_credentials_over_plain_http_warn(make: Callable[[], Client]) -> None:
    with pytest.warns(InsecureTransportWarning, match="unencrypted") as caught:
        make()
    assert caught[0].filename == __file__, "the warning points at the caller"
    assert "tok-12345678" not in str(caught[0].message)


@pytest.mark.parametrize(
    "make",
    [
        lambda: AuthenticatedClient("t", "https://ci.example.com/api/v2"),
        lambda: AuthenticatedClient("t", "http://127.0.0.1:8080/api/v2"),
        lambda: AuthenticatedClient("t", "http://127.9.9.9/api/v2"),
        lambda: AuthenticatedClient("t", "http://localhost:8080/api/v2"),
        lambda: AuthenticatedClient("t", "http://[::1]:8080/api/v2"),
        lambda: Client("http://ci.example.com/api/v2"),
    ],
)
def test_no_clear_text_warning_for_loopback_https_or_no_credentials(
    make: Callable[[], Client],
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", InsecureTransportWarning)
        make()


# -- finding 13: user info in the base URL ----------------------------------------------------


def test_user_info_in_base_url_stays_out_of_repr_and_errors(
    recorders: Callable[[Callable[[Received], Reply]], Recorder],
) -> None:
    server = recorders(lambda request: _json(500, {"message": "boom"}))
    base = server.url.replace("http://", "http://deploy:pa55w0rd-xyz@") + "/api/v2"
    for client in (Client(base, max_retries=0), AuthenticatedClient("tok-1", base, max_retries=0)):
        assert "pa55w0rd" not in repr(client)
        with client, pytest.raises(APIStatusError) as caught:
            get_current_user.sync(client=client)
        assert "pa55w0rd" not in str(caught.value) and "deploy:" not in str(caught.value)
        assert server.url.removeprefix("http://") in str(caught.value)
    with pytest.raises(ValueError) as bad:
        Client("ftp://deploy:pa55w0rd-xyz@example.com/")
    assert "pa55w0rd" not in str(bad.value)


# -- finding 13: redaction of escaped and short tokens ----------------------------------------


def test_token_echoed_json_escaped_is_redacted(
    recorders: Callable[[Callable[[Received], Reply]], Recorder],
) -> None:
    token = "tok/en-0123456789abcdef"
    escaped = "\\u0074ok\\/en-0123456789\\u0061bcdef"
    body = f'{{"message": "invalid token", "echo": "{escaped}"}}'.encode()
    server = recorders(lambda request: (401, {"Content-Type": "application/json"}, body))
    client = AuthenticatedClient(token, f"{server.url}/api/v2", max_retries=0)
    with client, pytest.raises(APIStatusError) as caught:
        get_current_user.sync(client=client)
    error = caught.value
    assert server.received[0].headers["circle-token"] == token
    assert json.loads(error.response.content)["echo"] == "[REDACTED]"
    assert escaped not in error.response.text and token not in json.dumps(error.body)


@pytest.mark.parametrize("token", ["t", "tp", "ttp"])
def test_short_token_is_redacted_whole_without_garbling_the_message(
    recorders: Callable[[Callable[[Received], Reply]], Recorder], token: str
) -> None:
    def echo(request: Received) -> Reply:
        return _json(404, {"message": f"token {request.headers['circle-token']} not accepted"})

    server = recorders(echo)
    client = AuthenticatedClient(token, f"{server.url}/api/v2", max_retries=0)
    with client, pytest.raises(APIStatusError) as caught:
        get_current_user.sync(client=client)
    assert str(caught.value) == (
        f"getCurrentUser: 404 Not Found for GET {server.url}/api/v2/me: "
        "token [REDACTED] not accepted"
    )


def test_redact_finds_mixed_escapes_and_leaves_words_alone() -> None:
    secret = "s3cr/et-token-value"
    assert redact("a s3cr%2Fet-token-value b", [secret]) == "a [REDACTED] b"
    assert redact('a "s3cr\\/et-token-v\\u0061lue" b', [secret]) == 'a "[REDACTED]" b'
    assert redact("https://host/path then p and t", ["t", "p"]) == (
        "https://host/path then [REDACTED] and [REDACTED]"
    )


# -- finding 13: pre-signed URL secrets -------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "secret"),
    [
        ("X-Amz-Signature=SIGabc123&X-Amz-Expires=300", "SIGabc123"),
        ("X-Amz-Security-Token=STSabc123", "STSabc123"),
        ("X-Amz-Credential=AKIAabc123%2F20250101", "AKIAabc123"),
        ("sv=2022-11-02&se=2030-01-01&sig=AZsig%2Babc123", "AZsig"),
        ("GoogleAccessId=svc%40proj.iam&Signature=GCSsig123", "GCSsig123"),
        ("X-Goog-Signature=GOOGsig123&X-Goog-Credential=svc%2Fabc", "GOOGsig123"),
        ("token=plain-tok-123", "plain-tok-123"),
        ("access_token=oauth-abc123", "oauth-abc123"),
        ("Policy=cfpolicy123&Key-Pair-Id=APKA123", "cfpolicy123"),
    ],
)
def test_redact_url_hides_presigned_secrets(query: str, secret: str) -> None:
    shown = redact_url(f"https://bucket.example/a/b.txt?{query}&page=2")
    assert secret not in shown
    assert shown.startswith("https://bucket.example/a/b.txt?") and shown.endswith("&page=2")


def test_presigned_signature_stays_out_of_file_errors_summary_and_logs(
    standin: Standin, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    facts = standin.world.facts
    standin.faults.redirect_artifacts(times=None)
    standin.faults.rate_limit(retry_after="0", times=None, host="foreign")
    caplog.set_level(logging.DEBUG, logger="circleci_client")
    with standin_client(standin, max_retries=1, rate_limit=False) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="*/index.html"
        )
    foreign = standin.requests.foreign.snapshot()
    assert foreign, "the redirect was followed"
    query = dict(part.split("=", 1) for part in foreign[0].query.split("&") if "=" in part)
    signature = query["X-Amz-Signature"]
    assert report.failed
    shown: list[Any] = [report.summary(), caplog.text]
    shown += [result.error for result in report.failed]
    assert all(signature not in str(text) for text in shown), shown
    assert "X-Amz-Signature=REDACTED" in report.summary()
