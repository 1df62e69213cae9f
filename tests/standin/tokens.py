"""Opaque, signed page tokens: urlsafe base64 of a small JSON payload plus an HMAC."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets


class BadPageToken(ValueError):
    """Raised when a page token is malformed, tampered with or used on another list."""


class PageTokens:
    """Encodes and checks page tokens bound to one list (its scope string)."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(16)

    def _sign(self, payload: bytes) -> str:
        mac = hmac.new(self._secret, payload, hashlib.sha256).digest()[:12]
        return base64.urlsafe_b64encode(mac).decode().rstrip("=")

    def encode(self, offset: int, scope: str) -> str:
        """Return the token for the page starting at ``offset`` of the list ``scope``."""
        body = json.dumps({"o": offset, "s": scope}, separators=(",", ":")).encode()
        encoded = base64.urlsafe_b64encode(body).decode().rstrip("=")
        return f"{encoded}.{self._sign(body)}"

    def decode(self, token: str, scope: str) -> int:
        """Return the offset a token points at, or raise :class:`BadPageToken`."""
        encoded, _, signature = token.partition(".")
        try:
            body = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        except (binascii.Error, ValueError) as exc:
            raise BadPageToken("page-token is not valid") from exc
        if not signature or not hmac.compare_digest(signature, self._sign(body)):
            raise BadPageToken("page-token is not valid")
        data = json.loads(body)
        offset = data.get("o")
        if data.get("s") != scope or not isinstance(offset, int) or offset < 0:
            raise BadPageToken("page-token does not belong to this list")
        return offset
