"""Small ASGI helpers shared by the three servers: auth, header access, dropping sockets."""

from __future__ import annotations

import asyncio
import base64
import binascii
from typing import Any

from starlette.types import Message, Scope, Send

TRANSPORT_KEY = "standin.transport"


def find_transport(send: Send) -> Any:
    """Return uvicorn's socket transport behind ``send`` (None under other servers)."""
    owner = getattr(send, "__self__", None)
    return getattr(owner, "transport", None)


def header_dict(scope: Scope) -> dict[str, str]:
    """Return request headers as a lower-case dict (last value wins)."""
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def raw_path(scope: Scope) -> str:
    """Return the still-encoded request path without the query string."""
    raw = scope.get("raw_path") or scope["path"].encode()
    return bytes(raw).decode("latin-1").split("?", 1)[0]


def token_from_headers(headers: dict[str, str]) -> str | None:
    """Return the token from ``Circle-Token`` or basic auth (user = token, empty password)."""
    if "circle-token" in headers:
        return headers["circle-token"]
    auth = headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, _, password = decoded.partition(":")
    return user if user and not password else None


async def drop_connection(scope: Scope, send: Send) -> None:
    """Close the client socket without (completing) a response.

    Under uvicorn the transport is closed directly, so the client sees the connection end
    (httpx: ``RemoteProtocolError``). Elsewhere a truncated response is sent and an error
    raised, which makes the server abort the connection.
    """
    transport = scope.get(TRANSPORT_KEY)
    if transport is not None:
        transport.close()
        for _ in range(20):
            await asyncio.sleep(0.005)
        return
    start: Message = {
        "type": "http.response.start",
        "status": 200,
        "headers": [(b"content-length", b"1000")],
    }
    await send(start)
    raise ConnectionAbortedError("stand-in dropped the connection")
