# Hand-written runtime module (not generated): edit it here.
"""Head starts: the first files' requests sent while the rest of the job's listing arrives.

A job's listing comes a page at a time, and where a file goes is only known once the whole
listing is (the node folders and the collision checks look at every entry). So nothing is
written early: for the first ``concurrency`` entries a download would fetch, the GET is sent as
soon as the entry is listed, exactly as the download would send it, and its response waits
with its body unread (the server's bytes wait in the socket). Once the plan is made, the file's
download takes the response over when its first request would have been that same GET (no
``.part`` to resume, no existing file to compare); otherwise the response is closed unused.
Entries whose file or ``.part`` may already be there get no head start, so a second run or a
resume sends exactly the requests it sent before.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import httpx

from ._defaults import PART_SUFFIX
from ._errors import UnsafePathError
from ._listing import _Entry, _JobRef, _select
from ._paths import safe_relative_path
from ._reports import ArtifactFile

_HeadKey = tuple[str, int, str, int, str]


@dataclass(eq=False)
class _HeadStart:
    """One file's GET sent early: its response (body unread), or what sending it raised."""

    response: httpx.Response | None = None
    error: BaseException | None = None
    """What the request raised; the download that takes it over raises it where it would have."""
    taken: bool = False
    """Whether a download took it over (else its response is closed unused)."""


def _head_key(item: ArtifactFile) -> _HeadKey:
    return (item.project_slug, item.job_number, item.path, item.node_index, item.url)


class _HeadStartPlan:
    """Which listed entries get a head start: the first ``limit`` a download would fetch."""

    def __init__(self, root: Path, globs: Sequence[str], limit: int) -> None:
        self.root = root
        self.globs = globs
        self.left = limit
        self.keys: set[_HeadKey] = set()

    def wanted(self, job: _JobRef, entry: _Entry) -> _HeadKey | None:
        """The entry's key when it gets a head start, else None."""
        if self.left <= 0 or entry.problem is not None or not _select(entry.path, self.globs):
            return None
        try:
            relative = safe_relative_path(entry.path)
        except UnsafePathError:
            return None
        if self._maybe_there(relative, entry.node_index):
            return None
        key = (job.project_slug, job.job_number, entry.path, entry.node_index, entry.url)
        if key in self.keys:
            return None
        self.keys.add(key)
        self.left -= 1
        return key

    def _maybe_there(self, relative: PurePosixPath, node_index: int) -> bool:
        """Whether the file or its ``.part`` is in either place the plan may put it."""
        folders = (self.root, self.root / f"node-{node_index}")
        names = (relative.as_posix(), relative.as_posix() + PART_SUFFIX)
        return any(os.path.lexists(folder / name) for folder in folders for name in names)
