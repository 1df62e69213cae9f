"""The checks the installed wheel must pass, run with the clean environment's Python.

``python -I installed.py VERSION SLUG JOB`` from a folder that also holds ``quickstart.py``
(the quick start of the package's index page), with ``CIRCLE_TOKEN``, ``CIRCLECI_BASE_URL``
and ``CIRCLECI_TOKEN_HOSTS`` set to a stand-in's. It imports only the installed package and
the standard library; the first failed check ends it with a message and exit status 1.
"""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path


def check(ok: bool, message: str) -> None:
    """Stop with ``message`` unless ``ok``."""
    if not ok:
        sys.exit(f"smoke test failed: {message}")


def run(*command: str | Path) -> str:
    """Run a command and return its output; a non-zero exit fails the smoke test."""
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    shown = " ".join(map(str, command))
    output = result.stdout + result.stderr
    check(result.returncode == 0, f"{shown} exited {result.returncode}:\n{output}")
    return result.stdout


def check_installation(version: str) -> Path:
    """The package comes from this environment, has the wheel's version and is typed."""
    import circleci_client

    package = Path(circleci_client.__file__).resolve().parent
    check(
        Path(sys.prefix).resolve() in package.parents,
        f"circleci_client was imported from {package}, not from this environment",
    )
    check(circleci_client.__version__ == version, f"__version__ is {circleci_client.__version__}")
    check(metadata.version("circleci-client") == version, "the installed metadata's version")
    check((package / "py.typed").is_file(), "py.typed is missing: type checkers would ignore it")
    return package


def check_library(slug: str, job: int) -> int:
    """The client reads the environment, calls the API and lists a job's artifacts."""
    from circleci_client import AuthenticatedClient
    from circleci_client.api.user import get_current_user
    from circleci_client.artifacts import list_artifacts

    with AuthenticatedClient.from_env() as client:
        me = get_current_user.sync(client=client)
        check(bool(getattr(me, "login", "")), f"GET /me answered {me!r}")
        artifacts = list_artifacts(client, slug, job)
    check(bool(artifacts), f"job {job} of {slug} lists no artifacts")
    return len(artifacts)


def check_quick_start(slug: str) -> None:
    """The index page's quick start prints a project's ten newest pipelines."""
    lines = run(sys.executable, "-I", "quickstart.py", slug).splitlines()
    check(len(lines) == 10, f"the quick start printed {len(lines)} lines: {lines}")


def check_command(version: str, slug: str, job: int, artifacts: int) -> None:
    """The ``circleci-client`` command is installed, knows its version and downloads."""
    command = Path(sys.executable).parent / "circleci-client"
    check(command.is_file(), f"{command} is not installed")
    shown = run(command, "--version").strip()
    check(shown == f"circleci-client {version}", f"--version printed {shown!r}")
    dest = Path("downloaded")
    run(command, "artifacts", "download", slug, str(job), "--dest", dest)
    files = [path for path in dest.rglob("*") if path.is_file()]
    check(len(files) == artifacts, f"downloaded {len(files)} files, the job has {artifacts}")
    check(all(path.stat().st_size > 0 for path in files), "an empty file was downloaded")


def main(argv: list[str]) -> None:
    """Run every check in turn."""
    version, slug, job_text = argv
    job = int(job_text)
    package = check_installation(version)
    artifacts = check_library(slug, job)
    check_quick_start(slug)
    check_command(version, slug, job, artifacts)
    print(f"smoke test passed: circleci-client {version} from {package}")


if __name__ == "__main__":
    main(sys.argv[1:])
