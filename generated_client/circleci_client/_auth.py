# Hand-written runtime module (not generated): edit it here.
"""Sends credentials only to the origins they belong to, and adds the token there.

Two rules, applied to every request as a transport, below httpx's redirect handling, so they
hold for redirects (a pre-signed storage URL, say) as much as for the first request:

* Credential headers (:data:`CREDENTIAL_HEADERS`: ``Circle-Token``, ``Authorization``,
  ``Proxy-Authorization``, ``Cookie``, ``X-Api-Key``, ``X-Auth-Token``) belong to the API's
  origin (scheme, host and port of the base URL). Whoever set them (client ``headers``,
  ``httpx_args``, a per-request header or the client itself), they are removed from a request
  to any other origin.
* The client's own token goes to the API's origin and to the ``token_hosts`` origins.

A request whose :data:`NO_CREDENTIALS` extension is True (a pre-signed download URL) gets
neither: every credential header is removed, whatever its origin.
"""

from __future__ import annotations

import base64
import ipaddress
import os
import sys
import warnings
from collections.abc import Iterable
from typing import Literal

import httpx

from ._constants import CREDENTIAL_HEADERS, TOKEN_HEADER

AuthMethod = Literal["header", "basic"]

TOKEN_WITHHELD = "circleci_client.token_withheld"
"""Request extension set to True when the client had a token but did not send it there."""

NO_CREDENTIALS = "circleci_client.no_credentials"
"""Request extension: when True, the request goes out with no token and no credential header,
whatever its origin (pre-signed URLs, which carry their own signature)."""


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
    """Where credentials may go: the home (API) origin, and the token's allowed origins.

    Args:
        token: The client's token, or ``None`` for a client without one.
        home_url: The API root; credential headers set by the caller go only to its origin.
        method: ``"header"`` sends ``header_name: <token>``; ``"basic"`` sends basic auth.
        allowed_urls: Further origins the token (not other credential headers) may go to.
    """

    __slots__ = ("_header", "_home", "_origins", "_strip", "_value")

    def __init__(
        self,
        token: str | None,
        *,
        home_url: str | httpx.URL,
        method: AuthMethod = "header",
        header_name: str = TOKEN_HEADER,
        allowed_urls: Iterable[str | httpx.URL] = (),
    ) -> None:
        self._value: str | None
        if method == "header":
            self._header, self._value = header_name, token
        elif method == "basic":
            self._header, self._value = "Authorization", None
            if token is not None:
                encoded = base64.b64encode(f"{token}:".encode()).decode("ascii")
                self._value = f"Basic {encoded}"
        else:
            raise ValueError(f"auth must be 'header' or 'basic', got {method!r}")
        self._home = _origin(httpx.URL(str(home_url)))
        self._origins = (self._home, *(_allowed_origin(str(url)) for url in allowed_urls))
        self._strip = CREDENTIAL_HEADERS | {self._header.lower()}

    def allows(self, url: httpx.URL) -> bool:
        """Whether the token may be sent to ``url``."""
        origin = _origin(url)
        return any(_matches(origin, allowed) for allowed in self._origins)

    def apply(self, request: httpx.Request) -> None:
        """Strip credential headers off a request leaving the API's origin; add the token."""
        if request.extensions.get(NO_CREDENTIALS) is True:
            for name in self._strip:
                request.headers.pop(name, None)
            return
        if _origin(request.url) != self._home:
            for name in self._strip:
                request.headers.pop(name, None)
        if self._value is None:
            return
        if self.allows(request.url):
            request.headers[self._header] = self._value
        else:
            request.extensions[TOKEN_WITHHELD] = True

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


class InsecureTransportWarning(UserWarning):
    """Credentials are about to cross the network unencrypted (a plain ``http://`` URL)."""


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _caller_stacklevel() -> int:
    """The ``stacklevel`` of the first frame outside this package (the user's code)."""
    package = os.path.dirname(__file__)
    frame, level = sys._getframe(1), 1  # the caller, which calls ``warnings.warn``
    while frame.f_back is not None and frame.f_code.co_filename.startswith(package):
        frame, level = frame.f_back, level + 1
    return level


def warn_if_clear_text(urls: Iterable[str | httpx.URL]) -> None:
    """Warn once per call when credentials would go over plain http to a non-loopback host."""
    exposed = []
    for url in urls:
        text = str(url)
        if "://*." in text:
            text = text.replace("://*.", "://wildcard.", 1)
        parsed = httpx.URL(text)
        if parsed.scheme == "http" and not _is_loopback(parsed.host):
            exposed.append(f"{parsed.scheme}://{parsed.netloc.decode('ascii', 'replace')}")
    if not exposed:
        return
    netlocs = ", ".join(dict.fromkeys(item.rpartition("@")[2] for item in exposed))
    warnings.warn(
        f"credentials will be sent unencrypted to {netlocs}: use an https:// URL, or filter "
        "InsecureTransportWarning if this network is trusted",
        InsecureTransportWarning,
        stacklevel=_caller_stacklevel(),
    )
