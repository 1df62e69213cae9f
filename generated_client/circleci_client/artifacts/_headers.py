# Hand-written runtime module (not generated): edit it here.
"""HTTP responses read without I/O: Content-Range, Content-Length, validators, redirects."""

from __future__ import annotations

import re
from dataclasses import dataclass

import httpx

from .._auth import TOKEN_WITHHELD
from .._client import TOKEN_HOSTS_ENV_VAR
from ..errors import redact_url
from ._defaults import MAX_REDIRECTS, MAX_VALIDATOR_LENGTH
from ._errors import _FileError, _Restart

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


_MAX_SIZE_DIGITS = 18
"""Digits a byte count in a header may have (just under an exabyte); longer ones are refused."""
_SIZE = rf"[0-9]{{1,{_MAX_SIZE_DIGITS}}}"
_CONTENT_RANGE = re.compile(
    rf"^[ \t]*bytes[ \t]+({_SIZE})-({_SIZE})/({_SIZE}|\*)[ \t]*$", re.IGNORECASE | re.ASCII
)
_UNSATISFIED_RANGE = re.compile(rf"^[ \t]*bytes[ \t]+\*/({_SIZE})[ \t]*$", re.IGNORECASE | re.ASCII)
_CONTENT_LENGTH = re.compile(rf"^[ \t]*({_SIZE})[ \t]*$", re.ASCII)


_VALIDATOR = re.compile(r"[\x21-\x7e][\x20-\x7e]*")


def _content_length(response: httpx.Response) -> int | None:
    found = _CONTENT_LENGTH.match(response.headers.get("content-length", ""))
    return int(found.group(1)) if found else None


def _content_range(header: str) -> tuple[int, int, int | None]:
    """``(start, end, total)`` of a ``Content-Range: bytes start-end/total`` header.

    Strict and bounded: ASCII digits only, at most :data:`_MAX_SIZE_DIGITS` each, and
    ``start <= end < total`` (``total`` None for ``*``).

    Raises:
        _FileError: the header is missing, malformed or inconsistent.
    """
    found = _CONTENT_RANGE.match(header)
    if found is None:
        shown = header if len(header) <= 60 else header[:60] + "..."
        raise _FileError(f"invalid Content-Range {shown!r} in a 206 response")
    start, end = int(found.group(1)), int(found.group(2))
    total = None if found.group(3) == "*" else int(found.group(3))
    if end < start or (total is not None and end >= total):
        raise _FileError(f"inconsistent Content-Range {header.strip()!r} in a 206 response")
    return start, end, total


def _probe_total(response: httpx.Response) -> int | None:
    """The file size a ``Range: bytes=0-0`` probe reveals, if any."""
    header = response.headers.get("content-range", "")
    if response.status_code == 206:
        return _content_range(header)[2]
    if response.status_code == 416:
        unsatisfied = _UNSATISFIED_RANGE.match(header)
        return int(unsatisfied.group(1)) if unsatisfied else None
    if response.status_code == 200:
        return _content_length(response)
    raise _status_error(response)


@dataclass
class _Body:
    """How to write a response: append or truncate, and how many bytes must arrive."""

    append: bool
    expected: int | None
    total: int | None
    validator: str | None = None
    """The version a body from zero belongs to (stored next to the ``.part``)."""


def _validator(response: httpx.Response) -> str | None:
    """The response's strong ``ETag``, else its ``Last-Modified``; None when it has neither."""
    etag = str(response.headers.get("etag", "")).strip()
    if etag and not etag.startswith("W/") and _usable_validator(etag):
        return etag
    modified = str(response.headers.get("last-modified", "")).strip()
    return modified if _usable_validator(modified) else None


def _usable_validator(value: str) -> bool:
    return len(value) <= MAX_VALIDATOR_LENGTH and _VALIDATOR.fullmatch(value) is not None


def _accept(response: httpx.Response, offset: int, validator: str | None = None) -> _Body | None:
    """Check a response to a request for bytes ``offset-``; None means the ``.part`` is whole.

    ``validator`` is the one the ``.part`` was started with (sent as ``If-Range``).

    Raises:
        _Restart: the server's range or validator does not continue the ``.part``.
        _FileError: the status or headers say the body is not the artifact.
    """
    status = response.status_code
    length = _content_length(response)
    header = response.headers.get("content-range", "")
    current = _validator(response)
    if status == 200:
        return _Body(append=False, expected=length, total=length, validator=current)
    if status == 206:
        if offset == 0:
            raise _FileError("HTTP 206 to a request without Range")
        start, end, total = _content_range(header)
        if current is not None and current != validator:
            raise _Restart  # another version's bytes: they would not continue the .part
        if start != offset or (total is not None and end != total - 1):
            raise _Restart
        expected = end - start + 1
        if length is not None and length != expected:
            raise _FileError(f"Content-Length {length} disagrees with Content-Range {header!r}")
        return _Body(append=True, expected=expected, total=total)
    if status == 416 and offset > 0:
        unsatisfied = _UNSATISFIED_RANGE.match(header)
        same_version = validator is not None and current == validator
        if unsatisfied and int(unsatisfied.group(1)) == offset and same_version:
            return None
        raise _Restart
    raise _status_error(response)


def _check_redirect(response: httpx.Response, hops: int) -> httpx.URL | None:
    """The next URL when ``response`` redirects, else None; refuses loops and odd schemes."""
    location = response.headers.get("location")
    if response.status_code not in _REDIRECT_STATUSES or not location:
        return None
    if hops >= MAX_REDIRECTS:
        raise _FileError(f"more than {MAX_REDIRECTS} redirects")
    target = response.url.join(location)
    if target.scheme not in ("http", "https"):
        raise _FileError(f"redirect to a {target.scheme!r} URL refused")
    return target


def _status_error(response: httpx.Response) -> _FileError:
    """The failure for an unexpected status; says so when the client held the token back
    from the artifact's own URL (not from a redirect's target, which never gets it)."""
    status = response.status_code
    message = f"HTTP {status} from {redact_url(response.url)}"
    if status in (401, 403) and response.request.extensions.get(TOKEN_WITHHELD):
        url = response.url
        origin = f"{url.scheme}://{url.netloc.decode('ascii', 'replace').rpartition('@')[2]}"
        message += (
            f": the token was not sent to {origin} because it is not among token_hosts / "
            f"{TOKEN_HOSTS_ENV_VAR}; add {origin} there if it is your artifact host"
        )
    return _FileError(message, status)


def _range_header(offset: int, validator: str | None = None) -> dict[str, str]:
    if not offset:
        return {}
    headers = {"Range": f"bytes={offset}-"}
    if validator is not None:
        headers["If-Range"] = validator
    return headers


def _is_complete(total: int | None, size: int) -> bool:
    """A file already there is complete when the server's size matches (or is unknown)."""
    return total is None or total == size
