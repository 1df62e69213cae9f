"""Tests of the stand-in CircleCI server over real HTTP with plain httpx."""

from __future__ import annotations

import base64
import email.utils
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.standin.content import artifact_slice
from tests.standin.server import Standin
from tests.standin.world import seed_world

WIDGETS = "gh/acme/widgets"
ESCAPED = quote(WIDGETS, safe="")


@pytest.fixture
def api(standin: Standin) -> Iterator[httpx.Client]:
    """An httpx client for the API, authenticated with the Circle-Token header."""
    with httpx.Client(
        base_url=standin.base_url, headers={"Circle-Token": standin.token}, timeout=10
    ) as client:
        yield client


def walk(api: httpx.Client, path: str, **params: str) -> list[dict[str, Any]]:
    """Follow next_page_token to the end and return all items."""
    items: list[dict[str, Any]] = []
    token: str | None = None
    while True:
        query = dict(params, **({"page-token": token} if token else {}))
        response = api.get(path, params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        token = body["next_page_token"]
        if token is None:
            return items


def jobs_of(api: httpx.Client, workflow_id: str) -> list[dict[str, Any]]:
    """Return all jobs of a workflow."""
    return walk(api, f"/workflow/{workflow_id}/job")


# -- auth and errors -------------------------------------------------------------------


def test_missing_and_wrong_token_are_401(standin: Standin) -> None:
    for headers in ({}, {"Circle-Token": "wrong"}, {"Authorization": f"Bearer {standin.token}"}):
        response = httpx.get(f"{standin.base_url}/me", headers=headers)
        assert response.status_code == 401
        assert response.json() == {"message": "Invalid token provided."}


def test_basic_auth_with_token_as_user_name(standin: Standin) -> None:
    response = httpx.get(f"{standin.base_url}/me", auth=(standin.token, ""))
    assert response.status_code == 200
    assert response.json()["login"] == "octo-dev"
    wrong = base64.b64encode(b"nope:").decode()
    response = httpx.get(f"{standin.base_url}/me", headers={"Authorization": f"Basic {wrong}"})
    assert response.status_code == 401


def test_query_token_is_rejected(standin: Standin) -> None:
    response = httpx.get(f"{standin.base_url}/me", params={"circle-token": standin.token})
    assert response.status_code == 401
    assert "query" in response.json()["message"].lower()


def test_not_found_errors(api: httpx.Client) -> None:
    for path, message in (
        ("/project/gh/acme/nope", "Project not found"),
        ("/project/gh%2Facme%2Fnope/pipeline", "Project not found"),
        ("/pipeline/00000000-0000-0000-0000-000000000000", "Pipeline not found"),
        ("/pipeline/not-a-uuid", "Pipeline not found"),
        ("/workflow/not-a-uuid/job", "Workflow not found"),
        (f"/project/{ESCAPED}/job/999999", "Job not found"),
        (f"/project/{ESCAPED}/envvar/NOPE", "Environment variable not found"),
        (f"/project/{ESCAPED}/checkout-key/aa:bb", "Checkout key not found"),
    ):
        response = api.get(path)
        assert response.status_code == 404, path
        assert response.json() == {"message": message}


def test_bad_request_bodies(api: httpx.Client) -> None:
    url = f"/project/{ESCAPED}/pipeline"
    bad = [
        b"{not json",
        b"[1, 2]",
        b'{"branch": "main", "tag": "v1"}',
        b'{"parameters": {"x": 1.5}}',
        b'{"parameters": {"x": [1]}}',
        b'{"parameters": {"x": null}}',
        b'{"branch": 3}',
        b'{"brnch": "main"}',
    ]
    for body in bad:
        response = api.post(url, content=body, headers={"Content-Type": "application/json"})
        assert response.status_code == 400, body
        assert isinstance(response.json()["message"], str)
    assert api.post(f"/project/{ESCAPED}/envvar", json={"name": "X"}).status_code == 400
    assert api.post(f"/project/{ESCAPED}/checkout-key", json={"type": "x"}).status_code == 400
    assert len(walk(api, url)) == 95


def test_slug_plain_escaped_and_aliased(api: httpx.Client, standin: Standin) -> None:
    cci = standin.world.facts.circleci_slug
    for path in (
        "/project/gh/acme/widgets",
        "/project/gh%2Facme%2Fwidgets",
        "/project/gh%2facme%2fwidgets",
        "/project/gh/acme%2Fwidgets",
        "/project/github/acme/widgets",
    ):
        response = api.get(path)
        assert response.status_code == 200, path
        assert response.json()["slug"] == WIDGETS
    assert api.get(f"/project/{quote(cci, safe='')}").json()["vcs_info"]["provider"] == "CircleCI"
    assert api.get("/project/bb/acme/legacy-app").json()["vcs_info"]["default_branch"] == "master"
    mine = api.get(f"/project/{ESCAPED}/pipeline/mine")
    assert mine.status_code == 200
    assert len(mine.json()["items"]) == 20


# -- pagination ----------------------------------------------------------------------


def test_pagination_across_pages(api: httpx.Client, standin: Standin) -> None:
    pages = 0
    seen: list[int] = []
    token: str | None = None
    while True:
        params = {"page-token": token} if token else {}
        body = api.get(f"/project/{ESCAPED}/pipeline", params=params).json()
        pages += 1
        seen += [p["number"] for p in body["items"]]
        token = body["next_page_token"]
        if token is None:
            break
        assert not token.isdigit()
    assert pages == 5
    assert len(seen) == len(set(seen)) == 95
    assert seen == sorted(seen, reverse=True)
    facts = standin.world.facts
    for branch, count in facts.widgets_branch_counts.items():
        assert len(walk(api, f"/project/{ESCAPED}/pipeline", branch=branch)) == count
    mine = walk(api, f"/project/{ESCAPED}/pipeline/mine")
    assert len(mine) == facts.my_widgets_pipeline_count == 64
    tests = walk(api, f"/project/{ESCAPED}/{facts.two_node_job_number}/tests")
    assert len(tests) == 45
    assert any(t["message"] is None for t in tests)


def test_bad_page_tokens_are_400(api: httpx.Client) -> None:
    first = api.get(f"/project/{ESCAPED}/pipeline").json()["next_page_token"]
    other = api.get(f"/project/{ESCAPED}/pipeline", params={"branch": "main"}).json()
    for token in ("20", "garbage", first[:-2] + "xx", "x" + first, other["next_page_token"]):
        response = api.get(f"/project/{ESCAPED}/pipeline", params={"page-token": token})
        assert response.status_code == 400, token
        assert "page-token" in response.json()["message"]
    response = api.get(f"/project/{ESCAPED}/pipeline", params={"page-token": ""})
    assert response.status_code == 200


# -- state changes -----------------------------------------------------------------------


def test_trigger_then_read_back(api: httpx.Client) -> None:
    params = {"deploy": True, "image-tag": "4.8.2", "replicas": 3}
    created = api.post(
        f"/project/{ESCAPED}/pipeline", json={"branch": "feature/x", "parameters": params}
    )
    assert created.status_code == 201
    body = created.json()
    assert set(body) == {"id", "state", "number", "created_at"}
    assert body["number"] == 96
    pipeline = api.get(f"/pipeline/{body['id']}").json()
    assert pipeline["trigger_parameters"] == params
    assert pipeline["vcs"]["branch"] == "feature/x"
    assert pipeline["trigger"]["type"] == "api"
    workflows = walk(api, f"/pipeline/{body['id']}/workflow")
    assert len(workflows) == 1
    jobs = jobs_of(api, workflows[0]["id"])
    assert [j["name"] for j in jobs] == ["lint", "build"]
    details = api.get(f"/project/{ESCAPED}/job/{jobs[0]['job_number']}").json()
    assert details["pipeline"]["id"] == body["id"]
    tagged = api.post(f"/project/{ESCAPED}/pipeline", json={"tag": "v1.2.3"}).json()
    assert api.get(f"/pipeline/{tagged['id']}").json()["vcs"]["tag"] == "v1.2.3"
    empty = api.post(f"/project/{ESCAPED}/pipeline")
    assert empty.status_code == 201
    assert api.get(f"/pipeline/{empty.json()['id']}").json()["vcs"]["branch"] == "main"
    assert api.get(f"/pipeline/{body['id']}/config").json()["source"].startswith("version")


def test_cancel_and_rerun_workflow(api: httpx.Client, standin: Standin) -> None:
    wf_id = standin.world.facts.running_workflow_id
    assert api.get(f"/workflow/{wf_id}").json()["status"] == "running"
    response = api.post(f"/workflow/{wf_id}/cancel")
    assert response.status_code == 202
    assert isinstance(response.json()["message"], str)
    workflow = api.get(f"/workflow/{wf_id}").json()
    assert workflow["status"] == "canceled"
    assert workflow["stopped_at"] is not None
    assert {j["status"] for j in jobs_of(api, wf_id)} <= {"success", "canceled"}
    rerun = api.post(f"/workflow/{wf_id}/rerun", json={"from_failed": True})
    assert rerun.status_code == 202
    new_id = rerun.json()["workflow_id"]
    assert new_id != wf_id
    new = api.get(f"/workflow/{new_id}").json()
    assert new["status"] == "running"
    assert new["pipeline_id"] == workflow["pipeline_id"]
    bad = api.post(f"/workflow/{wf_id}/rerun", json={"jobs": ["nope"]})
    assert bad.status_code == 400


def test_cancel_job_and_approval_job(api: httpx.Client, standin: Standin) -> None:
    wf_id = standin.world.facts.running_workflow_id
    running = next(j for j in jobs_of(api, wf_id) if j["status"] == "running")
    response = api.post(f"/project/{ESCAPED}/job/{running['job_number']}/cancel")
    assert response.status_code == 200
    assert api.get(f"/project/{ESCAPED}/job/{running['job_number']}").json()["status"] == (
        "canceled"
    )
    pending = standin.world.jobs[standin.world.facts.pending_approval_job_id]
    jobs = jobs_of(api, pending.workflow_id)
    hold = next(j for j in jobs if j["type"] == "approval")
    assert "job_number" not in hold
    assert hold["status"] == "on_hold"
    blocked = next(j for j in jobs if j["name"] == "deploy")
    assert blocked["status"] == "blocked"
    assert blocked["started_at"] is None


def test_env_vars(api: httpx.Client) -> None:
    url = f"/project/{ESCAPED}/envvar"
    created = api.post(url, json={"name": "API_KEY", "value": "secret-f00d"})
    assert created.status_code == 201
    assert created.json()["value"] == "xxxxf00d"
    assert api.get(f"{url}/API_KEY").json()["value"] == "xxxxf00d"
    listed = walk(api, url)
    assert {"name", "value", "created-at"} <= set(listed[0])
    assert "API_KEY" in [e["name"] for e in listed]
    assert all(e["value"].startswith("xxxx") for e in listed)
    deleted = api.delete(f"{url}/API_KEY")
    assert deleted.status_code == 200
    assert isinstance(deleted.json()["message"], str)
    assert api.get(f"{url}/API_KEY").status_code == 404


def test_checkout_keys(api: httpx.Client, standin: Standin) -> None:
    url = f"/project/{ESCAPED}/checkout-key"
    md5 = walk(api, url)
    sha = walk(api, url, digest="sha256")
    assert [k["type"] for k in md5] == ["deploy-key", "github-user-key"]
    assert ":" in md5[0]["fingerprint"]
    assert sha[0]["fingerprint"].startswith("SHA256:")
    assert api.get(url, params={"digest": "sha1"}).status_code == 400
    sha_fp = standin.world.facts.sha256_checkout_fingerprint
    assert "/" in sha_fp
    got = api.get(f"{url}/{quote(sha_fp, safe='')}")
    assert got.status_code == 200
    assert got.json()["fingerprint"] == sha_fp
    created = api.post(url, json={"type": "deploy-key"})
    assert created.status_code == 201
    key = created.json()
    assert key["type"] == "deploy-key"
    assert set(key) == {"public-key", "type", "fingerprint", "preferred", "created-at"}
    assert api.get(f"{url}/{key['fingerprint']}").json() == key
    assert api.delete(f"{url}/{key['fingerprint']}").status_code == 200
    assert api.get(f"{url}/{key['fingerprint']}").status_code == 404
    user = api.post(url, json={"type": "user-key"}).json()
    assert user["type"] == "github-user-key"


# -- faults --------------------------------------------------------------------------------


def test_rate_limit_delta_seconds(api: httpx.Client, standin: Standin) -> None:
    standin.faults.rate_limit(operation="getCurrentUser", retry_after="2", times=1)
    first = api.get("/me")
    assert first.status_code == 429
    assert first.headers["Retry-After"] == "2"
    assert first.json() == {"message": "Rate limit exceeded."}
    assert api.get("/me").status_code == 200


def test_rate_limit_http_date(api: httpx.Client, standin: Standin) -> None:
    when = datetime.now(UTC) + timedelta(seconds=30)
    standin.faults.rate_limit(operation="getCurrentUser", retry_after=when)
    response = api.get("/me")
    assert response.status_code == 429
    parsed = email.utils.parsedate_to_datetime(response.headers["Retry-After"])
    assert abs((parsed - when).total_seconds()) < 2


def test_rate_limit_plain_text(api: httpx.Client, standin: Standin) -> None:
    standin.faults.rate_limit(path="/project/*/pipeline", plain_text=True, times=2)
    for _ in range(2):
        response = api.get(f"/project/{ESCAPED}/pipeline")
        assert response.status_code == 429
        assert response.text == "Rate limited."
        assert response.headers["content-type"].startswith("text/plain")
    assert api.get(f"/project/{ESCAPED}/pipeline").status_code == 200


def test_server_error_after_trigger_created_the_pipeline(
    api: httpx.Client, standin: Standin
) -> None:
    standin.faults.add(operation="triggerPipeline", status=500, times=1)
    response = api.post(f"/project/{ESCAPED}/pipeline", json={"branch": "main"})
    assert response.status_code == 500
    assert isinstance(response.json()["message"], str)
    assert len(walk(api, f"/project/{ESCAPED}/pipeline")) == 96
    standin.faults.add(operation="triggerPipeline", status=503, when="before")
    assert api.post(f"/project/{ESCAPED}/pipeline").status_code == 503
    assert len(walk(api, f"/project/{ESCAPED}/pipeline")) == 96
    assert api.post(f"/project/{ESCAPED}/pipeline").status_code == 201
    statuses = [r.status for r in standin.requests.api.filter(operation="triggerPipeline")]
    assert statuses == [500, 503, 201]


def test_latency(api: httpx.Client, standin: Standin) -> None:
    standin.faults.latency(0.3, operation="getCurrentUser")
    started = time.monotonic()
    assert api.get("/me").status_code == 200
    assert time.monotonic() - started >= 0.3


def test_a_request_delayed_past_a_reset_takes_none_of_the_new_faults(standin: Standin) -> None:
    # A request still sleeping in a latency fault when the next test resets the stand-in
    # must not consume the faults that test registers (it would steal that test's 429).
    standin.faults.latency(0.5, operation="getCurrentUser")
    with (
        httpx.Client(base_url=standin.base_url, timeout=0.1) as short,
        pytest.raises(httpx.ReadTimeout),
    ):
        short.get("/me", headers={"Circle-Token": standin.token})
    standin.reset()
    rule = standin.faults.rate_limit("getCurrentUser", retry_after="0")
    time.sleep(0.8)  # the stray request wakes up now
    assert rule.fired == 0
    with httpx.Client(base_url=standin.base_url, timeout=5.0) as api:
        assert api.get("/me", headers={"Circle-Token": standin.token}).status_code == 429


def test_dropped_connection(api: httpx.Client, standin: Standin) -> None:
    standin.faults.drop(operation="getCurrentUser", times=1)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        api.get("/me")
    assert api.get("/me").status_code == 200


def _artifacts(api: httpx.Client, standin: Standin) -> list[dict[str, Any]]:
    number = standin.world.facts.two_node_job_number
    return walk(api, f"/project/{ESCAPED}/{number}/artifacts")


def test_artifacts_on_two_nodes_with_bytes_and_ranges(api: httpx.Client, standin: Standin) -> None:
    items = _artifacts(api, standin)
    assert {a["node_index"] for a in items} == {0, 1}
    first = items[0]
    assert first["url"].startswith(standin.artifact_base_url)
    assert httpx.get(first["url"]).status_code == 401
    headers = {"Circle-Token": standin.token}
    whole = httpx.get(first["url"], headers=headers)
    assert whole.status_code == 200
    assert whole.headers["accept-ranges"] == "bytes"
    part = httpx.get(first["url"], headers={**headers, "Range": "bytes=5-14"})
    assert part.status_code == 206
    assert part.content == whole.content[5:15]
    assert part.headers["content-range"] == f"bytes 5-14/{len(whole.content)}"
    tail = httpx.get(first["url"], headers={**headers, "Range": "bytes=-7"})
    assert tail.content == whole.content[-7:]
    beyond = httpx.get(first["url"], headers={**headers, "Range": "bytes=999999-"})
    assert beyond.status_code == 416


def test_big_artifact_is_streamed(api: httpx.Client, standin: Standin) -> None:
    facts = standin.world.facts
    items = walk(api, f"/project/{ESCAPED}/{facts.build_job_number}/artifacts")
    assert len(items) > 20
    big = next(a for a in items if a["path"] == facts.big_artifact_path)
    standin.world.set_big_artifact_size(1 << 30)
    headers = {"Circle-Token": standin.token, "Range": "bytes=1073741000-"}
    response = httpx.get(big["url"], headers=headers)
    assert response.status_code == 206
    assert response.content == artifact_slice(standin.world.big_artifact, 1073741000, 1 << 30)
    assert response.headers["content-range"].endswith("/1073741824")


def test_redirect_to_foreign_host(api: httpx.Client, standin: Standin) -> None:
    standin.faults.redirect_artifacts(times=1)
    url = _artifacts(api, standin)[1]["url"]
    with httpx.Client(headers={"Circle-Token": standin.token}) as client:
        redirected = client.get(url)
        assert redirected.status_code == 302
        location = redirected.headers["location"]
        assert location.startswith(standin.foreign_base_url)
        downloaded = httpx.get(location)
    assert downloaded.status_code == 200
    foreign = standin.requests.foreign.last()
    assert foreign is not None
    assert "circle-token" not in foreign.headers
    assert "authorization" not in foreign.headers
    direct = httpx.get(url, headers={"Circle-Token": standin.token})
    assert direct.content == downloaded.content


def test_interrupted_artifact_download(api: httpx.Client, standin: Standin) -> None:
    facts = standin.world.facts
    items = walk(api, f"/project/{ESCAPED}/{facts.build_job_number}/artifacts")
    big = next(a for a in items if a["path"] == facts.big_artifact_path)
    standin.faults.interrupt_artifacts(after_bytes=100_000, times=1)
    received = 0
    headers = {"Circle-Token": standin.token}
    with (
        pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)),
        httpx.stream("GET", big["url"], headers=headers) as response,
    ):
        expected = int(response.headers["content-length"])
        for chunk in response.iter_bytes():
            received += len(chunk)
    assert received < expected
    assert received == 100_000


# -- insights --------------------------------------------------------------------------


def test_insights_match_stored_runs(api: httpx.Client) -> None:
    base = f"/insights/{ESCAPED}/workflows"
    window = {"reporting-window": "last-30-days"}
    metrics = {m["name"]: m for m in walk(api, base, **window)}
    item = metrics["build-and-test"]["metrics"]
    now = seed_world().now
    start = (now - timedelta(days=30)).strftime("%Y-%m-%dT%H:%M:%SZ")
    end = (now + timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    runs = walk(api, f"{base}/build-and-test", **{"start-date": start, "end-date": end})
    assert runs
    assert item["total_runs"] == len(runs)
    successes = sum(1 for r in runs if r["status"] == "success")
    assert item["successful_runs"] == successes
    assert item["success_rate"] == pytest.approx(successes / len(runs))
    durations = [r["duration"] for r in runs if r["duration"] is not None]
    assert item["duration_metrics"]["max"] == max(durations)
    assert item["duration_metrics"]["min"] == min(durations)
    assert item["duration_metrics"]["median"] == round(statistics.median(durations))
    assert item["total_credits_used"] == sum(r["credits_used"] for r in runs)
    assert item["throughput"] == pytest.approx(len(runs) / 30)
    summary = api.get(f"{base}/build-and-test/summary").json()
    everything = walk(api, base)
    assert summary["metrics"]["total_runs"] == next(
        m["metrics"]["total_runs"] for m in everything if m["name"] == "build-and-test"
    )
    assert set(summary["workflow_names"]) == {"build-and-test", "deploy"}
    week = walk(api, base, **{"reporting-window": "last-7-days"})
    all_branches = walk(api, base, **{"all-branches": "true"})
    total = {m["name"]: m["metrics"]["total_runs"] for m in all_branches}
    assert total["build-and-test"] > everything[0]["metrics"]["total_runs"]
    assert week[0]["metrics"]["total_runs"] < everything[0]["metrics"]["total_runs"]
    jobs = walk(api, f"{base}/build-and-test/jobs", **window)
    by_name = {j["name"]: j["metrics"] for j in jobs}
    assert by_name["lint"]["total_runs"] == len(runs)
    assert [j["name"] for j in walk(api, f"{base}/build-and-test/jobs", **{"job-name": "te"})] == [
        "test"
    ]
    bad = api.get(base, params={"reporting-window": "last-year"})
    assert bad.status_code == 400


# -- validation hook and CLI -----------------------------------------------------------


def test_every_operation_conforms_to_spec(api: httpx.Client, standin: Standin) -> None:
    facts = standin.world.facts
    api.get("/me").raise_for_status()
    api.get("/me/collaborations").raise_for_status()
    api.get(f"/user/{standin.world.current_user_id}").raise_for_status()
    for pipeline in api.get(f"/project/{ESCAPED}/pipeline").json()["items"]:
        api.get(f"/pipeline/{pipeline['id']}/config").raise_for_status()
        for wf in walk(api, f"/pipeline/{pipeline['id']}/workflow"):
            for job in jobs_of(api, wf["id"]):
                if "job_number" in job:
                    api.get(f"/project/{ESCAPED}/job/{job['job_number']}").raise_for_status()
    for slug in (facts.legacy_slug, facts.circleci_slug):
        escaped = quote(slug, safe="")
        for pipeline in walk(api, f"/project/{escaped}/pipeline"):
            api.get(f"/pipeline/{pipeline['id']}").raise_for_status()
        walk(api, f"/insights/{escaped}/workflows", **{"all-branches": "true"})
    walk(api, f"/insights/{ESCAPED}/workflows/deploy/jobs")
    walk(api, f"/insights/{ESCAPED}/workflows/build-and-test", **{"all-branches": "true"})
    assert standin.validation_errors == []


def test_validation_turns_mismatch_into_500(api: httpx.Client, standin: Standin) -> None:
    standin.world.current_user.login = None  # type: ignore[assignment]
    response = api.get("/me")
    assert response.status_code == 500
    assert "openapi.yaml" in response.json()["message"]
    assert any("login" in error for error in standin.validation_errors)
    standin.validation_errors.clear()


def test_cli_starts_and_serves() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.standin", "--port", "0", "--token", "cli-token"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        base_url = line.split()[-1]
        assert base_url.endswith("/api/v2")
        response = httpx.get(f"{base_url}/me", headers={"Circle-Token": "cli-token"})
        assert response.status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
