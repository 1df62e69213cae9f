# Hand-written runtime module (not generated): edit it here.
"""Public download errors, and the exceptions that steer one file's download."""

from __future__ import annotations

from ..errors import NoSuccessfulPipelineError, UnsafePathError

__all__ = ["NoSuccessfulPipelineError", "UnsafePathError"]


class _FileError(Exception):
    """This file failed; the message is the reason shown to the user."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class _Interrupted(Exception):
    """The body ended early; the ``.part`` holds what arrived and can be resumed."""

    def __init__(self, written: int, reason: str) -> None:
        super().__init__(written, reason)
        self.written = written
        """Body bytes written to the ``.part`` in the attempt that was interrupted."""
        self.reason = reason
        """Why the body ended early, as shown in the file's result."""


class _Restart(Exception):
    """The ``.part`` cannot be continued: drop it and download from zero."""


class _Stopped(BaseException):
    """The run is stopping (Ctrl-C or another worker's failure): give up at once."""


class _ListenerError(Exception):
    """A progress listener raised (the ``__cause__``): that stops the run, not one file."""
