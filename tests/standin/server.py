"""Run the API server, the artifact host and the foreign host with uvicorn in threads.

* API: ``http://127.0.0.1:<port>/api/v2``
* artifact host: ``http://localhost:<port>`` (a different host name than the API, as the
  real artifact storage is; bound on 127.0.0.1)
* foreign host (pre-signed storage, needs no token): ``http://127.0.0.2:<port>`` when this
  machine can bind 127.0.0.2 (Linux can), otherwise ``http://127.0.0.1:<other port>``.
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import uvicorn

from tests.standin.app import PREFIX, create_app
from tests.standin.clocks import Clock, VirtualClock
from tests.standin.engine import Engine
from tests.standin.faults import Faults
from tests.standin.hosts import FileHost
from tests.standin.ratelimit import BucketSettings, TokenBuckets
from tests.standin.reqlog import RequestLog
from tests.standin.tokens import PageTokens
from tests.standin.validation import DEFAULT_SPEC, ResponseValidator
from tests.standin.webhook_delivery import WebhookDeliveries
from tests.standin.world import DEFAULT_BIG_ARTIFACT_SIZE, World, seed_world

DEFAULT_TOKEN = "standin-token"
"""The token the stand-in accepts unless told otherwise."""


def _bind(host: str, port: int) -> socket.socket:
    """Bind a listening TCP socket (port 0 picks a free port).

    The protocol is given explicitly: asyncio only sets TCP_NODELAY on accepted sockets
    whose proto is IPPROTO_TCP, and without it every response waits ~40 ms (Nagle).
    """
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _foreign_host() -> str:
    """Return 127.0.0.2 when it can be bound here, else 127.0.0.1."""
    try:
        _bind("127.0.0.2", 0).close()
    except OSError:
        return "127.0.0.1"
    return "127.0.0.2"


class _Thread:
    """One uvicorn server on a pre-bound socket, running in a daemon thread."""

    def __init__(self, app: Any, sock: socket.socket, name: str) -> None:
        config = uvicorn.Config(
            app,
            log_level="warning",
            lifespan="off",
            access_log=False,
            proxy_headers=False,
            timeout_keep_alive=30,
        )
        self.server = uvicorn.Server(config)
        self.sock = sock
        self.thread = threading.Thread(target=self._run, name=name, daemon=True)

    def _run(self) -> None:
        self.server.run(sockets=[self.sock])

    def start(self, timeout: float = 10.0) -> None:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"{self.thread.name} did not start")
            time.sleep(0.01)

    def signal_exit(self) -> None:
        self.server.should_exit = True

    def stop(self) -> None:
        self.signal_exit()
        self.thread.join(timeout=10)
        self.sock.close()


class Standin:
    """A stateful stand-in for the CircleCI API v2 serving real HTTP on 127.0.0.1.

    Use as a context manager (or call :meth:`start` / :meth:`stop`). Attributes: ``base_url``,
    ``artifact_base_url``, ``foreign_base_url``, ``token``, ``world``, ``faults``,
    ``requests``, ``validation_errors``, ``page_size``, ``rate_limiter`` and ``deliveries``
    (the outbound webhook deliveries it made).

    ``rate_limit`` (requests per second per token, up to ``rate_burst`` at once) turns on a
    token-bucket limit on the API host; :meth:`set_rate_limit` changes it while running.
    ``bulk_pipelines=N`` adds the project ``gh/acme/bulk`` with N pipelines (for benchmarks).
    ``clock`` times the pipelines it triggers (:mod:`tests.standin.engine`): by default a
    ``VirtualClock`` that moves only with ``standin.engine.advance(seconds)``.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        page_size: int = 20,
        port: int = 0,
        validate_responses: bool = False,
        *,
        host: str = "127.0.0.1",
        artifact_port: int = 0,
        foreign_port: int = 0,
        big_artifact_size: int = DEFAULT_BIG_ARTIFACT_SIZE,
        spec_path: Path = DEFAULT_SPEC,
        rate_limit: float | None = None,
        rate_burst: int = 1,
        bulk_pipelines: int = 0,
        clock: Clock | None = None,
    ) -> None:
        if page_size < 1:
            raise ValueError("page_size must be at least 1")
        self.token = token
        self.page_size = page_size
        self.big_artifact_size = big_artifact_size
        self.bulk_pipelines = bulk_pipelines
        self.clock: Clock = clock if clock is not None else VirtualClock()
        self.deliveries = WebhookDeliveries()
        """Signed webhook deliveries (see :mod:`tests.standin.webhook_delivery`)."""
        self.world: World = self._seed()
        self.faults = Faults()
        self.requests = RequestLog()
        self.page_tokens = PageTokens()
        self.validation_errors: list[str] = []
        self.validator = ResponseValidator(spec_path) if validate_responses else None
        self.rate_limiter = TokenBuckets()
        self._rate_limit = (rate_limit, rate_burst)
        self.set_rate_limit(rate_limit, rate_burst)
        self._host = host
        self._ports = (port, artifact_port, foreign_port)
        self._threads: list[_Thread] = []
        self.base_url = ""
        self.artifact_base_url = ""
        self.foreign_base_url = ""

    def _seed(self) -> World:
        """A freshly seeded world whose triggered pipelines run on ``self.clock``."""
        world = seed_world(self.big_artifact_size, self.bulk_pipelines)
        world.engine = Engine(world, self.clock)
        world.engine.finish_listeners.append(self.deliveries.listener(world))
        return world

    @property
    def engine(self) -> Engine:
        """The engine running triggered pipelines (``advance`` it with a VirtualClock)."""
        assert self.world.engine is not None
        return self.world.engine

    @property
    def port(self) -> int:
        """Return the API server's port (after start)."""
        return int(self.base_url.rsplit(":", 1)[1].split("/")[0]) if self.base_url else 0

    def start(self) -> Standin:
        """Bind the three sockets, start the servers and wait until they accept connections."""
        if self._threads:
            return self
        api_port, artifact_port, foreign_port = self._ports
        foreign_ip = _foreign_host()
        api_sock = _bind(self._host, api_port)
        artifact_sock = _bind("127.0.0.1", artifact_port)
        foreign_sock = _bind(foreign_ip, foreign_port)
        self.base_url = f"http://{self._host}:{api_sock.getsockname()[1]}{PREFIX}"
        self.artifact_base_url = f"http://localhost:{artifact_sock.getsockname()[1]}"
        self.foreign_base_url = f"http://{foreign_ip}:{foreign_sock.getsockname()[1]}"
        self._threads = [
            _Thread(create_app(self), api_sock, "standin-api"),
            _Thread(FileHost(self, "artifact"), artifact_sock, "standin-artifacts"),
            _Thread(FileHost(self, "foreign"), foreign_sock, "standin-foreign"),
        ]
        try:
            for thread in self._threads:
                thread.start()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop the servers (all three shut down in parallel)."""
        for thread in self._threads:
            thread.signal_exit()
        for thread in self._threads:
            thread.stop()
        self._threads = []
        self.deliveries.close()

    def set_rate_limit(
        self, rate: float | None, burst: int = 1, *, whole_seconds: bool = False
    ) -> None:
        """Allow ``rate`` requests per second per token, ``burst`` at once; None turns it off.

        Excess requests get 429 with ``Retry-After`` in seconds to two decimals, or rounded
        up to whole seconds with ``whole_seconds=True``. Buckets start full.
        """
        settings = None if rate is None else BucketSettings(rate, burst, whole_seconds)
        self.rate_limiter.configure(settings)

    def reset(self) -> None:
        """Fresh seeded world, no faults, the initial rate limit, empty logs and errors."""
        self.world = self._seed()
        self.set_rate_limit(*self._rate_limit)
        self.faults.clear()
        self.faults.seed(0)
        self.requests.clear()
        self.validation_errors.clear()
        self.deliveries.clear()

    def __enter__(self) -> Standin:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
