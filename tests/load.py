"""Load scenarios shared by the slow tests and the scripts in ``bench/``.

* :func:`rate_limited_fanout`: a bulk fan-out of ``getJobDetails`` against a stand-in with a
  real token-bucket limit, every result checked against the world.
* :func:`soak`: GETs and pipeline triggers through the client while the stand-in injects
  random 429s, 5xx, dropped connections and latency; counts what went wrong.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Any

from circleci_client import APIError, RateLimit, bulk
from circleci_client.api.job import get_job_details
from circleci_client.api.pipeline import get_pipeline_by_id, trigger_pipeline
from circleci_client.api.project import get_project_by_slug
from circleci_client.models.job_details import JobDetails
from circleci_client.models.pipeline import Pipeline
from circleci_client.models.pipeline_creation import PipelineCreation
from circleci_client.models.project import Project
from circleci_client.models.trigger_pipeline_parameters import TriggerPipelineParameters
from circleci_client.models.trigger_pipeline_parameters_parameters import (
    TriggerPipelineParametersParameters,
)

from tests.clients import standin_client
from tests.standin.server import Standin
from tests.standin.world import WIDGETS, World

SOAK_PARAMETER = "soak-id"
"""Pipeline parameter that makes every soak trigger identifiable in the world."""


def job_numbers(world: World, slug: str = WIDGETS) -> list[int]:
    """Numbers of the project's jobs that ``getJobDetails`` can fetch."""
    return sorted(world.projects[slug].jobs_by_number)


def job_matches(world: World, slug: str, job: JobDetails) -> bool:
    """Whether a parsed job agrees with the world's job of that number."""
    expected = world.projects[slug].jobs_by_number.get(job.number)
    return (
        expected is not None
        and job.name == expected.name
        and str(job.status) == expected.status
        and str(job.pipeline.id) == expected.pipeline_id
        and job.parallelism == expected.parallelism
        and len(job.parallel_runs) == expected.parallelism
    )


# --- rate-limited fan-out -------------------------------------------------------------------


@dataclass
class FanoutReport:
    """What a rate-limited fan-out measured."""

    rate: float
    burst: int
    calls: int
    concurrency: int
    elapsed: float
    correct: int
    failed: int
    requests: int
    throttled: int

    @property
    def throttled_share(self) -> float:
        """Share of HTTP requests the stand-in answered with 429."""
        return self.throttled / self.requests if self.requests else 0.0

    @property
    def throughput(self) -> float:
        """Calls that returned the right result, per second."""
        return self.correct / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def efficiency(self) -> float:
        """Throughput as a share of the stand-in's rate limit."""
        return self.throughput / self.rate

    def row(self) -> str:
        """One line for a report."""
        return (
            f"R={self.rate:g}/s burst={self.burst} calls={self.calls} "
            f"concurrency={self.concurrency}: {self.elapsed:.2f}s, "
            f"throughput {self.throughput:.1f}/s ({self.efficiency:.0%} of R), "
            f"429s {self.throttled}/{self.requests} ({self.throttled_share:.1%}), "
            f"correct {self.correct}/{self.calls}"
        )


async def rate_limited_fanout(
    standin: Standin,
    *,
    rate: float = 50.0,
    burst: int = 10,
    calls: int = 500,
    concurrency: int = 16,
    whole_seconds: bool = False,
    rate_limit: RateLimit | bool = True,
) -> FanoutReport:
    """Fan ``calls`` getJobDetails calls out ``concurrency`` wide against a limited stand-in."""
    standin.set_rate_limit(rate, burst, whole_seconds=whole_seconds)
    standin.requests.clear()
    numbers = job_numbers(standin.world)
    wanted = [numbers[i % len(numbers)] for i in range(calls)]
    try:
        async with standin_client(standin, max_retries=10, rate_limit=rate_limit) as client:
            started = time.perf_counter()
            results = await bulk.map(
                lambda n: get_job_details.asyncio(WIDGETS, n, client=client),
                wanted,
                concurrency=concurrency,
            )
            elapsed = time.perf_counter() - started
    finally:
        standin.set_rate_limit(None)
    correct = sum(
        1
        for result, number in zip(results, wanted, strict=True)
        if result.ok
        and result.value is not None
        and result.value.number == number
        and job_matches(standin.world, WIDGETS, result.value)
    )
    records = standin.requests.api.filter(operation="getJobDetails")
    return FanoutReport(
        rate=rate,
        burst=burst,
        calls=calls,
        concurrency=concurrency,
        elapsed=elapsed,
        correct=correct,
        failed=sum(1 for r in results if not r.ok),
        requests=len(records),
        throttled=sum(1 for r in records if r.status == 429),
    )


# --- fault soak -----------------------------------------------------------------------------


@dataclass
class SoakReport:
    """Counts of a soak run; everything under "must be 0" should be 0."""

    calls: int = 0
    gets: int = 0
    triggers: int = 0
    elapsed: float = 0.0
    requests: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    # must be 0
    gets_failed: int = 0
    duplicate_triggers: int = 0
    parsed_wrongly: int = 0
    # expected, by design: a trigger that failed after it may have reached the server
    triggers_reported_failed: int = 0
    triggers_failed_without_pipeline: int = 0
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """A readable report."""
        return [
            f"calls {self.calls} ({self.gets} GETs, {self.triggers} triggers) "
            f"in {self.elapsed:.1f}s; {self.requests} HTTP requests, statuses {self.statuses}",
            f"GETs that finally failed: {self.gets_failed}",
            f"triggers that created more than one pipeline: {self.duplicate_triggers}",
            f"responses parsed wrongly: {self.parsed_wrongly}",
            f"triggers reported failed: {self.triggers_reported_failed} "
            f"({self.triggers_failed_without_pipeline} of them created no pipeline)",
        ]


def add_soak_faults(
    standin: Standin,
    *,
    seed: int,
    throttle: float = 0.20,
    server_error: float = 0.05,
    drop: float = 0.02,
    latency: float = 0.01,
) -> None:
    """Random 429s, 5xx (before or after the handler), dropped connections and latency."""
    faults = standin.faults
    faults.seed(seed)
    faults.latency(0.0, jitter=latency)
    faults.rate_limit(retry_after="0.01", times=None, probability=throttle)
    # Half of each failure kind strikes before the handler runs and half after it.
    for when in ("before", "after"):
        faults.add(status=503, when=when, times=None, probability=server_error / 2)
        faults.drop(when=when, times=None, probability=drop / 2)


def soak_rate_limit() -> RateLimit:
    """The soak's limiter: random 429s say nothing about load, so keep a high floor."""
    return RateLimit(min_rate=200.0)


async def soak(
    standin: Standin,
    *,
    calls: int = 1500,
    trigger_share: float = 0.2,
    concurrency: int = 16,
    seed: int = 1,
) -> SoakReport:
    """Run ``calls`` API calls (GETs and triggers) through faults; count what went wrong."""
    rng = random.Random(seed)
    world = standin.world
    numbers = job_numbers(world)
    with world.lock:
        pipeline_ids = [p.id for p in world.projects[WIDGETS].pipelines]
    plan: list[tuple[str, Any]] = []
    for i in range(calls):
        if rng.random() < trigger_share:
            plan.append(("trigger", f"soak-{seed}-{i}"))
        else:
            kind = rng.choice(("job", "pipeline", "project"))
            arg: Any = WIDGETS
            if kind == "job":
                arg = rng.choice(numbers)
            elif kind == "pipeline":
                arg = rng.choice(pipeline_ids)
            plan.append((kind, arg))
    add_soak_faults(standin, seed=seed)
    report = SoakReport(calls=calls)
    try:
        async with standin_client(standin, max_retries=10, rate_limit=soak_rate_limit()) as client:

            async def call(step: tuple[str, Any]) -> Any:
                kind, arg = step
                if kind == "job":
                    return await get_job_details.asyncio(WIDGETS, arg, client=client)
                if kind == "pipeline":
                    return await get_pipeline_by_id.asyncio(arg, client=client)
                if kind == "project":
                    return await get_project_by_slug.asyncio(arg, client=client)
                body = TriggerPipelineParameters(
                    parameters=TriggerPipelineParametersParameters.from_dict({SOAK_PARAMETER: arg})
                )
                return await trigger_pipeline.asyncio(WIDGETS, client=client, body=body)

            started = time.perf_counter()
            results = await bulk.map(call, plan, concurrency=concurrency)
            report.elapsed = time.perf_counter() - started
    finally:
        standin.faults.clear()
    _count(standin, plan, results, report)
    return report


def _count(
    standin: Standin,
    plan: list[tuple[str, Any]],
    results: list[bulk.Result[Any]],
    report: SoakReport,
) -> None:
    world = standin.world
    with world.lock:
        by_parameter: dict[str, list[str]] = {}
        for pipeline in world.projects[WIDGETS].pipelines:
            value = pipeline.trigger_parameters.get(SOAK_PARAMETER)
            if isinstance(value, str):
                by_parameter.setdefault(value, []).append(pipeline.id)
        for (kind, arg), result in zip(plan, results, strict=True):
            if kind == "trigger":
                report.triggers += 1
                created = by_parameter.get(arg, [])
                if len(created) > 1:
                    report.duplicate_triggers += 1
                if not result.ok:
                    if not isinstance(result.error, APIError):
                        report.errors.append(f"trigger {arg}: {result.error!r}")
                    report.triggers_reported_failed += 1
                    report.triggers_failed_without_pipeline += not created
                elif not _creation_matches(world, result.value, created):
                    report.parsed_wrongly += 1
                continue
            report.gets += 1
            if not result.ok:
                report.gets_failed += 1
                report.errors.append(f"{kind} {arg}: {result.error!r}")
            elif not _get_matches(world, kind, arg, result.value):
                report.parsed_wrongly += 1
    records = standin.requests.api.snapshot()
    report.requests = len(records)
    for record in records:
        key = str(record.status) if record.status is not None else "dropped"
        report.statuses[key] = report.statuses.get(key, 0) + 1


def _creation_matches(world: World, value: Any, created: list[str]) -> bool:
    if not isinstance(value, PipelineCreation) or len(created) != 1:
        return False
    pipeline = world.pipelines[created[0]]
    return str(value.id) == pipeline.id and value.number == pipeline.number


def _get_matches(world: World, kind: str, arg: Any, value: Any) -> bool:
    if kind == "job":
        return (
            isinstance(value, JobDetails)
            and value.number == arg
            and job_matches(world, WIDGETS, value)
        )
    if kind == "pipeline":
        expected = world.pipelines[arg]
        return (
            isinstance(value, Pipeline)
            and str(value.id) == arg
            and value.number == expected.number
            and value.project_slug == expected.project_slug
            and str(value.state) == expected.state
        )
    project = world.projects[arg]
    return isinstance(value, Project) and value.slug == arg and str(value.id) == project.id
