"""Usage export over HTTP on the stand-in: the two operations (states on the stand-in's clock,
400 for a window CircleCI refuses, 404s), and the end-to-end helper (window checked before
sending, polling through the client, downloads without a token, failure, timeout, resume)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import httpx
import pytest
from circleci_client import (
    AuthenticatedClient,
    BadRequestError,
    InvalidUsageExportWindowError,
    NotFoundError,
    RateLimitError,
    ServerError,
    UsageExportFailedError,
    UsageExportTimeoutError,
)
from circleci_client import usage as usage_module
from circleci_client._auth import NO_CREDENTIALS
from circleci_client.api.usage import create_usage_export, get_usage_export
from circleci_client.cli import app
from circleci_client.models.usage_export_input import UsageExportInput
from circleci_client.models.usage_export_job import UsageExportJob
from circleci_client.models.usage_export_job_state import UsageExportJobState
from circleci_client.usage import (
    MAX_WINDOW,
    PollListener,
    UsageExport,
    aexport_usage,
    check_usage_export_window,
    download_usage_export,
    export_usage,
    start_usage_export,
    wait_for_usage_export,
)
from typer.testing import CliRunner

from tests.clients import cli_env, standin_client
from tests.conftest import PacingClock
from tests.covered import covered_operations, covers
from tests.fake_time import FakeTime
from tests.operations import SETTINGS_AND_USAGE_OPERATIONS
from tests.standin.server import Standin
from tests.standin.usage import READY_AFTER

runner = CliRunner()


def _org(standin: Standin, slug: str = "gh/acme") -> str:
    owner = standin.world.contexts.owner_by_slug(slug)
    assert owner is not None
    return owner.id


def _window(standin: Standin, days: float = 20) -> tuple[datetime, datetime]:
    """A window the stand-in accepts: ending a day before its now."""
    end = standin.world.current_time() - timedelta(days=1)
    return end - timedelta(days=days), end


def _export(
    client: AuthenticatedClient,
    standin: Standin,
    dest: Path,
    start: datetime,
    end: datetime,
    on_poll: PollListener | None = None,
) -> UsageExport:
    """``export_usage`` of the seeded organization by the stand-in's now; a poll's wait moves
    the stand-in's clock instead of sleeping."""
    return export_usage(
        client,
        _org(standin),
        start,
        end,
        dest,
        now=standin.world.current_time(),
        sleep=standin.engine.advance,
        poll_interval=10,
        on_poll=on_poll,
    )


def _create_job(
    standin: Standin, client: AuthenticatedClient
) -> tuple[str, tuple[datetime, datetime], UsageExportJob]:
    """Start an export of the seeded organization over a window the stand-in accepts."""
    org = _org(standin)
    start, end = _window(standin)
    body = UsageExportInput(start=start, end=end)
    return org, (start, end), create_usage_export.sync(org, client=client, body=body)


@pytest.fixture
def foreign_client(standin: Standin) -> Iterator[AuthenticatedClient]:
    """A client that would even send its token to the file host, if asked to."""
    hosts = [standin.artifact_base_url, standin.foreign_base_url]
    with standin_client(standin, token_hosts=hosts) as c:
        yield c


# --- the operations ---------------------------------------------------------------------------


def test_a_job_goes_created_processing_completed_on_the_clock(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("createUsageExport", "getUsageExport")
    org, window, job = _create_job(standin, client)
    assert job.state == UsageExportJobState.CREATED and job.download_urls is None
    assert (job.start, job.end) == window
    seen: list[UsageExportJobState] = [job.state]
    for step in (2, READY_AFTER):
        standin.engine.advance(step)
        seen.append(get_usage_export.sync(org, job.usage_export_job_id, client=client).state)
    assert seen == ["created", "processing", "completed"]
    done = get_usage_export.sync(org, job.usage_export_job_id, client=client)
    assert isinstance(done.download_urls, list) and len(done.download_urls) == 2
    assert all(url.startswith(standin.foreign_base_url + "/") for url in done.download_urls)
    assert not standin.foreign_base_url.startswith(standin.base_url.rsplit("/api", 1)[0])


def test_a_failed_job_says_why(standin: Standin, client: AuthenticatedClient) -> None:
    covers("createUsageExport", "getUsageExport")
    standin.world.usage.fail_next = "query timed out"
    org, _, job = _create_job(standin, client)
    standin.engine.advance(READY_AFTER)
    failed = get_usage_export.sync(org, job.usage_export_job_id, client=client)
    assert failed.state == UsageExportJobState.FAILED
    assert failed.error_reason == "query timed out" and failed.download_urls is None


@pytest.mark.parametrize(
    ("shift", "length", "message"),
    [
        (timedelta(days=366), timedelta(days=5), "one year ago"),
        (timedelta(days=40), timedelta(days=31, seconds=1), "31 days after start"),
        (timedelta(days=40), timedelta(0), "end must be after start"),
    ],
)
def test_the_service_refuses_a_window_out_of_bounds(
    standin: Standin,
    client: AuthenticatedClient,
    shift: timedelta,
    length: timedelta,
    message: str,
) -> None:
    covers("createUsageExport")
    start = standin.world.current_time() - shift
    body = UsageExportInput(start=start, end=start + length)
    with pytest.raises(BadRequestError, match=message):
        create_usage_export.sync(_org(standin), client=client, body=body)
    assert standin.world.usage.jobs == {}


def test_the_longest_window_is_accepted(standin: Standin, client: AuthenticatedClient) -> None:
    covers("createUsageExport")
    start = standin.world.current_time() - timedelta(days=365)
    body = UsageExportInput(start=start, end=start + MAX_WINDOW)
    assert create_usage_export.sync(_org(standin), client=client, body=body).state == "created"


def test_unknown_organizations_and_jobs_are_404(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("createUsageExport", "getUsageExport")
    start, end = _window(standin)
    body = UsageExportInput(start=start, end=end)
    with pytest.raises(NotFoundError):
        create_usage_export.sync(str(uuid4()), client=client, body=body)
    job = create_usage_export.sync(_org(standin), client=client, body=body)
    with pytest.raises(NotFoundError):
        get_usage_export.sync(_org(standin), uuid4(), client=client)
    with pytest.raises(NotFoundError):  # another organization's job
        get_usage_export.sync(_org(standin, "bb/acme"), job.usage_export_job_id, client=client)


def test_starting_an_export_is_not_retried_after_a_server_error(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("createUsageExport")
    standin.faults.add("createUsageExport", status=503, times=1)
    start, end = _window(standin)
    with pytest.raises(ServerError):
        start_usage_export(client, _org(standin), start, end, now=standin.world.current_time())
    assert len(standin.requests.api.filter(operation="createUsageExport")) == 1
    assert len(standin.world.usage.jobs) == 1  # created once, answered 503


def test_the_file_host_refuses_a_token_and_a_bad_signature(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("createUsageExport", "getUsageExport")
    org, _, job = _create_job(standin, client)
    standin.engine.advance(READY_AFTER)
    done = get_usage_export.sync(org, job.usage_export_job_id, client=client)
    assert isinstance(done.download_urls, list)
    url = done.download_urls[0]
    assert httpx.get(url).status_code == 200
    refused = httpx.get(url, headers={"Circle-Token": standin.token})
    assert refused.status_code == 400 and "auth mechanism" in refused.text
    assert httpx.get(url.replace("X-Amz-Signature=", "X-Amz-Signature=0")).status_code == 403


# --- the window, checked before sending ---------------------------------------------------------

NOW = datetime.fromisoformat("2026-03-01T12:00:00+00:00")


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (NOW - timedelta(days=366), NOW - timedelta(days=360), ["more than one year ago"]),
        (NOW - timedelta(days=40), NOW - timedelta(days=8), ["31 days", "in pieces"]),
        (NOW - timedelta(days=2), NOW - timedelta(days=3), ["not after start"]),
        (datetime(2026, 2, 1), NOW, ["no time zone", "tzinfo=UTC"]),
    ],
)
def test_a_bad_window_is_refused_naming_the_problem_and_nothing_is_sent(
    standin: Standin, client: AuthenticatedClient, start: datetime, end: datetime, words: list[str]
) -> None:
    with pytest.raises(InvalidUsageExportWindowError) as caught:
        start_usage_export(client, _org(standin), start, end, now=NOW)
    assert all(word in str(caught.value) for word in words), str(caught.value)
    assert "nothing was sent" in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert len(standin.requests.api) == 0


def test_the_window_bounds_are_inclusive() -> None:
    check_usage_export_window(NOW - timedelta(days=365), NOW - timedelta(days=334), now=NOW)
    with pytest.raises(InvalidUsageExportWindowError):
        check_usage_export_window(
            NOW - timedelta(days=40), NOW - timedelta(days=9) + timedelta(seconds=1), now=NOW
        )


# --- end to end ---------------------------------------------------------------------------------


def test_export_usage_polls_then_downloads_without_a_token(
    standin: Standin, foreign_client: AuthenticatedClient, tmp_path: Path
) -> None:
    covers("createUsageExport", "getUsageExport")
    start, end = _window(standin, days=31)
    polls: list[str] = []
    export = _export(
        foreign_client,
        standin,
        tmp_path,
        start,
        end,
        on_poll=lambda job: polls.append(job.state.value),
    )
    assert polls == ["created", "processing", "processing", "completed"]
    assert export.ok and [p.name for p in export.files] == [
        "usage-export-part-0.csv.gz",
        "usage-export-part-1.csv.gz",
    ]
    rows = gzip.decompress(export.files[0].read_bytes()).decode().splitlines()
    assert rows[0].startswith("ORGANIZATION_ID,") and rows[1].startswith(_org(standin))
    sent = list(standin.requests.foreign)
    assert len(sent) == 2 and all(r.status == 200 for r in sent)
    assert all("circle-token" not in r.headers and "authorization" not in r.headers for r in sent)
    assert sorted(p.name for p in tmp_path.iterdir()) == [p.name for p in export.files]


def test_completed_without_urls_is_polled_again(
    standin: Standin, client: AuthenticatedClient, tmp_path: Path
) -> None:
    standin.world.usage.urls_late_next = 15
    start, end = _window(standin)
    states: list[tuple[str, bool]] = []
    _export(
        client,
        standin,
        tmp_path,
        start,
        end,
        on_poll=lambda job: states.append((job.state.value, job.download_urls is None)),
    )
    assert states[-2:] == [("completed", True), ("completed", False)]


def test_polling_goes_through_the_client_retries(
    pacing_clock: PacingClock, standin: Standin, client: AuthenticatedClient, tmp_path: Path
) -> None:
    standin.faults.rate_limit("getUsageExport", retry_after="7", times=1)
    start, end = _window(standin)
    export = _export(client, standin, tmp_path, start, end)
    assert export.ok and 7.0 in pacing_clock.sleeps  # the 429 was waited out by the client
    statuses = [r.status for r in standin.requests.api.filter(operation="getUsageExport")]
    assert statuses[0] == 429 and statuses[-1] == 200


def test_a_failed_job_raises_with_its_reason(
    standin: Standin, client: AuthenticatedClient, tmp_path: Path
) -> None:
    standin.world.usage.fail_next = "result set too large"
    start, end = _window(standin)
    with pytest.raises(UsageExportFailedError) as caught:
        _export(client, standin, tmp_path, start, end)
    assert caught.value.error_reason == "result set too large"
    assert "result set too large" in str(caught.value) and list(tmp_path.iterdir()) == []


def test_a_timeout_names_the_job_and_waiting_again_finishes_it(
    standin: Standin, client: AuthenticatedClient, tmp_path: Path
) -> None:
    covers("getUsageExport")
    start, end = _window(standin)
    org = _org(standin)
    fake = FakeTime(start=0.0)
    with pytest.raises(UsageExportTimeoutError) as caught:
        export_usage(
            client,
            org,
            start,
            end,
            tmp_path,
            now=standin.world.current_time(),
            sleep=fake.sleep,
            clock=fake,
            poll_interval=10,
            timeout=25,
        )
    error = caught.value
    assert error.state == "created" and fake.now == 20  # no poll would end past the timeout
    assert f"job_id={error.job_id}" in str(error)
    standin.engine.advance(READY_AFTER)
    job = wait_for_usage_export(client, org, error.job_id, sleep=fake.sleep, clock=fake)
    assert job.state == UsageExportJobState.COMPLETED
    export = export_usage(client, org, None, None, tmp_path, job_id=error.job_id)
    assert export.ok and len(export.files) == 2
    assert len(standin.world.usage.jobs) == 1


def test_an_interrupted_download_resumes_from_the_next_run(
    standin: Standin, client: AuthenticatedClient, tmp_path: Path
) -> None:
    start, end = _window(standin)
    org = _org(standin)
    standin.faults.interrupt_artifacts(after_bytes=100, times=1, host="foreign")
    first = export_usage(
        client,
        org,
        start,
        end,
        tmp_path,
        now=standin.world.current_time(),
        sleep=standin.engine.advance,
        poll_interval=10,
        download={"retries": 0},
    )
    assert not first.ok and len(first.report.failed) == 1
    assert any(p.name.endswith(".part") for p in tmp_path.iterdir())
    again = export_usage(client, org, None, None, tmp_path, job_id=first.job.usage_export_job_id)
    assert again.ok
    resumed = [r for r in again.report.files if r.resumed]
    assert len(resumed) == 1 and resumed[0].bytes_received < (resumed[0].size or 0)
    assert len(again.report.skipped) == 1
    assert not any(p.name.endswith(".part") for p in tmp_path.iterdir())


def test_start_and_end_or_a_job_id(client: AuthenticatedClient, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="give start and end"):
        export_usage(client, "org", None, None, tmp_path)
    with pytest.raises(ValueError, match="or job_id"):
        export_usage(client, "org", NOW, NOW, tmp_path, job_id=uuid4())
    with pytest.raises(ValueError, match="not an ID"):
        export_usage(client, "org", None, None, tmp_path, job_id="nope")


async def test_aexport_usage(
    standin: Standin, aclient: AuthenticatedClient, tmp_path: Path
) -> None:
    covers("createUsageExport", "getUsageExport")
    start, end = _window(standin)

    async def advance(seconds: float) -> None:
        standin.engine.advance(seconds)

    export = await aexport_usage(
        aclient,
        _org(standin),
        start,
        end,
        tmp_path,
        now=standin.world.current_time(),
        sleep=advance,
        poll_interval=10,
    )
    assert export.ok and len(export.files) == 2
    assert all("circle-token" not in r.headers for r in standin.requests.foreign)
    assert isinstance(export.job.usage_export_job_id, UUID)


def test_every_usage_operation_has_a_test() -> None:
    wanted = {op for _, path, op in SETTINGS_AND_USAGE_OPERATIONS if "usage" in path}
    assert wanted == covered_operations(__file__)


# --- the command line ---------------------------------------------------------------------------


@pytest.fixture
def clocked_polls(standin: Standin, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's waits between polls move the stand-in's clock instead of sleeping."""
    monkeypatch.setattr(usage_module, "_wall_sleep", standin.engine.advance)


def _days(days: int = 30) -> tuple[str, str]:
    """The last ``days`` + 1 whole days before yesterday, by the command's (real) clock.

    The stand-in refuses only windows over a year before its own (earlier) clock, so windows
    near the real now suit both."""
    last = (datetime.now(UTC) - timedelta(days=2)).date()
    return (last - timedelta(days=days)).isoformat(), last.isoformat()


@pytest.mark.usefixtures("clocked_polls")
def test_cli_exports_into_a_folder_and_resumes_with_job(standin: Standin, tmp_path: Path) -> None:
    first, last = _days()
    org = _org(standin)
    args = ["usage", "export", org, "--start", first, "--end", last, "--dest", str(tmp_path)]
    result = runner.invoke(app, [*args, "--poll-interval", "10", "--quiet"], env=cli_env(standin))
    assert result.exit_code == 0, result.output
    assert "2 downloaded, 0 skipped, 0 failed" in result.stdout
    job = next(iter(standin.world.usage.jobs.values()))
    assert f"started usage export {job.id}" in result.stderr
    assert (job.start.isoformat(), job.end.isoformat()) == (
        f"{first}T00:00:00+00:00",
        f"{last}T23:59:59+00:00",
    )
    assert all("circle-token" not in r.headers for r in standin.requests.foreign)
    again = runner.invoke(
        app,
        ["usage", "export", org, "--job", job.id, "--dest", str(tmp_path), "--json", "-q"],
        env=cli_env(standin),
    )
    assert again.exit_code == 0, again.output
    report = json.loads(again.stdout)
    assert report["skipped"] == 2 and report["usage_export_job_id"] == job.id
    assert len(standin.world.usage.jobs) == 1


@pytest.mark.parametrize(
    ("window", "words"),
    [
        (["--start", _days(40)[0], "--end", _days()[1]], ["31 days", "in pieces"]),
        (["--start", "2020-01-01", "--end", "2020-01-02"], ["more than one year ago"]),
        (["--start", "2025-10-01T00:00:00", "--end", "2025-10-02"], ["no time zone"]),
        (["--start", "yesterday", "--end", "2025-10-02"], ["not a date"]),
        (["--end", "2025-10-02"], ["--start and --end"]),
    ],
)
def test_cli_refuses_a_bad_window_before_sending(
    standin: Standin, tmp_path: Path, window: list[str], words: list[str]
) -> None:
    args = ["usage", "export", _org(standin), *window, "--dest", str(tmp_path)]
    result = runner.invoke(app, args, env=cli_env(standin))
    assert result.exit_code == 2, result.output
    assert all(word in result.stderr for word in words), result.stderr
    assert len(standin.requests.api) == 0


@pytest.mark.usefixtures("clocked_polls")
def test_cli_a_failed_export_exits_1_with_the_reason(standin: Standin, tmp_path: Path) -> None:
    standin.world.usage.fail_next = "query timed out"
    first, last = _days()
    args = ["usage", "export", _org(standin), "--start", first, "--end", last, "-q"]
    result = runner.invoke(app, [*args, "--dest", str(tmp_path)], env=cli_env(standin))
    assert result.exit_code == 1 and "query timed out" in result.stderr


def test_cli_a_timeout_says_how_to_resume(
    standin: Standin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeTime(start=0.0)
    monkeypatch.setattr(usage_module, "_wall_sleep", fake.sleep)
    monkeypatch.setattr(usage_module, "_wall_clock", fake)
    first, last = _days()
    args = ["usage", "export", _org(standin), "--start", first, "--end", last, "-q"]
    more = ["--dest", str(tmp_path), "--timeout", "30", "--poll-interval", "10"]
    result = runner.invoke(app, [*args, *more], env=cli_env(standin))
    job = next(iter(standin.world.usage.jobs))
    assert result.exit_code == 1
    assert f"--job {job}" in result.stderr


def test_cli_ctrl_c_while_waiting_says_how_to_resume(
    standin: Standin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(usage_module, "_wall_sleep", interrupted)
    first, last = _days()
    args = ["usage", "export", _org(standin), "--start", first, "--end", last, "-q"]
    result = runner.invoke(app, [*args, "--dest", str(tmp_path)], env=cli_env(standin))
    job = next(iter(standin.world.usage.jobs))
    assert result.exit_code == 130
    assert f"run again with --job {job} to resume" in result.stderr


def test_the_eleventh_export_in_an_hour_is_rate_limited(
    pacing_clock: PacingClock, standin: Standin, client: AuthenticatedClient
) -> None:
    covers("createUsageExport")
    org = _org(standin)
    start, end = _window(standin)
    body = UsageExportInput(start=start, end=end)
    for _ in range(10):
        create_usage_export.sync(org, client=client, body=body)
        standin.engine.advance(60)
    with pytest.raises(RateLimitError) as caught:
        create_usage_export.sync(org, client=client, body=body, max_retries=0)
    assert caught.value.retry_after == 3600 - 600  # the first export is 600 s old
    other = create_usage_export.sync(_org(standin, "bb/acme"), client=client, body=body)
    assert other.state == UsageExportJobState.CREATED  # the limit is per organization
    assert 60.0 in pacing_clock.sleeps  # the client's limiter held requests back (at most 60 s)
    standin.engine.advance(3000)
    assert create_usage_export.sync(org, client=client, body=body).state == "created"


def test_downloading_a_job_that_is_not_ready_is_refused(
    standin: Standin, client: AuthenticatedClient, tmp_path: Path
) -> None:
    start, end = _window(standin)
    job = start_usage_export(client, _org(standin), start, end, now=standin.world.current_time())
    with pytest.raises(ValueError, match="is created and has no download URLs yet"):
        download_usage_export(client, job, tmp_path)
    assert len(standin.requests.foreign) == 0


def test_a_presigned_request_carries_no_credential_even_to_the_api_origin(
    standin: Standin, client: AuthenticatedClient
) -> None:
    http = client.get_httpx_client()
    request = http.build_request("GET", "/me", headers={"Authorization": "Bearer x"})
    request.extensions[NO_CREDENTIALS] = True
    answer = http.send(request)
    assert answer.status_code == 401
    record = standin.requests.api.last()
    assert record is not None
    assert "circle-token" not in record.headers and "authorization" not in record.headers
    assert http.get("/me").status_code == 200  # other requests still carry the token


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://files.example/x/part-0.csv.gz?X-Amz-Signature=1", "part-0.csv.gz"),
        ("https://files.example/x/%2e%2e?sig=1", "usage-export-3"),
        ("https://files.example/x/a%2Fb.csv.gz", "usage-export-3"),
        ("https://files.example/x/", "usage-export-3"),
        ("https://files.example/x/con%00.csv", "usage-export-3"),
    ],
)
def test_a_file_is_named_after_its_url_only_when_that_is_safe(url: str, name: str) -> None:
    assert usage_module._file_name(url, 3) == name
