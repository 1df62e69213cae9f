"""Artifact downloads called the same way in both flavours, for tests that run each twice."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from circleci_client import AuthenticatedClient
from circleci_client.artifacts import DownloadReport

from tests.standin.server import Standin

DownloadJob = Callable[..., DownloadReport]
"""A download function called as ``download(client, *args, **kwargs)``."""


def artifact_client(standin: Standin) -> AuthenticatedClient:
    """A client of the stand-in whose token also goes to its artifact host; no retries."""
    return AuthenticatedClient(
        standin.token, standin.base_url, token_hosts=[standin.artifact_base_url], max_retries=0
    )


def run_async(factory: Callable[..., Coroutine[Any, Any, DownloadReport]]) -> DownloadJob:
    """An async download function made callable like its sync twin (it runs its own loop)."""

    def run(client: AuthenticatedClient, *args: Any, **kwargs: Any) -> DownloadReport:
        async def main() -> DownloadReport:
            async with client:
                return await factory(client, *args, **kwargs)

        return asyncio.run(main())

    return run
