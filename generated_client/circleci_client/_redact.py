# Hand-written runtime module (not generated): edit it here.
"""Redaction: keep credentials out of messages, URLs, headers and bodies shown to the user.

The ``Circle-Token`` header value, bearer tokens, basic-auth credentials, URL user info and
secret query values (see :func:`redact_url`) of a request are found by :func:`request_secrets`
and replaced by ``[REDACTED]``, also where they appear percent- or JSON-escaped (``%2F``,
``\\u0061``, ``\\/``). :func:`sanitized_request` and :func:`sanitized_response` make the
redacted copies that errors carry; the request copy has no body, because a body can carry
secrets such as environment-variable values.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from urllib.parse import unquote_plus

import httpx

from ._constants import CREDENTIAL_HEADERS, TOKEN_HEADER

__all__ = [
    "REDACTED",
    "SECRET_QUERY_PARAMS",
    "SUBSTRING_SECRET_LENGTH",
    "redact",
    "redact_headers",
    "redact_json",
    "redact_url",
    "request_secrets",
    "sanitized_request",
    "sanitized_response",
]

REDACTED = "[REDACTED]"
"""Placeholder that replaces a secret."""

_SENSITIVE_HEADERS = CREDENTIAL_HEADERS | {TOKEN_HEADER.lower(), "set-cookie"}
_URL_HEADERS = frozenset({"location", "content-location"})

SECRET_QUERY_PARAMS = frozenset(
    {
        "circle-token",
        "token",
        "access_token",
        "access-token",
        "id_token",
        "refresh_token",
        "auth",
        "auth_token",
        "api_key",
        "api-key",
        "apikey",
        "key",
        "password",
        "secret",
        "client_secret",
        "signature",
        "sig",
        "policy",
        "key-pair-id",
        "x-amz-signature",
        "x-amz-security-token",
        "x-amz-credential",
        "x-goog-signature",
        "x-goog-credential",
        "googleaccessid",
    }
)
"""Query parameters (compared case-insensitively) whose values :func:`redact_url` hides.

They cover the client's own ``circle-token``, OAuth-style tokens and API keys, and the
signatures and credentials of pre-signed storage URLs (S3 ``X-Amz-*``, Google Cloud Storage
``X-Goog-*`` / ``GoogleAccessId`` / ``Signature``, Azure SAS ``sig``, CloudFront ``Policy`` /
``Signature`` / ``Key-Pair-Id``).
"""

SUBSTRING_SECRET_LENGTH = 8
"""Secrets this long or longer are redacted wherever they appear, even inside a word.

A shorter one is redacted only where it stands alone (no letter, digit or ``_`` next to it),
so that a short password cannot garble the rest of a message.
"""
# Headers that describe the original wire encoding and are wrong for a decoded copy.
_ENCODING_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


def redact(text: str, secrets: Iterable[str]) -> str:
    """Return ``text`` with each non-blank secret replaced by ``[REDACTED]``.

    A secret is found as is and percent- or JSON-escaped (in any mix, e.g. ``%2F``,
    ``\\u0061``, ``\\/``). Secrets of :data:`SUBSTRING_SECRET_LENGTH` characters or more are
    replaced wherever they appear; shorter ones only as whole tokens. Longer secrets go
    first, so a secret that contains another one is removed whole.
    """
    for secret in _ordered(secrets):
        text = _secret_pattern(secret).sub(REDACTED, text)
    return text


def _ordered(secrets: Iterable[str]) -> list[str]:
    return sorted({s for s in secrets if s and s.strip()}, key=len, reverse=True)


def _char_forms(char: str) -> str:
    """A regex matching ``char`` as is, percent-encoded or JSON-escaped."""
    forms = [re.escape(char)]
    code = ord(char)
    if code > 0xFFFF:  # JSON writes it as a surrogate pair
        high, low = 0xD800 + ((code - 0x10000) >> 10), 0xDC00 + ((code - 0x10000) & 0x3FF)
        forms.append(f"\\\\u(?i:{high:04x})\\\\u(?i:{low:04x})")
    else:
        forms.append(f"\\\\u(?i:{code:04x})")
    if char in '/"\\':
        forms.append(re.escape("\\" + char))
    forms.append("".join(f"(?i:%{byte:02x})" for byte in char.encode("utf-8")))
    return "(?:" + "|".join(forms) + ")"


_BEFORE_WORD = r"(?:(?<![A-Za-z0-9_])|(?<=%[0-9A-Fa-f]{2}))"
_AFTER_WORD = r"(?![A-Za-z0-9_])"


@lru_cache(maxsize=64)
def _secret_source(secret: str) -> str:
    body = "".join(_char_forms(char) for char in secret)
    if len(secret) >= SUBSTRING_SECRET_LENGTH:
        return body
    return _BEFORE_WORD + body + _AFTER_WORD


@lru_cache(maxsize=64)
def _secret_pattern(secret: str) -> re.Pattern[str]:
    return re.compile(_secret_source(secret))


@lru_cache(maxsize=64)
def _secret_bytes_pattern(secret: str) -> re.Pattern[bytes]:
    return re.compile(_secret_source(secret).encode("utf-8"))


def request_secrets(request: httpx.Request) -> frozenset[str]:
    """Collect the credentials a request carries: token header, auth header, URL, query."""
    secrets: set[str] = set()
    for name in _SENSITIVE_HEADERS - {"authorization", "cookie", "set-cookie"}:
        secrets.update(request.headers.get_list(name))
    for cookies in request.headers.get_list("Cookie"):
        secrets.update(part.partition("=")[2].strip() for part in cookies.split(";"))
    for value in request.headers.get_list("Authorization"):
        secrets.add(value)
        scheme, _, credentials = value.strip().partition(" ")
        credentials = credentials.strip()
        if not credentials:
            continue
        secrets.add(credentials)
        if scheme.lower() == "basic":
            try:
                decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                continue
            user, _, password = decoded.partition(":")
            secrets.update((decoded, user, password))
    url = request.url
    secrets.update((url.username, url.password))
    for key, value in url.params.multi_items():
        if key.lower() in SECRET_QUERY_PARAMS:
            secrets.add(value)
    return frozenset(s for s in secrets if s and s.strip())


def redact_url(url: httpx.URL | str, secrets: Iterable[str] = ()) -> str:
    """Render ``url`` without credentials.

    User info (``user:pass@``) is dropped, the value of every query (or fragment) parameter
    named in :data:`SECRET_QUERY_PARAMS` becomes ``REDACTED``, and the given ``secrets`` are
    replaced wherever else they appear. The rest of the URL is kept as it was written; a
    string that is not a valid URL is handled the same way.
    """
    text = str(url)
    scheme, separator, rest = text.partition("://")
    if separator:
        end = min((i for i in map(rest.find, "/?#") if i >= 0), default=len(rest))
        authority = rest[:end].rpartition("@")[2]
        text = f"{scheme}://{authority}{rest[end:]}"
    text, hash_mark, fragment = text.partition("#")
    text, question_mark, query = text.partition("?")
    text += question_mark + _redact_query(query) + hash_mark + _redact_query(fragment)
    return redact(text, secrets)


def _redact_query(query: str) -> str:
    """``query`` with the value of every secret parameter replaced by ``REDACTED``."""
    if "=" not in query:
        return query
    parts = query.split("&")
    for index, part in enumerate(parts):
        name, equals, value = part.partition("=")
        if equals and value and unquote_plus(name).strip().lower() in SECRET_QUERY_PARAMS:
            parts[index] = f"{name}=REDACTED"
    return "&".join(parts)


def redact_headers(headers: httpx.Headers, secrets: Iterable[str]) -> httpx.Headers:
    secrets = tuple(secrets)
    return httpx.Headers(
        [(key, _redact_header(key.lower(), value, secrets)) for key, value in headers.multi_items()]
    )


def _redact_header(name: str, value: str, secrets: tuple[str, ...]) -> str:
    if name in _SENSITIVE_HEADERS:
        return REDACTED
    if name in _URL_HEADERS:
        return redact_url(value, secrets)
    return redact(value, secrets)


def redact_json(value: object, secrets: tuple[str, ...]) -> object:
    if isinstance(value, str):
        return redact(value, secrets)
    if isinstance(value, list):
        return [redact_json(item, secrets) for item in value]
    if isinstance(value, dict):
        return {
            redact(str(key), secrets): redact_json(item, secrets) for key, item in value.items()
        }
    return value


def _redact_bytes(content: bytes, secrets: Iterable[str]) -> bytes:
    for secret in _ordered(secrets):
        content = _secret_bytes_pattern(secret).sub(REDACTED.encode("ascii"), content)
    return content


def sanitized_request(request: httpx.Request, secrets: frozenset[str]) -> httpx.Request:
    """Copy ``request`` with its URL and headers redacted and without a body."""
    headers = redact_headers(request.headers, secrets)
    # The copy has no body, so its framing headers would be wrong.
    for name in ("Content-Length", "Transfer-Encoding"):
        headers.pop(name, None)
    return httpx.Request(
        request.method,
        redact_url(request.url, secrets),
        headers=headers,
        extensions={},
    )


def sanitized_response(
    response: httpx.Response,
    content: bytes | None,
    secrets: frozenset[str],
    request: httpx.Request | None,
) -> httpx.Response:
    """Copy ``response`` with redacted headers and body, attached to the sanitised request."""
    headers = redact_headers(response.headers, secrets)
    for name in _ENCODING_HEADERS:
        headers.pop(name, None)  # ``content`` is already decoded
    extensions: dict[str, Any] = {
        key: response.extensions[key]
        for key in ("http_version", "reason_phrase")
        if key in response.extensions
    }
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=_redact_bytes(content or b"", secrets),
        request=request,
        extensions=extensions,
    )
