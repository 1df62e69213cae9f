# Hand-written runtime module (not generated): edit it here.
"""The types of run control: outcomes and exit codes, states of a run, options of a wait."""

from __future__ import annotations

import datetime
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import Enum
from uuid import UUID

from ..models.job_status import JobStatus
from ..models.job_type import JobType
from ..models.pipeline_state import PipelineState
from ..models.workflow_status import WorkflowStatus

EXIT_SUCCESS = 0
"""Every workflow that counts succeeded."""
EXIT_FAILED = 1
"""A workflow failed, errored, was unauthorized or canceled, or none ran (or the API failed)."""
EXIT_USAGE = 2
"""A usage or authentication error (the command line's own code)."""
EXIT_ON_HOLD = 3
"""Stopped waiting at an approval (``on_hold="stop"``)."""
EXIT_TIMED_OUT = 4
"""The wait's total timeout passed first."""
EXIT_ERRORED = 5
"""The pipeline errored (e.g. a configuration error); see ``RunStatus.errors``."""
EXIT_NOT_CREATED = 6
"""No pipeline was created (``triggerPipelineRun`` answered 200, e.g. the commit skips CI)."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C) while waiting."""


class Outcome(Enum):
    """How a wait ended."""

    SUCCESS = "success"
    FAILED = "failed"
    CANCELED = "canceled"
    NOT_RUN = "not_run"
    ON_HOLD = "on_hold"
    TIMED_OUT = "timed_out"
    ERRORED = "errored"
    NOT_CREATED = "not_created"

    @property
    def exit_code(self) -> int:
        """The documented exit code of this outcome."""
        return _EXIT_CODES[self]

    def __str__(self) -> str:
        return self.value


_EXIT_CODES = {
    Outcome.SUCCESS: EXIT_SUCCESS,
    Outcome.FAILED: EXIT_FAILED,
    Outcome.CANCELED: EXIT_FAILED,
    Outcome.NOT_RUN: EXIT_FAILED,
    Outcome.ON_HOLD: EXIT_ON_HOLD,
    Outcome.TIMED_OUT: EXIT_TIMED_OUT,
    Outcome.ERRORED: EXIT_ERRORED,
    Outcome.NOT_CREATED: EXIT_NOT_CREATED,
}


class Phase(Enum):
    """Where a pipeline run is, as one look at it shows."""

    CREATING = "creating"
    """No workflow to wait for yet: the pipeline is pending, in setup, or has no workflows."""
    RUNNING = "running"
    """Some workflow still runs (``failing`` included)."""
    ON_HOLD = "on_hold"
    """Nothing runs: every unfinished workflow waits for an approval."""
    FINISHED = "finished"
    """Every workflow finished, or the pipeline errored."""

    def __str__(self) -> str:
        return self.value


class OnHold(Enum):
    """What a wait does when the run waits only for approvals."""

    STOP = "stop"
    """Return at once with ``Outcome.ON_HOLD`` (or ``FAILED`` if a workflow failed)."""
    WAIT = "wait"
    """Keep waiting for someone to approve (until the timeout)."""
    APPROVE = "approve"
    """Approve every held approval job as soon as it is seen, then keep waiting."""


@dataclass(frozen=True, slots=True)
class JobState:
    """One job of a workflow, as last seen."""

    id: UUID
    name: str
    status: JobStatus
    type: JobType
    job_number: int | None
    approval_request_id: UUID | None
    """What approving this job takes (approval jobs only); never the job's ``id``."""


@dataclass(frozen=True, slots=True)
class WorkflowState:
    """One workflow of a pipeline, as last seen, with its jobs."""

    id: UUID
    name: str
    status: WorkflowStatus
    setup: bool
    """Whether it is the setup workflow of dynamic configuration (``tag: setup``)."""
    created_at: datetime.datetime
    jobs: tuple[JobState, ...]


@dataclass(frozen=True, slots=True)
class HeldJob:
    """An approval job waiting ``on_hold``: what approving it takes."""

    workflow_id: UUID
    workflow_name: str
    job_name: str
    approval_request_id: UUID


@dataclass(frozen=True, slots=True)
class PipelineProblem:
    """One of an errored pipeline's ``errors``."""

    type: str
    message: str


@dataclass(frozen=True, slots=True)
class RunStatus:
    """One look at a pipeline run: its state, its workflows and what they add up to."""

    pipeline_id: UUID
    number: int
    project_slug: str
    state: PipelineState
    errors: tuple[PipelineProblem, ...]
    workflows: tuple[WorkflowState, ...]
    """The newest workflow of each name (a rerun replaces the run it reruns), oldest first."""
    phase: Phase
    outcome: Outcome | None
    """The outcome when ``phase`` is ``FINISHED``; ``ON_HOLD`` (or ``FAILED``) when ``ON_HOLD``."""
    held: tuple[HeldJob, ...]
    """Approval jobs on hold in unfinished workflows."""

    @property
    def finished(self) -> bool:
        """Whether nothing more will happen without someone acting."""
        return self.phase is Phase.FINISHED


@dataclass(frozen=True, slots=True)
class RunResult:
    """How waiting for a pipeline run ended."""

    outcome: Outcome
    status: RunStatus | None
    """The last look at the run; None when no pipeline was created."""
    elapsed: float
    """Seconds spent waiting (the sleeps between polls at least)."""
    polls: int
    approved: tuple[HeldJob, ...] = ()
    """The approval jobs this wait approved (``on_hold="approve"``)."""
    message: str = ""
    """CircleCI's reason when no pipeline was created."""

    @property
    def exit_code(self) -> int:
        """The documented exit code of the outcome."""
        return self.outcome.exit_code

    @property
    def ok(self) -> bool:
        """Whether the run succeeded."""
        return self.outcome is Outcome.SUCCESS


@dataclass(frozen=True, slots=True)
class PollBackoff:
    """How long to wait between polls: ``first``, times ``factor`` while nothing changes."""

    first: float = 2.0
    factor: float = 1.5
    maximum: float = 15.0

    def __post_init__(self) -> None:
        if not (self.first > 0 and self.maximum >= self.first and self.factor >= 1):
            raise ValueError(
                "poll backoff needs first > 0, maximum >= first and factor >= 1, got "
                f"first={self.first}, factor={self.factor}, maximum={self.maximum}"
            )

    def next(self, previous: float | None, changed: bool) -> float:
        """The next wait after ``previous`` (None: the first), back to ``first`` on a change."""
        if previous is None or changed:
            return self.first
        return min(previous * self.factor, self.maximum)


DEFAULT_TIMEOUT = 3600.0
"""Seconds a wait takes at most unless told otherwise."""
DEFAULT_NO_WORKFLOWS_AFTER = 300.0
"""Seconds a created pipeline may show no workflow before a wait gives up on it."""


@dataclass(frozen=True, slots=True)
class WaitOptions:
    """How to wait for a pipeline run."""

    timeout: float | None = DEFAULT_TIMEOUT
    """Total seconds to wait (None: no limit); checked between polls."""
    on_hold: OnHold = OnHold.STOP
    backoff: PollBackoff = field(default_factory=PollBackoff)
    sleep: Callable[[float], None] | None = field(default=None, compare=False)
    """How to wait between polls; None: the client's ``retry.sleep``, else ``time.sleep``."""
    async_sleep: Callable[[float], Awaitable[None]] | None = field(default=None, compare=False)
    """The async form; None: the client's ``retry.async_sleep``, else ``asyncio.sleep``."""
    clock: Callable[[], float] | None = field(default=None, compare=False)
    """Monotonic seconds for the timeout (None: ``time.monotonic``)."""
    no_workflows_after: float | None = DEFAULT_NO_WORKFLOWS_AFTER
    """Seconds a ``created`` pipeline may list no workflow before the wait ends ``NOT_RUN``
    (every workflow filtered out, say); None: wait for them until the timeout."""

    def __post_init__(self) -> None:
        if self.timeout is not None and not self.timeout > 0:
            raise ValueError(f"timeout must be more than 0 seconds (or None), got {self.timeout}")
        if self.no_workflows_after is not None and not self.no_workflows_after >= 0:
            raise ValueError(
                f"no_workflows_after must be 0 seconds or more (or None), got "
                f"{self.no_workflows_after}"
            )
        if not isinstance(self.on_hold, OnHold):
            raise TypeError(f"on_hold must be an OnHold member, got {self.on_hold!r}")


UpdateCallback = Callable[[RunStatus], None]
"""Called with every look at the run while waiting (for a live display)."""


@dataclass(frozen=True, slots=True)
class PipelineNumber:
    """A pipeline named by its project and number (``CIRCLE_PIPELINE_NUMBER``, the web UI)."""

    project_slug: str
    number: int

    def __str__(self) -> str:
        return f"{self.project_slug} #{self.number}"


PipelineRef = UUID | str | PipelineNumber
"""A pipeline: its ID (a ``UUID`` or its text) or a :class:`PipelineNumber`."""


@dataclass(frozen=True, slots=True)
class Canceled:
    """A workflow a cancel stopped."""

    pipeline_id: UUID
    pipeline_number: int
    workflow_id: UUID
    workflow_name: str


@dataclass(frozen=True, slots=True)
class Rerun:
    """A workflow rerun from failed: the new workflow's ID beside the failed one's."""

    workflow_name: str
    failed_workflow_id: UUID
    workflow_id: UUID


@dataclass(frozen=True, slots=True)
class RedundantCancel:
    """What canceling the redundant pipelines of a branch did."""

    branch: str
    kept: int | None
    """The number of the newest pipeline, which was left alone (None: the branch has none)."""
    canceled: tuple[Canceled, ...]
    """The workflows stopped in older pipelines."""
