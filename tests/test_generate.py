"""Regeneration: the committed package is what the spec and generator/ produce, and any drift
is caught and named."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("openapi_python_client", reason="generation needs requirements/generate.txt")


def _copy_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "openapi.yaml", project / "openapi.yaml")
    ignore = shutil.ignore_patterns("__pycache__", ".ruff_cache", "*.egg-info", "build")
    shutil.copytree(ROOT / "generator", project / "generator", ignore=ignore)
    shutil.copytree(ROOT / "generated_client", project / "generated_client", ignore=ignore)
    return project


def _check(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "generator/generate.py", "--check"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.slow
def test_drift_check_passes_then_names_the_files_an_edit_changes(tmp_path: Path) -> None:
    project = _copy_project(tmp_path)
    clean = _check(project)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "up to date" in clean.stdout

    spec = project / "openapi.yaml"
    text = spec.read_text()
    edited = text.replace("summary: The user a token belongs to", "summary: Who am I", 1)
    assert edited != text
    spec.write_text(edited)
    drift = _check(project)
    assert drift.returncode == 1
    assert "circleci_client/api/user/get_current_user.py" in drift.stdout
    assert "get_user.py" not in drift.stdout


@pytest.mark.slow
def test_a_hand_edit_of_the_package_is_caught(tmp_path: Path) -> None:
    project = _copy_project(tmp_path)
    model = project / "generated_client/circleci_client/models/user.py"
    model.write_text(model.read_text() + "\n# edited by hand\n")
    (project / "generated_client/circleci_client/extra.py").write_text("X = 1\n")
    drift = _check(project)
    assert drift.returncode == 1
    assert "circleci_client/models/user.py: differs" in drift.stdout
    assert "circleci_client/extra.py: starts with neither" in drift.stdout


# The first line of every generated Python file.
GENERATED = (ROOT / "generated_client/circleci_client/client.py").read_text().splitlines()[0]


@pytest.mark.slow
def test_hand_written_modules_are_neither_compared_nor_touched(tmp_path: Path) -> None:
    project = _copy_project(tmp_path)
    runtime = project / "generated_client/circleci_client/_retry.py"
    assert runtime.read_text().startswith("# Hand-written")
    edited = runtime.read_text() + "\n# a local change\n"
    runtime.write_text(edited)
    assert _check(project).returncode == 0
    written = subprocess.run(
        [sys.executable, "generator/generate.py"], cwd=project, capture_output=True, text=True
    )
    assert written.returncode == 0, written.stderr
    assert runtime.read_text() == edited


@pytest.mark.slow
def test_a_generated_file_the_spec_no_longer_produces_is_named_then_removed(
    tmp_path: Path,
) -> None:
    project = _copy_project(tmp_path)
    stale = project / "generated_client/circleci_client/api/user/get_old_thing.py"
    stale.write_text(GENERATED + "\nX = 1\n")
    drift = _check(project)
    assert drift.returncode == 1
    assert (
        "api/user/get_old_thing.py: generated, but the spec no longer produces it" in drift.stdout
    )
    written = subprocess.run(
        [sys.executable, "generator/generate.py"], cwd=project, capture_output=True, text=True
    )
    assert written.returncode == 0, written.stderr
    assert not stale.exists()
    assert _check(project).returncode == 0
