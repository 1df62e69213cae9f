"""Seeded test results beyond the plain ones: flaky tests, and failures past the first page.

Applied to ``gh/acme/widgets`` after :mod:`~tests.standin.seeding` built it:

* pipeline 82 (``main``, ``build-and-test`` failed): its ``test`` job has 45 results and its
  two failures, ``test_case_24`` and ``test_case_41``, are on the second and third page of
  ``getTests`` (20 a page), so a reader of the first page alone sees none
  (``SeedFacts.paged_failures_workflow_id`` and ``paged_failures_job_number``);
* pipeline 93 (``feature/search``) ran its ``test`` job twice: the ``retried`` attempt
  failed ``test_case_03`` and ``test_case_04``, which passed in the final attempt, so both
  are flaky (they passed and failed on the same commit).
"""

from __future__ import annotations

from tests.standin.entities import Job, Project, TestResult

PAGED_FAILURES_PIPELINE = 82
PAGED_FAILURES = (24, 41)
FLAKY_PIPELINE = 93
FLAKY_CASES = (3, 4)


def sample_test_result(i: int, failed: bool, message: str | None = None) -> TestResult:
    """The ``i``-th test of a seeded job: failed, skipped (every ninth) or passed."""
    result = "success"
    if failed:
        result = "failure"
    elif i % 9 == 8:
        result, message = "skipped", "skipped: requires network"
    return TestResult(
        message=message,
        source="pytest",
        run_time=round(0.05 + (i * 7 % 13) / 10, 3),
        file=f"tests/test_module_{i // 5}.py",
        result=result,
        name=f"test_case_{i:02d}",
        classname=f"tests.test_module_{i // 5}",
    )


def _test_jobs(project: Project, number: int) -> list[Job]:
    pipeline = next(p for p in project.pipelines if p.number == number)
    return [j for wf in pipeline.workflows for j in wf.jobs if j.name == "test"]


def seed_test_results(project: Project) -> tuple[str, int]:
    """Seed the results above; return the paged-failures workflow ID and job number."""
    (paged,) = _test_jobs(project, PAGED_FAILURES_PIPELINE)
    paged.tests = [
        sample_test_result(
            i,
            i in PAGED_FAILURES,
            f"AssertionError: widget {i} rendered twice" if i in PAGED_FAILURES else None,
        )
        for i in range(45)
    ]
    retried, final = _test_jobs(project, FLAKY_PIPELINE)
    assert retried.status == "retried" and final.status == "success"
    retried.tests = [
        sample_test_result(i, i in FLAKY_CASES, "ConnectionResetError: peer closed the socket")
        for i in range(len(final.tests))
    ]
    assert paged.job_number is not None
    return paged.workflow_id, paged.job_number
