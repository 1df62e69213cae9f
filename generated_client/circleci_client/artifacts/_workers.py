# Hand-written runtime module (not generated): edit it here.
"""Running the steps: the I/O tables, the sync worker threads (and Ctrl-C), async tasks."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any, TypeVar, cast

import httpx

from .._auth import NO_CREDENTIALS
from .._client import Client
from .._steps import Steps, arun, run
from ._defaults import STOP_GRACE
from ._errors import _Stopped
from ._listing import _refuse_link_local

_WAKE_INTERVAL = 0.1
"""How often the main thread wakes while it waits for workers (so Ctrl-C is seen at once)."""


T = TypeVar("T")
R = TypeVar("R")


def _common_io(
    http: httpx.Client | httpx.AsyncClient, allow_link_local: bool, anonymous: bool = False
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
        if anonymous:  # pre-signed URLs: no token, on any host (see _auth.NO_CREDENTIALS)
            request.extensions[NO_CREDENTIALS] = True
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
        left = len(todo)
        finished = threading.Event()

        def worker() -> None:
            nonlocal left
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
                    left -= 1
                    if left == 0:
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
    client: Client,
    pool: _Workers | None = None,
    *,
    allow_link_local: bool = False,
    anonymous: bool = False,
) -> dict[str, Callable[..., Any]]:
    """The steps' I/O with the client's ``httpx.Client``; ``map`` fans out over ``pool``.

    ``anonymous`` downloads send no token or credential header to any host.
    """
    fan_out = pool.map if pool is not None else map
    io = _common_io(client.get_httpx_client(), allow_link_local, anonymous)
    io |= {
        "close": httpx.Response.close,
        "chunks": httpx.Response.iter_raw,
        "items": lambda op, args, kwargs: op.iter_items(*args, client=client, **kwargs),
        "next": lambda iterator: next(iterator, None),
        "map": lambda work, items: list(fan_out(lambda item: run(work(item), io), items)),
    }
    return io


def _async_io(
    client: Client, concurrency: int, *, allow_link_local: bool = False, anonymous: bool = False
) -> dict[str, Callable[..., Any]]:
    """The steps' I/O with the client's ``httpx.AsyncClient``; ``map`` runs tasks, bounded."""
    limit = asyncio.Semaphore(concurrency)

    async def bounded(steps: Steps[T]) -> T:
        async with limit:
            return await arun(steps, io)

    io = _common_io(client.get_async_httpx_client(), allow_link_local, anonymous)
    io |= {
        "close": httpx.Response.aclose,
        "chunks": httpx.Response.aiter_raw,
        "items": lambda op, args, kwargs: op.aiter_items(*args, client=client, **kwargs),
        "next": lambda iterator: anext(iterator, None),
        "map": lambda work, items: _gather_or_cancel(bounded(work(item)) for item in items),
    }
    return io
