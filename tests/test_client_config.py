"""Client configuration: typed keywords, the retry policy, shared limiters, own httpx clients."""

from __future__ import annotations

import inspect
from typing import get_type_hints

import httpx
import pytest
from circleci_client import (
    AuthenticatedClient,
    AuthenticationError,
    Client,
    RateLimit,
    RateLimitError,
    RetryPolicy,
    ServerError,
)
from circleci_client._client_options import (
    AuthenticatedClientOptions,
    AuthOptions,
    ClientOptions,
)
from circleci_client.api.project import get_project_by_slug
from circleci_client.api.user import get_current_user

from tests.clients import standin_client
from tests.standin.server import Standin

WIDGETS = "gh/acme/widgets"


def _calls(standin: Standin, operation: str) -> int:
    return len(standin.requests.api.filter(operation=operation))


# --- typed keywords -----------------------------------------------------------------------


def _keywords(function: object) -> dict[str, inspect.Parameter]:
    parameters = inspect.signature(function).parameters  # type: ignore[arg-type]
    return {name: p for name, p in parameters.items() if name != "self"}


@pytest.mark.parametrize("cls", [Client, AuthenticatedClient])
def test_the_constructors_spell_out_every_keyword_with_a_type(cls: type[Client]) -> None:
    keywords = _keywords(cls.__init__)
    kinds = {p.kind for p in keywords.values()}
    assert inspect.Parameter.VAR_KEYWORD not in kinds
    assert inspect.Parameter.VAR_POSITIONAL not in kinds
    hints = get_type_hints(cls.__init__)
    assert set(keywords) <= set(hints)
    assert "Any" not in {getattr(hints[name], "__name__", "") for name in keywords}


def test_with_options_and_from_env_take_exactly_the_constructor_keywords() -> None:
    assert set(ClientOptions.__annotations__) == set(_keywords(Client.__init__))
    assert set(AuthenticatedClientOptions.__annotations__) == set(
        _keywords(AuthenticatedClient.__init__)
    )
    assert set(AuthOptions.__annotations__) == set(_keywords(AuthenticatedClient.__init__)) - {
        "token"
    }


def test_from_env_still_takes_keyword_settings() -> None:
    env = {"CIRCLE_TOKEN": "env-token-value"}
    client = AuthenticatedClient.from_env(env, retry=RetryPolicy(max_retries=4), deadline=9.0)
    assert (client.max_retries, client.deadline) == (4, 9.0)
    assert AuthenticatedClient.from_env(env, max_retries=0).max_retries == 0


# --- retry: RetryPolicy | int ---------------------------------------------------------------


def test_retry_takes_a_count_or_a_policy_and_max_retries_is_its_simple_form() -> None:
    assert AuthenticatedClient(token="t").max_retries == 2
    assert AuthenticatedClient(token="t", retry=5).retry == RetryPolicy(max_retries=5)
    assert AuthenticatedClient(token="t", max_retries=5).retry == RetryPolicy(max_retries=5)
    policy = RetryPolicy(max_retries=1, initial_delay=0.1, max_delay=0.2, max_retry_after=3.0)
    client = AuthenticatedClient(token="t", retry=policy)
    assert client.retry is policy and client.max_retries == 1


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"retry": 1, "max_retries": 1}, TypeError, "not both"),
        ({"retry": RetryPolicy(), "max_retries": 0}, TypeError, "not both"),
        ({"retry": True}, TypeError, "RetryPolicy or an int"),
        ({"retry": 2.5}, TypeError, "RetryPolicy or an int"),
        ({"retry": -1}, ValueError, "max_retries must be 0 or more"),
        ({"max_retries": -1}, ValueError, "max_retries must be 0 or more"),
    ],
)
def test_bad_retry_settings_are_refused(
    options: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        AuthenticatedClient("t", **options)  # type: ignore[arg-type]


def test_a_long_initial_delay_that_cannot_fit_the_deadline_stops_the_retries(
    standin: Standin,
) -> None:
    standin.faults.add("getProjectBySlug", status=503, when="before")
    slow = RetryPolicy(max_retries=2, initial_delay=1000.0, max_delay=1000.0)
    with (
        standin_client(standin, retry=slow, deadline=5.0, rate_limit=False) as client,
        pytest.raises(ServerError),
    ):
        get_project_by_slug.sync(WIDGETS, client=client)
    assert _calls(standin, "getProjectBySlug") == 1


def test_max_delay_caps_the_backoff(standin: Standin) -> None:
    standin.faults.add("getProjectBySlug", status=503, when="before")
    capped = RetryPolicy(max_retries=2, initial_delay=1000.0, max_delay=0.0)
    with standin_client(standin, retry=capped, deadline=5.0, rate_limit=False) as client:
        assert get_project_by_slug.sync(WIDGETS, client=client).name == "widgets"
    assert _calls(standin, "getProjectBySlug") == 2


async def test_the_async_client_uses_the_same_policy(standin: Standin) -> None:
    standin.faults.add("getProjectBySlug", status=503, when="before")
    slow = RetryPolicy(max_retries=2, initial_delay=1000.0, max_delay=1000.0)
    async with standin_client(standin, retry=slow, deadline=5.0, rate_limit=False) as client:
        with pytest.raises(ServerError):
            await get_project_by_slug.asyncio(WIDGETS, client=client)
    assert _calls(standin, "getProjectBySlug") == 1


def test_max_retry_after_bounds_the_server_asked_wait(standin: Standin) -> None:
    standin.faults.rate_limit("getCurrentUser", retry_after="0.5")
    impatient = RetryPolicy(max_retries=2, max_retry_after=0.1)
    with (
        standin_client(standin, retry=impatient, rate_limit=False) as client,
        pytest.raises(RateLimitError) as caught,
    ):
        get_current_user.sync(client=client)
    assert caught.value.retry_after == 0.5
    assert _calls(standin, "getCurrentUser") == 1


def test_the_policy_sleep_records_the_waits_instead_of_sleeping(standin: Standin) -> None:
    standin.faults.add("getProjectBySlug", status=503, when="before", times=2)
    waits: list[float] = []
    policy = RetryPolicy(
        max_retries=2, initial_delay=40.0, max_delay=60.0, rand=lambda: 0.0, sleep=waits.append
    )
    with standin_client(standin, retry=policy, deadline=None, rate_limit=False) as client:
        assert get_project_by_slug.sync(WIDGETS, client=client).name == "widgets"
    assert waits == [20.0, 30.0]  # half the backoff (rand 0): 40 s, then 80 s capped at 60
    assert _calls(standin, "getProjectBySlug") == 3


async def test_the_policy_async_sleep_records_the_async_waits(standin: Standin) -> None:
    standin.faults.add("getProjectBySlug", status=503, when="before")
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    policy = RetryPolicy(initial_delay=30.0, max_delay=30.0, rand=lambda: 1.0, async_sleep=record)
    async with standin_client(standin, retry=policy, deadline=None, rate_limit=False) as client:
        assert (await get_project_by_slug.asyncio(WIDGETS, client=client)).name == "widgets"
    assert waits == [30.0]


# --- with_options ---------------------------------------------------------------------------


def test_with_options_max_retries_keeps_the_rest_of_the_policy() -> None:
    policy = RetryPolicy(max_retries=3, initial_delay=7.0, max_delay=9.0, max_retry_after=11.0)
    client = AuthenticatedClient(token="t", retry=policy)
    copy = client.with_options(max_retries=0)
    assert copy.retry == RetryPolicy(
        max_retries=0, initial_delay=7.0, max_delay=9.0, max_retry_after=11.0
    )
    assert client.with_options(retry=4).retry == RetryPolicy(max_retries=4)
    assert client.with_options(timeout=3.0).retry is policy
    with pytest.raises(TypeError, match="not both"):
        client.with_options(retry=1, max_retries=1)


def test_with_options_copies_share_the_limiters_state() -> None:
    client = AuthenticatedClient(token="t", rate_limit=RateLimit(initial_rate=5.0))
    copy = client.with_options(max_retries=0, timeout=3.0)
    assert client.rate_limiter is not None
    assert copy.rate_limiter is client.rate_limiter
    artifacts = "https://output.circle-artifacts.com/x"
    assert copy.rate_limiter_for(artifacts) is client.rate_limiter_for(artifacts)
    client.rate_limiter.feedback(0.0, 0.0, 429, {"retry-after": "30"})
    assert copy.rate_limiter is not None and copy.rate_limiter.acquire(0.0) > 0


def test_with_options_rate_limit_gives_the_copy_its_own_limiter() -> None:
    client = AuthenticatedClient(token="t")
    assert client.with_options(rate_limit=False).rate_limiter is None
    tuned = client.with_options(rate_limit=RateLimit(initial_rate=2.0)).rate_limiter
    assert tuned is not None and tuned is not client.rate_limiter and tuned.rate == 2.0


def test_with_options_on_a_plain_client_shares_too() -> None:
    client = Client("https://circleci.test/api/v2")
    copy = client.with_options(deadline=3.0)
    assert copy.rate_limiter is client.rate_limiter is not None
    assert copy.deadline == 3.0 and copy.base_url == client.base_url


# --- your own httpx client --------------------------------------------------------------------

FAST = RetryPolicy(max_retries=2, initial_delay=0.0, max_delay=0.0)


def test_your_own_httpx_client_gets_the_token_retries_and_limiter(standin: Standin) -> None:
    standin.faults.add("getProjectBySlug", status=503, when="before")
    standin.faults.rate_limit("getCurrentUser", retry_after="0")
    client = standin_client(standin, retry=FAST)
    own = httpx.Client(base_url=standin.base_url, timeout=5.0, headers={"X-Own": "yes"})
    with client.set_httpx_client(own):
        assert client.get_httpx_client() is own
        assert get_current_user.sync(client=client).login == "octo-dev"  # token: no 401
        assert get_project_by_slug.sync(WIDGETS, client=client).name == "widgets"
    assert _calls(standin, "getCurrentUser") == 2  # the 429 was retried
    assert _calls(standin, "getProjectBySlug") == 2  # the 503 was retried
    assert client.rate_limiter is not None and client.rate_limiter.stats.throttled == 1
    [first, *_] = standin.requests.api.filter(operation="getCurrentUser")
    assert first.headers.get("x-own") == "yes"  # the httpx client's own settings stay


async def test_your_own_async_httpx_client_is_wrapped_too(standin: Standin) -> None:
    standin.faults.add("getProjectBySlug", status=503, when="before")
    client = standin_client(standin, retry=FAST)
    own = httpx.AsyncClient(base_url=standin.base_url, timeout=5.0)
    async with client.set_async_httpx_client(own):
        assert (await get_current_user.asyncio(client=client)).login == "octo-dev"
        assert (await get_project_by_slug.asyncio(WIDGETS, client=client)).name == "widgets"
    assert _calls(standin, "getProjectBySlug") == 2


def test_a_mounted_transport_is_wrapped_as_well(standin: Standin) -> None:
    client = standin_client(standin, retry=FAST)
    own = httpx.Client(base_url=standin.base_url, mounts={"http://": httpx.HTTPTransport()})
    with client.set_httpx_client(own):
        assert get_current_user.sync(client=client).login == "octo-dev"


def test_setting_the_same_httpx_client_twice_wraps_it_once(standin: Standin) -> None:
    standin.faults.add("getProjectBySlug", status=503, when="before", times=None)
    client = standin_client(standin, retry=RetryPolicy(max_retries=1, initial_delay=0.0))
    own = httpx.Client(base_url=standin.base_url, timeout=5.0)
    client.set_httpx_client(own).set_httpx_client(own)
    with client, pytest.raises(ServerError):
        get_project_by_slug.sync(WIDGETS, client=client)
    assert _calls(standin, "getProjectBySlug") == 2  # one retry, not one per layer


def test_wrap_false_takes_the_httpx_client_as_it_is(standin: Standin) -> None:
    client = standin_client(standin)
    own = httpx.Client(base_url=standin.base_url, timeout=5.0)
    with client.set_httpx_client(own, wrap=False), pytest.raises(AuthenticationError):
        get_current_user.sync(client=client)  # no token stack: the stand-in answers 401


def test_an_httpx_client_whose_transport_cannot_be_reached_is_refused() -> None:
    opaque = httpx.Client()
    del opaque._transport  # as if a later httpx kept it elsewhere
    client = AuthenticatedClient(token="t")
    with pytest.raises(TypeError, match="cannot wrap the transport"):
        client.set_httpx_client(opaque)
    assert client.set_httpx_client(opaque, wrap=False).get_httpx_client() is opaque


# --- the retry waits and the deadline ----------------------------------------------------------


def test_a_wait_that_would_end_within_the_timer_slack_of_the_deadline_does_not_fit() -> None:
    from circleci_client._deadline import Budget

    now = [100.0]
    budget = Budget(10.0, lambda: now[0])
    assert budget.fits(9.9)
    assert not budget.fits(9.999)  # the next attempt would find the deadline expired
    now[0] += 9.999
    assert budget.expired()
