# Hand-written runtime module (not generated): edit it here.
"""Path safety: server paths made relative and safe, job folders, collision keys."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from pathlib import PurePosixPath

from ._errors import UnsafePathError

_DRIVE = re.compile(r"^[A-Za-z]:")
_WINDOWS_DEVICE = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


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
