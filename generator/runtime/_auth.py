"""Adds the token to requests, and only to requests for hosts the token belongs to.

It works as a transport, below httpx's redirect handling, so a redirect to another host (a
pre-signed storage URL, say) is sent without the token whatever header carries it.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from typing import Literal

import httpx

AuthMethod = Literal["header", "basic"]
_CREDENTIAL_HEADERS = ("circle-token", "authorization")


Origin = tuple[str, str, int | None]


def _origin(url: httpx.URL) -> Origin:
    port = url.port
    if port is None:
        port = {"http": 80, "https": 443}.get(url.scheme)
    return (url.scheme, url.host, port)


def _matches(origin: Origin, allowed: Origin) -> bool:
    """Compare origins; an allowed host ``*.example.com`` matches any subdomain of it."""
    scheme, host, port = allowed
    if (origin[0], origin[2]) != (scheme, port):
        return False
    if host.startswith("*."):
        return origin[1].endswith(host[1:]) and len(origin[1]) > len(host) - 1
    return origin[1] == host


def _allowed_origin(url: str) -> Origin:
    """The origin of an allowed URL, keeping a ``*.`` wildcard host (which httpx would refuse)."""
    wildcard = "://*."
    if wildcard in url:
        scheme, _, rest = url.partition(wildcard)
        scheme, host, port = _origin(httpx.URL(f"{scheme}://wildcard.{rest}"))
        return (scheme, "*." + host.removeprefix("wildcard."), port)
    return _origin(httpx.URL(url))


class Credentials:
    """A token, how to send it, and the origins (scheme, host, port) it may be sent to."""

    __slots__ = ("_header", "_origins", "_value")

    def __init__(
        self,
        token: str,
        *,
        method: AuthMethod = "header",
        header_name: str = "Circle-Token",
        allowed_urls: Iterable[str | httpx.URL] = (),
    ) -> None:
        if method == "header":
            self._header, self._value = header_name, token
        elif method == "basic":
            encoded = base64.b64encode(f"{token}:".encode()).decode("ascii")
            self._header, self._value = "Authorization", f"Basic {encoded}"
        else:
            raise ValueError(f"auth must be 'header' or 'basic', got {method!r}")
        self._origins = tuple(_allowed_origin(str(url)) for url in allowed_urls)

    def allows(self, url: httpx.URL) -> bool:
        """Whether the token may be sent to ``url``."""
        origin = _origin(url)
        return any(_matches(origin, allowed) for allowed in self._origins)

    def apply(self, request: httpx.Request) -> None:
        """Add the token when the request's origin is allowed; strip any credential otherwise."""
        if self.allows(request.url):
            request.headers[self._header] = self._value
        else:
            for name in _CREDENTIAL_HEADERS:
                request.headers.pop(name, None)

    def __repr__(self) -> str:
        return f"Credentials(header={self._header!r}, value='***')"


class AuthTransport(httpx.BaseTransport):
    """Applies :class:`Credentials` to every request, then hands it to the wrapped transport."""

    def __init__(self, wrapped: httpx.BaseTransport, credentials: Credentials | None) -> None:
        self._wrapped = wrapped
        self._credentials = credentials

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._credentials is not None:
            self._credentials.apply(request)
        return self._wrapped.handle_request(request)

    def close(self) -> None:
        self._wrapped.close()


class AsyncAuthTransport(httpx.AsyncBaseTransport):
    """Async version of :class:`AuthTransport`."""

    def __init__(self, wrapped: httpx.AsyncBaseTransport, credentials: Credentials | None) -> None:
        self._wrapped = wrapped
        self._credentials = credentials

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self._credentials is not None:
            self._credentials.apply(request)
        return await self._wrapped.handle_async_request(request)

    async def aclose(self) -> None:
        await self._wrapped.aclose()
