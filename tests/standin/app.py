"""The API server: a Starlette app routing on the raw path, with faults and validation.

Order of work per request: log it, add latency, apply the rate limit (429 when the token's
bucket is empty, see ``ratelimit``; every answer then carries its RateLimit-* headers),
apply ``before`` faults (drop, 429, 5xx), check auth (401), route (404/405), run the handler
under the world lock, apply ``after`` faults, validate the JSON body against openapi.yaml (when
enabled) and send it. Every
error body is ``{"message": ...}``; only the plain-text 429 fault differs. Malformed ids in
the path (not a uuid, not a number) answer 404 like unknown ones. Fault responses are not
validated: they are deliberate.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from typing import Any, Protocol
from urllib.parse import parse_qsl, unquote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import Receive, Scope, Send

from tests.standin import (
    context_handlers,
    handlers,
    insight_handlers,
    result_insight_handlers,
    run_handlers,
    schedule_handlers,
    settings_handlers,
    usage_handlers,
    webhook_handlers,
)
from tests.standin.asgi_util import (
    TRANSPORT_KEY,
    drop_connection,
    find_transport,
    token_from_headers,
)
from tests.standin.faults import FaultRule, RequestInfo
from tests.standin.handler_kit import ROUTES, ApiError, ApiHost, Ctx, Reply
from tests.standin.hosts import ServedHost
from tests.standin.ratelimit import TokenBuckets
from tests.standin.reqlog import RequestRecord
from tests.standin.routing import Router
from tests.standin.validation import ResponseValidator

PREFIX = "/api/v2"
OPERATION_MODULES = (
    handlers,
    insight_handlers,
    run_handlers,
    context_handlers,
    result_insight_handlers,
    schedule_handlers,
    webhook_handlers,
    settings_handlers,
    usage_handlers,
)
"""The modules whose handlers register themselves in ``ROUTES`` as they are imported."""

RATE_HEADERS_KEY = "standin.rate_headers"
"""Where a request's scope keeps the RateLimit-* headers its answer carries."""
INVALID_TOKEN = "Invalid token provided."
QUERY_AUTH = (
    "Query parameter authentication (circle-token) is not supported. "
    "Send the token in the Circle-Token header or as the HTTP basic auth user name."
)
FAULT_MESSAGES = {500: "Internal server error.", 502: "Bad gateway.", 503: "Service unavailable."}
log = logging.getLogger("tests.standin")


class AppHost(ApiHost, ServedHost, Protocol):
    """Everything the API app reads from the server object (``Standin`` provides it)."""

    @property
    def validator(self) -> ResponseValidator | None: ...

    @property
    def validation_errors(self) -> list[str]: ...

    @property
    def rate_limiter(self) -> TokenBuckets: ...


class StandinStarlette(Starlette):
    """Starlette app that exposes uvicorn's transport so faults can drop connections."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Remember the transport, then run the app."""
        if scope["type"] == "http":
            scope[TRANSPORT_KEY] = find_transport(send)
        await super().__call__(scope, receive, send)


def fault_reply(rule: FaultRule) -> Response:
    """Build the response of a status or rate-limit fault."""
    headers = {"Retry-After": rule.retry_after} if rule.retry_after is not None else {}
    if rule.kind == "rate_limit":
        if rule.plain_text:
            return PlainTextResponse("Rate limited.", 429, headers=headers)
        return JSONResponse({"message": "Rate limit exceeded."}, 429, headers=headers)
    text = rule.message or FAULT_MESSAGES.get(rule.status, "Server error.")
    return JSONResponse({"message": text}, rule.status, headers=headers)


class ApiDispatcher:
    """ASGI app answering every request below ``/api/v2``."""

    def __init__(self, host: AppHost) -> None:
        self.host = host
        self.router = Router(ROUTES)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Log the request, answer it and record the status."""
        with self.host.requests.recording("api", scope) as record:
            response = await self.respond(scope, receive, record)
            if response is None:
                record.status = None
                await drop_connection(scope, send)
                return
            record.status = response.status_code
            response.headers.update(scope.get(RATE_HEADERS_KEY, {}))
            await response(scope, receive, send)

    def _error(self, status: int, message: str) -> JSONResponse:
        return JSONResponse({"message": message}, status)

    def _checked_error(self, operation: str | None, status: int, message: str) -> Response:
        """Return an error, validated against the operation's responses when it is known."""
        if operation is None:
            return self._error(status, message)
        return self._validated(operation, Reply(status, {"message": message}))

    async def respond(
        self, scope: Scope, receive: Receive, record: RequestRecord
    ) -> Response | None:
        """Return the response for a request, or None to drop the connection."""
        raw, method = record.raw_path, record.method
        if raw != PREFIX and not raw.startswith(PREFIX + "/"):
            return self._error(404, "Not found.")
        match = self.router.match(method, raw[len(PREFIX) :])
        operation = match.route.operation if match.route else None
        record.operation = operation
        info = RequestInfo("api", method, unquote(raw[len(PREFIX) :]), match.template, operation)
        faults = self.host.faults
        generation = faults.generation
        delay = faults.delay_for(info)
        if delay > 0:
            await asyncio.sleep(delay)
            if faults.generation != generation:
                return None  # reset while asleep: its client is gone, the new faults are not its
        verdict = self.host.rate_limiter.take(token_from_headers(record.headers) or "")
        scope[RATE_HEADERS_KEY] = verdict.headers
        if verdict.retry_after is not None:
            return JSONResponse(
                {"message": "Rate limit exceeded."},
                429,
                headers={"Retry-After": verdict.retry_after},
            )
        if faults.take("drop", info, when="before"):
            return None
        rule = faults.take("rate_limit", info) or faults.take("status", info, when="before")
        if rule is not None:
            return fault_reply(rule)
        query = dict(parse_qsl(record.query, keep_blank_values=True))
        if "circle-token" in query:
            return self._checked_error(operation, 401, QUERY_AUTH)
        if token_from_headers(record.headers) != self.host.token:
            return self._checked_error(operation, 401, INVALID_TOKEN)
        if match.route is None:
            if match.slug_malformed:
                return self._checked_error(operation, 404, "Project not found")
            if match.path_known:
                response = self._error(405, f"Method {method} is not allowed here.")
                response.headers["Allow"] = ", ".join(match.allowed)
                return response
            return self._error(404, "Not found.")
        body = await Request(scope, receive).body()
        ctx = Ctx(self.host, method, match.route.operation, match.params, query, body, record.query)
        reply = self._run(ctx, match.route.handler)
        if faults.take("drop", info, when="after"):
            return None
        rule = faults.take("status", info, when="after")
        if rule is not None:
            return fault_reply(rule)
        return self._validated(match.route.operation, reply)

    def _run(self, ctx: Ctx, handler: Any) -> Reply:
        """Run a handler under the world lock, mapping errors to replies."""
        try:
            with self.host.world.lock:
                engine = self.host.world.engine
                if engine is not None:
                    engine.catch_up()  # run triggered pipelines up to the clock's now
                    if ctx.method != "GET":
                        engine.touch()  # approvals, cancels, reruns: look again next time
                result: Reply = handler(ctx)
                return result
        except ApiError as exc:
            return Reply(exc.status, {"message": exc.message})
        except Exception as exc:  # a bug in the stand-in: report it, do not hide it
            log.error("stand-in handler failed:\n%s", traceback.format_exc())
            return Reply(500, {"message": f"Stand-in handler failed: {exc!r}"})

    def _validated(self, operation: str, reply: Reply) -> Response:
        """Check the reply against openapi.yaml when validation is on."""
        validator = self.host.validator
        if validator is not None:
            problems = validator.validate(operation, reply.status, reply.body)
            if problems:
                self.host.validation_errors.extend(problems)
                summary = "; ".join(problems[:3])
                return self._error(500, f"Response does not match openapi.yaml: {summary}")
        return JSONResponse(reply.body, reply.status, headers=reply.headers)


def create_app(host: AppHost) -> Starlette:
    """Return the API Starlette app serving ``host``'s world under ``/api/v2``."""
    app = StandinStarlette()
    # Every path goes to the dispatcher, even ones a routing regex would refuse (a raw newline).
    app.router.default = ApiDispatcher(host)
    return app
