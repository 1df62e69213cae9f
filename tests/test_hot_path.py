"""The per-call speed tricks of the request path give the standard result.

Each test pins one shortcut of the hot path (see ``docs/performance.md``) to what the standard
code path does: cookies, the ``Accept-Encoding`` of API calls, the retry decision for answers
that are never retried, and listing every item of every page.
"""

from __future__ import annotations

import asyncio
import http.server
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from circleci_client import AuthenticatedClient, RetryPolicy
from circleci_client._constants import API_CALL_EXTENSION
from circleci_client._fast_paths import (
    AsyncCookieClient,
    CookieClient,
    SkipCookielessResponses,
)
from circleci_client._operation import aiter_items, iter_items
from circleci_client._paths import slug_segment
from circleci_client._retry_policy import RETRYABLE_STATUSES
from circleci_client.api.project import get_project_by_slug
from circleci_client.api.user import get_current_user
from circleci_client.slugs import InvalidProjectSlugError, ProjectSlug, validate_project_slug

from tests.local_http import origin, serving

# --- a server on 127.0.0.1 that sets a cookie and records what it is sent -------------------

_ME = b'{"id": "6a6a6a6a-0000-4000-8000-000000000001", "login": "octo", "name": "Octo"}'


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers ``/api/v2/me``; ``/api/v2/me`` with ``?cookie=1`` also sets a cookie."""

    seen: list[dict[str, list[str]]]

    def do_GET(self) -> None:
        self.seen.append(
            {
                "cookie": self.headers.get_all("Cookie") or [],
                "accept-encoding": self.headers.get_all("Accept-Encoding") or [],
            }
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(_ME)))
        if "cookie=1" in self.path:
            self.send_header("Set-Cookie", "session=abc; Path=/")
        self.end_headers()
        self.wfile.write(_ME)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[dict[str, list[str]]]]]:
    """The API root of a recording server, and what each request it got carried."""
    seen: list[dict[str, list[str]]] = []
    with serving(type("Handler", (_Recorder,), {"seen": seen})) as server:
        yield f"{origin(server)}/api/v2", seen


# --- cookies: the jar only sees responses that set one ---------------------------------------


def _jar(cookies: httpx.Cookies) -> list[tuple[str, str | None, str, str]]:
    return sorted((c.name, c.value, c.domain, c.path) for c in cookies.jar)


@pytest.mark.parametrize(
    "headers",
    [
        [],
        [("Content-Type", "application/json"), ("X-Request-Id", "r1")],
        [("Set-Cookie", "a=1; Path=/")],
        [("set-cookie", "a=1"), ("SET-COOKIE", "b=2; Path=/api")],
        [("Set-Cookie", "a=1; Domain=other.example")],  # refused by the jar's policy
        [("Set-Cookie", "a=1; Max-Age=0")],  # removes ``a``
        [("Set-Cookie2", 'c=3; Version="1"')],
        [("Set-Cookie", "")],
    ],
)
def test_skipping_cookieless_responses_leaves_the_jar_as_httpx_does(
    headers: list[tuple[str, str]],
) -> None:
    request = httpx.Request("GET", "http://api.example/api/v2/me")
    standard, lean = httpx.Cookies(), SkipCookielessResponses()
    for jar in (standard, lean):
        jar.set("a", "0", domain="api.example", path="/")
        jar.extract_cookies(httpx.Response(200, headers=headers, request=request))
    assert _jar(lean) == _jar(standard)


def test_a_response_without_cookies_never_reaches_the_jar(monkeypatch: pytest.MonkeyPatch) -> None:
    handed: list[httpx.Response] = []
    monkeypatch.setattr(httpx.Cookies, "extract_cookies", lambda _, r: handed.append(r))
    request = httpx.Request("GET", "http://api.example/")
    plain = httpx.Response(200, headers={"Content-Type": "application/json"}, request=request)
    setting = httpx.Response(200, headers={"Set-Cookie": "a=1"}, request=request)
    SkipCookielessResponses().extract_cookies(plain)
    SkipCookielessResponses().extract_cookies(setting)
    assert handed == [setting]


def test_the_client_keeps_and_sends_cookies_through_its_lean_jar(
    recorder: tuple[str, list[dict[str, list[str]]]],
) -> None:
    base_url, seen = recorder
    with AuthenticatedClient("t0ken", base_url, httpx_args={"cookies": {"pre": "set"}}) as client:
        http = client.get_httpx_client()
        assert isinstance(http, CookieClient)
        assert isinstance(http.cookies, SkipCookielessResponses)
        get_current_user.sync(client=client)
        http.get(f"{base_url}/me", params={"cookie": "1"})  # sets session=abc
        get_current_user.sync(client=client)
        http.cookies = {"fresh": "jar"}  # replacing the jar works as on httpx.Client
        assert isinstance(http.cookies, SkipCookielessResponses)
        get_current_user.sync(client=client)
    assert [request["cookie"] for request in seen] == [
        ["pre=set"],
        ["pre=set"],
        ["pre=set; session=abc"],
        ["fresh=jar"],
    ]
    assert dict(http.cookies) == {"fresh": "jar"}


def test_the_async_client_keeps_and_sends_cookies_through_its_lean_jar(
    recorder: tuple[str, list[dict[str, list[str]]]],
) -> None:
    base_url, seen = recorder

    async def main() -> None:
        async with AuthenticatedClient("t0ken", base_url) as client:
            http = client.get_async_httpx_client()
            assert isinstance(http, AsyncCookieClient)
            await http.get(f"{base_url}/me", params={"cookie": "1"})
            await get_current_user.asyncio(client=client)

    asyncio.run(main())
    assert [request["cookie"] for request in seen] == [[], ["session=abc"]]


# --- Accept-Encoding: kept when it is already the one API calls send ---------------------------


@pytest.mark.parametrize(
    "headers",
    [
        None,
        {"Accept-Encoding": "br"},
        {"Accept-Encoding": "gzip, deflate"},
        {"accept-encoding": ""},
    ],
)
def test_api_calls_send_one_accept_encoding_whatever_the_client_headers(
    recorder: tuple[str, list[dict[str, list[str]]]], headers: dict[str, str] | None
) -> None:
    base_url, seen = recorder
    with AuthenticatedClient("t0ken", base_url, headers=headers) as client:
        get_current_user.sync(client=client)
    assert seen[0]["accept-encoding"] == ["gzip, deflate"]


def test_two_accept_encoding_lines_become_the_one_api_calls_send(
    recorder: tuple[str, list[dict[str, list[str]]]],
) -> None:
    base_url, seen = recorder
    with AuthenticatedClient("t0ken", base_url) as client:
        http = client.get_httpx_client()
        headers = httpx.Headers([("Accept-Encoding", "gzip"), ("Accept-Encoding", "deflate")])
        request = http.build_request("GET", f"{base_url}/me", headers=headers)
        request.extensions[API_CALL_EXTENSION] = True
        http.send(request)
    assert seen[0]["accept-encoding"] == ["gzip, deflate"]


# --- the retry decision for answers that are never retried -----------------------------------


def _full_rules(policy: RetryPolicy, request: httpx.Request, response: httpx.Response) -> bool:
    """Whether the policy's rules, applied in their documented order, retry ``response``."""
    if not policy.can_replay(request) or policy.retries_allowed(request) == 0:
        return False
    return (
        policy._decide_response(
            response, 0, idempotent=request.method in ("GET", "HEAD", "OPTIONS", "DELETE", "PUT")
        )
        is not None
    )


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "PATCH", "DELETE"])
def test_the_early_answer_for_unretried_statuses_is_the_rules_answer(method: str) -> None:
    policy = RetryPolicy(max_retries=2, rand=lambda: 0.5)
    request = httpx.Request(method, "http://api.example/", content=b"{}")
    for status in range(100, 600):
        response = httpx.Response(status, request=request)
        retried = policy.decide(request, response, 0) is not None
        assert retried == _full_rules(policy, request, response), status
        assert retried == (
            status in RETRYABLE_STATUSES and (method not in ("POST", "PATCH") or status == 429)
        )


# --- listing every item -----------------------------------------------------------------------


class _Page:
    def __init__(self, items: list[int]) -> None:
        self.items = items
        self.next_page_token: str | None = None


@pytest.mark.parametrize("max_items", [None, 1, 4, 5, 100])
def test_listing_without_max_items_yields_what_counting_would(max_items: int | None) -> None:
    pages = [[1, 2], [], [3, 4, 5]]
    expected = [1, 2, 3, 4, 5][: max_items or None]
    assert list(iter_items(iter(_Page(p) for p in pages), max_items)) == expected

    async def collect() -> list[Any]:
        async def agen() -> Any:
            for p in pages:
                yield _Page(p)

        return [item async for item in aiter_items(agen(), max_items)]

    assert asyncio.run(collect()) == expected


# --- project slugs: the escaped segment is remembered ------------------------------------------


@pytest.mark.parametrize(
    "slug",
    [
        "gh/acme/widgets",
        "github/acme/widgets",
        "bb/team.x/repo_y",
        "circleci/43G3lM5RtfFE7v5sa4nWAU/6bBGP2Rv9bnCRgfSw4LRnT",
    ],
)
def test_a_remembered_slug_segment_is_the_one_escaping_gives(slug: str) -> None:
    expected = quote(validate_project_slug(slug), safe="")
    for value in (slug, slug, ProjectSlug.parse(slug)):
        assert slug_segment(get_project_by_slug.OPERATION, value) == expected


def test_a_bad_slug_is_refused_every_time() -> None:
    for _ in range(2):
        with pytest.raises(InvalidProjectSlugError, match="getProjectBySlug"):
            slug_segment(get_project_by_slug.OPERATION, "gh/acme/..")
