"""The clients every API function takes as its ``client`` argument."""

from ._client import AuthenticatedClient, Client

__all__ = ("AuthenticatedClient", "Client")
