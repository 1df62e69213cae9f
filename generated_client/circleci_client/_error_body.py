# Hand-written runtime module (not generated): edit it here.
"""Reading an error response's body: its message and its decoded JSON, whatever it holds."""

from __future__ import annotations

import json
import re

import httpx

__all__ = ["MAX_MESSAGE_LENGTH", "extract_message", "read_content"]

MAX_MESSAGE_LENGTH = 500
"""Longest server message, in characters, kept in an error."""

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def read_content(response: httpx.Response) -> bytes | None:
    """Return the response body, reading it if needed; ``None`` if it cannot be read."""
    try:
        return response.content
    except httpx.ResponseNotRead:
        pass
    try:
        return response.read()
    except (RuntimeError, httpx.HTTPError):  # async or closed stream, or a failing connection
        return None


def _truncate(text: str, limit: int = MAX_MESSAGE_LENGTH) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _decode_text(content: bytes) -> str | None:
    """Decode a body as UTF-8 text; ``None`` if it looks binary."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if _CONTROL_CHARS.search(text):
        return None
    return text


def extract_message(
    response: httpx.Response, content: bytes | None
) -> tuple[str | None, object | None]:
    """Return ``(message, body)`` from an error response; either may be ``None``."""
    if not content:
        return None, None
    text = _decode_text(content)
    if text is None:
        return None, None
    try:
        body: object = json.loads(text)
    except (ValueError, RecursionError):
        body = text
    else:
        if isinstance(body, dict):
            for key in ("message", "error"):
                value = body.get(key)
                if isinstance(value, str) and value.strip():
                    return _truncate(" ".join(value.split())), body
                if value is not None and not isinstance(value, str):
                    try:
                        return _truncate(json.dumps(value, ensure_ascii=False)), body
                    except (ValueError, RecursionError):
                        continue
    content_type = response.headers.get("Content-Type", "").lower()
    if "html" in content_type or text.lstrip()[:1] == "<":
        return None, body  # an HTML error page from a proxy: noise, not a message
    flat = " ".join(text.split())
    return (_truncate(flat) if flat else None), body
