"""The ``circleci-client`` command against the stand-in: output, files and exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from circleci_client.cli import TOKEN_HOSTS_ENV_VAR, app
from typer.testing import CliRunner

from tests.clients import cli_env
from tests.standin.server import Standin
from tests.standin.world import Artifact

runner = CliRunner()


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_download_job_exit_0(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    args = [
        "artifacts",
        "download",
        facts.widgets_slug,
        str(facts.build_job_number),
        "--dest",
        str(tmp_path),
        "--glob",
        "logs/*",
        "--glob",
        "dist/*",
        "--concurrency",
        "2",
        "--token-host",
        standin.artifact_base_url,
    ]
    result = runner.invoke(app, args, env=cli_env(standin))
    assert result.exit_code == 0, result.output
    assert "2 downloaded" in result.stdout and "0 failed" in result.stdout
    assert _files(tmp_path) == ["dist/widgets-1.0.94.tar.gz", "logs/build.log"]
    again = runner.invoke(app, args, env=cli_env(standin))
    assert again.exit_code == 0 and "2 skipped" in again.stdout


def test_download_with_a_failed_file_exits_1(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    project = standin.world.projects[facts.widgets_slug]
    job = project.jobs_by_number[facts.build_job_number]
    with standin.world.lock:
        job.artifacts.append(Artifact("logs/../../evil.log", 0, 3, b"bad", "evil"))
    env = cli_env(standin, **{TOKEN_HOSTS_ENV_VAR: standin.artifact_base_url})
    args = ["artifacts", "download", facts.widgets_slug, str(facts.build_job_number)]
    result = runner.invoke(app, [*args, "--dest", str(tmp_path), "--glob", "logs/*"], env=env)
    assert result.exit_code == 1, result.output
    assert "1 downloaded" in result.stdout and "1 failed" in result.stdout
    assert "evil.log" in result.stdout and ".." in result.stdout
    assert _files(tmp_path) == ["logs/build.log"]


def test_missing_token_exits_2(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    args = ["artifacts", "download", facts.widgets_slug, "1", "--dest", str(tmp_path)]
    result = runner.invoke(app, args, env=cli_env(standin, CIRCLE_TOKEN=""))
    assert result.exit_code == 2
    assert "CIRCLE_TOKEN" in result.stderr
    assert not standin.requests.api.snapshot()


def test_wrong_token_exits_2(standin: Standin) -> None:
    facts = standin.world.facts
    args = ["artifacts", "list", facts.widgets_slug, str(facts.build_job_number)]
    result = runner.invoke(app, args, env=cli_env(standin, CIRCLE_TOKEN="wrong"))
    assert result.exit_code == 2
    assert "check CIRCLE_TOKEN" in result.stderr
    assert "wrong" not in result.output


@pytest.mark.parametrize(
    "extra",
    [[], ["5", "--workflow", "0e8a2f6c-0000-4000-8000-000000000000"], ["--branch", "main", "5"]],
)
def test_exactly_one_source_is_required(standin: Standin, extra: list[str]) -> None:
    result = runner.invoke(
        app, ["artifacts", "download", "gh/acme/widgets", *extra], env=cli_env(standin)
    )
    assert result.exit_code == 2
    assert "exactly one" in result.output


def test_bad_workflow_id_and_unknown_job_exit_2(standin: Standin, tmp_path: Path) -> None:
    base = ["artifacts", "download", "gh/acme/widgets", "--dest", str(tmp_path)]
    result = runner.invoke(app, [*base, "--workflow", "not-a-uuid"], env=cli_env(standin))
    assert result.exit_code == 2
    result = runner.invoke(app, [*base[:3], "999999"], env=cli_env(standin))
    assert result.exit_code == 2


def test_list_json(standin: Standin) -> None:
    facts = standin.world.facts
    args = ["artifacts", "list", facts.widgets_slug, str(facts.two_node_job_number), "--json"]
    result = runner.invoke(app, args, env=cli_env(standin))
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)
    assert {(i["node_index"], i["path"]) for i in items} == {
        (0, "test-results/junit.xml"),
        (0, "coverage/node-0/coverage.json"),
        (1, "test-results/junit.xml"),
        (1, "coverage/node-1/coverage.json"),
    }
    assert all(i["url"].startswith(standin.artifact_base_url) for i in items)
    plain = runner.invoke(app, args[:-1], env=cli_env(standin))
    assert plain.exit_code == 0
    assert len(plain.stdout.splitlines()) == 4 and "\t" in plain.stdout


def test_branch_mode(standin: Standin, tmp_path: Path) -> None:
    facts = standin.world.facts
    env = cli_env(standin, **{TOKEN_HOSTS_ENV_VAR: standin.artifact_base_url})
    args = ["artifacts", "download", facts.widgets_slug, "--branch", "main", "--glob", "*.log"]
    result = runner.invoke(app, [*args, "--dest", str(tmp_path)], env=env)
    assert result.exit_code == 0, result.output
    assert "pipeline 91" in result.stdout
    [name] = _files(tmp_path)
    assert name.endswith("-build/logs/build.log")


def test_help_reads_well() -> None:
    result = runner.invoke(app, ["artifacts", "download", "--help"])
    assert result.exit_code == 0
    for word in ("--workflow", "--branch", "--dest", "--glob", "--concurrency", "Exit status"):
        assert word in result.stdout


def test_import_does_not_need_the_cli_dependencies() -> None:
    """``import circleci_client`` (and the artifacts module) work with typer/rich/click gone."""
    code = textwrap.dedent(
        """
        import sys
        class Block:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("typer", "rich", "click"):
                    raise ImportError(f"blocked {name}")
                return None
        sys.meta_path.insert(0, Block())
        import circleci_client, circleci_client.artifacts
        assert "circleci_client.cli" not in sys.modules
        assert not [m for m in sys.modules if m.split(".")[0] in ("typer", "rich", "click")]
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


@pytest.mark.skipif(shutil.which("circleci-client") is None, reason="console script not installed")
def test_console_script_without_token_exits_2() -> None:
    command = [shutil.which("circleci-client") or "", "artifacts", "list", "gh/acme/widgets", "1"]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k not in ("CIRCLE_TOKEN", "CIRCLECI_TOKEN")},
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "CIRCLE_TOKEN" in done.stderr


def test_console_script_explains_a_missing_cli_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from circleci_client import _console

    for name in [m for m in sys.modules if m.split(".")[:2] == ["circleci_client", "cli"]]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "typer", None)
    with pytest.raises(SystemExit) as exited:
        _console.main()
    assert "pip install 'circleci-client[cli]'" in str(exited.value.code)
