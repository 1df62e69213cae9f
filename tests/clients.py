"""Clients pointed at the stand-in, as the tests and docs examples use them."""

from __future__ import annotations

from typing import Any

from circleci_client import AuthenticatedClient

from tests.standin.server import Standin


def standin_client(standin: Standin, **options: Any) -> AuthenticatedClient:
    """An authenticated client for the stand-in, allowed to send the token to its artifact host."""
    options.setdefault("token_hosts", [standin.artifact_base_url])
    options.setdefault("timeout", 10.0)
    return AuthenticatedClient(token=standin.token, base_url=standin.base_url, **options)
