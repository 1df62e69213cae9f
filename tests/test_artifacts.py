"""Artifact downloads against the stand-in over real HTTP, sync and async."""

from __future__ import annotations

import ast
import hashlib
import os
import re
from pathlib import Path
from typing import Any

import pytest
from circleci_client import AuthenticatedClient, artifacts
from circleci_client.artifacts import (
    DEFAULT_CONCURRENCY,
    PART_SUFFIX,
    VALIDATOR_SUFFIX,
    FileStatus,
    NoSuccessfulPipelineError,
    UnsafePathError,
    adownload_branch_artifacts,
    adownload_workflow_artifacts,
    download_branch_artifacts,
    download_job_artifacts,
    download_workflow_artifacts,
    find_latest_successful_pipeline,
    job_folder_name,
    safe_relative_path,
)

from tests.downloads import DownloadJob, artifact_client, run_async
from tests.standin.content import artifact_sha256
from tests.standin.hosts import validators
from tests.standin.server import Standin
from tests.standin.world import Artifact, Job, Pipeline, text_content

BIG = 3 * 1024 * 1024 + 17  # not a multiple of any chunk size


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _job(standin: Standin, number: int) -> Job:
    return standin.world.projects[standin.world.facts.widgets_slug].jobs_by_number[number]


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def _add(standin: Standin, job: Job, path: str, node: int = 0, content: bytes = b"x") -> None:
    with standin.world.lock:
        job.artifacts.append(Artifact(path, node, len(content), content, path))


@pytest.fixture
def small_big(standin: Standin) -> Artifact:
    """The showcase build job's generated blob, shrunk to a few MiB."""
    with standin.world.lock:
        standin.world.set_big_artifact_size(BIG)
    return standin.world.big_artifact


# -- paths -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "../x",
        "a/../../x",
        "/etc/passwd",
        "C:/windows/x",
        "a/C:x",
        "a\\..\\x",
        "a\x00b",
        "a\nb",
        "",
        "./",
        "//",
    ],
)
def test_unsafe_paths_are_refused(path: str) -> None:
    with pytest.raises(UnsafePathError):
        safe_relative_path(path)


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("logs/NUL", "device name 'NUL'"),
        ("con.txt", "device name 'con.txt'"),
        ("a/com1.tar.gz", "device name 'com1.tar.gz'"),
        ("reports./x", "'reports.' ends in a dot"),
        ("a/b ", "'b ' ends in a dot or a space"),
    ],
)
def test_windows_device_names_and_trailing_dots_are_refused_for_windows(
    path: str, problem: str
) -> None:
    with pytest.raises(UnsafePathError, match=re.escape(problem)):
        safe_relative_path(path, windows=True)
    # Elsewhere they are ordinary names.
    assert safe_relative_path(path, windows=False).as_posix() == path.rstrip("/")


def test_safe_paths_are_normalised() -> None:
    assert safe_relative_path("a//./b/c.txt").as_posix() == "a/b/c.txt"
    assert safe_relative_path("reports/..hidden").as_posix() == "reports/..hidden"
    assert job_folder_name(12, "build / deploy:prod") == "12-build_deploy_prod"
    assert job_folder_name(3, "..") == "3"


def test_traversal_absolute_and_nul_refused_while_the_rest_download(
    standin: Standin, tmp_path: Path, job_download: DownloadJob
) -> None:
    facts = standin.world.facts
    job = _job(standin, facts.build_job_number)
    with standin.world.lock:
        job.artifacts = [a for a in job.artifacts if a.path != facts.big_artifact_path]
    bad = ["../escape.txt", "/tmp/absolute.txt", "nul\x00byte.txt", "C:/drive.txt", "a\\b"]
    for path in bad:
        _add(standin, job, path)
    dest = tmp_path / "dest"
    with artifact_client(standin) as client:
        report = job_download(client, facts.widgets_slug, facts.build_job_number, dest)
    failed = {r.artifact.path: r.error for r in report.failed}
    assert set(failed) == set(bad)
    assert all(error for error in failed.values())
    assert len(report.downloaded) == len(job.artifacts) - len(bad)
    assert not (tmp_path / "escape.txt").exists()
    assert not any(name.endswith(("escape.txt", "absolute.txt")) for name in _files(tmp_path))
    # Refused paths were never requested.
    requested = {r.path for r in standin.requests.artifact}
    assert not any("escape" in p or "absolute" in p or "drive" in p for p in requested)


def test_symlink_inside_destination_pointing_outside_is_refused(
    standin: Standin, tmp_path: Path
) -> None:
    facts = standin.world.facts
    outside = tmp_path / "outside"
    outside.mkdir()
    dest = tmp_path / "dest"
    (dest).mkdir()
    (dest / "reports").symlink_to(outside, target_is_directory=True)
    with artifact_client(standin) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, dest, glob="reports/*"
        )
    assert report.failed and not report.downloaded
    assert all("outside" in (r.error or "") for r in report.failed)
    assert list(outside.iterdir()) == []


# -- content, layout, glob --------------------------------------------------------------------


def test_job_download_matches_server_bytes(
    standin: Standin, tmp_path: Path, job_download: DownloadJob, small_big: Artifact
) -> None:
    facts = standin.world.facts
    with artifact_client(standin) as client:
        report = job_download(client, facts.widgets_slug, facts.build_job_number, tmp_path)
    job = _job(standin, facts.build_job_number)
    assert report.ok and len(report.downloaded) == len(job.artifacts)
    assert _files(tmp_path) == sorted(a.path for a in job.artifacts)
    assert _sha256(tmp_path / facts.big_artifact_path) == artifact_sha256(small_big)
    small = job.artifacts[0]
    assert (tmp_path / small.path).read_bytes() == small.content
    assert report.bytes_received == sum(a.size for a in job.artifacts)
    assert "0 failed" in report.summary()


def test_glob_selects_by_path(standin: Standin, tmp_path: Path, job_download: DownloadJob) -> None:
    facts = standin.world.facts
    with artifact_client(standin) as client:
        report = job_download(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="reports/*.html"
        )
    names = _files(tmp_path)
    assert names and all(n.startswith("reports/") and n.endswith(".html") for n in names)
    assert "reports/coverage/src/widgets/core.py.html" in names  # * crosses /
    assert len(report.files) == len(names)


def test_multi_node_job_gets_node_folders(
    standin: Standin, tmp_path: Path, job_download: DownloadJob
) -> None:
    facts = standin.world.facts
    with artifact_client(standin) as client:
        report = job_download(client, facts.widgets_slug, facts.two_node_job_number, tmp_path)
    assert report.ok
    assert _files(tmp_path) == [
        "node-0/coverage/node-0/coverage.json",
        "node-0/test-results/junit.xml",
        "node-1/coverage/node-1/coverage.json",
        "node-1/test-results/junit.xml",
    ]
    job = _job(standin, facts.two_node_job_number)
    node1 = next(a for a in job.artifacts if a.node_index == 1 and a.path.endswith(".xml"))
    assert (tmp_path / "node-1" / node1.path).read_bytes() == node1.content


# -- skip existing, interruption, resume --------------------------------------------------------


def test_second_run_downloads_nothing(
    standin: Standin, tmp_path: Path, job_download: DownloadJob, small_big: Artifact
) -> None:
    facts = standin.world.facts
    with artifact_client(standin) as client:
        first = job_download(client, facts.widgets_slug, facts.build_job_number, tmp_path)
        assert first.ok
        standin.requests.clear()
        second = job_download(client, facts.widgets_slug, facts.build_job_number, tmp_path)
    assert len(second.skipped) == len(first.files) and not second.downloaded
    assert second.bytes_received == 0
    # Only one-byte probes reached the artifact host.
    log = list(standin.requests.artifact)
    assert len(log) == len(first.files)
    assert {r.headers.get("range") for r in log} == {"bytes=0-0"}


def test_existing_file_of_wrong_size_is_downloaded_again(
    standin: Standin, tmp_path: Path, small_big: Artifact
) -> None:
    facts = standin.world.facts
    target = tmp_path / facts.big_artifact_path
    target.parent.mkdir(parents=True)
    target.write_bytes(b"stale")
    with artifact_client(standin) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="big/*"
        )
    assert [r.status for r in report.files] == [FileStatus.DOWNLOADED]
    assert _sha256(target) == artifact_sha256(small_big)


def test_interrupted_download_leaves_part_then_resumes_with_range(
    standin: Standin, tmp_path: Path, job_download: DownloadJob, small_big: Artifact
) -> None:
    facts = standin.world.facts
    standin.faults.interrupt_artifacts(after_bytes=1_000_000, times=None, host="artifact")
    target = tmp_path / facts.big_artifact_path
    part = target.with_name(target.name + PART_SUFFIX)
    with artifact_client(standin) as client:
        first = job_download(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="big/*", retries=1
        )
        [failed] = first.failed
        assert "resume" in (failed.error or "")
        assert not target.exists()  # never a complete-looking file
        assert 0 < part.stat().st_size < BIG
        kept = part.stat().st_size
        standin.faults.clear()
        standin.requests.clear()
        second = job_download(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="big/*"
        )
    [done] = second.downloaded
    assert done.resumed and done.bytes_received == BIG - kept
    assert not part.exists()
    assert _sha256(target) == artifact_sha256(small_big)
    [request] = list(standin.requests.artifact)
    assert request.headers["range"] == f"bytes={kept}-" and request.status == 206


def test_interruption_is_resumed_within_the_run(
    standin: Standin, tmp_path: Path, job_download: DownloadJob, small_big: Artifact
) -> None:
    facts = standin.world.facts
    standin.faults.interrupt_artifacts(after_bytes=500_000, times=2, host="artifact")
    with artifact_client(standin) as client:
        report = job_download(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="big/*"
        )
    [done] = report.downloaded
    assert done.resumed
    assert _sha256(tmp_path / facts.big_artifact_path) == artifact_sha256(small_big)
    ranges = [r.headers.get("range") for r in standin.requests.artifact]
    assert ranges[0] is None and all(r and r.startswith("bytes=") for r in ranges[1:])


def test_part_that_cannot_be_resumed_restarts_from_zero(
    standin: Standin, tmp_path: Path, small_big: Artifact
) -> None:
    """A ``.part`` larger than the file gets 416: it is dropped and the file fetched whole.

    Its validator is the server's, so the client does ask to resume it.
    """
    facts = standin.world.facts
    target = tmp_path / facts.big_artifact_path
    target.parent.mkdir(parents=True)
    part = target.with_name(target.name + PART_SUFFIX)
    part.write_bytes(b"\0" * (BIG + 10))
    etag, _ = validators(small_big)
    part.with_name(part.name + VALIDATOR_SUFFIX).write_text(etag + "\n")
    with artifact_client(standin) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="big/*"
        )
    assert report.ok and not report.files[0].resumed
    assert _sha256(target) == artifact_sha256(small_big)
    statuses = [r.status for r in standin.requests.artifact]
    assert statuses == [416, 200]


def test_error_body_is_never_saved(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    standin.faults.add(status=500, times=None, host="artifact", when="before")
    with artifact_client(standin) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="logs/*"
        )
    [failed] = report.failed
    assert "500" in (failed.error or "")
    assert _files(tmp_path) == []


# -- tokens and redirects ---------------------------------------------------------------------


def test_redirect_to_foreign_host_carries_no_token(
    standin: Standin, tmp_path: Path, job_download: DownloadJob
) -> None:
    facts = standin.world.facts
    standin.faults.redirect_artifacts(times=None)
    with artifact_client(standin) as client:
        report = job_download(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="reports/*"
        )
    assert report.ok and report.downloaded
    artifact_log = list(standin.requests.artifact)
    foreign_log = list(standin.requests.foreign)
    assert len(foreign_log) == len(report.files)
    assert all(r.status == 302 and r.headers.get("circle-token") for r in artifact_log)
    for record in foreign_log:
        assert record.status == 200
        assert "circle-token" not in record.headers
        assert "authorization" not in record.headers
        assert standin.token not in str(record.headers) + record.query


def test_artifact_host_not_allowed_gets_no_token(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    client = AuthenticatedClient(standin.token, standin.base_url, max_retries=0)
    with client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, glob="logs/*"
        )
    [failed] = report.failed
    assert "401" in (failed.error or "")
    assert "circle-token" not in standin.requests.artifact[0].headers
    assert _files(tmp_path) == []


# -- workflow and branch mode -----------------------------------------------------------------


def _showcase(standin: Standin) -> Pipeline:
    project = standin.world.projects[standin.world.facts.widgets_slug]
    return next(p for p in project.pipelines if p.number == 94)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_workflow_mode_puts_each_job_in_its_folder(
    standin: Standin, tmp_path: Path, mode: str, small_big: Artifact
) -> None:
    facts = standin.world.facts
    workflow = _showcase(standin).workflows[0]
    with artifact_client(standin) as client:
        if mode == "sync":
            report = download_workflow_artifacts(client, workflow.id, tmp_path, glob="*.xml")
        else:
            report = run_async(adownload_workflow_artifacts)(
                client, workflow.id, tmp_path, glob="*.xml"
            )
    assert report.ok
    test = f"{facts.two_node_job_number}-test"
    assert _files(tmp_path) == [
        f"{test}/node-0/test-results/junit.xml",
        f"{test}/node-1/test-results/junit.xml",
    ]


def test_workflow_mode_skips_jobs_without_number(standin: Standin, tmp_path: Path) -> None:
    deploy = next(w for w in _showcase(standin).workflows if w.name == "deploy")
    with artifact_client(standin) as client:
        report = download_workflow_artifacts(client, deploy.id, tmp_path)
    assert report.ok and report.files == []
    listed = [r for r in standin.requests.api if r.operation == "getJobArtifacts"]
    numbered = [j for j in deploy.jobs if j.job_number is not None]
    assert len(listed) == len(numbered)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_branch_mode_uses_latest_fully_successful_pipeline(
    standin: Standin, tmp_path: Path, mode: str
) -> None:
    facts = standin.world.facts
    project = standin.world.projects[facts.widgets_slug]
    # 94 has a deploy workflow on hold, so the newest successful main pipeline is 91.
    expected = next(p for p in project.pipelines if p.number == 91)
    with artifact_client(standin) as client:
        found = find_latest_successful_pipeline(client, facts.widgets_slug, "main")
        assert found.pipeline.number == 91
        if mode == "sync":
            report = download_branch_artifacts(client, facts.widgets_slug, "main", tmp_path)
        else:
            report = run_async(adownload_branch_artifacts)(
                client, facts.widgets_slug, "main", tmp_path
            )
    assert report.ok and "pipeline 91" in report.source
    jobs = {j.name: j.job_number for wf in expected.workflows for j in wf.jobs}
    names = _files(tmp_path)
    assert f"{jobs['build']}-build/logs/build.log" in names
    assert f"{jobs['test']}-test/node-1/test-results/junit.xml" in names
    assert {n.split("/")[0] for n in names} == {f"{jobs['build']}-build", f"{jobs['test']}-test"}


def test_branch_mode_without_success_raises(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    with artifact_client(standin) as client, pytest.raises(NoSuccessfulPipelineError):
        download_branch_artifacts(client, facts.widgets_slug, "no-such-branch", tmp_path)


# -- concurrency and memory -------------------------------------------------------------------


def test_files_download_concurrently(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    job = _job(standin, facts.build_job_number)
    with standin.world.lock:
        job.artifacts = [
            Artifact(f"many/{i}.txt", 0, 64, text_content(str(i), 1)[:64], str(i))
            for i in range(16)
        ]
    standin.faults.latency(0.2, host="artifact")  # long enough for the requests to overlap
    with artifact_client(standin) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, concurrency=8
        )
    assert report.ok and len(report.downloaded) == 16
    # The artifact host saw several downloads at once, and never more than asked for.
    assert 4 <= standin.requests.artifact.most_at_once() <= 8


def test_the_default_concurrency_is_sixteen_files_at_once(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    job = _job(standin, facts.build_job_number)
    with standin.world.lock:
        job.artifacts = [
            Artifact(f"many/{i}.txt", 0, 64, text_content(str(i), 1)[:64], str(i))
            for i in range(24)
        ]
    standin.faults.latency(0.3, host="artifact")  # long enough for 16 requests to overlap
    with artifact_client(standin) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, tmp_path
        )
    assert report.ok and len(report.downloaded) == 24
    assert DEFAULT_CONCURRENCY == 16
    assert 9 <= standin.requests.artifact.most_at_once() <= 16


def test_concurrency_one_downloads_one_file_at_a_time(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    job = _job(standin, facts.build_job_number)
    with standin.world.lock:
        job.artifacts = [
            Artifact(f"one/{i}.txt", 0, 64, text_content(str(i), 1)[:64], str(i)) for i in range(4)
        ]
    standin.faults.latency(0.05, host="artifact")
    with artifact_client(standin) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, tmp_path, concurrency=1
        )
    assert report.ok and len(report.downloaded) == 4
    assert standin.requests.artifact.most_at_once() == 1


def test_concurrency_must_be_positive(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    with artifact_client(standin) as client, pytest.raises(ValueError, match="concurrency"):
        download_job_artifacts(client, facts.widgets_slug, 1, tmp_path, concurrency=0)


async def test_an_unknown_option_is_refused_before_any_request(
    standin: Standin, tmp_path: Path
) -> None:
    facts = standin.world.facts
    options: dict[str, Any] = {"concurency": 4}  # misspelt
    with artifact_client(standin) as client:
        with pytest.raises(TypeError, match="unknown download option\\(s\\): concurency"):
            download_job_artifacts(client, facts.widgets_slug, 1, tmp_path, **options)
        with pytest.raises(TypeError, match="concurency"):
            await adownload_workflow_artifacts(client, "x", tmp_path, **options)
    assert len(standin.requests.api) == 0


def test_part_file_is_not_followed_when_a_symlink(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep me")
    dest = tmp_path / "dest"
    (dest / "logs").mkdir(parents=True)
    os.symlink(victim, dest / "logs" / f"build.log{PART_SUFFIX}")
    with artifact_client(standin) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.build_job_number, dest, glob="logs/*"
        )
    assert report.failed
    assert victim.read_bytes() == b"keep me"


# -- the package's public surface -----------------------------------------------------------------


def _names(*nodes: ast.AST | None) -> set[str]:
    return {
        n.id
        for node in nodes
        if node is not None
        for n in ast.walk(node)
        if isinstance(n, ast.Name)
    }


def _signature_names(function: ast.FunctionDef | ast.AsyncFunctionDef) -> set[str]:
    args = function.args
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
    annotations = [arg.annotation for arg in every if arg is not None]
    return _names(*annotations, *args.defaults, *args.kw_defaults, function.returns)


def _public_signature_names(tree: ast.Module) -> set[str]:
    """Names in the annotations, defaults and bases of a module's public functions and classes."""
    used: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name[0] != "_":
            used |= _signature_names(node)
        elif isinstance(node, ast.ClassDef) and node.name[0] != "_":
            used |= _names(*node.bases)
            for item in node.body:
                if isinstance(item, ast.AnnAssign):
                    used |= _names(item.annotation, item.value)
                elif isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and (
                    item.name[0] != "_" or item.name == "__init__"
                ):
                    used |= _signature_names(item)
        elif isinstance(node, ast.AnnAssign | ast.Assign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id[0] != "_" for t in targets):
                used |= _names(node.value)  # public aliases such as ``Destination``
    return used


def _defined_names(tree: ast.Module) -> set[str]:
    defined: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            defined.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            defined |= {t.id for t in targets if isinstance(t, ast.Name)}
    return defined


def test_every_name_a_public_signature_uses_is_exported() -> None:
    """Whatever a public function or class of ``circleci_client.artifacts`` names in its
    signature (an option type, a default, a result type) can be imported from the package."""
    folder = Path(artifacts.__file__).parent
    trees = [ast.parse(path.read_text()) for path in sorted(folder.glob("*.py"))]
    defined = set().union(*map(_defined_names, trees))
    used = set().union(*map(_public_signature_names, trees))
    assert {"Destination", "DownloadOptions", "DEFAULT_MAX_PIPELINES"} <= used
    assert sorted((used & defined) - set(artifacts.__all__)) == []
    assert [name for name in artifacts.__all__ if not hasattr(artifacts, name)] == []
