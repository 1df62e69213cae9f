"""A small HTTP server on 127.0.0.1, served from a thread for as long as a test needs it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar

LOOPBACK = ("127.0.0.1", 0)
"""Where every test server listens: loopback, on a port the system picks."""

Server = TypeVar("Server", bound=ThreadingHTTPServer)


@contextmanager
def running(server: Server, poll_interval: float = 0.05) -> Iterator[Server]:
    """Serve ``server`` from a thread until the block ends; then stop it and close its socket."""
    thread = threading.Thread(target=server.serve_forever, args=(poll_interval,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def serving(
    handler: Callable[..., BaseHTTPRequestHandler],
) -> AbstractContextManager[ThreadingHTTPServer]:
    """A :class:`ThreadingHTTPServer` on loopback with ``handler``, served for the block."""
    return running(ThreadingHTTPServer(LOOPBACK, handler))


def origin(server: ThreadingHTTPServer) -> str:
    """``http://127.0.0.1:<port>`` of a server made on :data:`LOOPBACK`."""
    return f"http://127.0.0.1:{server.server_address[1]}"
