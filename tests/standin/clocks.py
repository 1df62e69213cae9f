"""The stand-in engine's clocks: simulated seconds, frozen for tests or scaled wall time."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Protocol


class Clock(Protocol):
    """Simulated seconds since the clock was made."""

    def elapsed(self) -> float: ...


class VirtualClock:
    """A clock that moves only when told (tests)."""

    def __init__(self) -> None:
        self._elapsed = 0.0

    def elapsed(self) -> float:
        """Simulated seconds so far."""
        return self._elapsed

    def advance(self, seconds: float) -> None:
        """Move on by ``seconds`` (not negative)."""
        if seconds < 0:
            raise ValueError("a clock cannot go back")
        self._elapsed += seconds


class ScaledClock:
    """Wall time times ``speed`` (the sandbox); ``speed=0`` stands still."""

    def __init__(self, speed: float, monotonic: Callable[[], float] = time.monotonic) -> None:
        if speed < 0:
            raise ValueError("speed must not be negative")
        self.speed = speed
        self._monotonic = monotonic
        self._start = monotonic()

    def elapsed(self) -> float:
        """Simulated seconds so far."""
        return (self._monotonic() - self._start) * self.speed
