"""Fault soak: GETs and triggers through random 429s, 5xx, dropped connections and latency.

``bench/soak.py`` runs the same scenario with 10,000 calls.
"""

from __future__ import annotations

import pytest

from tests.load import soak
from tests.standin.server import Standin


@pytest.mark.slow
async def test_soak_loses_nothing_duplicates_nothing_and_parses_everything(
    standin: Standin,
) -> None:
    report = await soak(standin, calls=1500, seed=1)
    print("\n".join(report.lines()))
    assert report.calls == report.gets + report.triggers == 1500
    statuses = report.statuses
    assert statuses.get("429", 0) > 0.1 * report.requests  # the faults did fire
    assert statuses.get("503", 0) > 0 and statuses.get("dropped", 0) > 0
    assert report.gets_failed == 0, report.errors[:5]
    assert report.duplicate_triggers == 0
    assert report.parsed_wrongly == 0
    assert not report.errors  # a failed trigger is a typed APIError, nothing else
    # Triggers fail only when a 5xx or a dropped connection makes the outcome unknown.
    assert report.triggers_reported_failed < 0.2 * report.triggers
