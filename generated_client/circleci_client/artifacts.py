# Hand-written runtime module (not generated): edit it here.
"""Download the artifacts of a job, of every job in a workflow, or of a branch's latest success.

.. code-block:: python

    from circleci_client import AuthenticatedClient
    from circleci_client.artifacts import download_job_artifacts

    with AuthenticatedClient.from_env() as client:
        report = download_job_artifacts(client, "gh/acme/widgets", 1234, "out", glob="*.xml")
        print(report.summary())

The work is written once as steps (see ``_steps``): sync functions run them in a thread pool
over the client's ``httpx.Client``, the ``a``-prefixed coroutines as tasks over its
``httpx.AsyncClient``. Either way the client's transport adds the token only for the API's
origin and ``token_hosts``; a redirect elsewhere goes out without it. The rules, in the order
a file meets them:

* **Listing entries** are read one by one: an entry whose ``path`` or ``url`` is not a string,
  or whose ``node_index`` is not a whole number (``true`` and ``"0"`` are not), is reported as
  a failed file and the rest of the listing still downloads. An entry without a usable
  ``path`` cannot be matched against ``glob``, so it is reported whatever the patterns. In
  workflow and branch mode, a job whose ``job_number`` is not a whole number or whose
  ``project_slug`` is not a valid slug is reported the same way (one failed entry for the job).
* **Selection.** ``glob`` patterns are matched with :func:`fnmatch.fnmatchcase` against the
  artifact's whole ``path`` (``*`` also matches ``/``); no pattern selects everything.
* **Safe paths.** The server's ``path`` must be relative: no ``..`` component, no leading
  ``/``, no drive letter (``C:``), no backslash, no NUL or other control character, not empty;
  on Windows also no device name (``NUL``, ``com1.txt``) and no name ending in a dot or space.
  The file's folder must resolve inside the destination, so a symlink in the destination that
  points outside is refused too, and the file and its ``.part`` are never followed when they are
  symlinks. A refused file is reported as failed; the others still download.
* **Link safety.** Once checked, the file's folder is opened and every later step (the
  ``.part``, its validator, the final rename) works relative to that open folder, reached one
  component at a time without following symlinks; so a folder swapped for a symlink after the
  check cannot send bytes elsewhere (where the platform has no ``dir_fd``, Windows, the folder
  is checked again before each step instead). A ``.part`` with another hard link is never
  written through: it is dropped and the file downloaded from zero into a fresh ``.part``.
* **Layout.** ``<dest>/<path>``; when a job's artifacts come from more than one node
  (``node_index``), each node's files go to ``<dest>/node-<index>/<path>``. In workflow and
  branch mode every job gets its own folder, ``<dest>/<job-number>-<job-name>/`` (the name
  reduced to ``[A-Za-z0-9._-]``).
* **Collisions.** Two files whose destinations are equal once Unicode-normalised (NFC) and
  case-folded character by character (the simple folding case-insensitive file systems such
  as NTFS and APFS use) would overwrite each other, so only the first in listing order is
  downloaded and the others are reported as failed. ``Report.txt`` and ``report.txt`` collide,
  and so do ``é`` and ``e`` followed by a combining accent; ``ß`` and ``ss`` do not. The rule is
  the same on every system, so a download lands the same way wherever it runs.
* **Skip existing** (option ``skip_existing``). Only complete files ever get their final name,
  so an existing file is a finished download. With ``"size"`` (the default) it is kept when its
  *size* equals the server's size, learned from a one-byte probe (``Range: bytes=0-0``: the total
  of ``Content-Range``, or ``Content-Length`` when the server ignores ranges); when the server
  does not say, the file is trusted. The content is not compared: a file of the same size but
  other bytes is kept, and its result says so (``detail``). A different size means the file is
  downloaded again. With ``"never"`` every file is downloaded again.
* **Streaming and atomicity.** Bodies stream, as the network delivers them (64 KiB at most
  at a time), to ``<name>.part``; only a 200 or 206 whose ``Content-Length`` /
  ``Content-Range`` agree is written, so an error body is never saved. The ``.part`` is closed
  and renamed (:func:`os.replace`) once every byte announced has arrived; a body without
  ``Content-Length`` is complete when it ends cleanly. There is no fsync: should a power cut
  leave a short file under the final name, the size check of the next run downloads it again.
* **Resume.** When a body starts from zero, the response's validator (its strong ``ETag``,
  else its ``Last-Modified``) is written to ``<name>.part.validator`` (:data:`VALIDATOR_SUFFIX`)
  before any byte. A ``.part`` left behind (an interrupted body, in this run or an earlier one)
  is continued only with that validator: ``Range: bytes=<size>-`` plus ``If-Range:
  <validator>``. A 206 whose ``Content-Range`` starts at that size (and whose validator, if
  sent, is the same) is appended; a 200 means the file changed, so the ``.part`` is started
  again from zero; any other ``Content-Range`` or validator drops it and restarts. A 416 counts
  as "already whole" only when its size equals the ``.part`` and its validator matches. A
  ``.part`` without a readable validator (or a server that sends none) is never resumed
  blindly: it is downloaded again from zero. An interrupted body is resumed up to ``retries``
  times in the same run; after that the file is failed and its ``.part`` kept for next time.
* **Stalls** (option ``stall_timeout``, default :data:`DEFAULT_STALL_TIMEOUT` seconds). No byte
  for that long, while waiting for the headers or within a body, interrupts the body like a
  dropped connection: it is resumed as above, and once ``retries`` are used up the file is
  failed ("stalled"), its ``.part`` kept; the other files go on.
* **Ctrl-C.** The sync functions wait for their worker threads in short slices, so a
  ``KeyboardInterrupt`` reaches them at once. They then tell the workers to stop, shut down the
  sockets of bodies in flight, give the workers up to :data:`STOP_GRACE` seconds to close their
  ``.part`` files, and re-raise. Every ``.part`` keeps its validator, so the same call resumes.
  (The async functions stop on cancellation, the same way.)
* **Redirects** are followed by hand, at most :data:`MAX_REDIRECTS`, to http(s) URLs only.
* **Link-local and metadata addresses.** A URL (the listing's or a redirect's) whose host is
  a link-local address (``169.254.0.0/16``, ``fe80::/10``), the AWS metadata address
  ``fd00:ec2::254``, an IPv4-mapped form of these, or ``metadata.google.internal`` is not
  fetched: that file fails, unless the ``allow_link_local`` option is true. Hosts are checked
  as written (numeric forms such as ``2852039166`` or ``0xa9fea9fe`` included); names are not
  resolved, so a DNS name that resolves to such an address is not caught.
* **Failures stay per file.** Whatever goes wrong with one file (a malformed header, an
  unusable URL, a bad listing entry) fails that file only; the report lists it with the reason.
  A run only stops early for an API error while listing, a progress listener that raises, or
  cancellation. Async downloads then cancel every other download and wait for them before the
  exception goes on; sync ones start no further file and let those in flight finish.
"""

from __future__ import annotations

import asyncio
import contextlib
import fnmatch
import ipaddress
import itertools
import json
import os
import re
import secrets
import socket
import stat
import threading
import time
import unicodedata
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import IO, Any, Literal, TypedDict, TypeVar, Unpack, cast
from urllib.parse import unquote
from uuid import UUID

import httpx

from . import _operation
from ._auth import TOKEN_WITHHELD
from ._client import TOKEN_HOSTS_ENV_VAR, Client
from ._display import visible
from ._steps import Steps, arun, run
from .api.job import get_job_artifacts
from .api.pipeline import list_pipelines_for_project, list_workflows_by_pipeline_id
from .api.workflow import list_workflow_jobs
from .errors import APIError, CircleCIError, ResponseValidationError, redact_url
from .models.artifact import Artifact
from .models.job import Job
from .models.pipeline import Pipeline
from .models.workflow import Workflow
from .models.workflow_status import WorkflowStatus
from .slugs import validate_project_slug
from .types import UNSET, Unset

__all__ = [
    "DEFAULT_CONCURRENCY",
    "DEFAULT_SKIP_EXISTING",
    "DEFAULT_STALL_TIMEOUT",
    "MAX_REDIRECTS",
    "PART_SUFFIX",
    "STOP_GRACE",
    "VALIDATOR_SUFFIX",
    "ArtifactFile",
    "DownloadReport",
    "FileResult",
    "FileStatus",
    "NoSuccessfulPipelineError",
    "ProgressListener",
    "SkipExisting",
    "SuccessfulPipeline",
    "UnsafePathError",
    "adownload_branch_artifacts",
    "adownload_job_artifacts",
    "adownload_workflow_artifacts",
    "afind_latest_successful_pipeline",
    "alist_artifacts",
    "download_branch_artifacts",
    "download_job_artifacts",
    "download_workflow_artifacts",
    "find_latest_successful_pipeline",
    "is_link_local_host",
    "job_folder_name",
    "list_artifacts",
    "safe_relative_path",
]

DEFAULT_CONCURRENCY = 8
"""Files downloaded at the same time unless told otherwise."""

DEFAULT_RETRIES = 2
"""How often an interrupted body is resumed within one run."""

DEFAULT_MAX_PIPELINES = 50
"""How many of a branch's newest pipelines are searched for a successful one."""

MAX_REDIRECTS = 5
"""Redirects followed per request."""

PART_SUFFIX = ".part"
"""Suffix of a file still being downloaded."""

VALIDATOR_SUFFIX = ".validator"
"""Appended to a ``.part`` name: the file holding the validator (``ETag`` or ``Last-Modified``)
of the version the ``.part`` is a prefix of."""

MAX_VALIDATOR_LENGTH = 1024
"""Longest validator stored and sent back; a longer one counts as none."""

DEFAULT_STALL_TIMEOUT = 60.0
"""Seconds without a single byte after which a download counts as stalled."""

SkipExisting = Literal["size", "never"]
"""How an existing file is judged: ``"size"`` keeps it when its size is the server's,
``"never"`` downloads every file again."""

DEFAULT_SKIP_EXISTING: SkipExisting = "size"
"""Existing files are kept when their size matches (the content is not compared)."""

STOP_GRACE = 1.0
"""Seconds the sync functions give their workers to close their files after a Ctrl-C."""

_WAKE_INTERVAL = 0.1
"""How often the main thread wakes while it waits for workers (so Ctrl-C is seen at once)."""

WRITE_BUFFER_SIZE = 1024 * 1024
"""Bytes gathered before each write to disk: one system call per MiB rather than one per network
read, which matters when several downloads share the interpreter."""

_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_DRIVE = re.compile(r"^[A-Za-z]:")
_WINDOWS_DEVICE = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_SIZE_DIGITS = 18
"""Digits a byte count in a header may have (just under an exabyte); longer ones are refused."""
_SIZE = rf"[0-9]{{1,{_MAX_SIZE_DIGITS}}}"
_CONTENT_RANGE = re.compile(
    rf"^[ \t]*bytes[ \t]+({_SIZE})-({_SIZE})/({_SIZE}|\*)[ \t]*$", re.IGNORECASE | re.ASCII
)
_UNSATISFIED_RANGE = re.compile(rf"^[ \t]*bytes[ \t]+\*/({_SIZE})[ \t]*$", re.IGNORECASE | re.ASCII)
_CONTENT_LENGTH = re.compile(rf"^[ \t]*({_SIZE})[ \t]*$", re.ASCII)
_MAX_NODE_INDEX = 2**31 - 1
_METADATA_HOSTNAMES = frozenset({"metadata.google.internal"})
_AWS_METADATA_V6 = ipaddress.IPv6Address("fd00:ec2::254")
_DOWNLOAD_HEADERS = {"Accept": "*/*", "Accept-Encoding": "identity"}
_VALIDATOR = re.compile(r"[\x21-\x7e][\x20-\x7e]*")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO planted in a file's place must not hang us
_BINARY = getattr(os, "O_BINARY", 0)
_WALK_FOLDERS = (
    hasattr(os, "O_DIRECTORY")
    and hasattr(os, "O_NOFOLLOW")
    and {os.open, os.stat, os.unlink, os.rename} <= os.supports_dir_fd
)
"""Whether folders are walked with ``dir_fd`` (POSIX) rather than re-checked (Windows)."""

T = TypeVar("T")
R = TypeVar("R")


# --------------------------------------------------------------------------------------------
# Errors and results
# --------------------------------------------------------------------------------------------


class UnsafePathError(CircleCIError, ValueError):
    """An artifact path would escape the destination folder (or is otherwise unusable)."""


class NoSuccessfulPipelineError(CircleCIError):
    """No recent pipeline on the branch had all its workflows succeed."""


class _FileError(Exception):
    """This file failed; the message is the reason shown to the user."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class _Interrupted(Exception):
    """The body ended early; the ``.part`` holds what arrived and can be resumed."""


class _Restart(Exception):
    """The ``.part`` cannot be continued: drop it and download from zero."""


class _Stopped(BaseException):
    """The run is stopping (Ctrl-C or another worker's failure): give up at once."""


class FileStatus(StrEnum):
    """What happened to one artifact."""

    DOWNLOADED = "downloaded"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class ArtifactFile:
    """One artifact to fetch: where it comes from and where it goes (relative to ``dest``)."""

    project_slug: str
    job_number: int
    path: str
    node_index: int
    url: str
    job_name: str | None = None
    target: PurePosixPath | None = None
    """Relative destination, or None when the path was refused."""


@dataclass(frozen=True, slots=True)
class FileResult:
    """The outcome for one artifact."""

    artifact: ArtifactFile
    status: FileStatus
    destination: Path | None = None
    bytes_received: int = 0
    """Body bytes written in this run (0 for a skipped file)."""
    size: int | None = None
    """Size of the finished file on disk."""
    resumed: bool = False
    """Whether an existing ``.part`` was continued with a range request."""
    error: str | None = None
    detail: str | None = None
    """What a skipped file was compared on (the size, not the content)."""
    http_status: int | None = None
    """The HTTP status that failed the file, when a response did (401 when the token was
    refused or held back)."""


@dataclass
class DownloadReport:
    """Every file's outcome, in listing order, and totals."""

    destination: Path
    files: list[FileResult] = field(default_factory=list)
    source: str = ""
    """What was downloaded, e.g. ``job 12 of gh/acme/widgets``."""
    listed: int = 0
    """Artifacts the listings held, before ``glob`` selected among them."""
    unmatched_globs: list[str] = field(default_factory=list)
    """The ``glob`` patterns that matched no listed artifact (likely a typo)."""

    def _with(self, status: FileStatus) -> list[FileResult]:
        return [f for f in self.files if f.status is status]

    @property
    def downloaded(self) -> list[FileResult]:
        """Files fetched in this run."""
        return self._with(FileStatus.DOWNLOADED)

    @property
    def skipped(self) -> list[FileResult]:
        """Files already complete on disk."""
        return self._with(FileStatus.SKIPPED)

    @property
    def failed(self) -> list[FileResult]:
        """Files that could not be fetched; ``error`` says why."""
        return self._with(FileStatus.FAILED)

    @property
    def bytes_received(self) -> int:
        """Body bytes written in this run."""
        return sum(f.bytes_received for f in self.files)

    @property
    def ok(self) -> bool:
        """Whether no file failed."""
        return not self.failed

    def summary(self) -> str:
        """A few lines: counts, bytes and each failure with its reason (controls escaped)."""
        lines = [
            f"{len(self.downloaded)} downloaded ({_human_bytes(self.bytes_received)}), "
            f"{len(self.skipped)} skipped, {len(self.failed)} failed"
            + (f" - {visible(self.source)}" if self.source else "")
        ]
        for result in self.failed:
            art = result.artifact
            job, error = visible(art.job_number), visible(result.error)
            lines.append(f"  failed: job {job} {art.path!r}: {error}")
        return "\n".join(lines)


def _human_bytes(count: int) -> str:
    size = float(count)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")  # pragma: no cover


class ProgressListener:
    """Receives progress events; subclass and override what you need (all default to no-op).

    Sync downloads call it from worker threads, so an implementation must be thread-safe.
    """

    def on_plan(self, files: Sequence[ArtifactFile]) -> None:
        """The files about to be processed (refused ones included)."""

    def on_start(self, file: ArtifactFile, total: int | None, offset: int) -> None:
        """A body starts: ``total`` bytes in the whole file if known, ``offset`` already there."""

    def on_bytes(self, file: ArtifactFile, count: int) -> None:
        """``count`` more bytes of ``file`` were written."""

    def on_finish(self, result: FileResult) -> None:
        """A file is done, whatever its outcome."""


@dataclass(frozen=True, slots=True)
class SuccessfulPipeline:
    """A pipeline whose workflows all succeeded, with those workflows."""

    pipeline: Pipeline
    workflows: list[Workflow]


# --------------------------------------------------------------------------------------------
# Paths and layout
# --------------------------------------------------------------------------------------------


def safe_relative_path(path: str, *, windows: bool | None = None) -> PurePosixPath:
    """Turn a server-supplied artifact path into a safe relative path, or raise.

    ``.`` and empty components are dropped (``a//./b`` is ``a/b``). On Windows (or with
    ``windows=True``) device names such as ``NUL`` or ``com1.txt`` and names ending in a dot or
    a space are refused too: Windows would send the bytes to a device or write another file.

    Raises:
        UnsafePathError: the path is empty, absolute, has a drive letter, a ``..`` component,
            a backslash, or a NUL or other control character (or, for Windows, a device name or
            a name ending in a dot or a space).
    """
    if not path or not path.strip():
        raise UnsafePathError("empty artifact path")
    if "\x00" in path:
        raise UnsafePathError("artifact path contains a NUL byte")
    if _CONTROL.search(path):
        raise UnsafePathError("artifact path contains a control character")
    if "\\" in path:
        raise UnsafePathError("artifact path contains a backslash")
    if path.startswith("/"):
        raise UnsafePathError("artifact path is absolute")
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if any(part == ".." for part in parts):
        raise UnsafePathError("artifact path has a '..' component")
    if any(_DRIVE.match(part) for part in parts):
        raise UnsafePathError("artifact path has a drive letter")
    if not parts:
        raise UnsafePathError("artifact path names no file")
    if os.name == "nt" if windows is None else windows:
        _check_windows_names(parts)
    return PurePosixPath(*parts)


def _check_windows_names(parts: Sequence[str]) -> None:
    for part in parts:
        if _WINDOWS_DEVICE.match(part):
            raise UnsafePathError(f"artifact path uses the Windows device name {part!r}")
        if part.endswith((".", " ")):
            raise UnsafePathError(f"artifact path component {part!r} ends in a dot or a space")


def job_folder_name(job_number: int, job_name: str | None) -> str:
    """``<job-number>-<job-name>`` with the name reduced to ``[A-Za-z0-9._-]`` (at most 80)."""
    name = _UNSAFE_NAME_CHARS.sub("_", job_name or "").strip("._")[:80]
    return f"{job_number}-{name}" if name else str(job_number)


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


def _fold_case(name: str) -> str:
    """Simple (one character to one character) case folding, as case-insensitive file systems
    compare names: ``Ä`` and ``ä`` fold together, ``ß`` stays apart from ``ss``."""
    if name.isascii():
        return name.lower()
    folded = []
    for char in name:
        for candidate in (char.casefold(), char.lower()):
            if len(candidate) == 1:
                folded.append(candidate)
                break
        else:
            folded.append(char)
    return "".join(folded)


def _collision_key(name: str) -> str:
    """What two destinations must not share: the NFC form, case-folded (see ``_fold_case``)."""
    if name.isascii():
        return name.lower()
    return unicodedata.normalize("NFC", _fold_case(unicodedata.normalize("NFC", name)))


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


# --------------------------------------------------------------------------------------------
# Reading a job's listing for a download, entry by entry
# --------------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------
# Link-local and metadata addresses
# --------------------------------------------------------------------------------------------


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


class _Folders:
    """Where files land under ``root``: each folder is created once per run and must stay inside.

    Only folders are resolved: a file and its ``.part`` are never followed when they are
    symlinks (see ``_Folder`` and ``_open_part``), so the folder decides where bytes land.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._ready: set[Path] = set()

    def destination(self, item: ArtifactFile) -> Path:
        """The file's final path, its folder checked before and after it is created."""
        assert item.target is not None
        final = self.root.joinpath(*item.target.parts)
        folder = final.parent
        if folder not in self._ready:
            self._check(folder)
            folder.mkdir(parents=True, exist_ok=True)
            self._check(folder)
            self._ready.add(folder)
        return final

    def _check(self, folder: Path) -> None:
        if not folder.resolve().is_relative_to(self.root):
            raise _FileError("destination resolves outside the destination folder (symlink?)")

    def open(self, folder: Path) -> _Folder:
        """Hold ``folder`` (returned by :meth:`destination`'s parent) open for one file."""
        return _Folder(self.root, folder, self._check)


class _Folder:
    """One destination folder held open: its files are reached through the folder's descriptor.

    The descriptor is obtained by walking from the destination root one component at a time
    with ``O_NOFOLLOW | O_DIRECTORY``, so no symlink is followed, even one planted after the
    folder was checked. Without ``dir_fd`` support (Windows) every step re-checks the folder.
    """

    def __init__(self, root: Path, path: Path, check: Callable[[Path], None]) -> None:
        self.path = path
        self._check = check
        self.fd: int | None = None
        if _WALK_FOLDERS:
            self.fd = _walk(root, path.relative_to(root).parts)

    def close(self) -> None:
        """Release the folder's descriptor."""
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None

    def _at(self, name: str) -> tuple[str | Path, dict[str, int]]:
        if self.fd is None:
            self._check(self.path)
            return self.path / name, {}
        return name, {"dir_fd": self.fd}

    def open(self, name: str, flags: int, mode: int = 0o644) -> int:
        """``os.open`` of ``name`` in this folder (pass ``O_NOFOLLOW`` to refuse symlinks)."""
        where, at = self._at(name)
        return os.open(where, flags | _BINARY, mode, **at)

    def lstat(self, name: str) -> os.stat_result | None:
        """The entry ``name`` itself (never followed), or None when there is none."""
        where, at = self._at(name)
        try:
            return os.stat(where, follow_symlinks=False, **at)
        except FileNotFoundError:
            return None

    def unlink(self, name: str) -> None:
        """Remove ``name`` when it is there."""
        where, at = self._at(name)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(where, **at)

    def replace(self, source: str, target: str) -> None:
        """Rename ``source`` to ``target`` within this folder, replacing it."""
        if self.fd is None:
            self._check(self.path)
            os.replace(self.path / source, self.path / target)
        else:
            os.replace(source, target, src_dir_fd=self.fd, dst_dir_fd=self.fd)


def _walk(root: Path, parts: Sequence[str]) -> int:
    """A descriptor of ``root/parts...``, following no symlink below ``root``."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    fd = os.open(root, flags)
    try:
        for part in parts:
            try:
                inner = os.open(part, flags | _NOFOLLOW, dir_fd=fd)
            except OSError as exc:
                raise _FileError(
                    f"destination folder {part!r} is not a plain folder (a symlink?): "
                    f"{exc.strerror}"
                ) from exc
            os.close(fd)
            fd = inner
    except BaseException:
        os.close(fd)
        raise
    return fd


def _parse_globs(glob: str | Iterable[str] | None) -> tuple[str, ...]:
    if glob is None:
        return ()
    if isinstance(glob, str):
        return (glob,)
    return tuple(glob)


def _check_concurrency(concurrency: int) -> None:
    if concurrency < 1:
        raise ValueError(f"concurrency must be 1 or more, got {concurrency}")


# --------------------------------------------------------------------------------------------
# The download of one file, minus the I/O style (shared by the sync and async loops)
# --------------------------------------------------------------------------------------------


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


def _open_part(folder: _Folder, name: str, append: bool) -> IO[bytes]:
    """Open the ``.part`` for writing: never through a symlink or another hard link.

    A body from zero goes to a fresh file (the old one unlinked, then created exclusively); an
    appended body goes to the existing file only once it is checked to be a regular file with
    a single link.
    """
    if append:
        fd = folder.open(name, os.O_WRONLY | os.O_APPEND | _NOFOLLOW | _NONBLOCK)
    else:
        folder.unlink(name)
        fd = folder.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
            raise _FileError(f"{name} is not a regular file with a single link; not writing to it")
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "wb", buffering=WRITE_BUFFER_SIZE)


def _regular_size(folder: _Folder, name: str) -> int | None:
    """The size of the regular file ``name`` (never followed), None when nothing is there."""
    info = folder.lstat(name)
    if info is None:
        return None
    if not stat.S_ISREG(info.st_mode):
        raise _FileError(f"{name} exists and is not a regular file")
    return info.st_size


def _read_validator(folder: _Folder, name: str) -> str | None:
    """The validator stored in ``name``; None when it is missing, odd or unreadable."""
    try:
        fd = folder.open(name, os.O_RDONLY | _NOFOLLOW | _NONBLOCK, 0)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = handle.read(MAX_VALIDATOR_LENGTH + 2)
    try:
        value = data.decode("ascii").strip()
    except UnicodeDecodeError:
        return None
    return value if _usable_validator(value) else None


def _write_validator(folder: _Folder, name: str, value: str | None) -> None:
    """Store ``value`` in ``name`` atomically (a fresh file renamed over it); None removes it."""
    if value is None:
        folder.unlink(name)
        return
    temporary = f".{secrets.token_hex(8)}{VALIDATOR_SUFFIX}.tmp"
    fd = folder.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(value.encode("ascii") + b"\n")
        folder.replace(temporary, name)
    except BaseException:
        folder.unlink(temporary)
        raise


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


def _start_url(url: str) -> httpx.URL:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise _FileError(f"invalid artifact URL: {exc}") from exc
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise _FileError("artifact URL is not an absolute http(s) URL")
    return parsed


def _describe(exc: BaseException) -> str:
    if isinstance(exc, APIError):
        return str(exc)
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _failed(
    item: ArtifactFile, error: str, destination: Path | None = None, status: int | None = None
) -> FileResult:
    return FileResult(
        item, FileStatus.FAILED, destination=destination, error=error, http_status=status
    )


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


class _Progress:
    """What one file's download has done so far, across resumed attempts."""

    def __init__(self, item: ArtifactFile, final: Path, folder: _Folder, retries: int) -> None:
        self.item = item
        self.final = final
        self.folder = folder
        self.part = final.name + PART_SUFFIX
        self.sidecar = self.part + VALIDATOR_SUFFIX
        self.retries = retries
        self.received = 0
        self.resumed = False
        self.interruptions = 0

    def interrupted(self, exc: _Interrupted) -> FileResult | None:
        """Count an interruption; the failure to report once retries are used up, else None."""
        self.received += int(exc.args[0])
        self.interruptions += 1
        if self.interruptions <= self.retries:
            return None
        kept = f"{_regular_size(self.folder, self.part) or 0} bytes kept in {self.part} to resume"
        return FileResult(
            self.item,
            FileStatus.FAILED,
            self.final,
            bytes_received=self.received,
            resumed=self.resumed,
            error=f"{exc.args[1]}; {kept}",
        )

    def done(self, written: int, appended: bool) -> FileResult:
        """Move the complete ``.part`` into place and report it."""
        self.received += written
        self.resumed = self.resumed or appended
        self.folder.replace(self.part, self.final.name)
        self.folder.unlink(self.sidecar)
        size = _regular_size(self.folder, self.final.name) or 0
        return FileResult(
            self.item,
            FileStatus.DOWNLOADED,
            self.final,
            self.received,
            size=size,
            resumed=self.resumed,
        )

    def drop(self) -> None:
        """Forget the ``.part`` and its validator: the next attempt starts from zero."""
        self.folder.unlink(self.part)
        self.folder.unlink(self.sidecar)

    def resume_point(self) -> tuple[int, str | None]:
        """Where the ``.part`` can be continued, and the validator to send; 0 means from zero.

        A ``.part`` without a readable validator, or with another hard link, is not continued.
        """
        info = self.folder.lstat(self.part)
        if info is None or info.st_size == 0:
            return 0, None
        if not stat.S_ISREG(info.st_mode):
            raise _FileError(f"{self.part} exists and is not a regular file")
        validator = _read_validator(self.folder, self.sidecar)
        if info.st_nlink != 1 or validator is None:
            self.drop()
            return 0, None
        return info.st_size, validator


def _range_header(offset: int, validator: str | None = None) -> dict[str, str]:
    if not offset:
        return {}
    headers = {"Range": f"bytes={offset}-"}
    if validator is not None:
        headers["If-Range"] = validator
    return headers


def _check_length(body: _Body, written: int, progress: _Progress) -> None:
    """Raise unless exactly the announced number of bytes arrived."""
    if body.expected is None or written == body.expected:
        return
    if written < body.expected:
        raise _Interrupted(written, f"got {written} of {body.expected} bytes")
    progress.drop()
    raise _FileError(f"got {written} bytes, more than the {body.expected} announced")


def _is_complete(total: int | None, size: int) -> bool:
    """A file already there is complete when the server's size matches (or is unknown)."""
    return total is None or total == size


# --------------------------------------------------------------------------------------------
# The work, written once as steps (see ``_steps``) and run sync or async
# --------------------------------------------------------------------------------------------


def _get(
    url: str, headers: dict[str, str], stall_timeout: float | None = None
) -> Steps[httpx.Response]:
    """GET with manual redirects; returns the final (streamed, unread) response to close.

    ``stall_timeout`` replaces the client's read timeout: the longest wait for any byte.
    """
    current = _start_url(url)
    for hops in range(MAX_REDIRECTS + 1):
        sent = {**_DOWNLOAD_HEADERS, **headers}
        response: httpx.Response = yield ("get", (current, sent, stall_timeout))
        if hops:  # a redirect's target (pre-signed storage) is meant to go without the token
            response.request.extensions.pop(TOKEN_WITHHELD, None)
        try:
            target = _check_redirect(response, hops)
        except BaseException:
            yield ("close", (response,))
            raise
        if target is None:
            return response
        yield ("close", (response,))
        current = target
    raise AssertionError("unreachable")  # pragma: no cover


def _collect(op: Any, *args: Any, **kwargs: Any) -> Steps[list[Any]]:
    """Every item of a paginated operation (``op`` is its generated module)."""
    items = yield ("items", (op, args, kwargs))
    collected = []
    while (item := (yield ("next", (items,)))) is not None:
        collected.append(item)
    return collected


class _ListenerError(Exception):
    """A progress listener raised (the ``__cause__``): that stops the run, not one file."""


class _CheckedListener(ProgressListener):
    """Passes events on, marking what the listener raises so no file handler swallows it."""

    def __init__(self, inner: ProgressListener) -> None:
        self.inner = inner

    def on_start(self, file: ArtifactFile, total: int | None, offset: int) -> None:
        try:
            self.inner.on_start(file, total, offset)
        except Exception as exc:
            raise _ListenerError from exc

    def on_bytes(self, file: ArtifactFile, count: int) -> None:
        try:
            self.inner.on_bytes(file, count)
        except Exception as exc:
            raise _ListenerError from exc


class _Downloader:
    """Fetches one planned file: skip, download or resume it, and report the outcome."""

    def __init__(
        self,
        root: Path,
        listener: ProgressListener,
        retries: int,
        stall_timeout: float = DEFAULT_STALL_TIMEOUT,
        skip_existing: SkipExisting = DEFAULT_SKIP_EXISTING,
    ) -> None:
        self.folders = _Folders(root)
        self.listener: ProgressListener = _CheckedListener(listener)
        self.user_listener = listener
        self.retries = retries
        self.stall_timeout = stall_timeout
        self.skip_existing = skip_existing

    def file(self, planned: tuple[ArtifactFile, str | None]) -> Steps[FileResult]:
        try:
            result = yield from self._file(*planned)
        except _ListenerError as exc:
            assert exc.__cause__ is not None
            raise exc.__cause__ from None
        except Exception as exc:  # whatever else the server's data provokes fails this file only
            result = _failed(planned[0], f"unexpected error: {_describe(exc)}")
        self.user_listener.on_finish(result)
        return result

    def _file(self, item: ArtifactFile, error: str | None) -> Steps[FileResult]:
        if error is not None or item.target is None:
            return _failed(item, error or "no destination")
        final: Path | None = None
        folder: _Folder | None = None
        try:
            final = self.folders.destination(item)
            folder = self.folders.open(final.parent)
            existing = _regular_size(folder, final.name)
            if (
                existing is not None
                and self.skip_existing == "size"
                and (yield from self._complete(item, existing))
            ):
                detail = "same size as on the server (content not compared)"
                return FileResult(item, FileStatus.SKIPPED, final, size=existing, detail=detail)
            return (yield from self._download(item, final, folder))
        except _FileError as exc:
            return _failed(item, str(exc), final, exc.status)
        except (httpx.HTTPError, APIError, OSError) as exc:
            return _failed(item, _describe(exc), final)
        finally:
            if folder is not None:
                folder.close()

    def _complete(self, item: ArtifactFile, size: int) -> Steps[bool]:
        try:
            response = yield from _get(item.url, {"Range": "bytes=0-0"}, self.stall_timeout)
        except httpx.ReadTimeout as exc:
            raise _FileError(self._stalled()) from exc
        try:
            return _is_complete(_probe_total(response), size)
        finally:
            yield ("close", (response,))

    def _stalled(self) -> str:
        return f"stalled: no data for {self.stall_timeout:g} s"

    def _download(self, item: ArtifactFile, final: Path, folder: _Folder) -> Steps[FileResult]:
        progress = _Progress(item, final, folder, self.retries)
        while True:
            try:
                written, appended = yield from self._attempt(progress)
            except _Restart:
                progress.drop()
                continue
            except _Interrupted as exc:
                failure = progress.interrupted(exc)
                if failure is not None:
                    return failure
                continue
            return progress.done(written, appended)

    def _attempt(self, progress: _Progress) -> Steps[tuple[int, bool]]:
        """Fetch the rest of the file into the ``.part``; the bytes written and whether appended."""
        item, folder = progress.item, progress.folder
        offset, validator = progress.resume_point()
        try:
            headers = _range_header(offset, validator)
            response = yield from _get(item.url, headers, self.stall_timeout)
        except httpx.ReadTimeout as exc:
            raise _Interrupted(0, self._stalled()) from exc
        try:
            body = _accept(response, offset, validator)
            if body is None:
                return 0, True
            self.listener.on_start(item, body.total, offset if body.append else 0)
            written = 0
            # Async downloads write from the event loop too: pieces go to the page cache.
            with _open_part(folder, progress.part, body.append) as out:
                if not body.append:  # the version's validator first, then its bytes
                    _write_validator(folder, progress.sidecar, body.validator)
                try:
                    chunks = yield ("chunks", (response,))
                    while (chunk := (yield ("next", (chunks,)))) is not None:
                        out.write(chunk)
                        written += len(chunk)
                        self.listener.on_bytes(item, len(chunk))
                except httpx.ReadTimeout as exc:
                    raise _Interrupted(written, self._stalled()) from exc
                except (httpx.HTTPError, APIError) as exc:
                    raise _Interrupted(written, _describe(exc)) from exc
            _check_length(body, written, progress)
            return written, body.append
        finally:
            yield ("close", (response,))


@dataclass(frozen=True, slots=True)
class _JobRef:
    project_slug: str
    job_number: int
    name: str | None
    problem: str | None = None
    """Why the job's artifacts cannot be listed (its entry in a job listing is unusable)."""


def _job_ref(job: Job) -> _JobRef | None:
    number: object = job.job_number
    if isinstance(number, Unset) or number is None:
        return None  # approval jobs, and jobs that never ran
    slug: object = job.project_slug
    name = job.name if isinstance(job.name, str) else None
    shown_slug = slug if isinstance(slug, str) else "<invalid>"
    if not _whole_number(number, _MAX_NODE_INDEX):
        problem = f"the job listing gives job_number as {_kind(number)}, not a whole number"
        return _JobRef(shown_slug, -1, name, problem)
    assert isinstance(number, int)
    try:
        if not isinstance(slug, str):
            raise TypeError
        validate_project_slug(slug)
    except (TypeError, ValueError):
        problem = f"the job listing gives an invalid project_slug ({_kind(slug)})"
        return _JobRef(shown_slug, number, name, problem)
    return _JobRef(slug, number, name)


def _all_succeeded(workflows: Sequence[Workflow]) -> bool:
    return bool(workflows) and all(w.status == WorkflowStatus.SUCCESS for w in workflows)


def _as_uuid(value: UUID | str) -> UUID:
    if isinstance(value, UUID):
        return value
    try:
        return UUID(str(value))
    except ValueError:
        raise ValueError(
            f"workflow_id {visible(value)!r} is not a workflow id: give the UUID from the "
            "workflow's URL, e.g. 5034460f-c7c4-4c43-9457-de07e2029e7b"
        ) from None


def _artifacts_of(job: _JobRef) -> Steps[list[Artifact]]:
    return (yield from _collect(get_job_artifacts, job.project_slug, job.job_number))


def _entries_of(job: _JobRef) -> Steps[list[_Entry]]:
    """A job's listing for a download, entry by entry (none for a job that cannot be listed)."""
    if job.problem is not None:
        return []
    return (yield from _collect(_ListingEntries, job.project_slug, job.job_number))


def _latest_successful(project_slug: str, branch: str, limit: int) -> Steps[SuccessfulPipeline]:
    newest = {"branch": branch, "max_items": limit}
    pipelines = yield ("items", (list_pipelines_for_project, (project_slug,), newest))
    seen = 0
    while (pipeline := (yield ("next", (pipelines,)))) is not None:
        seen += 1
        workflows = yield from _collect(list_workflows_by_pipeline_id, pipeline.id)
        if _all_succeeded(workflows):
            return SuccessfulPipeline(pipeline, workflows)
    if not seen:
        raise NoSuccessfulPipelineError(
            f"branch {branch!r} of {project_slug} has no pipelines at all: check the branch "
            "name (it is case-sensitive) and that the project builds it"
        )
    raise NoSuccessfulPipelineError(
        f"no successful pipeline among the newest {seen} on branch {branch!r} of {project_slug}"
    )


def _workflow_jobs(workflow_id: UUID | str) -> Steps[list[_JobRef]]:
    jobs = yield from _collect(list_workflow_jobs, _as_uuid(workflow_id))
    return [ref for job in jobs if (ref := _job_ref(job)) is not None]


# --------------------------------------------------------------------------------------------
# Running the steps
# --------------------------------------------------------------------------------------------


def _common_io(
    http: httpx.Client | httpx.AsyncClient, allow_link_local: bool
) -> dict[str, Callable[..., Any]]:
    def get(url: httpx.URL, headers: dict[str, str], stall: float | None = None) -> Any:
        # A coroutine for AsyncClient. The read timeout bounds the wait for any byte.
        if not allow_link_local:
            _refuse_link_local(url)  # every request of a download, redirects included
        timeout = http.timeout
        if stall is not None:
            timeout = httpx.Timeout(
                connect=timeout.connect, read=stall, write=timeout.write, pool=timeout.pool
            )
        request = http.build_request("GET", url, headers=headers, timeout=timeout)
        return http.send(request, stream=True, follow_redirects=False)

    return {"get": get}


async def _gather_or_cancel(awaitables: Iterable[Awaitable[T]]) -> list[T]:
    """Every result, in order; on a failure (or cancellation) the other tasks are cancelled
    and awaited before the exception goes on, so nothing keeps writing after a run stops."""
    tasks = [asyncio.ensure_future(awaitable) for awaitable in awaitables]
    try:
        return await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        cancelled_again = False
        while not all(task.done() for task in tasks):
            try:
                await asyncio.wait(tasks)
            except asyncio.CancelledError:  # keep waiting, then let the cancellation go on
                cancelled_again = True
        if cancelled_again:
            raise asyncio.CancelledError from None
        raise


class _Workers:
    """Daemon threads for the sync functions, and how they stop promptly on Ctrl-C.

    :meth:`map` waits in slices of :data:`_WAKE_INTERVAL`, so a ``KeyboardInterrupt`` reaches
    the main thread at once. Then (or when a worker raises) :meth:`stop` tells every worker to
    give up at its next step, shuts down the sockets of the responses in flight so blocked
    reads return, and waits up to :data:`STOP_GRACE` seconds for the workers to close their
    files. Threads still waiting for a server after that are daemons: they end with the
    process, and they write nothing more (their next step raises ``_Stopped``).
    """

    def __init__(self, concurrency: int) -> None:
        self.concurrency = concurrency
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._in_flight: set[httpx.Response] = set()
        self._threads: list[threading.Thread] = []

    def map(self, work: Callable[[T], R], items: Iterable[T]) -> list[R]:
        """``work`` on every item, ``concurrency`` at a time; results in order."""
        todo = list(enumerate(items))
        results: list[Any] = [None] * len(todo)
        failures: list[BaseException] = []
        pending = iter(todo)
        left = [len(todo)]
        finished = threading.Event()

        def worker() -> None:
            while not self._stopping.is_set():
                with self._lock:
                    taken = next(pending, None)
                if taken is None:
                    return
                try:
                    results[taken[0]] = work(taken[1])
                except BaseException as exc:  # reported by map, in the caller's thread
                    with self._lock:
                        failures.append(exc)
                    finished.set()
                    return
                with self._lock:
                    left[0] -= 1
                    if left[0] == 0:
                        finished.set()

        if todo:
            count = min(self.concurrency, len(todo))
            threads = [
                threading.Thread(target=worker, name=f"artifacts-{n}", daemon=True)
                for n in range(count)
            ]
            self._threads += threads
            for thread in threads:
                thread.start()
        try:
            while todo and not finished.wait(_WAKE_INTERVAL):
                pass
        except BaseException:
            self.stop()
            raise
        if failures:
            self.stop()
            raise failures[0]
        return cast(list[R], results)

    def stop(self) -> None:
        """Make every worker give up, unblock their reads and wait briefly for them."""
        self._stopping.set()
        with self._lock:
            in_flight = list(self._in_flight)
        for response in in_flight:
            _shut_down(response)
        deadline = time.monotonic() + STOP_GRACE
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    def guard(self, io: dict[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
        """``io`` whose steps raise ``_Stopped`` once stopping, and which tracks responses."""
        get, close, step = io["get"], io["close"], io["next"]

        def checked_get(*args: Any) -> httpx.Response:
            self._check()
            response: httpx.Response = get(*args)
            with self._lock:
                self._in_flight.add(response)
            if self._stopping.is_set():
                close(response)
                raise _Stopped
            return response

        def checked_close(response: httpx.Response) -> None:
            with self._lock:
                self._in_flight.discard(response)
            close(response)

        def checked_next(iterator: Any) -> Any:
            self._check()
            return step(iterator)

        io |= {"get": checked_get, "close": checked_close, "next": checked_next}
        return io

    def _check(self) -> None:
        if self._stopping.is_set():
            raise _Stopped


def _shut_down(response: httpx.Response) -> None:
    """Shut down the socket under a streamed response, so a read blocked on it returns."""
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


def _sync_io(
    client: Client, pool: _Workers | None = None, *, allow_link_local: bool = False
) -> dict[str, Callable[..., Any]]:
    """The steps' I/O with the client's ``httpx.Client``; ``map`` fans out over ``pool``."""
    fan_out = pool.map if pool is not None else map
    io = _common_io(client.get_httpx_client(), allow_link_local)
    io |= {
        "close": httpx.Response.close,
        "chunks": httpx.Response.iter_raw,
        "items": lambda op, args, kwargs: op.iter_items(*args, client=client, **kwargs),
        "next": lambda iterator: next(iterator, None),
        "map": lambda work, items: list(fan_out(lambda item: run(work(item), io), items)),
    }
    return io


def _async_io(
    client: Client, concurrency: int, *, allow_link_local: bool = False
) -> dict[str, Callable[..., Any]]:
    """The steps' I/O with the client's ``httpx.AsyncClient``; ``map`` runs tasks, bounded."""
    limit = asyncio.Semaphore(concurrency)

    async def bounded(steps: Steps[T]) -> T:
        async with limit:
            return await arun(steps, io)

    io = _common_io(client.get_async_httpx_client(), allow_link_local)
    io |= {
        "close": httpx.Response.aclose,
        "chunks": httpx.Response.aiter_raw,
        "items": lambda op, args, kwargs: op.aiter_items(*args, client=client, **kwargs),
        "next": lambda iterator: anext(iterator, None),
        "map": lambda work, items: _gather_or_cancel(bounded(work(item)) for item in items),
    }
    return io


def list_artifacts(client: Client, project_slug: str, job_number: int) -> list[Artifact]:
    """Every artifact of a job, across pages."""
    return run(_artifacts_of(_JobRef(project_slug, job_number, None)), _sync_io(client))


async def alist_artifacts(client: Client, project_slug: str, job_number: int) -> list[Artifact]:
    """Async :func:`list_artifacts`."""
    job = _JobRef(project_slug, job_number, None)
    return await arun(_artifacts_of(job), _async_io(client, 1))


def find_latest_successful_pipeline(
    client: Client, project_slug: str, branch: str, *, max_pipelines: int = DEFAULT_MAX_PIPELINES
) -> SuccessfulPipeline:
    """The newest pipeline on ``branch`` that is *successful*.

    Successful means the pipeline has at least one workflow and every workflow's status is
    ``success``: a pipeline still running, on hold for an approval, failed, canceled or
    errored (no workflows) does not count. Only the newest ``max_pipelines`` are searched.

    Raises:
        NoSuccessfulPipelineError: none of them is successful.
    """
    return run(_latest_successful(project_slug, branch, max_pipelines), _sync_io(client))


async def afind_latest_successful_pipeline(
    client: Client, project_slug: str, branch: str, *, max_pipelines: int = DEFAULT_MAX_PIPELINES
) -> SuccessfulPipeline:
    """Async :func:`find_latest_successful_pipeline`."""
    steps = _latest_successful(project_slug, branch, max_pipelines)
    return await arun(steps, _async_io(client, 1))


# --------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------


def _root(dest: str | os.PathLike[str]) -> Path:
    root = Path(dest).expanduser()
    root.mkdir(parents=True, exist_ok=True)
    return root.resolve()


def _plan(
    jobs: Sequence[_JobRef],
    listings: Sequence[Sequence[_Entry]],
    globs: Sequence[str],
    folders: bool,
    listener: ProgressListener,
) -> list[tuple[ArtifactFile, str | None]]:
    """Every file to fetch with its destination (or why it is refused), in listing order."""
    planned: list[tuple[ArtifactFile, str | None]] = []
    for job, entries in zip(jobs, listings, strict=True):
        planned += _plan_job(job, entries, globs, folders)
    planned = _check_collisions(planned)
    listener.on_plan([item for item, _ in planned])
    return planned


Destination = str | os.PathLike[str]
"""A download folder: a path, created when missing."""


class DownloadOptions(TypedDict, total=False):
    """Options of every download function; all optional.

    Attributes:
        glob: One or more fnmatch patterns on the artifact path; None (default) selects all.
        concurrency: Files downloaded at the same time (default :data:`DEFAULT_CONCURRENCY`).
        progress: Receives progress events (from worker threads in the sync functions).
        retries: Resumes of an interrupted body within this run (default
            :data:`DEFAULT_RETRIES`).
        allow_link_local: Fetch URLs (and redirects) to link-local and cloud metadata
            addresses too (default False: such a file fails; see :func:`is_link_local_host`).
        stall_timeout: Seconds without a byte after which a body counts as interrupted
            (default :data:`DEFAULT_STALL_TIMEOUT`).
        skip_existing: ``"size"`` (default) keeps an existing file whose size is the server's,
            without comparing content; ``"never"`` downloads every file again.
    """

    glob: str | Iterable[str] | None
    concurrency: int
    progress: ProgressListener | None
    retries: int
    allow_link_local: bool
    stall_timeout: float
    skip_existing: SkipExisting


class BranchDownloadOptions(DownloadOptions, total=False):
    """:class:`DownloadOptions` plus how many of the branch's newest pipelines are searched."""

    max_pipelines: int


@dataclass(frozen=True, slots=True)
class _Request:
    """What a public download function was asked, checked once, before any request."""

    root: Path
    globs: tuple[str, ...]
    concurrency: int
    listener: ProgressListener
    retries: int
    allow_link_local: bool
    stall_timeout: float = DEFAULT_STALL_TIMEOUT
    skip_existing: SkipExisting = DEFAULT_SKIP_EXISTING

    @classmethod
    def make(cls, dest: str | os.PathLike[str], options: DownloadOptions) -> _Request:
        unknown = sorted(set(options) - set(DownloadOptions.__annotations__))
        if unknown:
            raise TypeError(f"unknown download option(s): {', '.join(unknown)}")
        concurrency = options.get("concurrency", DEFAULT_CONCURRENCY)
        _check_concurrency(concurrency)
        globs = _parse_globs(options.get("glob"))
        listener = options.get("progress") or ProgressListener()
        retries = options.get("retries", DEFAULT_RETRIES)
        allow_link_local = options.get("allow_link_local", False)
        if not isinstance(allow_link_local, bool):
            raise TypeError(f"allow_link_local must be True or False, got {allow_link_local!r}")
        stall_timeout = options.get("stall_timeout", DEFAULT_STALL_TIMEOUT)
        if not isinstance(stall_timeout, int | float) or not stall_timeout > 0:
            raise ValueError(
                f"stall_timeout must be a number of seconds above 0, got {stall_timeout!r}"
            )
        skip_existing = options.get("skip_existing", DEFAULT_SKIP_EXISTING)
        if skip_existing not in ("size", "never"):
            raise ValueError(f"skip_existing must be 'size' or 'never', got {skip_existing!r}")
        return cls(
            _root(dest),
            globs,
            concurrency,
            listener,
            retries,
            allow_link_local,
            float(stall_timeout),
            skip_existing,
        )


@dataclass(frozen=True, slots=True)
class _Source:
    """Which jobs to download from, as steps, and how the report names them."""

    jobs: Callable[[], Steps[list[_JobRef]]]
    folders: bool
    describe: Callable[[], str]


def _job_source(project_slug: str, job_number: int) -> _Source:
    def jobs() -> Steps[list[_JobRef]]:
        if False:  # pragma: no cover  (a generator that needs no step)
            yield ("close", ())
        return [_JobRef(project_slug, job_number, None)]

    return _Source(jobs, False, lambda: f"job {job_number} of {project_slug}")


def _workflow_source(workflow_id: UUID | str) -> _Source:
    return _Source(lambda: _workflow_jobs(workflow_id), True, lambda: f"workflow {workflow_id}")


def _branch_source(
    project_slug: str, branch: str, options: BranchDownloadOptions
) -> tuple[_Source, DownloadOptions]:
    """The source, and the options left once ``max_pipelines`` is taken out."""
    rest = options.copy()
    max_pipelines = rest.pop("max_pipelines", DEFAULT_MAX_PIPELINES)
    found: list[SuccessfulPipeline] = []

    def jobs() -> Steps[list[_JobRef]]:
        found.append((yield from _latest_successful(project_slug, branch, max_pipelines)))
        refs: list[_JobRef] = []
        for workflow in found[0].workflows:
            refs += yield from _workflow_jobs(workflow.id)
        return refs

    def describe() -> str:
        pipeline = found[0].pipeline
        return f"pipeline {pipeline.number} ({pipeline.id}) on {branch}"

    return _Source(jobs, True, describe), cast(DownloadOptions, rest)


def _download(source: _Source, asked: _Request) -> Steps[DownloadReport]:
    jobs = yield from source.jobs()
    listings = yield ("map", (_entries_of, jobs))
    planned = _plan(jobs, listings, asked.globs, source.folders, asked.listener)
    downloader = _Downloader(
        asked.root, asked.listener, asked.retries, asked.stall_timeout, asked.skip_existing
    )
    results = yield ("map", (downloader.file, planned))
    paths = [entry.path for entries in listings for entry in entries if entry.has_path]
    unmatched = [pattern for pattern in asked.globs if not _select_any(paths, pattern)]
    listed = sum(len(entries) for entries in listings)
    return DownloadReport(asked.root, results, source.describe(), listed, unmatched)


def _select_any(paths: Sequence[str], pattern: str) -> bool:
    return any(fnmatch.fnmatchcase(path, pattern) for path in paths)


def _download_sync(
    client: Client, source: _Source, options: DownloadOptions, dest: Destination
) -> DownloadReport:
    asked = _Request.make(dest, options)
    workers = _Workers(asked.concurrency)
    io = _sync_io(client, workers, allow_link_local=asked.allow_link_local)
    return run(_download(source, asked), workers.guard(io))


async def _download_async(
    client: Client, source: _Source, options: DownloadOptions, dest: Destination
) -> DownloadReport:
    asked = _Request.make(dest, options)
    io = _async_io(client, asked.concurrency, allow_link_local=asked.allow_link_local)
    return await arun(_download(source, asked), io)


def download_job_artifacts(
    client: Client,
    project_slug: str,
    job_number: int,
    dest: Destination = ".",
    **options: Unpack[DownloadOptions],
) -> DownloadReport:
    """Download a job's artifacts into ``dest`` (see the module docs for every rule).

    Args:
        client: Its httpx client does the requests; the token goes to allowed origins only.
        options: ``glob``, ``concurrency``, ``progress``, ``retries``, ``allow_link_local``,
            ``stall_timeout``, ``skip_existing``: see :class:`DownloadOptions`. They are checked
            before any request.

    Returns:
        Every file's outcome. A file's failure is reported, not raised: a bad listing entry,
        a refused path or address, an HTTP error or a malformed response fails that file only.

    Raises:
        APIError: listing the artifacts failed (a subclass per status).
        TypeError: an unknown option.
        KeyboardInterrupt: Ctrl-C; the workers are stopped within about a second and every
            ``.part`` is kept with its validator, so the same call resumes.
    """
    return _download_sync(client, _job_source(project_slug, job_number), options, dest)


async def adownload_job_artifacts(
    client: Client,
    project_slug: str,
    job_number: int,
    dest: Destination = ".",
    **options: Unpack[DownloadOptions],
) -> DownloadReport:
    """Async :func:`download_job_artifacts`."""
    return await _download_async(client, _job_source(project_slug, job_number), options, dest)


def download_workflow_artifacts(
    client: Client,
    workflow_id: UUID | str,
    dest: Destination = ".",
    **options: Unpack[DownloadOptions],
) -> DownloadReport:
    """Download the artifacts of every job of a workflow, each into ``<number>-<name>/``.

    Jobs without a job number (approvals, jobs that never ran) are skipped. Other arguments
    as in :func:`download_job_artifacts`.
    """
    return _download_sync(client, _workflow_source(workflow_id), options, dest)


async def adownload_workflow_artifacts(
    client: Client,
    workflow_id: UUID | str,
    dest: Destination = ".",
    **options: Unpack[DownloadOptions],
) -> DownloadReport:
    """Async :func:`download_workflow_artifacts`."""
    return await _download_async(client, _workflow_source(workflow_id), options, dest)


def download_branch_artifacts(
    client: Client,
    project_slug: str,
    branch: str,
    dest: Destination = ".",
    **options: Unpack[BranchDownloadOptions],
) -> DownloadReport:
    """Download the artifacts of every job of the branch's latest successful pipeline.

    See :func:`find_latest_successful_pipeline` for what successful means; the layout is the
    workflow one (``<number>-<name>/`` per job).

    Options as in :func:`download_job_artifacts`, plus ``max_pipelines``: how many of the
    branch's newest pipelines are searched (default :data:`DEFAULT_MAX_PIPELINES`).

    Raises:
        NoSuccessfulPipelineError: none of the newest ``max_pipelines`` succeeded.
    """
    return _download_sync(client, *_branch_source(project_slug, branch, options), dest)


async def adownload_branch_artifacts(
    client: Client,
    project_slug: str,
    branch: str,
    dest: Destination = ".",
    **options: Unpack[BranchDownloadOptions],
) -> DownloadReport:
    """Async :func:`download_branch_artifacts`."""
    return await _download_async(client, *_branch_source(project_slug, branch, options), dest)
