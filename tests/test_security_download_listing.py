"""Downloads against hostile listings: one bad entry or header fails one file, never the run.

A small server on 127.0.0.1 serves whatever listing and file responses a test sets; the
client downloads from it sync and async. Covers per-file failure isolation (bounded
``Content-Range`` parsing, listing entries read one by one, the CLI's exit code, cancelling
every download when a run does stop), refusal of link-local and metadata addresses, and the
collision rules (integer node indexes, NFC, ``ß`` apart from ``ss``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
from circleci_client import AuthenticatedClient
from circleci_client.artifacts import (
    ArtifactFile,
    DownloadReport,
    FileStatus,
    ProgressListener,
    adownload_job_artifacts,
    adownload_workflow_artifacts,
    download_job_artifacts,
    download_workflow_artifacts,
    is_link_local_host,
)
from circleci_client.cli import app
from circleci_client.errors import ResponseValidationError
from typer.testing import CliRunner

from tests.downloads import DownloadJob, run_async
from tests.local_http import LOOPBACK, origin, running

SLUG = "gh/acme/widgets"
JOB = 1
LISTING = f"/api/v2/project/{SLUG}/{JOB}/artifacts"
WORKFLOW = uuid.UUID("6f2c1d8e-3b0a-4c47-9e21-5a7d4c3b2a10")


# --- a hostile server -------------------------------------------------------------------------


@dataclass
class Reply:
    """What the server answers: status, headers, body; ``hold`` keeps the body open."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    hold: bool = False


Route = Callable[[dict[str, str]], Reply]


class HostileServer:
    """Answers each path with the reply its route gives; logs ``(path, headers)``."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                path = unquote(self.path.split("?", 1)[0])
                headers = {k.lower(): v for k, v in self.headers.items()}
                server.log.append((path, headers))
                route = server.routes.get(path)
                reply = route(headers) if route else Reply(404, body=b'{"message":"nope"}')
                self.send_response(reply.status)
                length = len(reply.body) * (2 if reply.hold else 1)
                for name, value in {"Content-Length": str(length), **reply.headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(reply.body)
                self.wfile.flush()
                if reply.hold:  # the rest never comes until the test ends
                    server.release.wait(10)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._serving = contextlib.ExitStack()
        httpd = ThreadingHTTPServer(LOOPBACK, Handler)
        self.origin = origin(self._serving.enter_context(running(httpd, poll_interval=0.02)))
        self.base_url = self.origin + "/api/v2"

    def close(self) -> None:
        self.release.set()
        self._serving.close()

    def file(self, name: str, content: bytes) -> str:
        """Serve ``content`` (ranges ignored) and return its URL."""
        self.routes[f"/files/{name}"] = lambda _headers: Reply(body=content)
        return f"{self.origin}/files/{name}"

    def listing(self, items: list[Any], path: str = LISTING) -> None:
        body = json.dumps({"items": items, "next_page_token": None}).encode()
        self.routes[path] = lambda _headers: Reply(
            headers={"Content-Type": "application/json"}, body=body
        )

    def requested(self, prefix: str) -> list[str]:
        return [path for path, _ in self.log if path.startswith(prefix)]


@pytest.fixture
def server() -> Iterator[HostileServer]:
    hostile = HostileServer()
    yield hostile
    hostile.close()


def _client(server: HostileServer) -> AuthenticatedClient:
    return AuthenticatedClient("t0ken-for-tests", server.base_url, max_retries=0)


def _entry(path: Any, url: Any, node: Any = 0) -> dict[str, Any]:
    return {"path": path, "node_index": node, "url": url}


def _by_path(report: DownloadReport) -> dict[str, FileStatus]:
    return {result.artifact.path: result.status for result in report.files}


def _error(report: DownloadReport, path: str) -> str:
    [result] = [r for r in report.files if r.artifact.path == path]
    assert result.status is FileStatus.FAILED
    assert result.error
    return result.error


# --- finding 8: one hostile entry or header fails one file ------------------------------------


@pytest.mark.parametrize(
    "content_range",
    [
        "bytes 0-0/" + "9" * 5000,  # int() of it raises ValueError
        "bytes 0-0/" + "1" + "0" * 30,  # a size no disk has
        "bytes 0-5/3",  # end past the total
        "bytes 3-1/9",  # end before start
    ],
)
def test_bad_content_range_fails_only_that_file(
    server: HostileServer, tmp_path: Path, job_download: DownloadJob, content_range: str
) -> None:
    good_a = server.file("a.txt", b"aaa")
    good_c = server.file("c.txt", b"ccc")
    server.routes["/files/b.txt"] = lambda headers: (
        Reply(206, {"Content-Range": content_range}, b"b")
        if "range" in headers
        else Reply(body=b"new b")
    )
    server.listing(
        [
            _entry("a.txt", good_a),
            _entry("b.txt", f"{server.origin}/files/b.txt"),
            _entry("c.txt", good_c),
        ]
    )
    (tmp_path / "b.txt").write_bytes(b"old")  # so the size probe reads Content-Range

    report = job_download(_client(server), SLUG, JOB, tmp_path)

    assert _by_path(report) == {
        "a.txt": FileStatus.DOWNLOADED,
        "b.txt": FileStatus.FAILED,
        "c.txt": FileStatus.DOWNLOADED,
    }
    assert "Content-Range" in _error(report, "b.txt")
    assert "b.txt" in report.summary()
    assert (tmp_path / "b.txt").read_bytes() == b"old"


HOSTILE_ENTRIES: list[tuple[Any, str]] = [
    (_entry(5, "URL"), "path is a number"),
    (_entry(None, "URL"), "path is null"),
    (_entry(["x.txt"], "URL"), "path is a list"),
    ({"node_index": 0, "url": "URL"}, "path is missing"),
    (_entry("bad-url-number.txt", 7), "url is a number"),
    (_entry("bad-url-null.txt", None), "url is null"),
    ({"path": "bad-url-missing.txt", "node_index": 0}, "url is missing"),
    (_entry("bad-node-text.txt", "URL", "0/../node-0"), "node_index is a string"),
    (_entry("bad-node-bool.txt", "URL", True), "node_index is a boolean"),
    (_entry("bad-node-negative.txt", "URL", -1), "node_index is a number"),
    (_entry("bad-node-huge.txt", "URL", 10**30), "node_index is a number"),
    ("just a string", "listing item is a string"),
    (None, "listing item is null"),
]


def test_hostile_listing_entries_fail_one_by_one(
    server: HostileServer, tmp_path: Path, job_download: DownloadJob
) -> None:
    url = server.file("any.bin", b"should not be fetched")
    items: list[Any] = [_entry("first.txt", server.file("first.txt", b"1"))]
    for raw, _ in HOSTILE_ENTRIES:
        items.append(json.loads(json.dumps(raw).replace('"URL"', json.dumps(url))))
    items.append(_entry("last.txt", server.file("last.txt", b"2")))
    server.listing(items)

    report = job_download(_client(server), SLUG, JOB, tmp_path)

    assert len(report.files) == len(items)
    assert [r.status for r in report.files] == [
        FileStatus.DOWNLOADED,
        *[FileStatus.FAILED] * len(HOSTILE_ENTRIES),
        FileStatus.DOWNLOADED,
    ]
    for result, (_, reason) in zip(report.files[1:-1], HOSTILE_ENTRIES, strict=True):
        assert result.error is not None
        assert reason in result.error, result.error
        assert result.artifact.target is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["first.txt", "last.txt"]
    assert server.requested("/files/any.bin") == []
    assert "<item 2>" in report.summary()  # an entry without a string path is still named


def test_bad_entry_without_path_is_reported_whatever_the_glob(
    server: HostileServer, tmp_path: Path, job_download: DownloadJob
) -> None:
    server.listing(
        [
            _entry("logs/a.log", server.file("a.log", b"a")),
            _entry("other.txt", server.file("o.txt", b"o")),
            _entry({"x": 1}, server.file("x.log", b"x")),
        ]
    )

    report = job_download(_client(server), SLUG, JOB, tmp_path, glob="logs/*")

    assert _by_path(report) == {"logs/a.log": FileStatus.DOWNLOADED, "<item 3>": FileStatus.FAILED}
    assert "path is an object" in _error(report, "<item 3>")


@pytest.mark.parametrize("with_bad_entry", [False, True])
def test_cli_reports_hostile_entries_with_exit_1(
    server: HostileServer, tmp_path: Path, with_bad_entry: bool
) -> None:
    server.routes["/files/b.txt"] = lambda headers: Reply(
        206, {"Content-Range": "bytes 0-0/" + "9" * 5000}, b"b"
    )
    items = [
        _entry("a.txt", server.file("a.txt", b"a")),
        _entry("b.txt", f"{server.origin}/files/b.txt"),
    ]
    if with_bad_entry:
        items.append(_entry(42, server.file("n.txt", b"n")))
    server.listing(items)
    (tmp_path / "b.txt").write_bytes(b"old")
    env = {
        "CIRCLE_TOKEN": "t0ken-for-tests",
        "CIRCLECI_TOKEN": "",
        "CIRCLECI_BASE_URL": server.base_url,
        "CIRCLECI_TOKEN_HOSTS": "",
    }
    args = ["artifacts", "download", SLUG, str(JOB), "--dest", str(tmp_path), "-q"]

    result = CliRunner().invoke(app, args, env=env)

    assert result.exit_code == 1, result.output  # some file failed; not 2, a usage error
    assert "1 downloaded" in result.output
    assert f"{2 if with_bad_entry else 1} failed" in result.output
    assert "Content-Range" in result.output
    assert ("path is a number" in result.output) is with_bad_entry


class _FailOn(ProgressListener):
    """Raises when ``path`` starts; records every start."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.started: list[str] = []

    def on_start(self, file: ArtifactFile, total: int | None, offset: int) -> None:
        self.started.append(file.path)
        if file.path == self.path:
            raise RuntimeError("listener broke")


def test_async_abort_cancels_and_awaits_every_download(
    server: HostileServer, tmp_path: Path
) -> None:
    server.routes["/files/slow"] = lambda _h: Reply(body=b"s" * 1000, hold=True)
    server.listing(
        [_entry(f"slow-{n}.bin", f"{server.origin}/files/slow?{n}") for n in range(3)]
        + [_entry("boom.txt", server.file("boom.txt", b"b"))]
    )
    listener = _FailOn("boom.txt")

    async def main() -> list[asyncio.Task[Any]]:
        async with _client(server) as client:
            with pytest.raises(RuntimeError, match="listener broke"):
                await adownload_job_artifacts(
                    client, SLUG, JOB, tmp_path, concurrency=4, progress=listener
                )
            me = asyncio.current_task()
            return [t for t in asyncio.all_tasks() if t is not me and not t.done()]

    assert asyncio.run(main()) == []
    assert "boom.txt" in listener.started


def test_sync_abort_starts_no_further_files(server: HostileServer, tmp_path: Path) -> None:
    names = [f"f{n}.txt" for n in range(6)]
    server.listing([_entry(name, server.file(name, b"x")) for name in names])

    with (
        _client(server) as client,
        pytest.raises(RuntimeError, match="listener broke"),
    ):
        download_job_artifacts(
            client, SLUG, JOB, tmp_path, concurrency=1, progress=_FailOn("f0.txt")
        )

    assert len(server.requested("/files/")) <= 2  # the failing file, and at most one in flight


def _job(number: Any, name: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "name": name,
        "project_slug": SLUG,
        "status": "success",
        "type": "build",
        "dependencies": [],
        "job_number": number,
    }


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_job_number_that_is_not_an_integer_never_shapes_a_path(
    server: HostileServer, tmp_path: Path, mode: str
) -> None:
    jobs = {"items": [_job("0/../7", "evil"), _job(7, "good")], "next_page_token": None}
    body = json.dumps(jobs).encode()
    server.routes[f"/api/v2/workflow/{WORKFLOW}/job"] = lambda _h: Reply(body=body)
    server.listing(
        [_entry("r.txt", server.file("r.txt", b"r"))], f"/api/v2/project/{SLUG}/7/artifacts"
    )
    download = (
        download_workflow_artifacts if mode == "sync" else run_async(adownload_workflow_artifacts)
    )

    # The job is either reported as one failed entry while the good job downloads, or, should
    # the job model refuse the value, the listing fails with a typed error. Never a request
    # with the value in its path.
    try:
        report = download(_client(server), WORKFLOW, tmp_path)
    except ResponseValidationError as exc:
        assert "job_number" in str(exc)
    else:
        statuses = sorted((r.artifact.job_number, r.status) for r in report.files)
        assert statuses == [(-1, FileStatus.FAILED), (7, FileStatus.DOWNLOADED)]
        [failed] = report.failed
        assert failed.error is not None and "job_number" in failed.error
        assert (tmp_path / "7-good" / "r.txt").read_bytes() == b"r"
    assert not [p for p in server.requested("/api/v2/project/") if "/../" in p or "evil" in p]
    assert server.requested(f"/api/v2/project/{SLUG}/0") == []


# --- finding 13: link-local and metadata addresses --------------------------------------------


METADATA_URLS = [
    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "http://169.254.170.2/v2/credentials",
    "http://[fd00:ec2::254]/latest/meta-data/",
    "http://[fe80::1]/x",
    "http://[::ffff:169.254.169.254]/x",
    "http://2852039166/x",
    "http://0xa9fea9fe/x",
    "http://169.254.43518/x",
    "http://169.254.169.254./x",
    "http://%31%36%39.254.169.254/x",
    "http://metadata.google.internal/computeMetadata/v1/",
]


class _Intercept(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Passes requests to 127.0.0.1 through; answers any other host as a metadata service
    would (that address cannot be served from a test), and records it."""

    def __init__(self) -> None:
        self.sync = httpx.HTTPTransport()
        self.async_ = httpx.AsyncHTTPTransport()
        self.intercepted: list[str] = []

    def _fake(self, request: httpx.Request) -> httpx.Response | None:
        if request.url.host == "127.0.0.1":
            return None
        self.intercepted.append(str(request.url))
        return httpx.Response(200, stream=httpx.ByteStream(b"SECRET"), request=request)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._fake(request) or self.sync.handle_request(request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return self._fake(request) or await self.async_.handle_async_request(request)


def _redirect_to(url: str) -> Route:
    return lambda _headers: Reply(302, {"Location": url})


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize("via", ["listing", "redirect"])
def test_link_local_and_metadata_urls_are_refused(
    server: HostileServer, tmp_path: Path, mode: str, via: str
) -> None:
    items = [_entry("ok.txt", server.file("ok.txt", b"ok"))]
    for n, url in enumerate(METADATA_URLS):
        if via == "redirect":
            server.routes[f"/files/r{n}"] = _redirect_to(url)
            url = f"{server.origin}/files/r{n}"
        items.append(_entry(f"m{n}.txt", url))
    server.listing(items)
    intercept = _Intercept()
    client = _client(server)
    if mode == "sync":
        client.set_httpx_client(httpx.Client(base_url=server.base_url, transport=intercept))
        report = download_job_artifacts(client, SLUG, JOB, tmp_path)
    else:
        http = httpx.AsyncClient(base_url=server.base_url, transport=intercept)
        client.set_async_httpx_client(http)
        report = run_async(adownload_job_artifacts)(client, SLUG, JOB, tmp_path)

    assert intercept.intercepted == []
    assert report.files[0].status is FileStatus.DOWNLOADED
    for result in report.files[1:]:
        assert result.status is FileStatus.FAILED
        assert result.error is not None and "link-local or cloud metadata" in result.error
        assert "allow_link_local" in result.error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.txt"]


def test_allow_link_local_fetches_them(server: HostileServer, tmp_path: Path) -> None:
    server.listing([_entry("m.txt", "http://169.254.169.254/latest/meta-data/")])
    intercept = _Intercept()
    client = _client(server)
    client.set_httpx_client(httpx.Client(base_url=server.base_url, transport=intercept))

    report = download_job_artifacts(client, SLUG, JOB, tmp_path, allow_link_local=True)

    assert intercept.intercepted == ["http://169.254.169.254/latest/meta-data/"]
    assert report.files[0].status is FileStatus.DOWNLOADED


def test_allow_link_local_must_be_a_bool(server: HostileServer, tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="allow_link_local"):
        options: dict[str, Any] = {"allow_link_local": "no"}
        download_job_artifacts(_client(server), SLUG, JOB, tmp_path, **options)
    assert server.log == []


@pytest.mark.parametrize(
    "host",
    ["169.254.0.1", "fe80::abcd", "fe80::1%25eth0", "FD00:EC2::254", "[fd00:ec2::254]"],
)
def test_link_local_hosts_recognised(host: str) -> None:
    assert is_link_local_host(host)


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "10.0.0.1", "169.255.0.1", "fd00:ec2::253", "example.com", "::1", "localhost"],
)
def test_other_hosts_not_refused(host: str) -> None:
    assert not is_link_local_host(host)


@pytest.mark.parametrize(("flag", "expected"), [([], False), (["--allow-link-local"], True)])
def test_cli_allow_link_local_flag(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, flag: list[str], expected: bool
) -> None:
    from circleci_client import artifacts

    seen: dict[str, Any] = {}

    def fake(client: Any, slug: str, job: int, dest: Path, **options: Any) -> DownloadReport:
        seen.update(options)
        return DownloadReport(tmp_path)

    monkeypatch.setattr(artifacts, "download_job_artifacts", fake)
    env = {"CIRCLE_TOKEN": "t", "CIRCLECI_TOKEN": "", "CIRCLECI_TOKEN_HOSTS": ""}
    args = ["artifacts", "download", SLUG, "1", "--dest", str(tmp_path), "-q", *flag]

    result = CliRunner().invoke(app, args, env=env)

    assert result.exit_code == 0, result.output
    assert seen["allow_link_local"] is expected


# --- finding 13: collisions -------------------------------------------------------------------


def test_string_node_index_cannot_defeat_the_collision_check(
    server: HostileServer, tmp_path: Path
) -> None:
    server.listing(
        [
            _entry("x.txt", server.file("n0", b"node zero"), 0),
            _entry("x.txt", server.file("n1", b"node one"), 1),
            _entry("x.txt", server.file("evil", b"evil"), "0/../node-0"),
        ]
    )

    report = download_job_artifacts(_client(server), SLUG, JOB, tmp_path)

    assert [r.status for r in report.files] == [
        FileStatus.DOWNLOADED,
        FileStatus.DOWNLOADED,
        FileStatus.FAILED,
    ]
    assert (tmp_path / "node-0" / "x.txt").read_bytes() == b"node zero"
    assert server.requested("/files/evil") == []


def test_names_equal_after_nfc_collide(server: HostileServer, tmp_path: Path) -> None:
    composed, decomposed = "caf\u00e9.txt", "cafe\u0301.txt"
    server.listing(
        [
            _entry(composed, server.file("c1", b"composed")),
            _entry(decomposed, server.file("c2", b"decomposed")),
            _entry("Dir/caf\u00e9.TXT", server.file("c3", b"c")),
            _entry("dir/CAFE\u0301.txt", server.file("c4", b"d")),
        ]
    )

    report = download_job_artifacts(_client(server), SLUG, JOB, tmp_path)

    statuses = [r.status for r in report.files]
    assert statuses == [FileStatus.DOWNLOADED, FileStatus.FAILED] * 2
    assert "another artifact already downloads" in (report.files[1].error or "")
    assert (tmp_path / composed).read_bytes() == b"composed"  # not overwritten by the second


@pytest.mark.parametrize("validator_first", [False, True])
def test_an_artifact_named_like_another_files_validator_collides(
    server: HostileServer, tmp_path: Path, validator_first: bool
) -> None:
    entries = [
        _entry("a.bin", server.file("v1", b"artifact")),
        _entry("A.bin.part.validator", server.file("v2", b"planted")),
    ]
    server.listing(entries[::-1] if validator_first else entries)

    report = download_job_artifacts(_client(server), SLUG, JOB, tmp_path)

    assert [r.status for r in report.files] == [FileStatus.DOWNLOADED, FileStatus.FAILED]
    assert "another artifact already downloads" in (report.files[1].error or "")


def test_sharp_s_and_ss_do_not_collide(server: HostileServer, tmp_path: Path) -> None:
    server.listing(
        [
            _entry("stra\u00dfe.txt", server.file("s1", b"sharp")),
            _entry("strasse.txt", server.file("s2", b"double")),
        ]
    )

    report = download_job_artifacts(_client(server), SLUG, JOB, tmp_path)

    assert [r.status for r in report.files] == [FileStatus.DOWNLOADED] * 2
    assert (tmp_path / "stra\u00dfe.txt").read_bytes() == b"sharp"
    assert (tmp_path / "strasse.txt").read_bytes() == b"double"


def test_async_cancel_from_outside_awaits_every_download(
    server: HostileServer, tmp_path: Path
) -> None:
    serving = threading.Event()

    def slow(_headers: dict[str, str]) -> Reply:
        serving.set()
        return Reply(body=b"s" * 1000, hold=True)

    server.routes["/files/slow"] = slow
    server.listing([_entry(f"slow-{n}.bin", f"{server.origin}/files/slow?{n}") for n in range(3)])

    async def main() -> list[asyncio.Task[Any]]:
        async with _client(server) as client:
            run = asyncio.ensure_future(adownload_job_artifacts(client, SLUG, JOB, tmp_path))
            await asyncio.to_thread(serving.wait, 10)
            run.cancel()
            with pytest.raises(asyncio.CancelledError):
                await run
            me = asyncio.current_task()
            return [t for t in asyncio.all_tasks() if t is not me and not t.done()]

    assert asyncio.run(main()) == []
    assert all(p.name.endswith(".part") for p in tmp_path.iterdir())
