"""Sync and async I/O kept apart: the generated sync twins, and the client's sleeps and clock."""

from __future__ import annotations

import ast
import importlib.util
import inspect
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import get_type_hints

import httpx
import pytest
from circleci_client import AuthenticatedClient, RateLimit, RetryPolicy
from circleci_client._retry import AsyncRetryTransport, RetryTransport
from circleci_client.api.project import get_project_by_slug

from tests.clients import standin_client
from tests.fake_time import FakeTime
from tests.standin.server import Standin

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generated_client"
WIDGETS = "gh/acme/widgets"


def _sync_twins() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_sync_twins", ROOT / "generator/sync_twins.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TWINS = _sync_twins()
ASYNC_WORDS = ("async", "aiter", "aclose", "anext", "asyncio")


def _identifiers(tree: ast.AST) -> set[str]:
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            names |= {alias.asname or alias.name for alias in node.names}
            names.add(node.module or "")
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
    return names


@pytest.mark.parametrize("source, twin", sorted(TWINS.TWINS.items()))
def test_a_sync_twin_holds_no_async_code(source: str, twin: str) -> None:
    tree = ast.parse((PACKAGE / twin).read_text())
    async_nodes = (ast.AsyncFunctionDef, ast.Await, ast.AsyncFor, ast.AsyncWith)
    assert [type(node).__name__ for node in ast.walk(tree) if isinstance(node, async_nodes)] == []
    comprehensions = [node for node in ast.walk(tree) if isinstance(node, ast.comprehension)]
    assert not any(node.is_async for node in comprehensions)
    async_names = {
        name for name in _identifiers(tree) if any(w in name.lower() for w in ASYNC_WORDS)
    }
    assert async_names == set()


@pytest.mark.parametrize("source", sorted(TWINS.TWINS))
def test_an_async_source_calls_no_blocking_twin_of_its_async_names(source: str) -> None:
    """The async module never names the sync counterpart of a name the table rewrites, nor
    any ``.sleep`` (``time.sleep``, a policy's sync sleep). ``close`` (a file's, sync in both)
    and the parameter ``sleep`` (typed as an async sleep there) are the names both share."""
    tree = ast.parse((PACKAGE / source).read_text())
    sync_names = set(TWINS.NAMES.values()) - {"close", "sleep"}
    assert _identifiers(tree) & sync_names == set()
    attributes = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    assert "sleep" not in attributes


def test_the_rewrite_drops_async_keywords_and_swaps_whole_names_only() -> None:
    source = (
        f"{TWINS.HAND_WRITTEN_HEADER}\n"
        "async def send(io: _AsyncIO) -> None:\n"
        "    async with lock:\n"
        "        async for chunk in io.chunks(response.aiter_raw()):\n"
        "            await io.close(chunk)\n"
        "    await response.aclose()\n"
        "    aclosed = [x async for x in io.each(op.aiter_items())]\n"
    )
    twin = TWINS.sync_twin(source, "pkg/_async_mod.py")
    assert twin.splitlines() == [
        "# Sync twin of pkg/_async_mod.py, rewritten by generator/sync_twins.py.",
        "def send(io: _SyncIO) -> None:",
        "    with lock:",
        "        for chunk in io.chunks(response.iter_raw()):",
        "            io.close(chunk)",
        "    response.close()",
        "    aclosed = [x for x in io.each(op.iter_items())]",
    ]


def test_only_a_hand_written_module_can_be_an_async_source() -> None:
    with pytest.raises(SystemExit, match="must be hand-written"):
        TWINS.sync_twin("# Generated ...\nasync def f() -> None: ...\n", "pkg/_async_x.py")


def test_the_default_sleeps_are_blocking_for_sync_and_awaitable_for_async() -> None:
    sync = RetryTransport(httpx.MockTransport(lambda request: httpx.Response(200)))
    async_ = AsyncRetryTransport(httpx.MockTransport(lambda request: httpx.Response(200)))
    assert not inspect.iscoroutinefunction(sync._sleep)
    assert inspect.iscoroutinefunction(async_._sleep)


@pytest.mark.slow
def test_mypy_rejects_a_blocking_sleep_for_async_code_and_a_coroutine_for_sync(
    tmp_path: Path,
) -> None:
    mypy = shutil.which("mypy")
    if mypy is None:  # pragma: no cover
        pytest.skip("mypy is not installed")
    snippet = tmp_path / "mixed.py"
    snippet.write_text(
        "import asyncio\nimport time\n\nimport httpx\n"
        "from circleci_client import AuthenticatedClient\n"
        "from circleci_client._retry import AsyncRetryTransport, RetryTransport\n\n"
        "AsyncRetryTransport(httpx.AsyncHTTPTransport(), sleep=time.sleep)\n"
        "RetryTransport(httpx.HTTPTransport(), sleep=asyncio.sleep)\n"
        "AuthenticatedClient('t', sleep=asyncio.sleep)\n"
        "AuthenticatedClient('t', async_sleep=time.sleep)\n"
    )
    # Only this package is read: the libraries under it are skipped (their types become Any),
    # which keeps the run to seconds; the errors that matter are about our signatures.
    skipped = "httpx.*,httpcore.*,anyio.*,h11.*,certifi.*,idna.*,sniffio.*,attrs.*,attr.*"
    config = tmp_path / "mypy.ini"
    config.write_text(f"[mypy]\nstrict = True\n[mypy-{skipped}]\nfollow_imports = skip\n")
    checked = subprocess.run(
        [mypy, "--config-file", str(config), "--no-incremental", "mixed.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        env={"MYPYPATH": str(PACKAGE), "PATH": str(Path(sys.executable).parent)},
    )
    errors = [line for line in checked.stdout.splitlines() if line.startswith("mixed.py:")]
    assert [line.split(":")[1] for line in errors] == ["8", "9", "10", "11"], checked.stdout
    assert all("sleep" in line for line in errors), errors


# --- the client's sleeps and clock --------------------------------------------------------


def _fake_client(standin: Standin, fake: FakeTime, **options: object) -> AuthenticatedClient:
    policy = RetryPolicy(max_retries=2, initial_delay=8.0, max_delay=8.0, rand=lambda: 1.0)
    return standin_client(
        standin,
        retry=policy,
        sleep=fake.sleep,
        async_sleep=fake.async_sleep,
        clock=fake.clock,
        **options,
    )


@pytest.fixture
def no_real_sleep(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if the client falls back to a real sleep of either kind."""

    def refuse(*args: object) -> None:
        raise AssertionError("a real sleep was called")

    for module in ("_sync_retry", "_async_retry", "_sync_ratelimit", "_async_ratelimit"):
        for name in ("default_sleep", "default_async_sleep"):
            if hasattr(sys.modules[f"circleci_client.{module}"], name):
                monkeypatch.setattr(f"circleci_client.{module}.{name}", refuse)


def test_sync_calls_wait_through_the_clients_sleep_only(
    standin: Standin, no_real_sleep: None
) -> None:
    fake = FakeTime()
    standin.faults.add("getProjectBySlug", status=503, when="before", times=1)
    with _fake_client(standin, fake, rate_limit=False) as client:
        assert get_project_by_slug.sync(WIDGETS, client=client).name == "widgets"
    assert fake.sleeps == [8.0]
    assert fake.async_sleeps == []


async def test_async_calls_wait_through_the_clients_async_sleep_only(
    standin: Standin, no_real_sleep: None
) -> None:
    fake = FakeTime()
    standin.faults.add("getProjectBySlug", status=503, when="before", times=1)
    async with _fake_client(standin, fake, rate_limit=False) as client:
        project = await get_project_by_slug.asyncio(WIDGETS, client=client)
    assert project.name == "widgets"
    assert fake.async_sleeps == [8.0]
    assert fake.sleeps == []


def test_the_rate_limiter_waits_on_the_clients_sleep_and_clock(
    standin: Standin, no_real_sleep: None
) -> None:
    fake = FakeTime()
    standin.faults.rate_limit("getProjectBySlug", retry_after="30", times=1)
    with _fake_client(standin, fake, rate_limit=RateLimit()) as client:
        assert get_project_by_slug.sync(WIDGETS, client=client).name == "widgets"
        limiter = client.rate_limiter
        assert limiter is not None
        assert limiter.stats.throttled == 1
    # The retry waits the 30 s the server asked for; the limiter, on the same fake clock,
    # then has nothing left to wait. Nothing slept for real: the test takes milliseconds.
    assert fake.sleeps[0] == 30.0
    assert sum(fake.sleeps) >= 30.0
    assert fake.async_sleeps == []


async def test_the_async_rate_limiter_waits_on_the_clients_async_sleep(
    standin: Standin, no_real_sleep: None
) -> None:
    fake = FakeTime()
    standin.faults.rate_limit("getProjectBySlug", retry_after="30", times=1)
    async with _fake_client(standin, fake, rate_limit=RateLimit()) as client:
        project = await get_project_by_slug.asyncio(WIDGETS, client=client)
    assert project.name == "widgets"
    assert fake.async_sleeps[0] == 30.0
    assert fake.sleeps == []


def test_a_policys_own_sleep_wins_over_the_clients_for_retries(standin: Standin) -> None:
    fake = FakeTime()
    policy_waits: list[float] = []
    policy = RetryPolicy(
        initial_delay=4.0, max_delay=4.0, rand=lambda: 1.0, sleep=policy_waits.append
    )
    standin.faults.add("getProjectBySlug", status=503, when="before", times=1)
    with standin_client(
        standin, retry=policy, sleep=fake.sleep, clock=fake.clock, rate_limit=False
    ) as client:
        get_project_by_slug.sync(WIDGETS, client=client)
    assert policy_waits == [4.0]
    assert fake.sleeps == []


def test_with_options_keeps_the_sleeps_and_the_clock(standin: Standin) -> None:
    fake = FakeTime()
    standin.faults.add("getProjectBySlug", status=503, when="before", times=1)
    with _fake_client(standin, fake, rate_limit=False) as client:
        copy = client.with_options(max_retries=1)
        with copy:
            get_project_by_slug.sync(WIDGETS, client=copy)
    assert fake.sleeps == [8.0]


def test_from_env_takes_the_sleeps_and_the_clock(standin: Standin) -> None:
    fake = FakeTime()
    environ = {"CIRCLE_TOKEN": standin.token, "CIRCLECI_BASE_URL": standin.base_url}
    standin.faults.add("getProjectBySlug", status=503, when="before", times=1)
    client = AuthenticatedClient.from_env(
        environ,
        sleep=fake.sleep,
        clock=fake.clock,
        rate_limit=False,
        retry=RetryPolicy(initial_delay=2.0, max_delay=2.0, rand=lambda: 1.0),
    )
    with client:
        get_project_by_slug.sync(WIDGETS, client=client)
    assert fake.sleeps == [2.0]


def test_the_deadline_runs_on_the_clients_clock(standin: Standin) -> None:
    """A call whose retry would end past the deadline on the fake clock is not retried."""
    fake = FakeTime()
    standin.faults.add("getProjectBySlug", status=503, when="before", times=1)
    with _fake_client(standin, fake, rate_limit=False, deadline=5.0) as client:
        response = get_project_by_slug.sync_detailed(WIDGETS, client=client)
    assert response.status_code == 503
    assert fake.sleeps == []


def test_the_sleep_types_of_the_client_signature_are_exported() -> None:
    import circleci_client

    hints = get_type_hints(AuthenticatedClient.__init__)
    assert hints["sleep"] == circleci_client.Sleep | None
    assert hints["async_sleep"] == circleci_client.AsyncSleep | None
    assert {"Sleep", "AsyncSleep"} <= set(circleci_client.__all__)
