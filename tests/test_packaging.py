"""The package as it is published: one version source, its licence, its README, its Pythons.

``nox -s build`` builds and smoke-tests the wheel itself; these tests check, quickly and on
every run, the files that go into it and the tooling around it.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

import noxfile
from tests.smoke.__main__ import pasted, quick_start
from tests.test_tooling import _run_session

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generated_client"
VERSION_FILE = PACKAGE / "circleci_client/_version.py"
README_COMMAND = re.compile(r"^python3 -m pip install .* && python3 -m nox -s .*$", re.MULTILINE)


def _project() -> dict[str, Any]:
    return dict(tomllib.loads((PACKAGE / "pyproject.toml").read_text()))


def _version() -> str:
    namespace: dict[str, str] = {}
    exec(VERSION_FILE.read_text(), namespace)
    return namespace["__version__"]


# --- one version source ------------------------------------------------------------------------


def test_the_version_is_read_from_version_py_by_the_build_backend() -> None:
    metadata = _project()
    assert "version" not in metadata["project"]
    assert metadata["project"]["dynamic"] == ["version"]
    assert metadata["tool"]["hatch"]["version"]["path"] == "circleci_client/_version.py"
    assert re.fullmatch(r"\d+\.\d+\.\d+", _version())
    assert noxfile.package_version() == _version()


def test_no_other_file_states_the_version() -> None:
    version = re.compile(rf"(?<![\w.]){re.escape(_version())}(?![\w.])")
    candidates = [
        ROOT / "README.md",
        ROOT / "mkdocs.yml",
        ROOT / ".readthedocs.yaml",
        ROOT / "noxfile.py",
        PACKAGE / "README.md",
        PACKAGE / "pyproject.toml",
        *sorted((ROOT / "docs").rglob("*.md")),
        *sorted((ROOT / "docs").rglob("*.py")),
        *sorted((ROOT / "generator/templates").rglob("*.jinja")),
        *sorted((ROOT / "tests").glob("*.py")),
        *(path for path in sorted((PACKAGE / "circleci_client").rglob("*.py"))),
    ]
    stating = [
        path.relative_to(ROOT).as_posix()
        for path in candidates
        if path != VERSION_FILE and version.search(path.read_text())
    ]
    assert stating == [], "read the version from circleci_client/_version.py instead"


def test_the_changelog_starts_with_the_package_version() -> None:
    headings = re.findall(r"^## (\S+)", (ROOT / "CHANGELOG.md").read_text(), re.MULTILINE)
    assert headings and headings[0] == _version()


# --- licence, README, install instructions -----------------------------------------------------


def test_the_licence_file_matches_the_declared_licence() -> None:
    project = _project()["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    text = (PACKAGE / "LICENSE").read_text()
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text
    assert (ROOT / "LICENSE").read_text() == text, "the repository's and the package's differ"


def test_the_package_readme_is_written_for_users() -> None:
    readme = (PACKAGE / "README.md").read_text()
    assert "do not edit" not in readme.lower() and "generated" not in readme.lower()
    for heading in ("## Install", "## Quick start", "## Links"):
        assert heading in readme
    assert "pip install circleci-client" in readme
    assert 'pip install "circleci-client[cli]"' in readme
    # The quick start is the tested example, shown whole, and run as a saved file.
    assert quick_start(readme) == (ROOT / "docs/examples/quickstart.py").read_text()
    assert "python quickstart.py gh/your-org/your-repo" in readme


def test_the_quick_start_users_are_shown_is_a_file_they_save() -> None:
    for page in (ROOT / "docs/index.md", PACKAGE / "README.md", ROOT / "README.md"):
        assert "docs.examples.quickstart" not in page.read_text(), page.name
    assert "python quickstart.py gh/your-org/your-repo" in (ROOT / "docs/index.md").read_text()


def test_install_instructions_use_the_package_name() -> None:
    pages = [ROOT / "README.md", PACKAGE / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    by_path = re.compile(r"pip install[^\n]*\./generated_client")
    found = [page.name for page in pages if by_path.search(page.read_text())]
    assert found == [], "install instructions name the package: pip install circleci-client"
    install_page = (ROOT / "docs/install.md").read_text()
    assert "pip install circleci-client" in install_page


# --- supported Pythons -------------------------------------------------------------------------


def test_the_tests_session_runs_on_every_supported_python() -> None:
    project = _project()["project"]
    pythons = noxfile.PYTHONS
    assert pythons == ["3.11", "3.12", "3.13"]
    classifiers = set(project["classifiers"])
    assert {f"Programming Language :: Python :: {python}" for python in pythons} <= classifiers
    assert project["requires-python"] == f">={pythons[0]}"
    assert noxfile.tests.python == pythons
    for session in ("lint", "docs", "build"):
        assert getattr(noxfile, session).python is None, f"{session} runs once"
    install_page = (ROOT / "docs/install.md").read_text()
    assert f"Python {', '.join(pythons[:-1])} and {pythons[-1]}" in install_page


def test_a_missing_python_fails_loudly_and_is_never_downloaded() -> None:
    import nox

    assert nox.options.error_on_missing_interpreters is True
    assert nox.options.download_python == "never"


def test_the_readme_command_is_what_ci_runs_and_covers_every_check() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci/run").read_text().rstrip("\n").splitlines()
    commands = README_COMMAND.findall(readme)
    assert ci[-1] in commands, "the last line of .ci/run is a command of the README"
    sessions = ci[-1].split(" -s ", 1)[1].split()
    assert sessions == ["lint", "tests", "docs", "build"]


def _pyenv(tmp_path: Path, selected: str, *installed: str) -> Path:
    for name in installed:
        (tmp_path / "versions" / name / "bin").mkdir(parents=True)
    (tmp_path / "version").write_text(f"{selected}\n")
    return tmp_path


def test_pyenv_pythons_that_are_installed_but_not_selected_are_selected(tmp_path: Path) -> None:
    root = _pyenv(tmp_path, "3.11.7", "3.11.7", "3.12.1", "3.12.10", "3.13.0", "3.10.13")
    environ = {"PYENV_ROOT": str(root)}
    noxfile.select_pyenv_pythons(environ)
    assert environ["PYENV_VERSION"] == "3.11.7:3.12.10:3.13.0"


def test_the_versions_pyenv_runs_for_nox_keep_their_place(tmp_path: Path) -> None:
    root = _pyenv(tmp_path, "3.11.7", "3.11.7", "3.12.1", "3.13.0")
    environ = {"PYENV_ROOT": str(root), "PYENV_VERSION": "3.12.1"}
    noxfile.select_pyenv_pythons(environ)
    assert environ["PYENV_VERSION"] == "3.12.1:3.11.7:3.13.0"


def test_without_pyenv_nothing_is_selected(tmp_path: Path) -> None:
    environ = {"PYENV_ROOT": str(tmp_path / "nowhere")}
    noxfile.select_pyenv_pythons(environ)
    assert environ == {"PYENV_ROOT": str(tmp_path / "nowhere")}


# --- the build session -------------------------------------------------------------------------


def test_the_build_session_builds_checks_and_smoke_tests_the_wheel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = _run_session("build", monkeypatch)
    installed = [arg for args in session.installs for arg in args]
    assert "requirements/build.txt" in installed
    built = f"dist/circleci_client-{_version()}"
    assert session.runs == [
        ("python", "-m", "build", "--no-isolation", "--outdir", "dist", "generated_client"),
        ("twine", "check", "--strict", f"{built}-py3-none-any.whl", f"{built}.tar.gz"),
        ("python", "-m", "tests.smoke", f"{built}-py3-none-any.whl"),
    ]
    pins = (ROOT / "requirements/build.txt").read_text()
    assert re.search(r"^twine==", pins, re.MULTILINE) and re.search(r"^hatchling==", pins, re.M)
    backend = _project()["build-system"]["requires"]
    assert backend == ["hatchling>=1.25"], "requirements/build.txt pins a hatchling it allows"


def test_the_smoke_test_runs_the_readme_quick_start_with_the_pasted_exports() -> None:
    readme = "intro\n\n```bash\npip install x\n```\n\n```python\nprint('hi')\n```\n"
    assert quick_start(readme) == "print('hi')\n"
    with pytest.raises(SystemExit, match="no Python quick start"):
        quick_start("no code here")
    lines = ["export CIRCLE_TOKEN=abc", "export CIRCLECI_TOKEN_HOSTS='http://localhost:1 x'"]
    assert pasted(lines) == {
        "CIRCLE_TOKEN": "abc",
        "CIRCLECI_TOKEN_HOSTS": "http://localhost:1 x",
    }
