# Hand-written runtime module (not generated): edit it here.
"""Live progress on the terminal: a spinner while searching, a bar per file."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Sequence

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.text import Text

from .. import artifacts
from .._display import visible


class _AmountColumn(ProgressColumn):
    """Bytes for a file, ``done/total files`` for the overall row."""

    def __init__(self) -> None:
        super().__init__()
        self._bytes = DownloadColumn()

    def render(self, task: Task) -> Text:
        if task.fields.get("files"):
            if task.total is None:
                return Text("")  # still finding the files: the spinner says so
            return Text(f"{int(task.completed)}/{int(task.total)} files")
        return self._bytes.render(task)


class _RichProgress(artifacts.ProgressListener):
    """One row for the whole run (a spinner until the files are known) and one per file."""

    def __init__(self, progress: Progress, searching: str) -> None:
        self._progress = progress
        self._overall = progress.add_task(searching, total=None, files=True)
        self._rows: dict[artifacts.ArtifactFile, TaskID] = {}
        self._lock = threading.Lock()

    def on_plan(self, files: Sequence[artifacts.ArtifactFile]) -> None:
        self._progress.update(self._overall, total=len(files), description="artifacts")

    def on_start(self, file: artifacts.ArtifactFile, total: int | None, offset: int) -> None:
        with self._lock:
            row = self._rows.get(file)
            if row is None:
                name = file.path if len(file.path) <= 40 else "…" + file.path[-39:]
                self._rows[file] = self._progress.add_task(
                    visible(name), total=total, completed=offset
                )
            else:
                self._progress.reset(row, total=total, completed=offset)

    def on_bytes(self, file: artifacts.ArtifactFile, count: int) -> None:
        row = self._rows.get(file)
        if row is not None:
            self._progress.advance(row, count)

    def on_finish(self, result: artifacts.FileResult) -> None:
        with self._lock:
            row = self._rows.pop(result.artifact, None)
        if row is not None:
            self._progress.remove_task(row)
        self._progress.advance(self._overall, 1)


@contextlib.contextmanager
def progress(
    enabled: bool, searching: str = "listing", console: Console | None = None
) -> Iterator[artifacts.ProgressListener | None]:
    console = console or Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield None
        return
    columns = (
        SpinnerColumn(finished_text=" "),
        TextColumn("{task.description}", markup=False),  # server text: no markup
        BarColumn(),
        _AmountColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as progress:
        yield _RichProgress(progress, searching)
