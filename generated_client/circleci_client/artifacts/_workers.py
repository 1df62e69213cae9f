# Hand-written runtime module (not generated): edit it here.
"""The downloads' I/O: sync over worker threads (and Ctrl-C), async over bounded tasks.

``_async_run`` does its I/O through :class:`_AsyncIO`, its generated twin ``_sync_run``
through :class:`_SyncIO`: the same methods, one blocking, one awaitable, so mypy tells them
apart.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from typing import Any, ParamSpec, TypeVar, cast

import httpx

from .._auth import NO_CREDENTIALS
from .._client import Client
from .._download_transport import DOWNLOAD_EXTENSION
from ._defaults import STOP_GRACE
from ._errors import _Stopped
from ._listing import _refuse_link_local

_WAKE_INTERVAL = 0.1
"""How often the main thread wakes while it waits for workers (so Ctrl-C is seen at once)."""


T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")


def _download_request(
    http: httpx.Client | httpx.AsyncClient,
    url: httpx.URL,
    headers: dict[str, str],
    stall: float | None,
    allow_link_local: bool,
    anonymous: bool = False,
) -> httpx.Request:
    """A download's GET; ``stall`` replaces the read timeout (the longest wait for any byte).

    ``anonymous`` (pre-signed URLs) sends no token or credential header to any host.
    """
    if not allow_link_local:
        _refuse_link_local(url)  # every request of a download, redirects included
    timeout = http.timeout
    if stall is not None:
        timeout = httpx.Timeout(
            connect=timeout.connect, read=stall, write=timeout.write, pool=timeout.pool
        )
    request = http.build_request("GET", url, headers=headers, timeout=timeout)
    request.extensions[DOWNLOAD_EXTENSION] = True  # the sync client's DownloadTransport
    if anonymous:  # see _auth.NO_CREDENTIALS
        request.extensions[NO_CREDENTIALS] = True
    return request


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

    def track(self, response: httpx.Response) -> None:
        """Count ``response`` in flight (:meth:`stop` shuts it down); refuse it once stopping."""
        with self._lock:
            self._in_flight.add(response)
        if self._stopping.is_set():
            response.close()
            raise _Stopped

    def untrack(self, response: httpx.Response) -> None:
        with self._lock:
            self._in_flight.discard(response)

    def checked(self, items: Iterator[T]) -> Iterator[T]:
        """``items``, raising ``_Stopped`` before each next one once stopping."""
        while True:
            self.check()
            try:
                item = next(items)
            except StopIteration:
                return
            yield item

    def check(self) -> None:
        if self._stopping.is_set():
            raise _Stopped


def _shut_down(response: httpx.Response) -> None:
    """Shut down the socket under a streamed response, so a read blocked on it returns."""
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if isinstance(sock, socket.socket):
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


class _SyncIO:
    """The sync downloads' I/O: the client's ``httpx.Client``, fanned out over ``workers``.

    With ``workers``, every request, chunk and listed item first checks that the run is not
    stopping, and responses in flight are tracked so that :meth:`_Workers.stop` can end them.
    """

    def __init__(
        self,
        client: Client,
        workers: _Workers | None = None,
        *,
        allow_link_local: bool = False,
        anonymous: bool = False,
    ) -> None:
        self.client = client
        self._http = client.get_httpx_client()
        self._workers = workers
        self._allow_link_local = allow_link_local
        self._anonymous = anonymous

    def get(self, url: httpx.URL, headers: dict[str, str], stall: float | None) -> httpx.Response:
        """Send a GET, streamed and without following redirects."""
        if self._workers is not None:
            self._workers.check()
        request = _download_request(
            self._http, url, headers, stall, self._allow_link_local, self._anonymous
        )
        response = self._http.send(request, stream=True, follow_redirects=False)
        if self._workers is not None:
            self._workers.track(response)
        return response

    def off_loop(self, work: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """``work(*args)``: a file operation (its async twin runs it off the event loop)."""
        return work(*args, **kwargs)

    def close(self, response: httpx.Response) -> None:
        if self._workers is not None:
            self._workers.untrack(response)
        response.close()

    def each(self, items: Iterator[T]) -> Iterator[T]:
        """``items``, checked for stopping one by one."""
        return items if self._workers is None else self._workers.checked(items)

    def chunks(self, response: httpx.Response) -> Iterator[bytes]:
        """The body's bytes as they arrive (undecoded)."""
        return self.each(response.iter_raw())

    def map(self, work: Callable[[T], R], items: Iterable[T]) -> list[R]:
        """``work`` on every item (on the workers, when there are); results in order."""
        if self._workers is None:
            return [work(item) for item in items]
        return self._workers.map(work, items)


class _AsyncIO:
    """The async downloads' I/O: the client's ``httpx.AsyncClient``, ``concurrency`` tasks."""

    def __init__(
        self,
        client: Client,
        concurrency: int,
        *,
        allow_link_local: bool = False,
        anonymous: bool = False,
    ) -> None:
        self.client = client
        self._http = client.get_async_httpx_client()
        self._limit = asyncio.Semaphore(concurrency)
        self._allow_link_local = allow_link_local
        self._anonymous = anonymous

    async def get(
        self, url: httpx.URL, headers: dict[str, str], stall: float | None
    ) -> httpx.Response:
        """Send a GET, streamed and without following redirects."""
        request = _download_request(
            self._http, url, headers, stall, self._allow_link_local, self._anonymous
        )
        return await self._http.send(request, stream=True, follow_redirects=False)

    async def off_loop(self, work: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        """``work(*args)`` in a thread, so a slow disk does not hold up the other downloads.

        A cancelled caller waits for the operation to finish before it goes on (and closes the
        file it writes to), so no write lands after its file is closed.
        """
        done = asyncio.ensure_future(asyncio.to_thread(work, *args, **kwargs))
        try:
            return await asyncio.shield(done)
        except asyncio.CancelledError:
            while not done.done():
                with contextlib.suppress(asyncio.CancelledError):
                    await asyncio.wait([done])
            raise

    async def close(self, response: httpx.Response) -> None:
        await response.aclose()

    def each(self, items: AsyncIterator[T]) -> AsyncIterator[T]:
        """``items`` as they are (cancellation stops async runs)."""
        return items

    def chunks(self, response: httpx.Response) -> AsyncIterator[bytes]:
        """The body's bytes as they arrive (undecoded)."""
        return response.aiter_raw()

    async def map(self, work: Callable[[T], Awaitable[R]], items: Iterable[T]) -> list[R]:
        """``work`` on every item, ``concurrency`` at a time; results in order."""

        async def bounded(item: T) -> R:
            async with self._limit:
                return await work(item)

        return await _gather_or_cancel(bounded(item) for item in items)
