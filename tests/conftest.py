"""Shared fixtures: one stand-in CircleCI server per session, reset before each test."""

from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import AsyncIterator, Iterator
from functools import partialmethod
from typing import Any

import pytest
from circleci_client import AuthenticatedClient
from circleci_client._ratelimit import AsyncRateLimitTransport, RateLimitTransport
from circleci_client._retry import AsyncRetryTransport, RetryTransport
from circleci_client.artifacts import adownload_job_artifacts, download_job_artifacts
from hypothesis import HealthCheck, settings

from tests.clients import standin_client
from tests.downloads import DownloadJob, run_async
from tests.standin.server import Standin

# Bounded property-based tests: fast enough for every run, and no flaky deadlines on a
# shared machine. HYPOTHESIS_PROFILE=thorough runs more examples.
settings.register_profile(
    "default", max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("thorough", parent=settings.get_profile("default"), max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers the suite uses."""
    config.addinivalue_line("markers", "slow: long-running tests, left out unless -m selects them")


@pytest.fixture(scope="session")
def _standin_server() -> Iterator[Standin]:
    """Start the stand-in (with response validation) once for the whole session.

    With ``-n`` (``nox -s tests``) that is once per worker process: each worker has its own
    stand-in on its own ports, so tests in different workers never see each other's state.
    """
    with Standin(validate_responses=True) as server:
        yield server


@pytest.fixture
def standin(_standin_server: Standin) -> Standin:
    """Return the stand-in with a freshly seeded world, no faults and empty logs."""
    _standin_server.reset()
    return _standin_server


@pytest.fixture
def client_options() -> dict[str, Any]:
    """Extra ``AuthenticatedClient`` options for ``client``; a module overrides it to add some."""
    return {}


@pytest.fixture
def client(standin: Standin, client_options: dict[str, Any]) -> Iterator[AuthenticatedClient]:
    """A client for the freshly reset stand-in; the library logger's level is restored after."""
    logger = logging.getLogger("circleci_client")
    level = logger.level
    try:
        with standin_client(standin, **client_options) as c:
            yield c
    finally:
        logger.setLevel(level)


class PacingClock:
    """A monotonic clock that moves only when the client sleeps, and records each sleep."""

    def __init__(self) -> None:
        self.now = time.monotonic()
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += max(seconds, 0.0)

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)


@pytest.fixture
def pacing_clock(monkeypatch: pytest.MonkeyPatch) -> PacingClock:
    """Clients made after this fixture retry and pace on a fake clock: they never sleep.

    Their retry and rate-limit transports wait on :class:`PacingClock` (request this fixture
    before ``client``); ``pacing_clock.sleeps`` lists the waits in order.
    """
    clock = PacingClock()
    sync_options = {"clock": clock, "sleep": clock.sleep}
    async_options = {"clock": clock, "sleep": clock.async_sleep}
    for transport, options in (
        (RetryTransport, sync_options),
        (RateLimitTransport, sync_options),
        (AsyncRetryTransport, async_options),
        (AsyncRateLimitTransport, async_options),
    ):
        monkeypatch.setattr(transport, "__init__", partialmethod(transport.__init__, **options))
    return clock


@pytest.fixture
async def aclient(
    standin: Standin, client_options: dict[str, Any]
) -> AsyncIterator[AuthenticatedClient]:
    """``client`` for async calls: the same options, opened and closed with ``async with``."""
    async with standin_client(standin, **client_options) as c:
        yield c


@pytest.fixture
def ctrl_c_raises() -> Iterator[None]:
    """Make Ctrl-C (SIGINT) raise ``KeyboardInterrupt`` in this test, as in a terminal.

    A process started in the background by a non-interactive shell inherits SIGINT as ignored,
    and then a simulated Ctrl-C would do nothing.
    """
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.fixture(params=["sync", "async"])
def job_download(request: pytest.FixtureRequest) -> DownloadJob:
    """``download_job_artifacts`` or its async twin, called the same way."""
    if request.param == "sync":
        return download_job_artifacts
    return run_async(adownload_job_artifacts)
