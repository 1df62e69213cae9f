# Hand-written runtime module (not generated): edit it here.
"""Write request logic once, run it sync or async.

Logic that does I/O is written as a generator that yields *steps*, ``(name, args)`` pairs such
as ``("send", (request,))``, and receives each step's result (or has its exception thrown in at
the ``yield``). :func:`run` performs the steps with plain functions, :func:`arun` with functions
whose results it awaits when they are awaitable; the ``io`` mapping says what each name does.
So retries, redirects and resumable downloads exist once, not once per flavour.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import Any, Generic, TypeVar

R = TypeVar("R")

Step = tuple[str, tuple[Any, ...]]
"""A step: the name of an ``io`` function and its arguments."""

Steps = Generator[Step, Any, R]
"""Logic written as steps, returning ``R``."""


class _Stepper(Generic[R]):
    """Feeds results and failures back into the steps until they return."""

    def __init__(self, steps: Steps[R]) -> None:
        self._steps = steps
        self.reply: Any = None
        self.failure: BaseException | None = None
        self.result: R | None = None

    def next(self) -> Step | None:
        """The next step to perform, or None once the logic returned (see ``result``)."""
        failure, self.failure = self.failure, None
        try:
            return self._steps.throw(failure) if failure else self._steps.send(self.reply)
        except StopIteration as done:
            self.result = done.value
            return None


def run(steps: Steps[R], io: Mapping[str, Callable[..., Any]]) -> R:
    """Perform ``steps`` with the plain functions in ``io`` and return their result."""
    stepper = _Stepper(steps)
    while (step := stepper.next()) is not None:
        try:
            stepper.reply = io[step[0]](*step[1])
        except BaseException as exc:  # the logic decides, and re-raises what it cannot handle
            stepper.failure = exc
    return stepper.result  # type: ignore[return-value]


async def arun(steps: Steps[R], io: Mapping[str, Callable[..., Any]]) -> R:
    """Perform ``steps`` with the functions in ``io``, awaiting awaitable results."""
    stepper = _Stepper(steps)
    while (step := stepper.next()) is not None:
        try:
            reply = io[step[0]](*step[1])
            stepper.reply = await reply if hasattr(reply, "__await__") else reply
        except BaseException as exc:  # cancellation included, so the logic can clean up
            stepper.failure = exc
    return stepper.result  # type: ignore[return-value]
