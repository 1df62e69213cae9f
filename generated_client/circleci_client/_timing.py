# Hand-written runtime module (not generated): edit it here.
"""How the runtime waits and tells time: the types of injectable sleeps and clocks, and defaults.

Sync code takes a :data:`Sleep`, async code an :data:`AsyncSleep`; mypy keeps them apart, so a
blocking sleep cannot reach the event loop, nor a coroutine go unawaited in a thread.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TypeAlias

__all__ = ["AsyncSleep", "Clock", "Sleep", "default_async_sleep", "default_sleep"]

Sleep: TypeAlias = Callable[[float], None]
"""How sync code waits: blocks for that many seconds (``time.sleep``)."""

AsyncSleep: TypeAlias = Callable[[float], Awaitable[None]]
"""How async code waits: returns an awaitable that ends after that many seconds."""

Clock: TypeAlias = Callable[[], float]
"""Monotonic seconds (``time.monotonic``)."""


def default_sleep(seconds: float) -> None:
    """Block the thread for ``seconds`` (sync waits when no ``sleep`` is given)."""
    time.sleep(seconds)


async def default_async_sleep(seconds: float) -> None:
    """Wait ``seconds`` without blocking the event loop (async waits when none is given)."""
    import asyncio  # here, not at the top: importing asyncio costs ~40 ms at startup

    await asyncio.sleep(seconds)
