"""Write the sync twin of each async runtime module, so the I/O loops exist once.

The async module is hand-written; its twin is generated from it by a small table of
substitutions (keywords dropped, async names replaced by their sync names, whole words only),
then formatted and marked generated like every other generated file, so the drift check fails
when the two disagree. A name the table does not know stays as it is, and ``mypy`` then
rejects the twin (an ``await`` left out, an async method called from sync code).
"""

from __future__ import annotations

import re
from pathlib import Path

TWINS = {
    "circleci_client/_async_ratelimit.py": "circleci_client/_sync_ratelimit.py",
    "circleci_client/_async_retry.py": "circleci_client/_sync_retry.py",
    "circleci_client/artifacts/_async_run.py": "circleci_client/artifacts/_sync_run.py",
    "circleci_client/runs/_async.py": "circleci_client/runs/_sync.py",
}
"""Async source module -> its generated sync twin, relative to ``generated_client/``."""

KEYWORDS = (
    (re.compile(r"\bawait "), ""),
    (re.compile(r"\basync (def|for|with) "), r"\1 "),
)
"""``async def``, ``async for``, ``async with`` and ``await`` lose their async keyword."""

NAMES = {
    # httpx
    "AsyncBaseTransport": "BaseTransport",
    "handle_async_request": "handle_request",
    "aclose": "close",
    "aiter_raw": "iter_raw",
    # typing
    "AsyncIterator": "Iterator",
    "AsyncIterable": "Iterable",
    # this package: every async name and the sync name it stands for
    "AsyncRateLimitTransport": "RateLimitTransport",
    "AsyncRetryTransport": "RetryTransport",
    "AsyncSleep": "Sleep",
    "async_sleep": "sleep",
    "default_async_sleep": "default_sleep",
    "_aread_body": "_read_body",
    "aiter_items": "iter_items",
    "_AsyncIO": "_SyncIO",
    "_AsyncDownloader": "_SyncDownloader",
    # the operation modules' and helpers' coroutines
    "asyncio": "sync",
    "atrigger_pipeline": "trigger_pipeline",
    "aget_run_status": "get_run_status",
    "awatch_pipeline": "watch_pipeline",
    "atrigger_and_wait": "trigger_and_wait",
    "aapprove_job": "approve_job",
    "acancel_pipeline": "cancel_pipeline",
    "arerun_failed": "rerun_failed",
    "acancel_redundant": "cancel_redundant",
}
"""Async identifier -> sync identifier, replaced as whole words (in docstrings too)."""

_NAME_PATTERN = re.compile(r"\b(" + "|".join(sorted(NAMES, key=len, reverse=True)) + r")\b")

HAND_WRITTEN_HEADER = "# Hand-written runtime module (not generated): edit it here."


def sync_twin(source: str, source_name: str) -> str:
    """The sync twin of an async module's text (without the generated header line)."""
    lines = source.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\n") != HAND_WRITTEN_HEADER:
        raise SystemExit(f"{source_name}: an async source module must be hand-written")
    text = "".join(lines[1:])
    for pattern, replacement in KEYWORDS:
        text = pattern.sub(replacement, text)
    text = _NAME_PATTERN.sub(lambda match: NAMES[match.group(1)], text)
    return f"# Sync twin of {source_name}, rewritten by generator/sync_twins.py.\n{text}"


def write_twins(source_root: Path, target_root: Path) -> None:
    """Write each sync twin of a module under ``source_root`` into ``target_root``."""
    for source_name, twin_name in TWINS.items():
        source = (source_root / source_name).read_text(encoding="utf-8")
        twin = target_root / twin_name
        twin.parent.mkdir(parents=True, exist_ok=True)
        twin.write_text(sync_twin(source, source_name), encoding="utf-8")
