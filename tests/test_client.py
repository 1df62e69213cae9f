"""The runtime over real HTTP against the stand-in: auth, errors, retries, pagination, parsing."""

from __future__ import annotations

import logging
from uuid import UUID

import httpx
import pytest
from circleci_client import (
    APIConnectionError,
    APITimeoutError,
    AuthenticatedClient,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    RateLimitError,
    ServerError,
)
from circleci_client.api.job import get_job_details
from circleci_client.api.pipeline import list_pipelines_for_project, trigger_pipeline
from circleci_client.api.project import get_project_by_slug
from circleci_client.api.user import get_current_user
from circleci_client.api.workflow import get_workflow_by_id, list_workflow_jobs
from circleci_client.errors import MissingTokenError
from circleci_client.models.error_response import ErrorResponse
from circleci_client.models.job_status import JobStatus
from circleci_client.models.trigger_pipeline_parameters import TriggerPipelineParameters
from circleci_client.slugs import InvalidProjectSlugError

from tests.clients import standin_client
from tests.conftest import PacingClock
from tests.standin.faults import http_date_in
from tests.standin.server import Standin

WIDGETS = "gh/acme/widgets"


def _calls(standin: Standin, operation: str) -> int:
    return len(standin.requests.api.filter(operation=operation))


# --- client set-up -------------------------------------------------------------------------


def test_defaults_are_circleci_cloud_and_the_circle_token_header() -> None:
    client = AuthenticatedClient(token="t")
    request = client.get_httpx_client().build_request("GET", "/me")
    assert str(request.url) == "https://circleci.com/api/v2/me"
    assert client.get_httpx_client().timeout.read is not None


def test_token_goes_in_the_circle_token_header_without_bearer(standin: Standin) -> None:
    with (
        AuthenticatedClient(token="t", base_url=standin.base_url) as client,
        pytest.raises(AuthenticationError),
    ):
        get_current_user.sync(client=client)
    seen = standin.requests.api.last()
    assert seen is not None and seen.path == "/api/v2/me"
    assert seen.headers["circle-token"] == "t"
    assert "authorization" not in seen.headers
    assert seen.headers["user-agent"].startswith("circleci-client/")


def test_basic_auth_sends_the_token_as_user_name(standin: Standin) -> None:
    with standin_client(standin, auth="basic") as client:
        assert get_current_user.sync(client=client).login == "octo-dev"
    seen = standin.requests.api.last()
    assert seen is not None and seen.headers["authorization"].startswith("Basic ")
    assert "circle-token" not in seen.headers


def test_from_env_reads_token_and_base_url(standin: Standin) -> None:
    env = {"CIRCLECI_TOKEN": standin.token, "CIRCLECI_BASE_URL": standin.base_url}
    with AuthenticatedClient.from_env(env) as client:
        assert client.base_url == standin.base_url
        assert get_current_user.sync(client=client).login == "octo-dev"
    assert AuthenticatedClient.from_env({"CIRCLE_TOKEN": "x"}).base_url.startswith("https://")


def test_from_env_without_a_token_says_what_to_set() -> None:
    with pytest.raises(MissingTokenError, match="CIRCLE_TOKEN"):
        AuthenticatedClient.from_env({})
    with pytest.raises(MissingTokenError):
        AuthenticatedClient(token=" ")


def test_token_never_appears_in_repr() -> None:
    client = AuthenticatedClient(token="s3cret-token")
    assert "s3cret-token" not in repr(client)
    assert "***" in repr(client)


def test_token_is_not_sent_to_other_hosts(standin: Standin, client: AuthenticatedClient) -> None:
    http = client.get_httpx_client()
    http.get(f"{standin.foreign_base_url}/anything")
    http.get(f"{standin.artifact_base_url}/anything")
    foreign = standin.requests.foreign.last()
    artifact = standin.requests.artifact.last()
    assert foreign is not None and "circle-token" not in foreign.headers
    assert artifact is not None and artifact.headers.get("circle-token") == standin.token


def test_a_bad_slug_fails_before_any_request(standin: Standin, client: AuthenticatedClient) -> None:
    with pytest.raises(InvalidProjectSlugError, match="gitlab"):
        get_project_by_slug.sync("gitlab/acme/widgets", client=client)
    assert len(standin.requests.api) == 0


# --- typed errors --------------------------------------------------------------------------


def test_wrong_token_raises_authentication_error_without_the_token(standin: Standin) -> None:
    with (
        AuthenticatedClient(token="wrong-token-123", base_url=standin.base_url) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        get_current_user.sync(client=client)
    error = caught.value
    assert error.status_code == 401
    assert error.message == "Invalid token provided."
    assert error.method == "GET" and error.url.endswith("/api/v2/me")
    for text in (str(error), repr(error), str(error.headers), str(error.request.headers)):
        assert "wrong-token-123" not in text


def test_unknown_project_raises_not_found(client: AuthenticatedClient) -> None:
    with pytest.raises(NotFoundError, match="Project not found") as caught:
        get_project_by_slug.sync("gh/acme/nope", client=client)
    assert caught.value.operation == "getProjectBySlug"


def test_bad_page_token_raises_bad_request(client: AuthenticatedClient) -> None:
    with pytest.raises(BadRequestError):
        list_pipelines_for_project.sync(WIDGETS, client=client, page_token="garbage")


def test_detailed_functions_return_errors_without_raising(client: AuthenticatedClient) -> None:
    response = get_project_by_slug.sync_detailed("gh/acme/nope", client=client)
    assert response.status_code == 404
    assert isinstance(response.parsed, ErrorResponse)
    assert response.parsed.message == "Project not found"


# --- retries -------------------------------------------------------------------------------


def test_429_with_retry_after_seconds_waits_and_retries_once(
    pacing_clock: PacingClock, standin: Standin, client: AuthenticatedClient
) -> None:
    standin.faults.rate_limit("getCurrentUser", retry_after="1")
    assert get_current_user.sync(client=client).login == "octo-dev"
    assert pacing_clock.sleeps == [1.0]
    assert _calls(standin, "getCurrentUser") == 2


async def test_429_async_waits_and_retries_once(
    pacing_clock: PacingClock, standin: Standin, aclient: AuthenticatedClient
) -> None:
    standin.faults.rate_limit("getCurrentUser", retry_after="1")
    assert (await get_current_user.asyncio(client=aclient)).login == "octo-dev"
    assert pacing_clock.sleeps == [1.0]
    assert _calls(standin, "getCurrentUser") == 2


def test_429_with_an_http_date_is_honoured(
    pacing_clock: PacingClock, standin: Standin, client: AuthenticatedClient
) -> None:
    standin.faults.rate_limit("getCurrentUser", retry_after=http_date_in(2))
    get_current_user.sync(client=client)
    # HTTP dates have whole-second precision; the rate limiter may add a last few microseconds.
    assert 0.9 <= sum(pacing_clock.sleeps) <= 2.0
    assert _calls(standin, "getCurrentUser") == 2


def test_429_asking_too_long_raises_with_retry_after(
    standin: Standin, client: AuthenticatedClient
) -> None:
    standin.faults.rate_limit("getCurrentUser", retry_after="3600")
    with pytest.raises(RateLimitError) as caught:
        get_current_user.sync(client=client)
    assert caught.value.retry_after == 3600
    assert _calls(standin, "getCurrentUser") == 1


def test_plain_text_429_body_does_not_crash(standin: Standin, client: AuthenticatedClient) -> None:
    standin.faults.rate_limit("getCurrentUser", plain_text=True, times=None)
    with pytest.raises(RateLimitError, match="Rate limited"):
        get_current_user.sync(client=client, max_retries=0)
    response = get_current_user.sync_detailed(client=client, max_retries=0)
    assert response.status_code == 429 and response.parsed is None


def test_500_on_trigger_is_not_retried_and_creates_one_pipeline(
    standin: Standin, client: AuthenticatedClient
) -> None:
    before = len(standin.world.projects[WIDGETS].pipelines)
    standin.faults.add("triggerPipeline", status=500, when="after")
    with pytest.raises(ServerError):
        trigger_pipeline.sync(WIDGETS, client=client, body=TriggerPipelineParameters(branch="x"))
    assert _calls(standin, "triggerPipeline") == 1
    assert len(standin.world.projects[WIDGETS].pipelines) == before + 1


async def test_500_on_trigger_async_is_not_retried(
    standin: Standin, aclient: AuthenticatedClient
) -> None:
    standin.faults.add("triggerPipeline", status=500, when="after")
    with pytest.raises(ServerError):
        await trigger_pipeline.asyncio(WIDGETS, client=aclient)
    assert _calls(standin, "triggerPipeline") == 1


def test_429_on_trigger_is_retried(standin: Standin, client: AuthenticatedClient) -> None:
    before = len(standin.world.projects[WIDGETS].pipelines)
    standin.faults.rate_limit("triggerPipeline", retry_after="0")
    created = trigger_pipeline.sync(WIDGETS, client=client)
    assert created.number > 0
    assert _calls(standin, "triggerPipeline") == 2
    assert len(standin.world.projects[WIDGETS].pipelines) == before + 1


def test_dropped_connection_on_trigger_is_not_retried(
    standin: Standin, client: AuthenticatedClient
) -> None:
    standin.faults.drop("triggerPipeline", when="after")
    with pytest.raises(APIConnectionError):
        trigger_pipeline.sync(WIDGETS, client=client)
    assert _calls(standin, "triggerPipeline") == 1


def test_503_on_a_get_is_retried_then_succeeds(
    pacing_clock: PacingClock,
    standin: Standin,
    client: AuthenticatedClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    standin.faults.add("getProjectBySlug", status=503, when="before")
    with caplog.at_level(logging.DEBUG, logger="circleci_client"):
        assert get_project_by_slug.sync(WIDGETS, client=client).name == "widgets"
    assert _calls(standin, "getProjectBySlug") == 2
    assert any("503" in r.getMessage() for r in caplog.records if r.name == "circleci_client")


async def test_503_async_is_retried(
    pacing_clock: PacingClock, standin: Standin, aclient: AuthenticatedClient
) -> None:
    standin.faults.add("getProjectBySlug", status=503, when="before")
    assert (await get_project_by_slug.asyncio(WIDGETS, client=aclient)).name == "widgets"
    assert _calls(standin, "getProjectBySlug") == 2


def test_dropped_connection_on_a_get_is_retried(
    pacing_clock: PacingClock, standin: Standin, client: AuthenticatedClient
) -> None:
    standin.faults.drop("getProjectBySlug")
    assert get_project_by_slug.sync(WIDGETS, client=client).name == "widgets"
    assert _calls(standin, "getProjectBySlug") == 2


def test_retries_can_be_turned_off_per_call_and_per_client(
    pacing_clock: PacingClock, standin: Standin, client: AuthenticatedClient
) -> None:
    standin.faults.add("getProjectBySlug", status=503, when="before", times=None)
    with pytest.raises(ServerError):
        get_project_by_slug.sync(WIDGETS, client=client, max_retries=0)
    assert _calls(standin, "getProjectBySlug") == 1
    with client.with_options(max_retries=0) as no_retries, pytest.raises(ServerError):
        get_project_by_slug.sync(WIDGETS, client=no_retries)
    assert _calls(standin, "getProjectBySlug") == 2
    with pytest.raises(ServerError):
        get_project_by_slug.sync(WIDGETS, client=client)  # default: 2 retries
    assert _calls(standin, "getProjectBySlug") == 5
    assert len(pacing_clock.sleeps) == 2


def test_timeouts_raise_api_timeout_error(pacing_clock: PacingClock, standin: Standin) -> None:
    standin.faults.latency(1.0, operation="getCurrentUser")
    with (
        standin_client(standin, timeout=0.2, max_retries=1) as client,
        pytest.raises(APITimeoutError),
    ):
        get_current_user.sync(client=client)
    assert _calls(standin, "getCurrentUser") == 2


# --- pagination ----------------------------------------------------------------------------


def test_iterating_95_pipelines_takes_5_requests(
    standin: Standin, client: AuthenticatedClient
) -> None:
    numbers = [p.number for p in list_pipelines_for_project.iter_items(WIDGETS, client=client)]
    assert len(numbers) == 95 and len(set(numbers)) == 95
    assert _calls(standin, "listPipelinesForProject") == 5


def test_max_items_stops_after_the_pages_it_needs(
    standin: Standin, client: AuthenticatedClient
) -> None:
    items = list(list_pipelines_for_project.iter_items(WIDGETS, client=client, max_items=30))
    assert len(items) == 30
    assert _calls(standin, "listPipelinesForProject") == 2


async def test_async_iteration_and_max_pages(
    standin: Standin, aclient: AuthenticatedClient
) -> None:
    numbers = [
        p.number async for p in list_pipelines_for_project.aiter_items(WIDGETS, client=aclient)
    ]
    assert len(numbers) == 95
    pages = [
        page
        async for page in list_pipelines_for_project.aiter_pages(
            WIDGETS, client=aclient, max_pages=2
        )
    ]
    assert [len(page.items) for page in pages] == [20, 20]
    assert _calls(standin, "listPipelinesForProject") == 5 + 2


def test_page_level_access_and_branch_filter(client: AuthenticatedClient) -> None:
    pages = list(list_pipelines_for_project.iter_pages(WIDGETS, client=client, branch="main"))
    total = sum(len(page.items) for page in pages)
    assert total == 57
    assert pages[-1].next_page_token is None
    assert all(p.vcs and p.vcs.branch == "main" for page in pages for p in page.items)


def test_invalid_limits_are_refused(client: AuthenticatedClient) -> None:
    with pytest.raises(ValueError, match="max_items"):
        list_pipelines_for_project.iter_items(WIDGETS, client=client, max_items=0)


# --- forward-compatible parsing ------------------------------------------------------------


def test_unknown_job_status_is_kept(standin: Standin, client: AuthenticatedClient) -> None:
    job = standin.world.projects[WIDGETS].jobs_by_number[standin.world.facts.build_job_number]
    job.status = "frobnicated"
    validator, standin.validator = standin.validator, None  # the spec's enum would refuse it
    try:
        details = get_job_details.sync(WIDGETS, job.job_number or 0, client=client)
    finally:
        standin.validator = validator
    assert details.status == "frobnicated"
    assert isinstance(details.status, JobStatus)
    assert details.to_dict()["status"] == "frobnicated"


def test_null_fields_parse(standin: Standin, client: AuthenticatedClient) -> None:
    workflow_id = UUID(standin.world.facts.running_workflow_id)
    workflow = get_workflow_by_id.sync(workflow_id, client=client)
    assert workflow.stopped_at is None
    jobs = list(list_workflow_jobs.iter_items(workflow.id, client=client))
    assert any(job.job_number is not None for job in jobs)


def _mock_client(body: bytes, headers: dict[str, str] | None = None) -> AuthenticatedClient:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=body, headers=headers or {})

    client = AuthenticatedClient(token="t", base_url="https://circleci.test/api/v2")
    return client.set_httpx_client(
        httpx.Client(base_url=client.base_url, transport=httpx.MockTransport(answer))
    )


def test_unknown_fields_are_kept() -> None:
    body = b'{"id": "9f5ee4c6-7f1a-4a04-9a2b-1f4c9d2e6b11", "login": "a", "name": "A",'
    body += b' "avatar_url": null, "plan": "free"}'
    user = get_current_user.sync(client=_mock_client(body))
    assert user.avatar_url is None
    assert user.additional_properties == {"plan": "free"}
    assert user.to_dict()["plan"] == "free"


def test_a_missing_required_field_names_model_and_field() -> None:
    from circleci_client import ResponseValidationError

    body = b'{"id": "9f5ee4c6-7f1a-4a04-9a2b-1f4c9d2e6b11", "name": "A", "avatar_url": null}'
    with pytest.raises(ResponseValidationError) as caught:
        get_current_user.sync(client=_mock_client(body))
    assert caught.value.model == "User"
    assert caught.value.field == "login"
    assert "getCurrentUser" in str(caught.value)


def test_a_non_json_success_body_is_a_validation_error() -> None:
    from circleci_client import ResponseValidationError

    with pytest.raises(ResponseValidationError, match="not JSON"):
        get_current_user.sync(client=_mock_client(b"<html>maintenance</html>"))


def test_a_list_body_holding_an_object_is_named() -> None:
    from circleci_client import ResponseValidationError
    from circleci_client.api.user import get_collaborations

    with pytest.raises(ResponseValidationError) as caught:
        get_collaborations.sync(client=_mock_client(b'{"login": "a"}'))
    assert str(caught.value) == (
        "getCollaborations: could not parse list[Collaboration]:"
        " the body: expected a list, not dict"
    )


def test_a_list_field_holding_an_object_is_named() -> None:
    from circleci_client import ResponseValidationError

    body = b'{"items": {"id": 1}, "next_page_token": null}'
    with pytest.raises(ResponseValidationError) as caught:
        list_pipelines_for_project.sync("gh/acme/widgets", client=_mock_client(body))
    assert caught.value.model == "PipelineListResponse"
    assert str(caught.value).endswith("items: expected a list, not dict")


def test_deprecation_headers_warn_once_per_operation() -> None:
    from circleci_client import APIDeprecationWarning

    body = b'{"id": "9f5ee4c6-7f1a-4a04-9a2b-1f4c9d2e6b11", "login": "a", "name": "A",'
    body += b' "avatar_url": null}'
    client = _mock_client(body, {"Sunset": "Wed, 01 Jul 2026 00:00:00 GMT"})
    with pytest.warns(APIDeprecationWarning, match="getCurrentUser") as caught:
        get_current_user.sync(client=client)
        get_current_user.sync(client=client)
    assert len([w for w in caught if issubclass(w.category, APIDeprecationWarning)]) == 1
