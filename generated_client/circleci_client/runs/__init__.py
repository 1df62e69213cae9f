# Hand-written runtime module (not generated): edit it here.
"""Run control: trigger and wait, watch, approve, cancel and rerun pipelines, sync and async.

.. code-block:: python

    from circleci_client import AuthenticatedClient
    from circleci_client.runs import OnHold, WaitOptions, trigger_and_wait

    with AuthenticatedClient.from_env() as client:
        result = trigger_and_wait(
            client, "circleci/43G3lM5RtfFE7v5sa4nWAU/44n9wujWcTnVZ2b5S8Fnat",
            branch="main", parameters={"deploy": True},
            options=WaitOptions(timeout=1800, on_hold=OnHold.STOP),
        )
        print(result.outcome, result.exit_code)

**Waiting.** A wait looks at the pipeline, its workflows and their jobs, through the client
(so its rate limiter and retries apply), and decides (the pure function :func:`assess`):

* ``errored`` pipeline (e.g. a configuration error; it has no workflows): finished,
  ``ERRORED``; ``RunStatus.errors`` holds CircleCI's ``errors``;
* ``pending``, ``setup-pending``, or no workflow yet: still being created (a ``created``
  pipeline that lists no workflow for ``WaitOptions.no_workflows_after``, 300 s, ends
  ``NOT_RUN``: every workflow was filtered out);
* dynamic config: while the ``setup`` workflow runs the run is running, and once it
  succeeded the run waits for the continuation's workflows (a failed setup finishes the run);
* ``running``, ``failing`` (a job failed, others still run) or a status CircleCI adds later:
  not finished;
* ``on_hold`` (waiting for an approval) with nothing else running: ``WaitOptions.on_hold``
  decides: ``STOP`` returns ``ON_HOLD`` (``FAILED`` if a workflow failed already), ``WAIT``
  keeps waiting, ``APPROVE`` approves every held approval job (also one held while others
  run) and keeps waiting;
* every workflow finished: ``FAILED`` if one ended ``failed``, ``error`` or ``unauthorized``,
  else ``CANCELED`` if one was ``canceled``, else ``SUCCESS`` if one succeeded; ``NOT_RUN``
  when none ran. Only the newest workflow of each name counts: a rerun replaces the run it
  reruns.

Between looks the wait sleeps ``PollBackoff.first`` seconds (2), times 1.5 each time nothing
changed, up to ``maximum`` (15), and back to ``first`` after a change. ``WaitOptions.timeout``
(3600 s; None: none) bounds the whole wait, checked between looks: then the outcome is
``TIMED_OUT``. Sleeps use ``WaitOptions.sleep`` / ``async_sleep``, else the client's
``retry.sleep`` / ``retry.async_sleep``, else ``time.sleep`` / ``asyncio.sleep``.

**Exit codes** (``Outcome.exit_code``, ``RunResult.exit_code``; the command line uses them):

| code | meaning |
| --- | --- |
| 0 | ``SUCCESS``: every workflow that counts succeeded |
| 1 | ``FAILED``, ``CANCELED`` or ``NOT_RUN`` (the command line: also an API failure) |
| 2 | usage or authentication error (command line) |
| 3 | ``ON_HOLD``: stopped waiting at an approval |
| 4 | ``TIMED_OUT`` |
| 5 | ``ERRORED``: the pipeline errored (configuration error) |
| 6 | ``NOT_CREATED``: no pipeline was created (e.g. the commit skips CI) |
| 130 | interrupted (Ctrl-C, command line) |

**Acting.** :func:`approve_job` approves an approval job by workflow and job name, with its
``approval_request_id`` (never the job's ID); :func:`cancel_pipeline` cancels a pipeline's
unfinished workflows; :func:`rerun_failed` reruns failed workflows from failed;
:func:`cancel_redundant` cancels every pipeline of a branch but the newest. Each has an
``a``-prefixed coroutine twin.
"""

from __future__ import annotations

from ._assess import assess, latest_by_name, outcome_of
from ._async import (
    aapprove_job,
    acancel_pipeline,
    acancel_redundant,
    aget_run_status,
    arerun_failed,
    atrigger_and_wait,
    awatch_pipeline,
)
from ._model import (
    DEFAULT_NO_WORKFLOWS_AFTER,
    DEFAULT_TIMEOUT,
    EXIT_ERRORED,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_NOT_CREATED,
    EXIT_ON_HOLD,
    EXIT_SUCCESS,
    EXIT_TIMED_OUT,
    EXIT_USAGE,
    Canceled,
    HeldJob,
    JobState,
    OnHold,
    Outcome,
    Phase,
    PipelineNumber,
    PipelineProblem,
    PipelineRef,
    PollBackoff,
    RedundantCancel,
    Rerun,
    RunResult,
    RunStatus,
    UpdateCallback,
    WaitOptions,
    WorkflowState,
)
from ._sync import (
    approve_job,
    cancel_pipeline,
    cancel_redundant,
    get_run_status,
    rerun_failed,
    trigger_and_wait,
    watch_pipeline,
)

__all__ = [
    "DEFAULT_NO_WORKFLOWS_AFTER",
    "DEFAULT_TIMEOUT",
    "EXIT_ERRORED",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_NOT_CREATED",
    "EXIT_ON_HOLD",
    "EXIT_SUCCESS",
    "EXIT_TIMED_OUT",
    "EXIT_USAGE",
    "Canceled",
    "HeldJob",
    "JobState",
    "OnHold",
    "Outcome",
    "Phase",
    "PipelineNumber",
    "PipelineProblem",
    "PipelineRef",
    "PollBackoff",
    "RedundantCancel",
    "Rerun",
    "RunResult",
    "RunStatus",
    "UpdateCallback",
    "WaitOptions",
    "WorkflowState",
    "aapprove_job",
    "acancel_pipeline",
    "acancel_redundant",
    "aget_run_status",
    "approve_job",
    "arerun_failed",
    "assess",
    "atrigger_and_wait",
    "awatch_pipeline",
    "cancel_pipeline",
    "cancel_redundant",
    "get_run_status",
    "latest_by_name",
    "outcome_of",
    "rerun_failed",
    "trigger_and_wait",
    "watch_pipeline",
]
