"""The artifact host (needs the token) and the foreign host (pre-signed storage, no token).

Artifact URLs look like ``<artifact_base_url>/output/job/<job-id>/artifacts/<node>/<path>``.
With the redirect fault on, the artifact host answers 302 to
``<foreign_base_url>/presigned/<job-id>/<node>/<path>?X-Amz-Expires=300&X-Amz-Signature=..``,
which the foreign host serves without any token. The foreign host also serves the files of
usage export jobs at ``/usage-export/<job-id>/<name>?X-Amz-Signature=..`` (the
``download_urls`` of ``getUsageExport``), and refuses (400) such a request when it carries a
``Circle-Token`` or ``Authorization`` header, as storage refuses a second credential next to a
signature. Both honour single ``Range`` requests, send
a strong ``ETag`` and a ``Last-Modified`` that change with the artifact's content, and honour
``If-Range`` (a validator that does not match gets the whole file, 200).
"""

from __future__ import annotations

import asyncio
import email.utils
import hashlib
import json
import mimetypes
import re
from typing import Protocol
from urllib.parse import parse_qsl, quote, unquote

from starlette.types import Message, Receive, Scope, Send

from tests.standin.asgi_util import (
    TRANSPORT_KEY,
    drop_connection,
    find_transport,
    token_from_headers,
)
from tests.standin.content import iter_artifact
from tests.standin.faults import FaultRule, Faults, RequestInfo
from tests.standin.reqlog import RequestLog, RequestRecord
from tests.standin.usage import presign_usage
from tests.standin.world import Artifact, World

ARTIFACT_PATH = re.compile(r"^/output/job/([0-9a-f-]{36})/artifacts/(\d+)/(.+)$")
FOREIGN_PATH = re.compile(r"^/presigned/([0-9a-f-]{36})/(\d+)/(.+)$")
USAGE_PATH = re.compile(r"^/usage-export/([0-9a-f-]{36})/([A-Za-z0-9._-]+)$")
TOKEN_REFUSED = (
    b"InvalidArgument: Only one auth mechanism allowed; a pre-signed URL takes no "
    b"Circle-Token or Authorization header."
)
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class ServedHost(Protocol):
    """What every stand-in server reads from the server object."""

    @property
    def world(self) -> World: ...

    @property
    def token(self) -> str: ...

    @property
    def faults(self) -> Faults: ...

    @property
    def requests(self) -> RequestLog: ...


class HostsHost(ServedHost, Protocol):
    """What the artifact and foreign hosts read from the server object."""

    @property
    def foreign_base_url(self) -> str: ...


def presign(job_id: str, node: int, path: str) -> str:
    """Return the (fake) signature of a pre-signed URL."""
    return hashlib.sha256(f"standin-presign:{job_id}:{node}:{path}".encode()).hexdigest()[:40]


def validators(art: Artifact) -> tuple[str, str]:
    """Return the artifact's ``(ETag, Last-Modified)``; both change when its content does."""
    digest = hashlib.sha256(f"{art.seed}:{art.size}:".encode() + (art.content or b"")).hexdigest()
    modified = email.utils.formatdate(1_700_000_000 + int(digest[:6], 16), usegmt=True)
    return f'"{digest[:32]}"', modified


def parse_range(header: str | None, size: int) -> tuple[int, int] | None:
    """Return ``(start, end_exclusive)`` for a single byte range; None means whole file.

    Raises ValueError when the range cannot be satisfied.
    """
    if not header:
        return None
    found = RANGE.match(header.strip())
    if found is None:
        return None  # multi-range or unknown unit: serve the whole file
    first, last = found.groups()
    if not first and not last:
        return None
    if not first:
        length = int(last)
        if length == 0:
            raise ValueError("empty suffix range")
        return max(0, size - length), size
    start = int(first)
    end = min(int(last) + 1, size) if last else size
    if start >= size or end <= start:
        raise ValueError("range not satisfiable")
    return start, end


async def send_simple(
    send: Send,
    status: int,
    body: bytes,
    content_type: str,
    extra: list[tuple[bytes, bytes]] | None = None,
) -> None:
    """Send a small complete response."""
    headers = [
        (b"content-type", content_type.encode()),
        (b"content-length", str(len(body)).encode()),
    ]
    await send(
        {"type": "http.response.start", "status": status, "headers": headers + (extra or [])}
    )
    await send({"type": "http.response.body", "body": body, "more_body": False})


async def send_json_message(send: Send, status: int, text: str) -> None:
    """Send ``{"message": text}``."""
    await send_simple(send, status, json.dumps({"message": text}).encode(), "application/json")


async def _stall(scope: Scope, send: Send, seconds: float) -> None:
    """Send nothing for ``seconds`` (less if the client goes away), then drop the connection."""
    transport = scope.get(TRANSPORT_KEY)
    loop = asyncio.get_running_loop()
    until = loop.time() + seconds
    while loop.time() < until and not (transport is not None and transport.is_closing()):
        await asyncio.sleep(0.02)
    await drop_connection(scope, send)


async def serve_artifact(
    scope: Scope,
    send: Send,
    art: Artifact,
    headers: dict[str, str],
    interrupt: FaultRule | None,
    stall: FaultRule | None = None,
    *,
    honour_if_range: bool = True,
    show_tags: bool = True,
) -> int:
    """Stream an artifact (honouring Range and If-Range); an interrupt fault cuts the body
    short, a stall fault stops sending for a while first."""
    etag, modified = validators(art)
    tags = [(b"etag", etag.encode()), (b"last-modified", modified.encode())] if show_tags else []
    wanted = headers.get("range")
    if_range = headers.get("if-range")
    if if_range is not None and not honour_if_range:
        if_range = None
    if if_range is not None and if_range.strip() not in (etag, modified):
        wanted = None  # the client's copy is of another version: send the whole file
    try:
        span = parse_range(wanted, art.size)
    except ValueError:
        extra = [(b"content-range", f"bytes */{art.size}".encode()), *tags]
        await send_simple(send, 416, b"Range Not Satisfiable", "text/plain", extra)
        return 416
    start, end = span if span is not None else (0, art.size)
    status = 206 if span is not None else 200
    content_type = mimetypes.guess_type(art.path)[0] or "application/octet-stream"
    out = [
        (b"content-type", content_type.encode()),
        (b"content-length", str(end - start).encode()),
        (b"accept-ranges", b"bytes"),
        *tags,
    ]
    if span is not None:
        out.append((b"content-range", f"bytes {start}-{end - 1}/{art.size}".encode()))
    await send({"type": "http.response.start", "status": status, "headers": out})
    if scope["method"] == "HEAD":
        await send({"type": "http.response.body", "body": b"", "more_body": False})
        return status
    cut = interrupt or stall
    limit = None if cut is None else min(cut.after_bytes, max(0, end - start - 1))
    sent = 0
    for chunk in iter_artifact(art, start, end):
        if limit is not None and sent + len(chunk) >= limit:
            piece: Message = {
                "type": "http.response.body",
                "body": chunk[: limit - sent],
                "more_body": True,
            }
            await send(piece)
            if stall is not None:
                await _stall(scope, send, stall.seconds)
                return status
            await asyncio.sleep(0.01)
            await drop_connection(scope, send)
            return status
        await send({"type": "http.response.body", "body": chunk, "more_body": True})
        sent += len(chunk)
    await send({"type": "http.response.body", "body": b"", "more_body": False})
    return status


class FileHost:
    """ASGI app for the artifact host (``name="artifact"``) or the foreign host."""

    def __init__(self, host: HostsHost, name: str) -> None:
        self.host = host
        self.name = name

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Log, apply faults, check access and serve the artifact."""
        if scope["type"] != "http":
            return
        scope[TRANSPORT_KEY] = find_transport(send)
        with self.host.requests.recording(self.name, scope) as record:

            async def send_recorded(message: Message) -> None:
                # The status is known once the response starts: a client that has read the
                # whole body may look at the log before this handler returns.
                if message["type"] == "http.response.start":
                    record.status = message["status"]
                await send(message)

            record.status = await self._respond(scope, send_recorded, record)

    async def _respond(self, scope: Scope, send: Send, record: RequestRecord) -> int | None:
        faults = self.host.faults
        info = RequestInfo(self.name, record.method, record.path)
        delay = faults.delay_for(info)
        if delay > 0:
            await asyncio.sleep(delay)
        pattern = ARTIFACT_PATH if self.name == "artifact" else FOREIGN_PATH
        found = pattern.match(raw) if (raw := record.raw_path) else None
        usage = USAGE_PATH.match(raw) if raw and self.name == "foreign" else None
        if (found is None and usage is None) or record.method not in ("GET", "HEAD"):
            await send_json_message(send, 404, "Not found.")
            return 404
        if usage is not None:
            job_id, node, path = usage.group(1), 0, usage.group(2)
            signature = presign_usage(job_id, path)
            if "circle-token" in record.headers or "authorization" in record.headers:
                await send_simple(send, 400, TOKEN_REFUSED, "text/plain")
                return 400
        else:
            assert found is not None
            job_id, node, path = found.group(1), int(found.group(2)), unquote(found.group(3))
            signature = presign(job_id, node, path)
        if self.name == "artifact":
            if token_from_headers(record.headers) != self.host.token:
                await send_json_message(send, 401, "Invalid token provided.")
                return 401
        else:
            query = dict(parse_qsl(record.query))
            if query.get("X-Amz-Signature") != signature:
                await send_simple(send, 403, b"SignatureDoesNotMatch", "text/plain")
                return 403
        if faults.take("drop", info):
            await drop_connection(scope, send)
            return None
        rule = faults.take("rate_limit", info) or faults.take("status", info)
        if rule is not None:
            extra = [(b"retry-after", rule.retry_after.encode())] if rule.retry_after else []
            if rule.plain_text:
                await send_simple(send, rule.status, b"Rate limited.", "text/plain", extra)
                return rule.status
            default = "Rate limit exceeded." if rule.kind == "rate_limit" else "Server error."
            body = json.dumps({"message": rule.message or default}).encode()
            await send_simple(send, rule.status, body, "application/json", extra)
            return rule.status
        with self.host.world.lock:
            if usage is not None:
                art = _usage_file(self.host.world, job_id, path)
            else:
                art = self.host.world.find_artifact(job_id, node, path)
        if art is None:
            await send_json_message(send, 404, "Artifact not found.")
            return 404
        if self.name == "artifact" and faults.take("redirect", info):
            location = (
                f"{self.host.foreign_base_url}/presigned/{job_id}/{node}/{quote(path)}"
                f"?X-Amz-Expires=300&X-Amz-Signature={presign(job_id, node, path)}"
            )
            await send_simple(send, 302, b"", "text/plain", [(b"location", location.encode())])
            return 302
        return await serve_artifact(
            scope,
            send,
            art,
            record.headers,
            faults.take("interrupt", info),
            faults.take("stall", info),
            honour_if_range=faults.take("ignore_if_range", info) is None,
            show_tags=faults.take("hide_validators", info) is None,
        )


def _usage_file(world: World, job_id: str, name: str) -> Artifact | None:
    """A usage export job's file, as an artifact to serve."""
    job = world.usage.jobs.get(job_id)
    content = job.files().get(name) if job is not None else None
    if content is None:
        return None
    return Artifact(name, 0, len(content), content, f"usage:{job_id}:{name}")
