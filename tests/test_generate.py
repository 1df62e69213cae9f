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
    assert "circleci_client/models/user.py" in drift.stdout
    assert "circleci_client/extra.py" in drift.stdout
