"""A clock for tests that moves only when its sleeps are called, and records them."""

from __future__ import annotations


class FakeTime:
    """Monotonic seconds that advance only by ``sleep``/``async_sleep``; each wait is recorded.

    The object itself is the clock (call it), as is :meth:`clock`, for APIs that take either.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []
        """The sync waits, in order."""
        self.async_sleeps: list[float] = []
        """The async waits, in order."""

    def __call__(self) -> float:
        return self.now

    def clock(self) -> float:
        """The time now."""
        return self.now

    def sleep(self, seconds: float) -> None:
        """A blocking sleep that only moves the clock."""
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        """An async sleep that only moves the clock."""
        self.async_sleeps.append(seconds)
        self.now += seconds
