# Hand-written runtime module (not generated): edit it here.
"""The ``circleci-client`` command: job artifacts, context secrets, usage exports.

Reads the token from ``CIRCLE_TOKEN`` (or ``CIRCLECI_TOKEN``) and the API root from
``CIRCLECI_BASE_URL``. Exit codes: 0 everything worked, 1 some file (or the API) failed,
2 usage or authentication error, 130 interrupted (Ctrl-C). Nothing in the package imports this
package, so ``import circleci_client`` never loads typer or rich. Each command group is a module
that adds itself to ``app``.
"""

from __future__ import annotations

from . import (
    _artifacts,  # noqa: F401  (adds the ``artifacts`` commands)
    _context,  # noqa: F401  (adds the ``context`` commands)
    _pipeline,  # noqa: F401  (adds the ``pipeline`` commands)
    _tests,  # noqa: F401  (adds the ``tests`` commands)
    _usage,  # noqa: F401  (adds the ``usage`` commands)
)
from ._app import INTERRUPTED_MESSAGE, TOKEN_HOSTS_ENV_VAR, app

__all__ = ["INTERRUPTED_MESSAGE", "TOKEN_HOSTS_ENV_VAR", "app", "main"]


def main() -> None:
    """Entry point of the ``circleci-client`` console script."""
    app(prog_name="circleci-client")
