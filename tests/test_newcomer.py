"""A newcomer's first hour: the sandbox, the errors that say what to do, and the CLI's manners."""

from __future__ import annotations

import ast
import io
import json
import os
import queue
import re
import shlex
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from circleci_client import AuthenticatedClient
from circleci_client.artifacts import (
    NoSuccessfulPipelineError,
    download_branch_artifacts,
    download_job_artifacts,
    download_workflow_artifacts,
)
from circleci_client.cli import TOKEN_HOSTS_ENV_VAR, app
from circleci_client.slugs import InvalidProjectSlugError, validate_project_slug
from circleci_client.types import UNSET
from rich.console import Console
from typer.testing import CliRunner

from docs.examples import tutorial
from tests.clients import cli_env
from tests.ports import free_fixed_ports, refusing_port
from tests.standin.server import Standin
from tests.standin.welcome import exports, welcome

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def _pasted(lines: list[str]) -> dict[str, str]:
    """What a shell has after the ``export`` lines are pasted."""
    env = {}
    for line in lines:
        if line.startswith("export "):
            name, _, value = line.removeprefix("export ").partition("=")
            [env[name]] = shlex.split(value)
    return env


def _flat(text: str) -> str:
    """Text without the error panel's frame and line breaks."""
    return " ".join(re.sub(r"[\u2500-\u257f]", " ", text).split())


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def _showcase_workflow(standin: Standin) -> str:
    line = next(line for line in welcome(standin) if "--workflow" in line)
    return line.split("--workflow ")[1].split()[0]


@contextmanager
def _sandbox(*args: str) -> Iterator[list[str]]:
    """Start ``python -m tests.standin`` and yield what it printed before serving."""
    command = [sys.executable, "-m", "tests.standin", *args]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    printed: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            printed.put(line.rstrip("\n"))
        printed.put("")  # the output ended

    threading.Thread(target=read, daemon=True).start()
    try:
        lines: list[str] = []
        while not lines or lines[-1] != "Serving until Ctrl-C.":
            try:
                line = printed.get(timeout=60)
            except queue.Empty:
                raise AssertionError(f"the sandbox printed nothing more after {lines}") from None
            if not line and process.poll() is not None:
                raise AssertionError(f"the sandbox stopped early after {lines}")
            lines.append(line)
        yield lines
    finally:
        process.terminate()
        process.wait(timeout=30)


# --------------------------------------------------------------------------------------------
# 1. The sandbox can be used by copying what it prints
# --------------------------------------------------------------------------------------------


def test_sandbox_prints_exports_that_from_env_reads(standin: Standin) -> None:
    env = _pasted(exports(standin))
    assert env == {
        "CIRCLE_TOKEN": standin.token,
        "CIRCLECI_BASE_URL": standin.base_url,
        TOKEN_HOSTS_ENV_VAR: standin.artifact_base_url,
    }
    client = AuthenticatedClient.from_env(env)
    assert client.base_url == standin.base_url
    assert client.token_urls == (standin.base_url, standin.artifact_base_url)


def test_from_env_token_hosts_add_to_cloud_defaults_and_refuse_non_urls() -> None:
    env = {"CIRCLE_TOKEN": "t", TOKEN_HOSTS_ENV_VAR: "https://a.example.com  https://b.example"}
    client = AuthenticatedClient.from_env(env)
    assert client.token_urls[1:] == (
        "https://*.circle-artifacts.com",
        "https://a.example.com",
        "https://b.example",
    )
    with pytest.raises(ValueError, match=f"{TOKEN_HOSTS_ENV_VAR} holds 'a.example.com'"):
        AuthenticatedClient.from_env({"CIRCLE_TOKEN": "t", TOKEN_HOSTS_ENV_VAR: "a.example.com"})


def test_sandbox_start_lists_projects_jobs_and_fixed_ports(tmp_path: Path) -> None:
    ports = free_fixed_ports(2)
    with _sandbox("--port", str(ports[0]), "--artifact-port", str(ports[1])) as lines:
        text = "\n".join(lines)
    assert lines[0] == f"base URL: http://127.0.0.1:{ports[0]}/api/v2"
    assert f"export {TOKEN_HOSTS_ENV_VAR}=http://localhost:{ports[1]}" in lines
    assert "gh/acme/widgets: 95 pipelines" in text and "bb/acme/legacy-app" in text
    assert re.search(r"gh/acme/widgets job \d+ \(build: 27 artifacts, big/blob.bin", text)


def test_withheld_token_401_says_why_and_names_the_setting(
    standin: Standin, tmp_path: Path
) -> None:
    facts = standin.world.facts
    with AuthenticatedClient(token=standin.token, base_url=standin.base_url) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.two_node_job_number, tmp_path
        )
    assert report.failed and not report.downloaded
    origin = standin.artifact_base_url
    for result in report.failed:
        assert result.http_status == 401
        assert f"the token was not sent to {origin} because it is not among token_hosts / " in (
            result.error or ""
        )
        assert TOKEN_HOSTS_ENV_VAR in (result.error or "")


def test_a_401_for_a_token_that_was_sent_has_no_such_hint(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    with AuthenticatedClient(
        token="wrong-token", base_url=standin.base_url, token_hosts=[standin.artifact_base_url]
    ) as client:
        url = f"{standin.artifact_base_url}/output/job/{'0' * 36}/artifacts/0/a.txt"
        response = client.get_httpx_client().get(url)
        good = client.with_options(token=standin.token)
        report = download_job_artifacts(
            good, facts.widgets_slug, facts.two_node_job_number, tmp_path
        )
    assert response.status_code == 401
    assert "circleci_client.token_withheld" not in response.request.extensions
    assert report.ok


def test_a_redirect_target_that_answers_401_gets_no_token_hint(
    standin: Standin, tmp_path: Path
) -> None:
    facts = standin.world.facts
    standin.faults.redirect_artifacts()
    standin.faults.add(None, status=401, when="before", host="foreign", times=None)
    with AuthenticatedClient(
        token=standin.token, base_url=standin.base_url, token_hosts=[standin.artifact_base_url]
    ) as client:
        report = download_job_artifacts(
            client, facts.widgets_slug, facts.two_node_job_number, tmp_path
        )
    assert len(report.failed) == 4
    for result in report.failed:
        assert result.http_status == 401
        assert (result.error or "").startswith(f"HTTP 401 from {standin.foreign_base_url}/")
        assert "was not sent" not in (result.error or "")


def test_cli_exits_2_when_an_artifact_host_refuses(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    args = ["artifacts", "download", facts.widgets_slug, str(facts.two_node_job_number)]
    result = runner.invoke(app, [*args, "--dest", str(tmp_path)], env=cli_env(standin))
    assert result.exit_code == 2, result.output
    assert TOKEN_HOSTS_ENV_VAR in result.stdout and "was not sent to" in result.stdout
    assert "refused the token" in result.stderr


def test_docs_promise_the_exit_codes_the_cli_uses() -> None:
    page = " ".join((ROOT / "docs/use-cases/artifacts.md").read_text().split())
    assert "1 when some file failed" in page and "130 after Ctrl-C" in page
    assert "2 for a usage or authentication error (an artifact host answering 401" in page
    help_text = runner.invoke(app, ["--help"]).stdout
    assert "2 usage or" in help_text and "130 interrupted" in help_text


def test_tutorial_live_against_the_sandbox_fails_until_the_token_hosts_are_set(
    standin: Standin, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, value in cli_env(standin).items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv(TOKEN_HOSTS_ENV_VAR)
    assert tutorial.main(["--live", "--project", "gh/acme/widgets"]) == 1
    printed = capsys.readouterr().out
    assert "None bytes" not in printed
    assert "The tutorial stopped: step 8" in printed and "was not sent to" in printed
    monkeypatch.setenv(TOKEN_HOSTS_ENV_VAR, standin.artifact_base_url)
    assert tutorial.main(["--live", "--project", "gh/acme/widgets"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("Done.")


# --------------------------------------------------------------------------------------------
# 4. Errors that tell you what to do
# --------------------------------------------------------------------------------------------


def test_base_url_ending_in_api_hints_api_v2(standin: Standin) -> None:
    with pytest.raises(ValueError, match=r"use 'https://circleci.com/api/v2'"):
        AuthenticatedClient(token="t", base_url="https://circleci.com/api/")
    env = {"CIRCLE_TOKEN": "t", "CIRCLECI_BASE_URL": "https://circleci.example/api"}
    with pytest.raises(ValueError, match=r"^CIRCLECI_BASE_URL: .*/api/v2"):
        AuthenticatedClient.from_env(env)
    root = standin.base_url.removesuffix("/v2")
    result = runner.invoke(
        app,
        ["artifacts", "list", "gh/acme/widgets", "1"],
        env=cli_env(standin, CIRCLECI_BASE_URL=root),
    )
    assert result.exit_code == 2 and f"use '{root}/v2'" in result.stderr
    assert not standin.requests.api.snapshot()


def test_connection_refused_names_the_base_url_and_the_variable(standin: Standin) -> None:
    code = "from circleci_client._console import main; main()"
    with refusing_port() as port:
        closed = f"http://127.0.0.1:{port}/api/v2"
        env = {**os.environ, **cli_env(standin, CIRCLECI_BASE_URL=closed)}
        done = subprocess.run(
            [sys.executable, "-c", code, "artifacts", "list", "gh/acme/widgets", "1"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert f"hint: nothing answered at {closed}" in done.stderr
    assert "check CIRCLECI_BASE_URL" in done.stderr and "Traceback" not in done.stderr


def test_workflow_that_is_not_a_uuid_names_the_option(standin: Standin, tmp_path: Path) -> None:
    args = ["artifacts", "download", "--workflow", "not-a-uuid", "--dest", str(tmp_path)]
    result = runner.invoke(app, args, env=cli_env(standin))
    assert result.exit_code == 2
    shown = _flat(result.output)
    assert "'--workflow'" in shown and "'not-a-uuid' is not a workflow id" in shown
    assert not standin.requests.api.snapshot()


def test_library_names_a_workflow_id_that_is_not_a_uuid(standin: Standin, tmp_path: Path) -> None:
    client = AuthenticatedClient(token=standin.token, base_url=standin.base_url)
    with client, pytest.raises(ValueError, match=r"^workflow_id 'not-a-uuid' is not a workflow"):
        download_workflow_artifacts(client, "not-a-uuid", tmp_path)
    assert not standin.requests.api.snapshot()


def test_dest_on_a_file_or_under_one_is_a_message(standin: Standin, tmp_path: Path) -> None:
    a_file = tmp_path / "taken"
    a_file.write_text("x")
    for dest, problem in ((a_file, "is a file, not a folder"), (a_file / "sub", "cannot create")):
        args = ["artifacts", "download", "gh/acme/widgets", "1", "--dest", str(dest)]
        result = runner.invoke(app, args, env=cli_env(standin))
        assert result.exit_code == 2, result.output
        assert "'--dest'" in _flat(result.output) and problem in _flat(result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not standin.requests.api.snapshot()


def test_glob_matching_nothing_warns(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    env = cli_env(standin, **{TOKEN_HOSTS_ENV_VAR: standin.artifact_base_url})
    args = ["artifacts", "download", facts.widgets_slug, str(facts.two_node_job_number)]
    globs = ["--glob", "*.xml", "--glob", "*.nothing"]
    result = runner.invoke(app, [*args, *globs, "--dest", str(tmp_path)], env=env)
    assert result.exit_code == 0, result.output
    assert "warning: --glob '*.nothing' matched none of the 4 artifacts listed" in result.stderr
    assert "'*.xml'" not in result.stderr


def test_branch_without_pipelines_says_so(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    with AuthenticatedClient(token=standin.token, base_url=standin.base_url) as client:
        with pytest.raises(NoSuccessfulPipelineError, match="has no pipelines at all"):
            download_branch_artifacts(client, facts.widgets_slug, "no-such-branch", tmp_path)
        with pytest.raises(NoSuccessfulPipelineError, match="among the newest 1 on branch"):
            download_branch_artifacts(
                client, facts.widgets_slug, "feature/login", tmp_path, max_pipelines=1
            )
    args = [
        "artifacts",
        "download",
        facts.widgets_slug,
        "--branch",
        "Main",
        "--dest",
        str(tmp_path),
    ]
    result = runner.invoke(app, args, env=cli_env(standin))
    assert result.exit_code == 1
    assert "branch 'Main' of gh/acme/widgets has no pipelines at all" in result.stderr


def test_slug_with_surrounding_spaces_is_a_clear_error(standin: Standin) -> None:
    with pytest.raises(InvalidProjectSlugError, match="spaces around it; remove them"):
        validate_project_slug(" gh/acme/widgets ")
    result = runner.invoke(
        app, ["artifacts", "list", "gh/acme/widgets ", "1"], env=cli_env(standin)
    )
    assert result.exit_code == 2
    assert "spaces around it" in result.stderr
    assert not standin.requests.api.snapshot()


def test_workflow_download_needs_no_slug(standin: Standin, tmp_path: Path) -> None:
    env = cli_env(standin, **{TOKEN_HOSTS_ENV_VAR: standin.artifact_base_url})
    workflow = _showcase_workflow(standin)
    args = ["artifacts", "download", "--workflow", workflow, "--glob", "*.xml"]
    result = runner.invoke(app, [*args, "--dest", str(tmp_path)], env=env)
    assert result.exit_code == 0, result.output
    assert f"workflow {workflow}" in result.stdout
    assert len(_files(tmp_path)) == 2
    missing = runner.invoke(app, ["artifacts", "download", "--branch", "main"], env=env)
    assert missing.exit_code == 2 and "give the project SLUG" in _flat(missing.output)


# --------------------------------------------------------------------------------------------
# 5. The CLI as people expect it
# --------------------------------------------------------------------------------------------


def test_version() -> None:
    from circleci_client._version import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"circleci-client {__version__}"


@pytest.mark.parametrize(
    "command", [[], ["artifacts"], ["artifacts", "list"], ["artifacts", "download"]]
)
def test_help_shows_no_type_noise(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], prog_name="circleci-client")
    assert result.exit_code == 0
    for noise in ("<bool>", "{SLUG}", "{JOB}", "{"):
        assert noise not in result.stdout.split("Options")[0].split("Usage:")[1].split("\n")[0]
    assert "<bool>" not in result.stdout
    assert "--help <" not in result.stdout


def test_spinner_while_searching_instead_of_zero_files() -> None:
    from circleci_client.cli._progress import progress

    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with progress(True, "finding the newest green pipeline on main", console) as listener:
        assert listener is not None
    text = out.getvalue()
    assert "finding the newest green pipeline on main" in text
    assert "0/0 files" not in text


def test_shell_completion_completes_commands() -> None:
    env = {
        "_CIRCLECI_CLIENT_COMPLETE": "complete_bash",
        "COMP_WORDS": "circleci-client artifacts d",
    }
    result = runner.invoke(app, [], env={**env, "COMP_CWORD": "2"}, prog_name="circleci-client")
    assert result.stdout.split() == ["download"]
    shown = runner.invoke(app, ["--show-completion", "bash"], prog_name="circleci-client")
    assert "_CIRCLECI_CLIENT_COMPLETE=complete_bash" in shown.stdout


def test_json_on_every_command(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    env = cli_env(standin, **{TOKEN_HOSTS_ENV_VAR: standin.artifact_base_url})
    job = str(facts.two_node_job_number)
    listed = runner.invoke(app, ["artifacts", "list", facts.widgets_slug, job, "--json"], env=env)
    assert len(json.loads(listed.stdout)) == 4
    args = ["artifacts", "download", facts.widgets_slug, job, "--json", "--dest", str(tmp_path)]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["downloaded"], report["failed"]) == (4, 0)
    assert {(f["status"], f["http_status"]) for f in report["files"]} == {("downloaded", None)}
    assert all(Path(f["destination"]).is_file() for f in report["files"])


# --------------------------------------------------------------------------------------------
# 6. Small things
# --------------------------------------------------------------------------------------------


def test_unset_prints_as_unset() -> None:
    from circleci_client.models.trigger_pipeline_parameters import TriggerPipelineParameters

    assert repr(UNSET) == "UNSET"
    assert "branch=UNSET" in repr(TriggerPipelineParameters())
    assert "object at 0x" not in repr(TriggerPipelineParameters())


def test_plain_nox_runs_nothing_slow_and_ci_names_its_sessions() -> None:
    tree = ast.parse((ROOT / "noxfile.py").read_text())
    [value] = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(ast.unparse(target) == "nox.options.sessions" for target in node.targets)
    ]
    assert ast.literal_eval(value) == ["overview"]
    overview = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "overview")
    assert "python=False" in ast.unparse(overview.decorator_list[0])
    assert "nox -s lint tests docs" in (ROOT / ".ci/run").read_text()


# --------------------------------------------------------------------------------------------
# Must show: a newcomer's run, exactly as typed
# --------------------------------------------------------------------------------------------


def test_a_newcomer_pastes_the_exports_and_downloads(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    command = bin_dir / "circleci-client"
    command.write_text(f"#!{sys.executable}\nfrom circleci_client._console import main\nmain()\n")
    command.chmod(0o755)
    with _sandbox("--port", "0") as printed:
        pasted = _pasted(printed)
        tries = [line.strip() for line in printed if line.startswith("  circleci-client")]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("CIRCLE_", "CIRCLECI_"))}
        env |= pasted | {"PATH": f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"}
        downloads = [line for line in tries if " download " in line]
        assert len(downloads) == 3  # a job, a workflow, a branch's latest green build
        for number, line in enumerate(downloads):
            dest = tmp_path / f"out-{number}"
            argv = [part if part != "out" else str(dest) for part in shlex.split(line)]
            done = subprocess.run(
                argv, env=env, capture_output=True, text=True, timeout=120, check=False
            )
            assert done.returncode == 0, done.stdout + done.stderr
            assert " 0 failed" in done.stdout
            files = _files(dest)
            assert files, line
            assert not [f for f in files if f.endswith((".part", ".validator"))]
    job, workflow, branch = (_files(tmp_path / f"out-{n}") for n in range(3))
    assert set(job) == {
        "node-0/test-results/junit.xml",
        "node-1/test-results/junit.xml",
        "node-0/coverage/node-0/coverage.json",
        "node-1/coverage/node-1/coverage.json",
    }
    assert any(name.endswith("-build/big/blob.bin") for name in workflow)
    assert any(name.endswith("-test/node-1/test-results/junit.xml") for name in branch)
    sizes = {(tmp_path / "out-1" / name).stat().st_size for name in workflow}
    assert 0 not in sizes


class _FakeSession:
    """Just enough of ``nox.Session`` for ``_install_once``: it records what it would install."""

    def __init__(self, location: Path) -> None:
        self.name = "sandbox"
        self.virtualenv = type("Env", (), {"location": str(location)})()
        self.installs: list[tuple[str, ...]] = []
        self.logged: list[str] = []

    def install(self, *args: str) -> None:
        self.installs.append(args)

    def log(self, message: str) -> None:
        self.logged.append(message)


def test_sandbox_installs_once_until_requirements_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import noxfile

    monkeypatch.chdir(ROOT)
    session = _FakeSession(tmp_path)
    noxfile._install_once(session, "tests")  # type: ignore[arg-type]
    assert session.installs == [
        ("-c", "requirements/constraints.txt", "-r", "requirements/tests.txt"),
        ("-c", "requirements/constraints.txt", "-e", "./generated_client[cli]"),
    ]
    noxfile._install_once(session, "tests")  # type: ignore[arg-type]
    assert len(session.installs) == 2 and "nothing to install" in session.logged[-1]
    stamp = tmp_path / ".installed-sandbox"
    stamp.write_text("an older digest")
    noxfile._install_once(session, "tests")  # type: ignore[arg-type]
    assert len(session.installs) == 4
