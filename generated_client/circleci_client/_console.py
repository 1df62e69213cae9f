# Hand-written runtime module (not generated): edit it here.
"""Entry point of the ``circleci-client`` command: explains a missing ``[cli]`` extra."""

from __future__ import annotations

import sys

CLI_PACKAGES = frozenset({"typer", "rich", "click"})


def main() -> None:
    """Run the command line, or say how to install what it needs."""
    try:
        from .cli import main as run
    except ModuleNotFoundError as exc:
        if exc.name not in CLI_PACKAGES:
            raise
        sys.exit(
            f"circleci-client: the command line needs {exc.name}, which is not installed: "
            "pip install 'circleci-client[cli]'"
        )
    run()
