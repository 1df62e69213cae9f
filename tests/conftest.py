"""Shared fixtures: one stand-in CircleCI server per session, reset before each test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.standin.server import Standin


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
