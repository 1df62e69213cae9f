"""The tooling is reproducible: every nox session installs pinned environments, the nox version
is stated once, a plain ``nox`` changes nothing, and the slow tests run in CI only."""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements"
NOX_VERSION_FILE = REQUIREMENTS / "nox.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*==\s*([^\s;#]+)")


def _name(name: str) -> str:
    """A distribution name as pip compares it."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _lines(path: Path) -> Iterator[str]:
    """A requirements file's requirement lines, ``-r`` includes followed, comments dropped."""
    for raw in path.read_text().splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("-r "):
            yield from _lines(path.parent / line[3:].strip())
        elif line:
            yield line


def _pins(path: Path) -> dict[str, str]:
    """``name -> version`` of every ``name==version`` line of a requirements or lock file."""
    pins: dict[str, str] = {}
    for line in _lines(path):
        match = PIN.match(line)
        if match:
            pins[_name(match[1])] = match[2]
    return pins


def _requirement_names(path: Path) -> set[str]:
    return {_name(re.split(r"[\s\[<>=!~;]", line, maxsplit=1)[0]) for line in _lines(path)}


def _nox_version() -> str:
    [version] = _pins(NOX_VERSION_FILE).values()
    return version


# --- locks --------------------------------------------------------------------------------------


def test_the_generate_lock_pins_every_package_of_the_generate_environment() -> None:
    lock = _pins(REQUIREMENTS / "generate.lock")
    lines = list(_lines(REQUIREMENTS / "generate.lock"))
    assert len(lock) == len(lines), "every line of generate.lock is name==version"
    wanted = _pins(REQUIREMENTS / "generate.txt")
    assert {"openapi-python-client", "ruff"} <= set(wanted)
    assert {name: lock.get(name) for name in wanted} == wanted
    # openapi-python-client's own dependencies, the template engine first.
    assert {"jinja2", "markupsafe", "attrs", "httpx", "pydantic", "ruamel-yaml", "typer"} <= set(
        lock
    )


def test_the_constraints_pin_every_tool_and_agree_with_the_generate_lock() -> None:
    constraints = _pins(REQUIREMENTS / "constraints.txt")
    lines = list(_lines(REQUIREMENTS / "constraints.txt"))
    assert len(constraints) == len(lines), "every line of constraints.txt is name==version"
    for requirements in sorted(REQUIREMENTS.glob("*.txt")):
        if requirements.name == "constraints.txt":
            continue
        missing = _requirement_names(requirements) - set(constraints)
        assert not missing, f"{requirements.name}: not pinned in constraints.txt: {missing}"
        for name, version in _pins(requirements).items():
            assert constraints[name] == version, f"{requirements.name}: {name}"
    generate_lock = _pins(REQUIREMENTS / "generate.lock")
    assert {name: constraints.get(name) for name in generate_lock} == generate_lock
    package = tomllib.loads((ROOT / "generated_client/pyproject.toml").read_text())["project"]
    dependencies = package["dependencies"] + package["optional-dependencies"]["cli"]
    assert {_name(re.split(r"[\s\[<>=!~;]", d, maxsplit=1)[0]) for d in dependencies} <= set(
        constraints
    )
    assert "circleci-client" not in constraints


class _RecordingSession:
    """Enough of ``nox.Session`` to run a session function and record what it would do."""

    def __init__(self, name: str, posargs: list[str] | None = None) -> None:
        self.name = name
        self.posargs = posargs or []
        self.virtualenv = type("Env", (), {"location": None})()
        self.installs: list[tuple[str, ...]] = []
        self.runs: list[tuple[str, ...]] = []

    def install(self, *args: str) -> None:
        self.installs.append(args)

    def run(self, *args: str, **kwargs: Any) -> None:
        self.runs.append(args)

    def log(self, message: str) -> None:
        pass

    def error(self, message: str) -> None:
        raise AssertionError(message)


def _run_session(name: str, monkeypatch: pytest.MonkeyPatch) -> _RecordingSession:
    import noxfile

    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(noxfile, "_ensure_chromium", lambda session: None)
    session = _RecordingSession(name)
    getattr(noxfile, name)(session)
    return session


SESSIONS = ["generate", "lint", "tests", "tutorial", "sandbox", "docs", "bench", "build"]


@pytest.mark.parametrize("name", SESSIONS)
def test_every_session_installs_with_its_lock(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    session = _run_session(name, monkeypatch)
    assert session.installs
    expected = (
        "requirements/generate.lock" if name == "generate" else "requirements/constraints.txt"
    )
    for args in session.installs:
        assert args[:2] == ("-c", expected), args
        assert (ROOT / args[1]).is_file()


def test_the_tests_session_runs_the_slow_tests_that_plain_pytest_leaves_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    assert options["ini_options"]["addopts"][:2] == ["-m", "not slow"]
    session = _run_session("tests", monkeypatch)
    [pytest_run] = [args for args in session.runs if args[0] == "pytest"]
    assert pytest_run[1:3] == ("-m", ""), "the tests session selects every test, slow ones too"
    # CI runs the README's command, which runs the tests session.
    for path in ("README.md", ".ci/run"):
        assert "nox -s lint tests docs" in (ROOT / path).read_text()


def test_the_tests_session_runs_in_parallel_and_posargs_come_last(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    addopts = options["ini_options"]["addopts"]
    # Scheduled by test index: the node-ID-keyed modes run one of several tests sharing an ID.
    assert addopts[2:] == ["--dist", "worksteal"]
    monkeypatch.chdir(ROOT)
    import noxfile

    session = _RecordingSession("tests", posargs=["-n", "0", "tests/test_slugs.py"])
    noxfile.tests(session)
    [pytest_run] = [args for args in session.runs if args[0] == "pytest"]
    assert pytest_run == ("pytest", "-m", "", "-n", "auto", "-n", "0", "tests/test_slugs.py")


def test_covered_operations_reads_the_covers_calls_of_test_functions(tmp_path: Path) -> None:
    from tests.covered import covered_operations

    module = tmp_path / "test_sample.py"
    module.write_text(
        "def test_a():\n    covers('getA', 'getB')\n"
        "class TestC:\n    async def test_c(self):\n        covers('getC')\n"
        "def helper():\n    covers('notATest')\n"
    )
    assert covered_operations(module) == {"getA", "getB", "getC"}
    module.write_text("def test_a():\n    covers(NAME)\n")
    with pytest.raises(ValueError, match=re.escape("test_sample.py:2: covers() takes literal")):
        covered_operations(module)


def test_slow_tests_exist_and_are_marked() -> None:
    marked = [
        path.name
        for path in sorted((ROOT / "tests").glob("test_*.py"))
        if "@pytest.mark.slow" in path.read_text()
        or "pytestmark = pytest.mark.slow" in path.read_text()
    ]
    assert {"test_soak.py", "test_schemathesis.py", "test_generate.py"} <= set(marked)


def test_plain_nox_installs_and_runs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import nox

    import noxfile

    assert noxfile.__name__ == "noxfile"  # imported: its options are set
    assert nox.options.sessions == ["overview"]
    session = _run_session("overview", monkeypatch)
    assert session.installs == [] and session.runs == []


# --- the nox version ----------------------------------------------------------------------------


def test_the_nox_version_is_stated_once_and_every_mention_agrees() -> None:
    version = _nox_version()
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d{1,2}", version)
    pinning = [
        path.name
        for path in sorted(REQUIREMENTS.glob("*.txt"))
        if path != NOX_VERSION_FILE
        and any(line.startswith("nox==") for line in path.read_text().splitlines())
    ]
    assert pinning == ["constraints.txt"], "requirement files include nox.txt (-r nox.txt)"
    assert _pins(REQUIREMENTS / "constraints.txt")["nox"] == version
    mentions = [ROOT / "README.md", ROOT / ".ci/run", *sorted((ROOT / "docs").rglob("*.md"))]
    mentions += sorted((ROOT / "bench").glob("*.py"))
    found = {
        path.relative_to(ROOT).as_posix(): re.findall(r"nox==([0-9.]+)", path.read_text())
        for path in mentions
    }
    assert found["README.md"] and found[".ci/run"]
    wrong = {path: versions for path, versions in found.items() if set(versions) - {version}}
    assert not wrong, f"these name another nox version than requirements/nox.txt: {wrong}"


# --- the upgrade guide ----------------------------------------------------------------------------

TEMPLATES = ROOT / "generator/templates"
IMPORT = re.compile(r'{%-?\s*(?:import|from)\s+"([^"]+)"(?:\s+import\s+([^%]+?))?\s*-?%}')


def test_the_regenerating_page_names_the_upstream_templates_and_macros_we_rely_on() -> None:
    page = (ROOT / "docs/regenerating.md").read_text()
    upstream: dict[str, set[str]] = {}
    for template in TEMPLATES.rglob("*.jinja"):
        for target, names in IMPORT.findall(template.read_text()):
            if not (TEMPLATES / target).is_file():
                macros = {name.split(" as ")[0].strip() for name in names.split(",") if name}
                upstream.setdefault(target, set()).update(macros)
    assert "endpoint_macros.py.jinja" in upstream
    for target, macros in upstream.items():
        assert f"`{target}`" in page, target
        for macro in macros:
            assert f"`{macro}`" in page, f"{target}: {macro}"
    for step in ("requirements/generate.txt", "requirements/generate.lock", "constraints.txt"):
        assert step in page, f"the upgrade steps name {step}"


def test_the_regenerating_page_names_the_upstream_property_templates_used_as_they_are() -> None:
    client = pytest.importorskip("openapi_python_client")
    page = (ROOT / "docs/regenerating.md").read_text()
    upstream = Path(client.__file__).parent / "templates/property_templates"
    ours = {path.name for path in (TEMPLATES / "property_templates").iterdir()}
    used_as_they_are = sorted(
        path.name for path in upstream.glob("*_property.py.jinja") if path.name not in ours
    )
    assert used_as_they_are
    missing = [name for name in used_as_they_are if f"`{name}`" not in page]
    assert not missing, f"docs/regenerating.md does not name {missing}"


MAX_MODULE_LINES = 500
HAND_WRITTEN = "# Hand-written runtime module (not generated): edit it here."


def _hand_written_modules() -> Iterator[Path]:
    """The package's hand-written modules, the generator's and the stand-in's."""
    for path in sorted((ROOT / "generated_client" / "circleci_client").rglob("*.py")):
        if path.read_text().startswith(HAND_WRITTEN):
            yield path
    yield from sorted((ROOT / "generator").rglob("*.py"))
    yield from sorted((ROOT / "tests" / "standin").rglob("*.py"))


def test_no_hand_written_module_is_over_500_lines() -> None:
    modules = list(_hand_written_modules())
    assert len(modules) > 40  # the walk found the runtime, not an empty folder
    too_long = {
        str(path.relative_to(ROOT)): n
        for path in modules
        if (n := len(path.read_text().splitlines())) > MAX_MODULE_LINES
    }
    assert too_long == {}, f"split these modules along their seams: {too_long}"


def test_no_file_of_the_generator_is_copied_byte_for_byte_into_the_package() -> None:
    def digests(folder: Path) -> dict[bytes, Path]:
        return {
            hashlib.sha256(path.read_bytes()).digest(): path
            for path in folder.rglob("*")
            if path.is_file() and "__pycache__" not in path.parts
        }

    generator = digests(ROOT / "generator")
    package = digests(ROOT / "generated_client")
    assert len(generator) > 10 and len(package) > 100
    copies = sorted(str(package[d].relative_to(ROOT)) for d in set(generator) & set(package))
    assert copies == [], "hand-written code lives in the package only; templates must render"


def test_rewriting_the_performance_page_keeps_its_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``bench -- --write-docs`` replaces the table but keeps "Where the time goes" as written."""
    from bench import report

    page = tmp_path / "performance.md"
    page.write_text(
        "# Performance\n\nold table\n\n## Where the time goes\n\n- a note.\n", encoding="utf-8"
    )
    monkeypatch.setattr(report, "DOCS_PAGE", page)
    info = {"date": "today", "nproc": "2", "cpu": "cpu", "python": "3.11", "platform": "linux"}
    report.write_docs([], info)
    text = page.read_text(encoding="utf-8")
    assert "old table" not in text
    assert text.endswith("## Where the time goes\n\n- a note.\n")
    page.write_text("# Performance\n\nno notes\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="Where the time goes"):
        report.write_docs([], info)
