"""Clients pointed at the stand-in, as the tests and docs examples use them."""

from __future__ import annotations

from typing import Any

import httpx
from circleci_client import AuthenticatedClient
from circleci_client._client import TOKEN_HOSTS_ENV_VAR

from tests.standin.server import Standin


def standin_client(standin: Standin, **options: Any) -> AuthenticatedClient:
    """An authenticated client for the stand-in, allowed to send the token to its artifact host."""
    options.setdefault("token_hosts", [standin.artifact_base_url])
    options.setdefault("timeout", 10.0)
    return AuthenticatedClient(token=standin.token, base_url=standin.base_url, **options)


def cli_env(standin: Standin, **extra: str) -> dict[str, str]:
    """Environment variables that point the command line at the stand-in (no token hosts)."""
    return {
        "CIRCLE_TOKEN": standin.token,
        "CIRCLECI_TOKEN": "",
        "CIRCLECI_BASE_URL": standin.base_url,
        TOKEN_HOSTS_ENV_VAR: "",
        **extra,
    }


class SentRequests(list[httpx.Request]):
    """Every request a client sends, in order (the client's httpx request hook appends)."""

    def client_options(self) -> dict[str, Any]:
        """Options for the ``client`` fixture that record into this list, emptied first."""
        self.clear()
        return {"httpx_args": {"event_hooks": {"request": [self.append]}}}
