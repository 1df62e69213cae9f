"""Shared fixtures: one stand-in CircleCI server per session, reset before each test."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

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
    config.addinivalue_line("markers", "slow: long-running tests")


@pytest.fixture(scope="session")
def _standin_server() -> Iterator[Standin]:
    """Start the stand-in (with response validation) once for the whole session."""
    with Standin(validate_responses=True) as server:
        yield server


@pytest.fixture
def standin(_standin_server: Standin) -> Standin:
    """Return the stand-in with a freshly seeded world, no faults and empty logs."""
    _standin_server.reset()
    return _standin_server
