"""Thread-safe log of every request the three stand-in servers receive."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

from starlette.types import Scope

from tests.standin.asgi_util import header_dict, raw_path


@dataclass
class RequestRecord:
    """One request as a server saw it (``headers`` keys are lower-case)."""

    host: str
    method: str
    path: str
    raw_path: str
    query: str
    headers: dict[str, str]
    operation: str | None = None
    status: int | None = None
    started: float = field(default_factory=time.monotonic)
    """When the request arrived (``time.monotonic``)."""
    finished: float | None = None
    """When its response was sent or its connection dropped; None while it is in progress."""


class HostLog:
    """The requests one server received, in order."""

    def __init__(self) -> None:
        self._items: list[RequestRecord] = []
        self._lock = threading.Lock()

    def append(self, record: RequestRecord) -> RequestRecord:
        """Add a record (its ``status`` may be filled in later)."""
        with self._lock:
            self._items.append(record)
        return record

    def snapshot(self) -> list[RequestRecord]:
        """Return a copy of the records."""
        with self._lock:
            return list(self._items)

    def clear(self) -> None:
        """Forget every record."""
        with self._lock:
            self._items.clear()

    def filter(
        self, operation: str | None = None, method: str | None = None
    ) -> list[RequestRecord]:
        """Return records for an operationId and/or method."""
        return [
            r
            for r in self.snapshot()
            if (operation is None or r.operation == operation)
            and (method is None or r.method == method.upper())
        ]

    def last(self) -> RequestRecord | None:
        """Return the most recent record, if any."""
        items = self.snapshot()
        return items[-1] if items else None

    def most_at_once(self) -> int:
        """The largest number of requests that were in progress at the same moment."""
        edges = []
        for record in self.snapshot():
            edges.append((record.started, 1))
            edges.append((record.finished if record.finished is not None else float("inf"), -1))
        in_flight = most = 0
        for _, change in sorted(edges, key=lambda edge: (edge[0], edge[1])):
            in_flight += change
            most = max(most, in_flight)
        return most

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __iter__(self) -> Iterator[RequestRecord]:
        return iter(self.snapshot())

    def __getitem__(self, index: int) -> RequestRecord:
        return self.snapshot()[index]


@dataclass
class RequestLog:
    """Request logs of the API server, the artifact host and the foreign host."""

    api: HostLog = field(default_factory=HostLog)
    artifact: HostLog = field(default_factory=HostLog)
    foreign: HostLog = field(default_factory=HostLog)

    def host(self, name: str) -> HostLog:
        """Return the log of ``api``, ``artifact`` or ``foreign``."""
        logs = {"api": self.api, "artifact": self.artifact, "foreign": self.foreign}
        return logs[name]

    def clear(self) -> None:
        """Empty all three logs."""
        for log in (self.api, self.artifact, self.foreign):
            log.clear()

    @contextlib.contextmanager
    def recording(self, name: str, scope: Scope) -> Iterator[RequestRecord]:
        """Log the request in ``scope`` on host ``name``; mark it finished when the block ends."""
        raw = raw_path(scope)
        record = RequestRecord(
            host=name,
            method=scope["method"],
            path=unquote(raw),
            raw_path=raw,
            query=scope.get("query_string", b"").decode("latin-1"),
            headers=header_dict(scope),
        )
        self.host(name).append(record)
        try:
            yield record
        finally:
            record.finished = time.monotonic()
