"""The project's single entry point: ``nox -s <session>``.

generate  rebuild generated_client/ (``-- --check`` only compares)
lint      ruff, mypy --strict and spec validation
tests     drift check, then the test suite, on every supported Python (tests-3.11, tests-3.12, ...)
tutorial  the API guide's end-to-end tutorial against a stand-in (``-- --live`` for CircleCI)
sandbox   a stand-in server to play with (``-- --port 8080 --artifact-port 8081 --token T``)
bench     benchmarks against a stand-in, one table of ratios and targets (``-- --write-docs``)
docs      build the site strictly, test its examples and check it in chromium (``-- serve``)
build     wheel and sdist into dist/, metadata check, the wheel smoke-tested in a clean venv

Plain ``nox`` only prints this list; name the sessions to run (``nox -s lint tests docs``).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tomllib
from collections.abc import MutableMapping
from pathlib import Path

import nox

nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["overview"]
# A supported Python that cannot be found fails its session (never a silent skip), and nox
# never downloads an interpreter: install the missing ones (README.md, "Run the checks").
nox.options.error_on_missing_interpreters = True
nox.options.download_python = "never"

# Editable, so that every session runs the code in the working tree.
PACKAGE = ("-e", "./generated_client[cli]")
REQUIREMENTS = "requirements"
# Every session's whole environment is pinned, transitive dependencies included:
# generate.lock for the generate session (regeneration is byte-for-byte), constraints.txt for
# the others. docs/regenerating.md says how to refresh them.
GENERATE_LOCK = f"{REQUIREMENTS}/generate.lock"
CONSTRAINTS = f"{REQUIREMENTS}/constraints.txt"
# pytest's own default (pyproject.toml) leaves out tests marked slow; the tests session runs all.
ALL_TESTS = ("-m", "")
# The tests session spreads the tests over one worker process per CPU (pytest-xdist; 2 on CI),
# scheduled as pyproject.toml's ``--dist`` says. ``-- -n 0`` runs them in one process.
PARALLEL = ("-n", "auto")
PACKAGE_METADATA = Path("generated_client/pyproject.toml")
# Where ``nox -s build`` leaves the wheel and the sdist.
DIST = "dist"


def supported_pythons() -> list[str]:
    """The package's Python versions, from its classifiers (``3.11``, ``3.12``, ...)."""
    classifiers = tomllib.loads(PACKAGE_METADATA.read_text())["project"]["classifiers"]
    prefix = "Programming Language :: Python :: "
    found = [c.removeprefix(prefix) for c in classifiers if re.fullmatch(rf"{prefix}3\.\d+", c)]
    if not found:
        raise RuntimeError(f"{PACKAGE_METADATA} declares no Python version classifier")
    return sorted(found, key=lambda version: int(version.split(".")[1]))


PYTHONS = supported_pythons()


def package_version() -> str:
    """The package's version, from its one source (``circleci_client/_version.py``)."""
    source = Path("generated_client/circleci_client/_version.py").read_text()
    match = re.search(r'^__version__ = "([^"]+)"$', source, re.MULTILINE)
    if match is None:
        raise RuntimeError("circleci_client/_version.py states no __version__")
    return match[1]


def select_pyenv_pythons(environ: MutableMapping[str, str] = os.environ) -> None:
    """Let pyenv's shims answer for every supported Python that pyenv has installed.

    A shim such as ``python3.12`` runs only the versions pyenv has selected (``pyenv global``,
    or ``PYENV_VERSION``, which pyenv sets for the programs it starts), so on a machine where
    only 3.11 is selected it fails although 3.12 is installed, and nox finds no 3.12. This
    adds the newest installed release of each supported version that is not selected yet,
    after the selected ones, which keep their order. Without pyenv it does nothing, and nox
    looks for ``python3.X`` on ``PATH``.
    """
    root = Path(environ.get("PYENV_ROOT") or Path.home() / ".pyenv")
    versions = root / "versions"
    if not versions.is_dir():
        return
    if "PYENV_VERSION" in environ:
        selected = environ["PYENV_VERSION"].split(":")
    else:
        global_file = root / "version"
        selected = global_file.read_text().split() if global_file.is_file() else []
    for python in PYTHONS:
        releases = [
            path.name
            for path in versions.iterdir()
            if re.fullmatch(rf"{re.escape(python)}\.\d+", path.name)
        ]
        if releases and not any(name.startswith(f"{python}.") for name in selected):
            selected.append(max(releases, key=lambda name: int(name.rsplit(".", 1)[1])))
    environ.setdefault("PYENV_ROOT", str(root))
    environ["PYENV_VERSION"] = ":".join(selected)


select_pyenv_pythons()


def _pins(*names: str) -> str:
    """The lock file for an environment made of these requirement files."""
    return GENERATE_LOCK if names == ("generate",) else CONSTRAINTS


def _install(session: nox.Session, *names: str) -> None:
    args = ["-c", _pins(*names)]
    for name in names:
        args += ["-r", f"{REQUIREMENTS}/{name}.txt"]
    session.install(*args)


def _install_package(session: nox.Session) -> None:
    """Install the package editable, its dependencies pinned like the tools."""
    session.install("-c", CONSTRAINTS, *PACKAGE)


def _install_once(session: nox.Session, *names: str) -> None:
    """Install the requirements and the package, unless this environment already has them.

    A stamp in the environment remembers a digest of the requirement files and of the
    package's metadata (``generated_client/pyproject.toml``); while neither changes, starting
    the session installs nothing. The package is installed editable, so code changes need no
    new install.
    """
    digest = hashlib.sha256()
    for name in names:
        digest.update(Path(f"{REQUIREMENTS}/{name}.txt").read_bytes())
    digest.update(Path(CONSTRAINTS).read_bytes())
    digest.update(Path("generated_client/pyproject.toml").read_bytes())
    location = getattr(session.virtualenv, "location", None)
    stamp = Path(location, f".installed-{session.name}") if location else None
    if stamp is not None and stamp.is_file() and stamp.read_text() == digest.hexdigest():
        session.log("requirements and package unchanged: nothing to install")
        return
    _install(session, *names)
    _install_package(session)
    if stamp is not None:
        stamp.write_text(digest.hexdigest())


def _ensure_chromium(session: nox.Session) -> None:
    """Install Debian's headless Chromium for the browser test when it is missing (as root)."""
    if shutil.which("chromium"):
        return
    if not shutil.which("apt-get") or os.geteuid() != 0:
        session.error("the docs browser test needs Chromium: apt-get install chromium")
    env = {"DEBIAN_FRONTEND": "noninteractive"}
    session.run("apt-get", "update", "-qq", external=True, env=env)
    session.run("apt-get", "install", "-y", "-qq", "chromium", external=True, env=env)


@nox.session(python=False)
def overview(session: nox.Session) -> None:
    """List the sessions (what plain ``nox`` does): nothing slow runs by surprise."""
    session.log(__doc__)


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate generated_client/ from openapi.yaml and generator/ (``-- --check`` to compare)."""
    _install(session, "generate")
    session.run("python", "generator/generate.py", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff and mypy --strict on every Python file, and validation of the spec."""
    _install(session, "lint", "tests", "docs")
    _install_package(session)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")
    session.run("openapi-spec-validator", "openapi.yaml")


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """Check generated_client/ is current, then run the whole test suite, slow tests included.

    Once per supported Python (``tests-3.11``, ``tests-3.12``, ...); ``-s tests`` runs them all.
    The tests run in parallel, one worker process per CPU; arguments after ``--`` go to pytest
    and come last, so ``-- -n 0`` runs them in one process and ``-- tests/test_cli.py`` one module.
    """
    _install(session, "generate", "tests")
    session.run("python", "generator/generate.py", "--check")
    _install_package(session)
    session.run("pytest", *ALL_TESTS, *PARALLEL, *session.posargs)


@nox.session
def tutorial(session: nox.Session) -> None:
    """Walk through the API guide's tutorial against a local stand-in (or ``-- --live``)."""
    _install_once(session, "tests")
    session.run("python", "-m", "docs.examples.tutorial", *session.posargs)


@nox.session
def sandbox(session: nox.Session) -> None:
    """Serve a stand-in CircleCI on localhost until stopped (``-- --port N --token T``).

    It prints ``export`` lines to paste, and the projects and jobs to try.
    """
    _install_once(session, "tests")
    session.run("python", "-m", "tests.standin", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site with ``mkdocs build --strict``, then test its examples and pages in chromium.

    Read the Docs runs the same build (``.readthedocs.yaml``); ``tests/test_site.py`` checks
    the built tree (sitemap, canonical links, search index) and ``tests/test_docs_browser.py``
    every page in Chromium, driven by Playwright.

    ``-- serve`` serves the site on http://127.0.0.1:8000 instead, rebuilding on every edit.

    These tests run in one process (no ``-n``): the browser test shares one Chromium and one
    visit of every page between its tests, and the others take seconds.
    """
    _install(session, "docs", "tests")
    _install_package(session)
    env = {"NO_MKDOCS_2_WARNING": "1"}
    if session.posargs[:1] == ["serve"]:
        session.run("mkdocs", "serve", *session.posargs[1:], env=env)
        return
    session.run("mkdocs", "build", "--strict", env=env)
    _ensure_chromium(session)
    session.run(
        "pytest",
        "tests/test_docs_examples.py",
        "tests/test_reference_docs.py",
        "tests/test_site.py",
        "tests/test_docs_browser.py",
        env={"DOCS_BROWSER_REQUIRED": "1"},
    )


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks against a stand-in: ratios and targets (``-- --write-docs`` updates the docs)."""
    _install(session, "tests", "bench")
    _install_package(session)
    session.run("python", "-m", "bench.run", *session.posargs)


@nox.session
def build(session: nox.Session) -> None:
    """Build the wheel and the sdist into dist/, check their metadata, smoke-test the wheel.

    The wheel is built from the sdist, so the sdist is known to be complete; hatchling is the
    pinned one (no build isolation). ``twine check --strict`` reads the metadata as PyPI
    would. The wheel is then installed, with its ``[cli]`` extra and nothing else, in a new
    virtual environment, where ``tests/smoke/installed.py`` runs against a stand-in.
    """
    _install(session, "build", "tests")
    session.run("python", "-m", "build", "--no-isolation", "--outdir", DIST, "generated_client")
    built = f"{DIST}/circleci_client-{package_version()}"
    wheel, sdist = f"{built}-py3-none-any.whl", f"{built}.tar.gz"
    session.run("twine", "check", "--strict", wheel, sdist)
    session.run("python", "-m", "tests.smoke", wheel)
