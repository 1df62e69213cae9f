# Hand-written runtime module (not generated): edit it here.
"""The idle connections of the sync downloads' transport, kept for the next file of a host."""

from __future__ import annotations

import http.client
import select
import socket
import threading
import time
from collections.abc import Callable

__all__ = ["KEEPALIVE_EXPIRY", "MAX_IDLE", "ConnectionPool", "Key", "is_readable"]

KEEPALIVE_EXPIRY = 5.0
"""Seconds an idle connection is kept for the next download from its host (httpx's default)."""

MAX_IDLE = 32
"""Idle connections kept at most, over all hosts (twice the default download concurrency)."""

Key = tuple[str, str, int]
"""Scheme, host and port: connections are shared only by requests with the same key."""


def is_readable(sock: socket.socket) -> bool:
    """Whether a read on ``sock`` would return at once: bytes waiting, the peer gone, or the
    socket closed. For an idle connection, any of these means it cannot carry a request."""
    if sock.fileno() < 0:
        return True
    poller = getattr(select, "poll", None)
    if poller is not None:
        poll = poller()
        poll.register(sock, select.POLLIN)
        return bool(poll.poll(0))
    readable, _, _ = select.select([sock], [], [], 0)  # pragma: no cover - no poll() here
    return bool(readable)


class ConnectionPool:
    """Idle ``http.client`` connections by :data:`Key`: at most :data:`MAX_IDLE`, each for
    at most :data:`KEEPALIVE_EXPIRY` seconds; expired ones are closed whenever the pool is
    used. Thread-safe; a connection is handed to one caller at a time."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._idle: dict[Key, list[tuple[http.client.HTTPConnection, float]]] = {}
        self._count = 0
        self._closed = False

    def take(self, key: Key) -> http.client.HTTPConnection | None:
        """An idle connection to ``key`` that is still usable, if there is one."""
        unusable: list[http.client.HTTPConnection] = []
        found = None
        with self._lock:
            unusable += self._expired()
            idle = self._idle.get(key, [])
            while idle and found is None:
                connection, _ = idle.pop()
                self._count -= 1
                sock = connection.sock
                if sock is not None and not is_readable(sock):
                    found = connection
                else:
                    unusable.append(connection)
            if not idle:
                self._idle.pop(key, None)
        for connection in unusable:
            connection.close()
        return found

    def give_back(self, key: Key, connection: http.client.HTTPConnection) -> None:
        """Keep ``connection``, whose last response was read to its end, for ``key``."""
        unusable: list[http.client.HTTPConnection] = []
        with self._lock:
            unusable += self._expired()
            if self._closed or self._count >= MAX_IDLE:
                unusable.append(connection)
            else:
                self._idle.setdefault(key, []).append((connection, self._clock()))
                self._count += 1
        for each in unusable:
            each.close()

    def _expired(self) -> list[http.client.HTTPConnection]:
        """Take the expired connections out (under the lock); the caller closes them."""
        oldest = self._clock() - KEEPALIVE_EXPIRY
        expired: list[http.client.HTTPConnection] = []
        for key in list(self._idle):
            entries = self._idle[key]
            keep = [(connection, since) for connection, since in entries if since > oldest]
            expired += [connection for connection, since in entries if since <= oldest]
            if keep:
                self._idle[key] = keep
            else:
                del self._idle[key]
        self._count -= len(expired)
        return expired

    def close(self) -> None:
        """Close every idle connection; any given back later is closed at once."""
        with self._lock:
            self._closed = True
            idle = [connection for entries in self._idle.values() for connection, _ in entries]
            self._idle.clear()
            self._count = 0
        for connection in idle:
            connection.close()

    def __len__(self) -> int:
        with self._lock:
            return self._count
