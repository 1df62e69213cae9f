# Hand-written runtime module (not generated): edit it here.
"""Which tests failed in a workflow, read from every page of every job; and flaky tests.

.. code-block:: python

    from circleci_client import AuthenticatedClient, failures

    with AuthenticatedClient.from_env() as client:
        report = failures.failed_tests(client, "5034460f-c7c4-4c43-9457-de07e2029e7b")
    for test in report.failures:
        print(test.job_name, test.classname, test.name, test.message)
    for problem in report.errors:
        print(f"job {problem.job_number} ({problem.job_name}) not read: {problem.error}")

:func:`failed_tests` lists the workflow's jobs, then reads the test results of every job that
has a number (approval jobs and jobs that never ran have none), **all pages of each**: a job's
results come 20 or so a page, and its failures may all be on a later page. The jobs are read
``concurrency`` at a time (threads in :func:`failed_tests`, tasks under
:func:`circleci_client.bulk.map` in :func:`afailed_tests`), and every request goes through the
client, so its rate limiter and retries apply. A job whose results cannot be read does not stop
the others: it is reported in :attr:`FailedTests.errors` with its exception, so a report with
errors is incomplete (:attr:`FailedTests.complete`).

A result counts as failed when it is ``failure``, ``failed`` or ``error``
(:data:`FAILED_RESULTS`); ``success`` and ``skipped`` do not.

:func:`flaky_tests` returns a project's flaky tests (``getFlakyTests``: tests that passed and
failed on the same commit), most flaky first.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from uuid import UUID

from . import bulk
from ._display import visible
from .api.insights import get_flaky_tests
from .api.job import get_tests
from .api.workflow import list_workflow_jobs
from .client import AuthenticatedClient, Client
from .models.flaky_test import FlakyTest
from .models.job import Job
from .models.test_result import TestResult
from .types import Unset

__all__ = [
    "DEFAULT_CONCURRENCY",
    "FAILED_RESULTS",
    "FailedTest",
    "FailedTests",
    "JobReadError",
    "afailed_tests",
    "aflaky_tests",
    "failed_tests",
    "flaky_tests",
]

DEFAULT_CONCURRENCY = 8
"""Jobs whose results are read at the same time unless told otherwise."""

FAILED_RESULTS = frozenset({"failure", "failed", "error"})
"""The ``result`` values of a failed test."""


@dataclass(frozen=True, slots=True)
class FailedTest:
    """One failed test result and the job it ran in."""

    job_number: int
    job_name: str
    name: str
    classname: str
    file: str
    message: str | None
    """The failure message (None when the test runner gave none)."""
    result: str
    """``failure``, ``failed`` or ``error``, as reported."""
    run_time: float
    """Seconds."""


@dataclass(frozen=True, slots=True)
class JobReadError:
    """A job whose test results could not be read, and why."""

    job_number: int
    job_name: str
    error: Exception


@dataclass(frozen=True, slots=True)
class FailedTests:
    """The failed tests of a workflow, and the jobs whose results could not be read."""

    workflow_id: UUID
    failures: list[FailedTest]
    """In job order (as the workflow lists its jobs), then in result order."""
    errors: list[JobReadError]
    jobs_read: int
    """Jobs whose results were read to the last page."""
    tests_read: int
    """Test results read, failed or not."""

    @property
    def complete(self) -> bool:
        """Whether every job's results were read (no :attr:`errors`)."""
        return not self.errors


@dataclass(frozen=True, slots=True)
class _JobRef:
    project_slug: str
    number: int
    name: str


def _as_uuid(workflow_id: UUID | str) -> UUID:
    if isinstance(workflow_id, UUID):
        return workflow_id
    try:
        return UUID(str(workflow_id).strip())
    except ValueError:
        raise ValueError(
            f"workflow_id {visible(str(workflow_id))!r} is not a workflow id: give the UUID "
            "from the workflow's URL, e.g. 5034460f-c7c4-4c43-9457-de07e2029e7b"
        ) from None


def _check_concurrency(concurrency: int) -> None:
    if concurrency < 1:
        raise ValueError(f"concurrency must be 1 or more, got {concurrency}")


def _numbered(jobs: Sequence[Job]) -> list[_JobRef]:
    """The jobs that ran (approval jobs and jobs that never started have no number)."""
    return [
        _JobRef(job.project_slug, job.job_number, job.name)
        for job in jobs
        if not isinstance(job.job_number, Unset) and job.job_number is not None
    ]


def _failures_of(job: _JobRef, results: Sequence[TestResult]) -> list[FailedTest]:
    return [
        FailedTest(
            job_number=job.number,
            job_name=job.name,
            name=result.name,
            classname=result.classname,
            file=result.file,
            message=result.message,
            result=result.result,
            run_time=result.run_time,
        )
        for result in results
        if result.result in FAILED_RESULTS
    ]


def _report(
    workflow_id: UUID,
    jobs: Sequence[_JobRef],
    outcomes: Sequence[list[TestResult] | Exception],
) -> FailedTests:
    failures: list[FailedTest] = []
    errors: list[JobReadError] = []
    tests_read = 0
    for job, outcome in zip(jobs, outcomes, strict=True):
        if isinstance(outcome, Exception):
            errors.append(JobReadError(job.number, job.name, outcome))
            continue
        tests_read += len(outcome)
        failures += _failures_of(job, outcome)
    return FailedTests(workflow_id, failures, errors, len(jobs) - len(errors), tests_read)


def failed_tests(
    client: AuthenticatedClient | Client,
    workflow_id: UUID | str,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> FailedTests:
    """Every failed test of a workflow, from every page of every job's results.

    Raises:
        ValueError: ``workflow_id`` is not a UUID, or ``concurrency`` is less than 1.
        CircleCIError: the workflow's jobs could not be listed (a job whose results cannot be
            read is reported in :attr:`FailedTests.errors` instead).
    """
    wid = _as_uuid(workflow_id)
    _check_concurrency(concurrency)
    jobs = _numbered(list(list_workflow_jobs.iter_items(wid, client=client)))

    def read(job: _JobRef) -> list[TestResult] | Exception:
        try:
            return list(get_tests.iter_items(job.project_slug, job.number, client=client))
        except Exception as exc:  # reported per job, the others go on
            return exc

    if not jobs:
        return _report(wid, jobs, [])
    pool = ThreadPoolExecutor(min(concurrency, len(jobs)), "failed-tests")
    try:
        outcomes = list(pool.map(read, jobs))
    finally:  # on Ctrl-C, start no further job; the ones in flight finish their page
        pool.shutdown(wait=True, cancel_futures=True)
    return _report(wid, jobs, outcomes)


async def afailed_tests(
    client: AuthenticatedClient | Client,
    workflow_id: UUID | str,
    *,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> FailedTests:
    """Async :func:`failed_tests`: the jobs are read as tasks under :func:`bulk.map`."""
    wid = _as_uuid(workflow_id)
    _check_concurrency(concurrency)
    jobs = _numbered([job async for job in list_workflow_jobs.aiter_items(wid, client=client)])

    async def read(job: _JobRef) -> list[TestResult]:
        return [r async for r in get_tests.aiter_items(job.project_slug, job.number, client=client)]

    results = await bulk.map(read, jobs, concurrency=concurrency)
    outcomes = [r.error if r.error is not None else (r.value or []) for r in results]
    return _report(wid, jobs, outcomes)


def _most_flaky_first(tests: list[FlakyTest]) -> list[FlakyTest]:
    return sorted(tests, key=lambda t: (-t.times_flaked, t.classname, t.test_name))


def flaky_tests(client: AuthenticatedClient | Client, project_slug: str) -> list[FlakyTest]:
    """A project's flaky tests (``getFlakyTests``), most flaky first."""
    return _most_flaky_first(get_flaky_tests.sync(project_slug, client=client).flaky_tests)


async def aflaky_tests(client: AuthenticatedClient | Client, project_slug: str) -> list[FlakyTest]:
    """Async :func:`flaky_tests`."""
    answer = await get_flaky_tests.asyncio(project_slug, client=client)
    return _most_flaky_first(answer.flaky_tests)
