# Hand-written runtime module (not generated): edit it here.
"""A job's listing read entry by entry, link-local refusal, and the plan with collisions."""

from __future__ import annotations

import fnmatch
import ipaddress
import itertools
import json
import socket
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import unquote

import httpx

from .. import _operation
from .._client import Client
from ..api.job import get_job_artifacts
from ..errors import ResponseValidationError, redact_url
from ..types import UNSET, Unset
from ._defaults import PART_SUFFIX, VALIDATOR_SUFFIX
from ._errors import UnsafePathError, _FileError
from ._paths import _collision_key, job_folder_name, safe_relative_path
from ._reports import ArtifactFile

_MAX_NODE_INDEX = 2**31 - 1
_METADATA_HOSTNAMES = frozenset({"metadata.google.internal"})
_AWS_METADATA_V6 = ipaddress.IPv6Address("fd00:ec2::254")


_MISSING = object()


class _HugeNumber:
    """A JSON integer too long to be any index or count; kept out of ``int``."""

    __slots__ = ()


def _kind(value: object) -> str:
    """How a JSON value is described in an error: its type only, never its (hostile) text."""
    if value is _MISSING:
        return "missing"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float | _HugeNumber):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _whole_number(value: object, limit: int) -> bool:
    return type(value) is int and 0 <= value <= limit


_HUGE_NUMBER = _HugeNumber()
_MAX_JSON_INT_DIGITS = 20


def _json_int(text: str) -> int | _HugeNumber:
    return int(text) if len(text) <= _MAX_JSON_INT_DIGITS else _HUGE_NUMBER


@dataclass(frozen=True, slots=True)
class _Entry:
    """One listing entry; fields it got wrong hold placeholders and ``problem`` says why."""

    path: str
    """The server's path, or ``<item N>`` when it is not a string (see ``has_path``)."""
    node_index: int
    """-1 when the server's value is not a whole number."""
    url: str
    has_path: bool
    problem: str | None = None


def _read_entry(raw: object, position: int) -> _Entry:
    """Check one entry of a listing; an unusable one becomes an entry with a ``problem``."""
    placeholder = f"<item {position}>"
    if not isinstance(raw, dict):
        return _Entry(placeholder, -1, "", False, f"listing item is {_kind(raw)}, not an object")
    path = raw.get("path", _MISSING)
    node = raw.get("node_index", _MISSING)
    url = raw.get("url", _MISSING)
    problems = []
    if not isinstance(path, str):
        problems.append(f"path is {_kind(path)}, not a string")
    if not _whole_number(node, _MAX_NODE_INDEX):
        problems.append(f"node_index is {_kind(node)}, not a whole number 0 to {_MAX_NODE_INDEX}")
    if not isinstance(url, str):
        problems.append(f"url is {_kind(url)}, not a string")
    problem = "unusable listing entry: " + "; ".join(problems) if problems else None
    return _Entry(
        path if isinstance(path, str) else placeholder,
        node if isinstance(node, int) and _whole_number(node, _MAX_NODE_INDEX) else -1,
        url if isinstance(url, str) else "",
        isinstance(path, str),
        problem,
    )


@dataclass(frozen=True, slots=True)
class _EntryPage:
    items: list[_Entry]
    next_page_token: str | None


def _listing_error(problem: str, response: httpx.Response) -> ResponseValidationError:
    return ResponseValidationError(
        problem,
        model="ArtifactListResponse",
        response=response,
        operation=get_job_artifacts.OPERATION.operation_id,
    )


def _read_page(response: httpx.Response, numbering: Iterator[int]) -> _EntryPage:
    """A listing page: strict about the page itself, lenient about each entry."""
    try:
        data = json.loads(response.content, parse_int=_json_int)
    except (ValueError, RecursionError) as exc:
        raise _listing_error("the response body is not JSON", response) from exc
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise _listing_error("the page is not an object with a list of items", response)
    token = data.get("next_page_token")
    if token is not None and not isinstance(token, str):
        raise _listing_error(f"next_page_token is {_kind(token)}, not a string", response)
    return _EntryPage([_read_entry(raw, next(numbering)) for raw in data["items"]], token)


class _ListingEntries:
    """``getJobArtifacts``, paged like its generated module but read by ``_read_page``.

    Downloads use it instead of the model so that one bad entry fails one file, not the page.
    """

    @staticmethod
    def _kwargs(project_slug: str, job_number: int, token: str | Unset) -> dict[str, Any]:
        return get_job_artifacts._get_kwargs(project_slug, job_number, page_token=token)

    @staticmethod
    def iter_items(project_slug: str, job_number: int, *, client: Client) -> Iterator[_Entry]:
        numbering = itertools.count(1)
        operation = get_job_artifacts.OPERATION

        def fetch(token: str | Unset) -> _EntryPage:
            kwargs = _ListingEntries._kwargs(project_slug, job_number, token)
            response = _operation.send(client, operation, kwargs, None)
            _operation.raise_for_status(operation, response)
            return _read_page(response, numbering)

        return _operation.iter_items(_operation.iter_pages(fetch, UNSET, None), None)

    @staticmethod
    def aiter_items(project_slug: str, job_number: int, *, client: Client) -> AsyncIterator[_Entry]:
        numbering = itertools.count(1)
        operation = get_job_artifacts.OPERATION

        async def fetch(token: str | Unset) -> _EntryPage:
            kwargs = _ListingEntries._kwargs(project_slug, job_number, token)
            response = await _operation.send_async(client, operation, kwargs, None)
            _operation.raise_for_status(operation, response)
            return _read_page(response, numbering)

        return _operation.aiter_items(_operation.aiter_pages(fetch, UNSET, None), None)


@dataclass(frozen=True, slots=True)
class _JobRef:
    project_slug: str
    job_number: int
    name: str | None
    problem: str | None = None
    """Why the job's artifacts cannot be listed (its entry in a job listing is unusable)."""


def is_link_local_host(host: str) -> bool:
    """Whether a URL's host names a link-local or cloud metadata address.

    Covers ``169.254.0.0/16``, ``fe80::/10``, ``fd00:ec2::254``, their IPv4-mapped IPv6 forms,
    the numeric spellings the system resolver accepts (``2852039166``, ``0xa9fea9fe``,
    ``169.254.43518``), percent-escapes, a trailing dot, and ``metadata.google.internal``.
    Names are not resolved: a DNS name pointing at such an address is not recognised.
    """
    name = unquote(host).lower().strip("[]").removesuffix(".")
    if name in _METADATA_HOSTNAMES:
        return True
    try:
        address: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(
            name.split("%", 1)[0]
        )
    except ValueError:
        try:
            address = ipaddress.IPv4Address(socket.inet_aton(name))
        except (OSError, ValueError):
            return False
    if isinstance(address, ipaddress.IPv6Address):
        if address == _AWS_METADATA_V6:
            return True
        mapped = address.ipv4_mapped
        if mapped is not None:
            address = mapped
    return address.is_link_local


def _refuse_link_local(url: httpx.URL) -> None:
    """Raise for a link-local or metadata host (see :func:`is_link_local_host`)."""
    if is_link_local_host(url.host):
        raise _FileError(
            f"refused to fetch {redact_url(url)}: a link-local or cloud metadata address "
            "(allow it with allow_link_local=True, or --allow-link-local on the command line)"
        )


def _select(path: str, globs: Sequence[str]) -> bool:
    return not globs or any(fnmatch.fnmatchcase(path, pattern) for pattern in globs)


def _plan_job(
    job: _JobRef, entries: Sequence[_Entry], globs: Sequence[str], folder: bool
) -> list[tuple[ArtifactFile, str | None]]:
    """Each selected entry with its relative target, or the reason it is refused."""
    if job.problem is not None:
        item = ArtifactFile(job.project_slug, job.job_number, "<job>", -1, "", job.name)
        return [(item, job.problem)]
    multi_node = len({e.node_index for e in entries if e.node_index >= 0}) > 1
    base = PurePosixPath(job_folder_name(job.job_number, job.name)) if folder else PurePosixPath()
    planned: list[tuple[ArtifactFile, str | None]] = []
    for entry in entries:
        if entry.has_path and not _select(entry.path, globs):
            continue
        target: PurePosixPath | None = None
        error = entry.problem
        if error is None:
            try:
                relative = safe_relative_path(entry.path)
            except UnsafePathError as exc:
                error = str(exc)
            else:
                node = PurePosixPath(f"node-{entry.node_index}") if multi_node else PurePosixPath()
                target = base / node / relative
        item = ArtifactFile(
            job.project_slug,
            job.job_number,
            entry.path,
            entry.node_index,
            entry.url,
            job.name,
            target,
        )
        planned.append((item, error))
    return planned


def _check_collisions(
    planned: list[tuple[ArtifactFile, str | None]],
) -> list[tuple[ArtifactFile, str | None]]:
    """Refuse a file whose target (or its ``.part`` or validator file) another file already uses."""
    taken: set[str] = set()
    out: list[tuple[ArtifactFile, str | None]] = []
    for item, error in planned:
        if error is None and item.target is not None:
            name = str(item.target)
            part = name + PART_SUFFIX
            keys = {
                _collision_key(name),
                _collision_key(part),
                _collision_key(part + VALIDATOR_SUFFIX),
            }
            if keys & taken:
                error = f"another artifact already downloads to {name!r}"
            else:
                taken.update(keys)
        out.append((item, error))
    return out
