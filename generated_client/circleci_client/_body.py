# Hand-written runtime module (not generated): edit it here.
"""Reading an API response body into memory, with a cap on its decoded size.

The body is decoded as it arrives (gzip and deflate, the codings API calls ask for) and the
decoded bytes are counted, so a small compressed body that inflates to gigabytes, or an
endless chunked one, stops at the cap instead of filling memory. Each chunk is inflated with
a limit of one byte past the room left, so no step ever holds much more than the cap.
"""

from __future__ import annotations

import zlib

import httpx

__all__ = ["ACCEPT_ENCODING", "BodyReader"]

ACCEPT_ENCODING = "gzip, deflate"
"""The content codings API calls accept: the ones :class:`BodyReader` decodes within the cap."""

_WBITS = {"gzip": zlib.MAX_WBITS | 16, "x-gzip": zlib.MAX_WBITS | 16, "deflate": zlib.MAX_WBITS}
# Headers that describe the wire form of the body and are wrong for the decoded copy.
_WIRE_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


class _BodyTooLarge(Exception):
    """The decoded body passed ``limit`` bytes (turned into a typed error by the caller)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the decoded body passed {limit} bytes")
        self.limit = limit


class _Inflater:
    """One content coding, decoded a bounded amount at a time."""

    def __init__(self, coding: str) -> None:
        self._coding = coding
        self._zlib = zlib.decompressobj(_WBITS[coding])
        self._started = False

    def inflate(self, data: bytes, max_length: int) -> bytes:
        try:
            out = self._zlib.decompress(data, max_length)
        except zlib.error as exc:
            if self._coding == "deflate" and not self._started:
                # Some servers send raw deflate without the zlib wrapper.
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
                self._started = True
                return self.inflate(data, max_length)
            raise httpx.DecodingError(f"invalid {self._coding} body: {exc}") from exc
        self._started = True
        return out


class BodyReader:
    """Collects a body chunk by chunk, decoded, up to ``limit`` bytes.

    Past the limit it raises :class:`_BodyTooLarge`, or, with ``truncate``, keeps the first
    ``limit`` bytes and sets ``done`` so the caller stops reading.
    """

    def __init__(self, headers: httpx.Headers, limit: int, *, truncate: bool = False) -> None:
        encoding = headers.get("content-encoding")
        codings = [c.strip().lower() for c in encoding.split(",")] if encoding else []
        self._stages = [_Inflater(c) for c in reversed(codings) if c in _WBITS]
        self._plain = all(c in ("", "identity") for c in codings)
        self._limit = limit
        self._truncate = truncate
        self._parts: list[bytes] = []
        self._size = 0
        self.done = False
        """True once the limit was reached in truncate mode: read no further."""

    def feed(self, chunk: bytes) -> None:
        """Decode and keep ``chunk``."""
        room = self._limit - self._size
        data = chunk
        for stage in self._stages:
            data = stage.inflate(data, room + 1)
            if len(data) > room:  # past the cap, even if this is an intermediate coding
                self._overflow(data if stage is self._stages[-1] else b"", room)
                return
        self._keep(data, room)

    def finish(self) -> None:
        """Call once the body has ended, to check the decoders are complete."""
        for index, stage in enumerate(self._stages):
            tail = stage.inflate(b"", self._limit - self._size + 1)
            for later in self._stages[index + 1 :]:
                tail = later.inflate(tail, self._limit - self._size + 1)
            self._keep(tail, self._limit - self._size)

    def _keep(self, data: bytes, room: int) -> None:
        if len(data) > room:
            self._overflow(data, room)
            return
        if data:
            self._parts.append(data)
            self._size += len(data)

    def _overflow(self, data: bytes, room: int) -> None:
        if not self._truncate:
            raise _BodyTooLarge(self._limit)
        self._parts.append(data[:room])
        self._size += len(data[:room])
        self.done = True

    def response(self, original: httpx.Response) -> httpx.Response:
        """``original`` carrying the decoded body, with wire headers that fit it.

        Call it once the original stream is closed. A body that had no content coding stays
        in ``original`` (with its headers as they came), which is cheaper than a new response.
        """
        body = b"".join(self._parts)
        if self._plain:
            original.stream = httpx.ByteStream(body)
            return original
        headers = httpx.Headers(
            [(k, v) for k, v in original.headers.multi_items() if k.lower() not in _WIRE_HEADERS]
        )
        headers["Content-Length"] = str(len(body))
        extensions: dict[str, object] = {
            key: original.extensions[key]
            for key in ("http_version", "reason_phrase")
            if key in original.extensions
        }
        return httpx.Response(
            original.status_code,
            headers=headers,
            stream=httpx.ByteStream(body),
            extensions=extensions,
        )
