"""Typed errors: class selection, messages from odd bodies, redaction, Retry-After parsing."""

from __future__ import annotations

import base64
import gzip
import importlib
import json
import pickle
import pkgutil
import subprocess
import sys
import types
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import circleci_client
import httpx
import pytest
from circleci_client.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CircleCIError,
    ConflictError,
    MissingTokenError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    UnprocessableEntityError,
    error_from_response,
    parse_retry_after,
    redact,
    redact_url,
)

TOKEN = "CCIPAT_s3cr3t-token-value"
URL = "https://circleci.com/api/v2/project/gh/x/y"


def make_request(method: str = "GET", url: str = URL, **headers: str) -> httpx.Request:
    return httpx.Request(method, url, headers={"Circle-Token": TOKEN, **headers})


def make_response(
    status: int, request: httpx.Request | None = None, **kwargs: object
) -> httpx.Response:
    return httpx.Response(status, request=request or make_request(), **kwargs)  # type: ignore[arg-type]


def everything_about(error: BaseException) -> str:
    """Every place a secret could hide on an error, as one string."""
    parts = [str(error), repr(error), repr(error.args)]
    for name, value in vars(error).items():
        parts.append(f"{name}={value!r}")
        if isinstance(value, httpx.Headers):
            parts.extend(f"{k}: {v}" for k, v in value.multi_items())
        if isinstance(value, httpx.Response):
            parts.append(value.text)
            parts.extend(f"{k}: {v}" for k, v in value.headers.multi_items())
            parts.append(str(value.request.url))
            parts.extend(f"{k}: {v}" for k, v in value.request.headers.multi_items())
        if isinstance(value, httpx.Request):
            parts.append(str(value.url))
            parts.extend(f"{k}: {v}" for k, v in value.headers.multi_items())
            parts.append(value.content.decode())
    return "\n".join(parts)


# ---------------------------------------------------------------------------- class selection


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (599, ServerError),
        (405, APIStatusError),
        (418, APIStatusError),
        (302, APIStatusError),
    ],
)
def test_error_class_follows_status(status: int, cls: type[APIStatusError]) -> None:
    error = error_from_response(make_response(status, json={"message": "boom"}))
    assert type(error) is cls
    assert error.status_code == status
    assert isinstance(error, APIStatusError)
    assert isinstance(error, APIError)
    assert isinstance(error, CircleCIError)


def test_hierarchy() -> None:
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APIConnectionError, APIError)
    assert not issubclass(APIConnectionError, APIStatusError)
    assert issubclass(ResponseValidationError, CircleCIError)
    assert not issubclass(ResponseValidationError, APIError)
    assert issubclass(MissingTokenError, ValueError)
    assert issubclass(MissingTokenError, CircleCIError)


# ---------------------------------------------------------------------------- messages


def test_str_names_status_method_url_and_message() -> None:
    error = error_from_response(make_response(404, json={"message": "Project not found"}))
    assert str(error) == f"404 Not Found for GET {URL}: Project not found"
    assert error.message == "Project not found"
    assert error.method == "GET"
    assert error.url == URL
    assert error.body == {"message": "Project not found"}


def test_operation_is_named_in_str() -> None:
    response = make_response(404, json={"message": "Project not found"})
    error = error_from_response(response, operation="getProjectBySlug")
    assert error.operation == "getProjectBySlug"
    assert str(error) == f"getProjectBySlug: 404 Not Found for GET {URL}: Project not found"


def test_error_key_is_used_when_there_is_no_message() -> None:
    error = error_from_response(make_response(403, json={"error": "policy says no"}))
    assert error.message == "policy says no"
    assert str(error).endswith(": policy says no")


def test_blank_message_falls_through_to_error_key() -> None:
    error = error_from_response(make_response(400, json={"message": "  ", "error": "bad"}))
    assert error.message == "bad"


def test_non_string_message_is_rendered_as_json() -> None:
    error = error_from_response(make_response(400, json={"message": {"field": ["required"]}}))
    assert error.message == '{"field": ["required"]}'


def test_json_without_message_uses_the_text() -> None:
    error = error_from_response(make_response(400, json={"detail": "nope"}))
    assert error.message == '{"detail":"nope"}'
    assert error.body == {"detail": "nope"}


def test_plain_text_body_is_stripped_and_flattened() -> None:
    error = error_from_response(make_response(502, text="  upstream\n  connect error \n"))
    assert error.message == "upstream connect error"
    assert error.body == "  upstream\n  connect error \n"
    assert str(error) == f"502 Bad Gateway for GET {URL}: upstream connect error"


def test_huge_plain_text_body_is_truncated() -> None:
    error = error_from_response(make_response(500, text="x" * 100_000))
    assert len(error.message) <= 500
    assert error.message.endswith("…")
    assert len(str(error)) < 700


def test_huge_json_message_is_truncated() -> None:
    error = error_from_response(make_response(400, json={"message": "y" * 10_000}))
    assert len(error.message) == 500


def test_empty_body_uses_reason_phrase_without_repeating_it() -> None:
    error = error_from_response(make_response(404))
    assert error.message == "Not Found"
    assert error.body is None
    assert str(error) == f"404 Not Found for GET {URL}"


def test_binary_body_is_ignored() -> None:
    error = error_from_response(make_response(500, content=bytes(range(256)) * 10))
    assert error.message == "Internal Server Error"
    assert error.body is None
    assert str(error) == f"500 Internal Server Error for GET {URL}"


def test_invalid_utf8_body_is_ignored() -> None:
    error = error_from_response(make_response(400, content=b"\xff\xfe bad"))
    assert error.message == "Bad Request"


def test_html_error_page_is_not_used_as_message() -> None:
    html = "<html><body><h1>502 Bad Gateway</h1>" + "<p>nginx</p>" * 200 + "</body></html>"
    response = make_response(502, text=html, headers={"Content-Type": "text/html"})
    error = error_from_response(response)
    assert str(error) == f"502 Bad Gateway for GET {URL}"
    assert error.body == html


def test_deeply_nested_json_does_not_crash() -> None:
    error = error_from_response(make_response(400, content=b"[" * 200_000))
    assert isinstance(error, BadRequestError)
    assert len(error.message) <= 500


def test_invalid_json_with_json_content_type_uses_text() -> None:
    response = make_response(
        500, content=b'{"message": "trunc', headers={"Content-Type": "application/json"}
    )
    error = error_from_response(response)
    assert error.message == '{"message": "trunc'


def test_gzip_encoded_body_is_decoded_and_copy_stays_readable() -> None:
    response = make_response(
        400,
        content=gzip.compress(b'{"message": "zipped"}'),
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )
    error = error_from_response(response)
    assert error.message == "zipped"
    assert error.response.json() == {"message": "zipped"}
    assert error.headers["Content-Encoding"] == "gzip"


def test_unread_streaming_response_is_read() -> None:
    stream = httpx.ByteStream(b'{"message": "streamed"}')
    response = httpx.Response(409, stream=stream, request=make_request())
    error = error_from_response(response)
    assert isinstance(error, ConflictError)
    assert error.message == "streamed"


async def test_unreadable_async_stream_falls_back_to_reason() -> None:
    class Chunks(httpx.AsyncByteStream):
        async def __aiter__(self):  # type: ignore[no-untyped-def]
            yield b'{"message": "never read"}'

    response = httpx.Response(503, stream=Chunks(), request=make_request())
    error = error_from_response(response)
    assert error.message == "Service Unavailable"
    assert error.body is None


def test_response_copy_keeps_status_body_and_request_line() -> None:
    error = error_from_response(make_response(422, json={"message": "bad input"}))
    assert error.response.status_code == 422
    assert error.response.json() == {"message": "bad input"}
    assert error.response.reason_phrase == "Unprocessable Entity"
    assert error.request.method == "GET"
    assert str(error.request.url) == URL
    assert error.response.request is error.request


def test_request_body_is_not_kept() -> None:
    request = httpx.Request(
        "POST",
        "https://circleci.com/api/v2/project/gh/x/y/envvar",
        headers={"Circle-Token": TOKEN},
        json={"name": "AWS_SECRET", "value": "hunter2"},
    )
    error = error_from_response(make_response(400, request, json={"message": "no"}))
    assert error.request.content == b""
    assert "hunter2" not in everything_about(error)


# ---------------------------------------------------------------------------- rate limit


def test_rate_limit_error_carries_retry_after() -> None:
    response = make_response(429, headers={"Retry-After": "17"}, json={"message": "Slow down"})
    error = error_from_response(response)
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 17.0
    assert str(error) == f"429 Too Many Requests for GET {URL}: Slow down"


def test_rate_limit_error_without_retry_after() -> None:
    error = error_from_response(make_response(429))
    assert isinstance(error, RateLimitError)
    assert error.retry_after is None


def test_rate_limit_error_with_garbage_retry_after() -> None:
    error = error_from_response(make_response(429, headers={"Retry-After": "soon"}))
    assert isinstance(error, RateLimitError)
    assert error.retry_after is None


# ---------------------------------------------------------------------------- redaction


def test_redact_replaces_every_secret_and_its_escaped_form() -> None:
    text = "a=tok/en b=tok%2Fen c=other"
    assert redact(text, ["tok/en", "other"]) == "a=[REDACTED] b=[REDACTED] c=[REDACTED]"


def test_redact_ignores_blank_secrets_and_prefers_longer_ones() -> None:
    assert redact("abc abcdef", ["", "  ", "abc", "abcdef"]) == "[REDACTED] [REDACTED]"
    assert redact("nothing here", []) == "nothing here"


def test_redact_url_drops_userinfo_and_query_token() -> None:
    url = f"https://user:{TOKEN}@circleci.com/api/v2/me?Circle-Token={TOKEN}&page-token=abc"
    assert redact_url(url) == "https://circleci.com/api/v2/me?Circle-Token=REDACTED&page-token=abc"


def test_token_echoed_in_body_is_redacted_everywhere() -> None:
    response = make_response(401, json={"message": f"Invalid token provided: {TOKEN}"})
    error = error_from_response(response)
    assert error.message == "Invalid token provided: [REDACTED]"
    assert error.body == {"message": "Invalid token provided: [REDACTED]"}
    assert TOKEN not in everything_about(error)
    assert TOKEN not in error.response.text


def test_token_echoed_in_plain_text_is_redacted() -> None:
    error = error_from_response(make_response(400, text=f"bad header Circle-Token: {TOKEN}"))
    assert error.message == "bad header Circle-Token: [REDACTED]"
    assert TOKEN not in everything_about(error)


def test_token_header_is_redacted_on_request_and_response_copies() -> None:
    response = make_response(
        500, headers={"Circle-Token": TOKEN, "Authorization": f"Bearer {TOKEN}"}, text="x"
    )
    error = error_from_response(response)
    assert error.headers["Circle-Token"] == "[REDACTED]"
    assert error.headers["Authorization"] == "[REDACTED]"
    assert error.request.headers["Circle-Token"] == "[REDACTED]"
    assert TOKEN not in everything_about(error)


def test_basic_auth_user_is_redacted() -> None:
    basic = base64.b64encode(f"{TOKEN}:".encode()).decode()
    request = httpx.Request("GET", URL, headers={"Authorization": f"Basic {basic}"})
    response = make_response(403, request, json={"message": f"user {TOKEN} may not"})
    error = error_from_response(response)
    assert error.message == "user [REDACTED] may not"
    assert basic not in everything_about(error)
    assert TOKEN not in everything_about(error)


def test_bearer_token_is_redacted() -> None:
    request = httpx.Request("GET", URL, headers={"Authorization": f"Bearer {TOKEN}"})
    error = error_from_response(make_response(401, request, text=f"bad bearer {TOKEN}"))
    assert TOKEN not in everything_about(error)


def test_query_token_is_redacted_from_url_and_str() -> None:
    request = make_request(url=f"{URL}?circle-token={TOKEN}")
    error = error_from_response(make_response(401, request, json={"message": "deprecated"}))
    assert error.url == f"{URL}?circle-token=REDACTED"
    assert TOKEN not in everything_about(error)


def test_connection_error_redacts_token() -> None:
    request = make_request(url=f"{URL}?circle-token={TOKEN}")
    error = APIConnectionError(f"ConnectError: could not send {TOKEN}", request=request)
    expected = f"Connection error for GET {URL}?circle-token=REDACTED: ConnectError: could not send"
    assert str(error) == f"{expected} [REDACTED]"
    assert TOKEN not in everything_about(error)


def test_timeout_error_str() -> None:
    error = APITimeoutError("ReadTimeout: timed out", request=make_request("POST"))
    assert str(error) == f"Request timed out for POST {URL}: ReadTimeout: timed out"
    assert error.method == "POST"


def test_status_error_str_survives_pickling_of_args() -> None:
    error = error_from_response(make_response(404, json={"message": "gone"}))
    assert pickle.loads(pickle.dumps(error.args)) == (str(error),)


# ---------------------------------------------------------------------------- other errors


def test_response_validation_error() -> None:
    response = make_response(200, json={"id": "x"})
    error = ResponseValidationError(
        "JobDetails is missing required field 'status'",
        model="JobDetails",
        field="status",
        response=response,
        operation="getJobDetails",
    )
    assert str(error) == "getJobDetails: JobDetails is missing required field 'status'"
    assert error.model == "JobDetails"
    assert error.field == "status"
    assert error.response is not None
    assert error.response.json() == {"id": "x"}
    assert error.response.request.headers["Circle-Token"] == "[REDACTED]"


def test_response_validation_error_without_response_or_operation() -> None:
    error = ResponseValidationError("bad", model="Pipeline")
    assert str(error) == "bad"
    assert error.response is None
    assert error.field is None


def test_response_validation_error_redacts_token() -> None:
    response = make_response(200, text=f'{{"token": "{TOKEN}"}}')
    error = ResponseValidationError(f"could not parse {TOKEN}", model="M", response=response)
    assert TOKEN not in everything_about(error)


def test_missing_token_error() -> None:
    with pytest.raises(ValueError, match="token"):
        raise MissingTokenError()
    assert str(MissingTokenError("set CIRCLE_TOKEN")) == "set CIRCLE_TOKEN"


# ---------------------------------------------------------------------------- Retry-After

NOW = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", 0.0),
        ("1", 1.0),
        ("120", 120.0),
        (" 7 ", 7.0),
        ("1.5", 1.5),
        ("0.25", 0.25),
        (".5", 0.5),
        ("3.", 3.0),
        ("86400000", 86400000.0),
    ],
)
def test_parse_retry_after_seconds(value: str, expected: float) -> None:
    assert parse_retry_after(value, now=NOW) == expected


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "   ",
        "-1",
        "-0.5",
        "+3",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "1e3",
        "1_000",
        "0x10",
        "9" * 400,
        "soon",
        "1.2.3",
        "Mon, 32 Foo 2026 99:99:99 GMT",
        "Wed, 21 Oct 2015",
        "Wed, 21 Oct 99999 07:28:00 GMT",
        "💥",
    ],
)
def test_parse_retry_after_rejects(value: str | None) -> None:
    assert parse_retry_after(value, now=NOW) is None


def test_parse_retry_after_http_date_in_future() -> None:
    value = format_datetime(NOW + timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(value, now=NOW) == 30.0


def test_parse_retry_after_http_date_in_past_is_zero() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=NOW) == 0.0


def test_parse_retry_after_obsolete_date_formats() -> None:
    assert parse_retry_after("Thursday, 01-Jan-26 12:00:05 GMT", now=NOW) == 5.0
    assert parse_retry_after("Thu, 01 Jan 2026 12:00:10 -0000", now=NOW) == 10.0


def test_parse_retry_after_naive_now_is_utc() -> None:
    naive = NOW.replace(tzinfo=None)
    value = format_datetime(NOW + timedelta(seconds=5), usegmt=True)
    assert parse_retry_after(value, now=naive) == 5.0


def test_parse_retry_after_uses_current_time_by_default() -> None:
    value = format_datetime(datetime.now(UTC) + timedelta(seconds=100), usegmt=True)
    delay = parse_retry_after(value)
    assert delay is not None
    assert 95.0 <= delay <= 100.0


def test_error_body_is_json_decoded_not_reparsed() -> None:
    payload = {"message": "m", "items": [1, 2, {"a": None}]}
    error = error_from_response(make_response(400, content=json.dumps(payload).encode()))
    assert error.body == payload


# ---------------------------------------------------------------------------- one hierarchy


def _package_modules() -> list[types.ModuleType]:
    modules = [circleci_client]
    for info in pkgutil.walk_packages(circleci_client.__path__, "circleci_client."):
        if info.name.rsplit(".", 1)[-1] == "__main__":
            continue  # importing it runs the command line (``python -m circleci_client.cli``)
        modules.append(importlib.import_module(info.name))
    return modules


def test_every_public_exception_and_warning_is_exported_from_the_package() -> None:
    defined: dict[str, type[BaseException]] = {}
    for module in _package_modules():
        for name, value in vars(module).items():
            if (
                isinstance(value, type)
                and issubclass(value, Exception)
                and value.__module__ == module.__name__
                and not name.startswith("_")
            ):
                defined[name] = value
    assert {"UnsafePathError", "APIDeprecationWarning", "InvalidProjectSlugError"} <= set(defined)
    missing = sorted(name for name, cls in defined.items() if name not in circleci_client.__all__)
    assert missing == []
    for name, cls in defined.items():
        assert getattr(circleci_client, name) is cls, name
    errors = [cls for cls in defined.values() if not issubclass(cls, Warning)]
    assert [cls.__name__ for cls in errors if not issubclass(cls, CircleCIError)] == []


def test_the_artifact_errors_do_not_load_the_artifacts_module_on_import() -> None:
    code = (
        "import sys, circleci_client; from circleci_client import UnsafePathError; "
        "loaded = 'circleci_client.artifacts' in sys.modules; "
        "print(loaded, UnsafePathError.__module__)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown.split() == ["False", "circleci_client._tool_errors"]
    from circleci_client import artifacts

    assert artifacts.UnsafePathError is circleci_client.UnsafePathError
    assert artifacts.NoSuccessfulPipelineError is circleci_client.NoSuccessfulPipelineError
    with pytest.raises(AttributeError, match="NoSuchError"):
        circleci_client.NoSuchError  # type: ignore[attr-defined]  # noqa: B018


def test_paging_errors_live_in_errors_and_stay_importable_from_operation() -> None:
    from circleci_client import _operation, errors

    assert _operation.PaginationError is errors.PaginationError is circleci_client.PaginationError
    assert _operation.PageLimitError is errors.PageLimitError
    assert issubclass(errors.PageLimitError, errors.PaginationError)
    assert issubclass(errors.PaginationError, CircleCIError)


def test_a_bad_project_slug_is_a_circleci_error() -> None:
    from circleci_client.slugs import validate_project_slug

    with pytest.raises(CircleCIError) as caught:
        validate_project_slug("gh/acme")
    assert isinstance(caught.value, circleci_client.InvalidProjectSlugError)
    assert isinstance(caught.value, ValueError)


def test_a_wrong_field_type_from_from_dict_is_a_circleci_type_error() -> None:
    from circleci_client.models.user import User

    with pytest.raises(circleci_client.FieldTypeError) as caught:
        User.from_dict({"id": "9f5ee4c6-7f1a-4a04-9a2b-1f4c9d2e6b11", "login": 5, "name": "A"})
    assert isinstance(caught.value, CircleCIError) and isinstance(caught.value, TypeError)
    assert caught.value.field == "login"


def test_redaction_and_header_parsing_keep_their_errors_names() -> None:
    from circleci_client import _headers, _redact, errors

    assert errors.redact is _redact.redact
    assert errors.redact_url is _redact.redact_url
    assert errors.REDACTED == _redact.REDACTED == "[REDACTED]"
    assert errors.parse_retry_after is _headers.parse_retry_after


def test_rate_limit_headers_are_read_as_finite_non_negative_numbers() -> None:
    from circleci_client._headers import rate_limit_remaining, rate_limit_reset

    assert rate_limit_remaining({"x-ratelimit-remaining": " 3 "}) == 3.0
    assert rate_limit_remaining({"ratelimit-remaining": "0", "x-ratelimit-remaining": "9"}) == 0
    assert rate_limit_remaining({"ratelimit-remaining": "-1"}) is None
    assert rate_limit_remaining({"ratelimit-remaining": "nan"}) is None
    assert rate_limit_remaining({}) is None
    assert rate_limit_reset({"ratelimit-reset": "1.5"}) == 1.5
    assert rate_limit_reset({"x-ratelimit-reset": "soon"}) is None


# ------------------------------------------------------- ResponseValidationError.operation


WRONG_LOGIN = b'{"id": "9f5ee4c6-7f1a-4a04-9a2b-1f4c9d2e6b11", "login": 5, "name": "A"}'


def _user_response(content: bytes, status: int = 200) -> httpx.Response:
    return make_response(status, content=content)


@pytest.mark.parametrize(
    ("content", "status", "text"),
    [
        (b"<html>", 200, "getCurrentUser: the response body is not JSON"),
        (b'{"id": "9f5ee4c6-7f1a-4a04-9a2b-1f4c9d2e6b11"}', 200, "getCurrentUser: User is missing"),
        (WRONG_LOGIN, 200, "getCurrentUser: could not parse User: login: expected a string"),
        (b"[" * 100_000, 200, "getCurrentUser: "),
        (b"{}", 201, "getCurrentUser: status 201 has no body model"),
    ],
)
def test_a_validation_error_names_its_operation(content: bytes, status: int, text: str) -> None:
    from circleci_client import _operation
    from circleci_client.api.user import get_current_user
    from circleci_client.models.user import User

    parse: Callable[[Any], User] | dict[int, Callable[[Any], User]] = User.from_dict
    if status != 200:
        parse = {200: User.from_dict}
    with pytest.raises(ResponseValidationError) as caught:
        _operation.parse_body(
            get_current_user.OPERATION, "User", parse, _user_response(content, status)
        )
    assert caught.value.operation == "getCurrentUser"
    assert str(caught.value).startswith(text)
    assert not str(caught.value).startswith("getCurrentUser: getCurrentUser")
