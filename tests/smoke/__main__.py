"""Install a built wheel in a new virtual environment and smoke-test it against a stand-in.

    python -m tests.smoke dist/circleci_client-<version>-py3-none-any.whl

The environment gets the wheel with its ``[cli]`` extra and their dependencies (pinned by
requirements/constraints.txt), and nothing else. :mod:`tests.smoke.installed` then runs there
from a temporary folder outside the repository, beside the quick start taken from the wheel's
own metadata (the package's index page), with the ``export`` lines the sandbox prints as its
only settings. The stand-in runs in this process.
"""

from __future__ import annotations

import email
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from tests.standin.server import Standin
from tests.standin.welcome import exports

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
INSTALLED_CHECKS = Path(__file__).with_name("installed.py")
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.DOTALL | re.MULTILINE)


def wheel_metadata(wheel: Path) -> email.message.Message:
    """The ``METADATA`` of a wheel: its headers, and the README as the body."""
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        return email.message_from_bytes(archive.read(name))


def quick_start(description: str) -> str:
    """The first Python block of the index page: the quick start users are shown."""
    match = PYTHON_BLOCK.search(description)
    if match is None:
        raise SystemExit("the package's README shows no Python quick start")
    return match[1]


def pasted(lines: list[str]) -> dict[str, str]:
    """The variables a shell has after the sandbox's ``export`` lines are pasted."""
    env = {}
    for line in lines:
        name, _, value = line.removeprefix("export ").partition("=")
        [env[name]] = shlex.split(value)
    return env


def make_environment(folder: Path, wheel: Path) -> Path:
    """A new virtual environment with the wheel and its ``[cli]`` extra; its Python."""
    subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    python = folder / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "-c", str(CONSTRAINTS), f"{wheel}[cli]"],
        check=True,
    )
    return python


def main(argv: list[str]) -> int:
    """Build the environment, start a stand-in and run the installed checks; their status."""
    if len(argv) != 1 or not argv[0].endswith(".whl"):
        raise SystemExit("usage: python -m tests.smoke dist/<name>.whl")
    wheel = Path(argv[0]).resolve()
    metadata = wheel_metadata(wheel)
    version = str(metadata["Version"])
    with tempfile.TemporaryDirectory(prefix="circleci-client-smoke-") as tmp:
        python = make_environment(Path(tmp, "venv"), wheel)
        work = Path(tmp, "work")
        work.mkdir()
        (work / "quickstart.py").write_text(quick_start(str(metadata.get_payload())))
        shutil.copy(INSTALLED_CHECKS, work / "installed.py")
        with Standin() as standin:
            facts = standin.world.facts
            env = {"PATH": f"{python.parent}{os.pathsep}{os.defpath}", "HOME": tmp}
            env |= pasted(exports(standin))
            command = [str(python), "-I", "installed.py", version, facts.widgets_slug]
            command.append(str(facts.build_job_number))
            return subprocess.run(command, cwd=work, env=env, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
