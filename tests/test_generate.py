"""Regeneration: the committed package is what the spec and generator/ produce, and any drift
is caught and named.

openapi-python-client renders the spec once per module (the ``rendering`` fixture); the checks
then run ``generator/generate.py``'s functions in-process on a copy of the package. Only the
test of an edited spec renders a second time, through the command line as CI runs it.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("openapi_python_client", reason="generation needs requirements/generate.txt")
IGNORE = shutil.ignore_patterns("__pycache__", ".ruff_cache", "*.egg-info", "build")


def _load_generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "_generate_under_test", ROOT / "generator/generate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    """``generator/generate.py`` as a module (its own copy, so patches stay in this module)."""
    return _load_generate()


@pytest.fixture(scope="module")
def rendering(generate: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """openapi-python-client's raw output for the committed spec, rendered once."""
    raw: Path = generate.render(tmp_path_factory.mktemp("render"))
    return raw


@pytest.fixture
def package(
    generate: ModuleType, rendering: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """A copy of generated_client/ that ``generate`` reads and writes, rendering reused."""
    copy = tmp_path / "generated_client"
    shutil.copytree(ROOT / "generated_client", copy, ignore=IGNORE)

    def render_again(work: Path) -> Path:
        target = work / "generated_client"
        shutil.copytree(rendering, target)
        return target

    monkeypatch.setattr(generate, "ROOT", tmp_path)
    monkeypatch.setattr(generate, "OUTPUT", copy)
    monkeypatch.setattr(generate, "render", render_again)
    yield copy


def _check(generate: ModuleType, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run ``generate.py --check`` in-process; its exit code and what it printed."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "argv", ["generate.py", "--check"])
        code: int = generate.main()
    return code, capsys.readouterr().out


def _write(generate: ModuleType, capsys: pytest.CaptureFixture[str]) -> None:
    """Run ``generate.py`` (rewrite) in-process."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "argv", ["generate.py"])
        assert generate.main() == 0
    capsys.readouterr()


def test_the_committed_package_passes_the_drift_check(
    generate: ModuleType, package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _check(generate, capsys)
    assert code == 0, out
    assert "up to date" in out


@pytest.mark.slow
def test_drift_check_names_the_files_an_edit_of_the_spec_changes(tmp_path: Path) -> None:
    """The one test that renders again: the command line, as CI runs it, on an edited spec."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "generator", project / "generator", ignore=IGNORE)
    shutil.copytree(ROOT / "generated_client", project / "generated_client", ignore=IGNORE)
    text = (ROOT / "openapi.yaml").read_text()
    edited = text.replace("summary: The user a token belongs to", "summary: Who am I", 1)
    assert edited != text
    (project / "openapi.yaml").write_text(edited)
    drift = subprocess.run(
        [sys.executable, "generator/generate.py", "--check"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert drift.returncode == 1, drift.stdout + drift.stderr
    assert "circleci_client/api/user/get_current_user.py" in drift.stdout
    assert "get_user.py" not in drift.stdout


def test_a_hand_edit_of_the_package_is_caught(
    generate: ModuleType, package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = package / "circleci_client/models/user.py"
    model.write_text(model.read_text() + "\n# edited by hand\n")
    (package / "circleci_client/extra.py").write_text("X = 1\n")
    code, out = _check(generate, capsys)
    assert code == 1
    assert "circleci_client/models/user.py: differs" in out
    assert "circleci_client/extra.py: starts with neither" in out


def test_hand_written_modules_are_neither_compared_nor_touched(
    generate: ModuleType, package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    runtime = package / "circleci_client/_retry.py"
    assert runtime.read_text().startswith("# Hand-written")
    edited = runtime.read_text() + "\n# a local change\n"
    runtime.write_text(edited)
    assert _check(generate, capsys)[0] == 0
    _write(generate, capsys)
    assert runtime.read_text() == edited


def test_a_generated_file_the_spec_no_longer_produces_is_named_then_removed(
    generate: ModuleType, package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    header = (package / "circleci_client/client.py").read_text().splitlines()[0]
    stale = package / "circleci_client/api/user/get_old_thing.py"
    stale.write_text(header + "\nX = 1\n")
    code, out = _check(generate, capsys)
    assert code == 1
    assert "api/user/get_old_thing.py: generated, but the spec no longer produces it" in out
    _write(generate, capsys)
    assert not stale.exists()
    assert _check(generate, capsys)[0] == 0


def test_the_templates_import_only_what_the_rendered_modules_use(rendering: Path) -> None:
    """Before the formatting step drops unused imports: the templates leave none to drop in the
    operation modules and ``types.py`` (and nothing is used without its import)."""
    ruff = shutil.which("ruff")
    assert ruff is not None
    package = rendering / "circleci_client"
    checked = subprocess.run(
        [ruff, "check", "--isolated", "--select", "F401,F821", "api", "types.py"],
        cwd=package,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout


def test_an_async_module_edited_without_regenerating_its_sync_twin_is_caught(
    generate: ModuleType, package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = package / "circleci_client/_async_retry.py"
    source.write_text(source.read_text().replace("attempt += 1", "attempt += 2"))
    code, out = _check(generate, capsys)
    assert code == 1
    assert "circleci_client/_sync_retry.py: differs" in out
    _write(generate, capsys)
    assert "attempt += 2" in (package / "circleci_client/_sync_retry.py").read_text()
    assert _check(generate, capsys)[0] == 0
