# Hand-written runtime module (not generated): edit it here.
"""Destination folders held open, and the ``.part`` and validator files within them."""

from __future__ import annotations

import contextlib
import os
import stat
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from ._defaults import MAX_VALIDATOR_LENGTH
from ._errors import _FileError
from ._headers import _usable_validator
from ._reports import ArtifactFile

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a FIFO planted in a file's place must not hang us
_BINARY = getattr(os, "O_BINARY", 0)
_WALK_FOLDERS = (
    hasattr(os, "O_DIRECTORY")
    and hasattr(os, "O_NOFOLLOW")
    and {os.open, os.stat, os.unlink, os.rename} <= os.supports_dir_fd
)
"""Whether folders are walked with ``dir_fd`` (POSIX) rather than re-checked (Windows)."""

_IDLE_FOLDERS_KEPT = 32
"""How many walked folders a run keeps open while no file uses them (beyond those in use)."""


class _Folders:
    """Where files land under ``root``: each folder is created once per run and must stay inside.

    Only folders are resolved: a file and its ``.part`` are never followed when they are
    symlinks (see ``_Folder`` and ``_open_part``), so the folder decides where bytes land.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self._ready: set[Path] = set()
        self._lock = threading.Lock()
        self._held: dict[Path, _Folder] = {}
        self._closed = False

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
        """Lend ``folder`` (:meth:`destination`'s parent) held open, for one file.

        A folder is walked once per run, not once per file: its descriptor is shared by the
        files in it and kept until :meth:`close` (at most ``_IDLE_FOLDERS_KEPT`` unused ones).
        Give it back with :meth:`release`.
        """
        with self._lock:
            held = self._held.get(folder)
            if held is None:
                held = _Folder(self.root, folder, self._check)
                if not self._closed:
                    self._forget_idle(_IDLE_FOLDERS_KEPT - 1)
                    self._held[folder] = held
            held.users += 1
            return held

    def release(self, folder: _Folder) -> None:
        """Give back a folder from :meth:`open`; closed once unused and no longer kept."""
        with self._lock:
            folder.users -= 1
            if folder.users == 0:
                if self._held.get(folder.path) is not folder:
                    folder.close()
                else:
                    self._forget_idle(_IDLE_FOLDERS_KEPT)

    def close(self) -> None:
        """Close every kept folder (one still in use closes when it is released)."""
        with self._lock:
            self._closed = True
            self._forget_idle(0)
            self._held.clear()

    def _forget_idle(self, keep: int) -> None:
        idle = [path for path, folder in self._held.items() if folder.users == 0]
        for path in idle[: max(0, len(idle) - keep)]:
            self._held.pop(path).close()


class _Folder:
    """One destination folder held open: its files are reached through the folder's descriptor.

    The descriptor is obtained by walking from the destination root one component at a time
    with ``O_NOFOLLOW | O_DIRECTORY``, so no symlink is followed, even one planted after the
    folder was checked. Without ``dir_fd`` support (Windows) every step re-checks the folder.
    """

    def __init__(self, root: Path, path: Path, check: Callable[[Path], None]) -> None:
        self.path = path
        self._check = check
        self.users = 0
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


def _open_part(folder: _Folder, name: str, append: bool) -> IO[bytes]:
    """Open the ``.part`` for writing: never through a symlink or another hard link.

    A body from zero goes to a fresh file (the old one unlinked, then created exclusively); an
    appended body goes to the existing file only once it is checked to be a regular file with
    a single link.
    """
    if append:
        fd = folder.open(name, os.O_WRONLY | os.O_APPEND | _NOFOLLOW | _NONBLOCK)
    else:
        fd = _create_fresh(folder, name)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
            raise _FileError(f"{name} is not a regular file with a single link; not writing to it")
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "wb", buffering=0)


def _create_fresh(folder: _Folder, name: str) -> int:
    """Create ``name`` exclusively (never through a symlink), unlinking what was there first.

    The usual case, nothing there, costs one call: the unlink is tried only when the
    exclusive create finds an entry in the way.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW
    try:
        return folder.open(name, flags)
    except FileExistsError:
        folder.unlink(name)
        return folder.open(name, flags)


def _write_all(out: IO[bytes], data: bytes) -> None:
    """Write ``data`` to an unbuffered file, straight from the received chunk.

    Each network read goes to the file as it is (no buffer to copy it into and flush on close):
    a 64 KiB write costs less than its share of a 1 MiB one, and closing the file writes
    nothing.
    """
    view = memoryview(data)
    while view:
        written = out.write(view)
        if not written:
            raise OSError(f"could not write: the file took none of the last {len(view)} bytes")
        view = view[written:]


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
    """Store ``value`` in a fresh ``name`` (created exclusively); None removes it.

    Written right after its ``.part`` was created empty and before any byte goes there, so
    no temporary file and rename are needed: a validator cut short by a crash sits beside an
    empty ``.part``, which is never resumed (see ``_Progress.resume_point``).
    """
    if value is None:
        folder.unlink(name)
        return
    fd = _create_fresh(folder, name)
    try:
        data = value.encode("ascii") + b"\n"
        while data:
            written = os.write(fd, data)
            if not written:
                raise OSError(f"could not write the validator to {name}")
            data = data[written:]
    except BaseException:
        os.close(fd)
        folder.unlink(name)
        raise
    os.close(fd)
