# Hand-written runtime module (not generated): edit it here.
"""The pure decisions of a wait: after each look, stop, approve or sleep, and for how long."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from ..errors import InvalidPathParameterError
from ..models.pipeline_state import PipelineState
from ._model import (
    HeldJob,
    OnHold,
    Outcome,
    Phase,
    PipelineNumber,
    PipelineRef,
    RunResult,
    RunStatus,
    WaitOptions,
)


@dataclass(frozen=True, slots=True)
class Stop:
    """The wait is over."""

    outcome: Outcome


@dataclass(frozen=True, slots=True)
class Approve:
    """Approve these held jobs, then look again at once."""

    held: tuple[HeldJob, ...]


@dataclass(frozen=True, slots=True)
class Pause:
    """Wait this many seconds, then look again."""

    seconds: float


Decision = Stop | Approve | Pause


class Waiting:
    """The state of one wait: time spent, polls made, the last look and the next wait."""

    def __init__(self, options: WaitOptions) -> None:
        self.options = options
        self._clock: Callable[[], float] = options.clock or time.monotonic
        self._start = self._clock()
        self._slept = 0.0
        self._interval: float | None = None
        self._approved: list[HeldJob] = []
        self._empty_since: float | None = None
        self.polls = 0
        self.last: RunStatus | None = None

    @property
    def elapsed(self) -> float:
        """Seconds since the wait began, and at least the seconds it slept."""
        return max(self._clock() - self._start, self._slept)

    def decide(self, status: RunStatus) -> Decision:
        """What to do after this look at the run."""
        changed = status != self.last
        self.last = status
        self.polls += 1
        if status.phase is Phase.FINISHED and status.outcome is not None:
            return Stop(status.outcome)
        if self._without_workflows(status):
            return Stop(Outcome.NOT_RUN)
        on_hold = self.options.on_hold
        if on_hold is OnHold.APPROVE:
            fresh = tuple(h for h in status.held if h not in self._approved)
            if fresh:
                return Approve(fresh)
        if status.phase is Phase.ON_HOLD and on_hold is OnHold.STOP and status.outcome is not None:
            return Stop(status.outcome)
        timeout = self.options.timeout
        elapsed = self.elapsed
        if timeout is not None and elapsed >= timeout:
            return Stop(Outcome.TIMED_OUT)
        self._interval = self.options.backoff.next(self._interval, changed)
        wait = self._interval if timeout is None else min(self._interval, timeout - elapsed)
        return Pause(wait)

    def _without_workflows(self, status: RunStatus) -> bool:
        """Whether a created pipeline has listed no workflow for ``no_workflows_after``."""
        limit = self.options.no_workflows_after
        if status.workflows or status.state != PipelineState.CREATED or limit is None:
            self._empty_since = None
            return False
        if self._empty_since is None:
            self._empty_since = self.elapsed
        return self.elapsed - self._empty_since >= limit

    def slept(self, seconds: float) -> None:
        """Note a sleep between polls."""
        self._slept += seconds

    def approved(self, held: HeldJob) -> None:
        """Note an approval this wait made."""
        self._approved.append(held)

    def result(self, outcome: Outcome) -> RunResult:
        """The result of the wait, ending with ``outcome``."""
        return RunResult(outcome, self.last, self.elapsed, self.polls, tuple(self._approved))


def not_created(message: str) -> RunResult:
    """The result of a trigger that created no pipeline."""
    return RunResult(Outcome.NOT_CREATED, None, 0.0, 0, (), message)


def pipeline_ref(pipeline: PipelineRef) -> UUID | PipelineNumber:
    """A pipeline reference checked: text must be a UUID, a number a positive int."""
    if isinstance(pipeline, UUID | PipelineNumber):
        if isinstance(pipeline, PipelineNumber) and (
            isinstance(pipeline.number, bool)
            or not isinstance(pipeline.number, int)
            or pipeline.number < 1
        ):
            raise InvalidPathParameterError(
                f"a pipeline number is a whole number from 1, got {pipeline.number!r}",
                parameter="number",
                value=pipeline.number,
            )
        return pipeline
    if isinstance(pipeline, str):
        try:
            return UUID(pipeline.strip())
        except ValueError:
            pass
    raise InvalidPathParameterError(
        f"{pipeline!r} is not a pipeline ID: give its UUID (e.g. from the trigger's answer), "
        "or PipelineNumber(project_slug, number) for a pipeline number",
        parameter="pipeline",
        value=pipeline,
    )
