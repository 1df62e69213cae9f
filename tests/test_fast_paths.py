"""Each speed trick of ``_fast_paths`` (and models built without ``__init__``) gives the standard
result."""

from __future__ import annotations

import copy
import datetime
import enum
import importlib
import importlib.util
import pickle
import subprocess
import sys
import threading
import types
import typing
import uuid
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from attrs import NOTHING
from circleci_client import _fast_paths
from circleci_client import models as models_package
from circleci_client._fast_paths import enum_member, parse_uuid
from circleci_client.api.user import get_current_user
from circleci_client.errors import InvalidPathParameterError
from circleci_client.models.job_status import JobStatus
from circleci_client.models.workflow_run import WorkflowRun
from circleci_client.models.workflow_run_status import WorkflowRunStatus
from circleci_client.types import Unset
from hypothesis import example, given
from hypothesis import strategies as st

from tests.clients import standin_client
from tests.standin import Standin


def _outcome(parse: Any, value: Any) -> tuple[str, Any]:
    try:
        return "ok", parse(value)
    except Exception as exc:  # the exact class and message are part of the contract
        return type(exc).__name__, str(exc)


HEXISH = st.text(alphabet="0123456789abcdefABCDEF-xX_ +{}:urnid", max_size=45)


@given(st.one_of(HEXISH, st.uuids().map(str), st.uuids().map(lambda u: u.hex.upper())))
@example("12345678-1234-5678-1234-567812345678")
@example("{12345678-1234-5678-1234-567812345678}")
@example("urn:uuid:12345678-1234-5678-1234-567812345678")
@example("0x345678-1234-5678-1234-567812345678")
@example("1234_678-1234-5678-1234-567812345678")
@example(" 2345678-1234-5678-1234-567812345678")
@example("g2345678-1234-5678-1234-567812345678")
@example("")
def test_parse_uuid_matches_the_standard_library(text: str) -> None:
    assert _outcome(parse_uuid, text) == _outcome(uuid.UUID, text)


@pytest.mark.parametrize("value", [None, 7, 1.5, ["a"], {"a": 1}])
def test_parse_uuid_names_the_wrong_type(value: object) -> None:
    with pytest.raises(TypeError, match=f"a UUID must be a string, not {type(value).__name__}"):
        parse_uuid(value)


def test_a_fast_uuid_behaves_like_any_other() -> None:
    text = "9f5ee4c6-7f1a-4a04-9a2b-1f4c9d2e6b11"
    fast, slow = parse_uuid(text), uuid.UUID(text)
    assert type(fast) is uuid.UUID
    assert fast == slow and hash(fast) == hash(slow)
    assert str(fast) == text and fast.version == 4 and fast.is_safe is uuid.SafeUUID.unknown
    assert pickle.loads(pickle.dumps(fast)) == slow
    with pytest.raises(TypeError):
        fast.int = 1  # type: ignore[misc]


@given(st.one_of(st.sampled_from([s.value for s in JobStatus]), st.text(max_size=20)))
def test_enum_member_matches_calling_the_enum(value: str) -> None:
    fast, slow = enum_member(JobStatus, value), JobStatus(value)
    assert type(fast) is JobStatus
    assert fast == slow and fast.value == value
    if value in JobStatus._value2member_map_:
        assert fast is slow  # documented values are the enum's own members


@pytest.mark.parametrize("value", [None, 3, ["success"], {"a": 1}])
def test_enum_member_refuses_what_the_enum_refuses(value: object) -> None:
    assert _outcome(lambda v: enum_member(WorkflowRunStatus, v), value) == _outcome(
        WorkflowRunStatus, value
    )
    with pytest.raises(ValueError):
        enum_member(WorkflowRunStatus, value)


def test_unknown_values_do_not_become_documented_members() -> None:
    first = enum_member(WorkflowRunStatus, "on-hold")
    assert "on-hold" not in [member.value for member in WorkflowRunStatus]
    assert WorkflowRunStatus("on-hold") == first == "on-hold"
    assert enum_member(WorkflowRunStatus, "on-hold") is first  # remembered, not rebuilt


def test_only_a_bounded_number_of_unknown_values_is_remembered() -> None:
    values = [f"new-status-{i}" for i in range(3 * _fast_paths.MAX_REMEMBERED_UNKNOWN)]
    members = [enum_member(JobStatus, value) for value in values]
    assert [member.value for member in members] == values
    remembered = _fast_paths._members_by_enum[JobStatus]
    assert len(remembered) <= len(JobStatus) + _fast_paths.MAX_REMEMBERED_UNKNOWN
    assert enum_member(JobStatus, values[-1]) == values[-1]


def test_a_model_parsed_positionally_keeps_every_field_in_its_place() -> None:
    data: dict[str, Any] = {
        "id": "9f5ee4c6-7f1a-4a04-9a2b-1f4c9d2e6b11",
        "status": "failed",
        "duration": 61,
        "created_at": "2025-10-15T12:00:00.000Z",
        "stopped_at": "2025-10-15T12:01:01.000Z",
        "credits_used": 90,
        "branch": "main",
        "is_approval": False,
        "queued_at": "undocumented",
    }
    run = WorkflowRun.from_dict(data)
    assert run.id == uuid.UUID(data["id"]) and run.status is WorkflowRunStatus.FAILED
    assert (run.duration, run.credits_used, run.branch, run.is_approval) == (61, 90, "main", False)
    assert run.created_at.isoformat() == "2025-10-15T12:00:00+00:00"
    assert run.stopped_at is not None and run.stopped_at.minute == 1
    assert run.additional_properties == {"queued_at": "undocumented"}
    assert run.to_dict() == {
        **data,
        "created_at": run.created_at.isoformat(),
        "stopped_at": run.stopped_at.isoformat(),
    }


RUN = {
    "id": "9f5ee4c6-7f1a-4a04-9a2b-1f4c9d2e6b11",
    "status": None,
    "duration": None,
    "created_at": "2025-10-15T12:00:00Z",
    "stopped_at": None,
    "credits_used": 0,
}


@pytest.mark.parametrize(
    ("extra_keys", "expected"),
    [
        ({}, {}),
        ({"branch": "main", "is_approval": True}, {}),
        ({"queued_at": 1}, {"queued_at": 1}),
        # As many keys as documented fields, yet one is unknown: it is still kept.
        ({"is_approval": True, "queued_at": 1}, {"queued_at": 1}),
        ({"branch": "b", "queued_at": 1, "tags": []}, {"queued_at": 1, "tags": []}),
    ],
)
def test_unknown_keys_are_kept_whichever_optional_fields_are_present(
    extra_keys: dict[str, Any], expected: dict[str, Any]
) -> None:
    run = WorkflowRun.from_dict({**RUN, **extra_keys})
    assert run.additional_properties == expected
    assert run.to_dict() == {**RUN, **extra_keys, "created_at": "2025-10-15T12:00:00+00:00"}


def test_a_missing_required_field_is_a_key_error_naming_it() -> None:
    with pytest.raises(KeyError, match="credits_used"):
        WorkflowRun.from_dict({key: value for key, value in RUN.items() if key != "credits_used"})


# --- open enum members made with str.__new__ -------------------------------------------------


@given(st.text(max_size=20).filter(lambda v: v not in WorkflowRunStatus._value2member_map_))
def test_an_open_member_behaves_like_a_documented_one(value: str) -> None:
    member = _fast_paths.open_enum_member(WorkflowRunStatus, value)
    documented = WorkflowRunStatus.FAILED
    assert type(member) is type(documented) and isinstance(member, str)
    assert member == value and hash(member) == hash(value) and str(member) == value
    assert (member.value, member.name) == (value, value)
    assert f"{member}" == value and member.upper() == value.upper()
    assert pickle.loads(pickle.dumps(member)) == member
    assert member not in list(WorkflowRunStatus)


def test_an_open_member_is_refused_for_what_is_not_a_string() -> None:
    assert _fast_paths.open_enum_member(WorkflowRunStatus, 3) is None


# --- the URL join cache keyed on id(base) ----------------------------------------------------

BASES = [
    "https://circleci.com/api/v2",
    "https://circleci.com/api/v2/",
    "http://127.0.0.1:8080/api/v2",
    "https://user:secret@example.com/prefix%20x/",
    "https://example.com",
    "https://example.com/a/b?q=1",
]
PATH_CHARACTERS = st.text(alphabet="/.%?#:@ab ~-_+é\\\x00", max_size=24)


def _httpx_join(base: str, path: str) -> tuple[httpx.URL, httpx.URL]:
    """The base URL of a client with this ``base_url`` (httpx adds a trailing slash), and the
    URL httpx itself sends for ``path`` on it."""
    with httpx.Client(base_url=base) as client:
        return client.base_url, client.build_request("GET", path).url


def _join_outcome(base: httpx.URL, path: str) -> tuple[str, str]:
    try:
        joined = _fast_paths.absolute_url(base, path)
    except InvalidPathParameterError:
        return "refused", ""
    except httpx.InvalidURL:
        return "invalid", ""
    return ("joined" if isinstance(joined, httpx.URL) else "left to httpx"), str(joined)


@given(
    base=st.sampled_from(BASES),
    path=st.one_of(
        PATH_CHARACTERS.map(lambda text: "/" + text),
        PATH_CHARACTERS,
        st.sampled_from(["/project/gh/a/b", "/../x", "/a/./b", "//evil.example/x", "/%2e%2e/"]),
    ),
)
@example(base=BASES[0], path="/project/gh/acme/widgets/pipeline")
@example(base=BASES[0], path="/a/../../admin")
@example(base=BASES[0], path="https://evil.example/steal")
@example(base=BASES[0], path="/a?b=c#d")
def test_the_cached_join_equals_httpx_join(base: str, path: str) -> None:
    try:
        url, expected = _httpx_join(base, path)
    except httpx.InvalidURL:
        url = httpx.Client(base_url=base).base_url
        assert _join_outcome(url, path)[0] in ("invalid", "left to httpx")  # httpx refuses it
        return
    kind, first = _join_outcome(url, path)
    assert _join_outcome(url, path) == (kind, first)  # a cache hit gives the same answer
    if kind == "joined":
        assert first == str(expected)
    elif kind == "left to httpx":
        assert first == path  # httpx joins it on its own, exactly as without the cache
    else:  # refused: httpx would have sent the request somewhere else
        relative = httpx.URL(path)
        assert expected.raw_path != url.raw_path + relative.raw_path.lstrip(b"/")


def test_the_cache_keeps_its_base_alive_so_an_id_never_names_another_url() -> None:
    base = httpx.URL("https://circleci.com/api/v2/")
    alive = weakref.ref(base)
    _fast_paths.absolute_url(base, "/me")
    del base
    assert alive() is not None  # held by the cache: no other URL can get its id
    other = httpx.URL("https://other.example/api/v2/")
    assert str(_fast_paths.absolute_url(other, "/me")) == "https://other.example/api/v2/me"


# --- skipping an absent sniffio --------------------------------------------------------------


def test_an_absent_sniffio_is_looked_for_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """``import sniffio`` raises as before, but without searching ``sys.path`` every time."""
    monkeypatch.delitem(sys.modules, "sniffio", raising=False)
    searches: list[str] = []

    finders = list(sys.meta_path)

    class Absent:
        """The only finder: it finds no sniffio (installed or not), and the rest as usual."""

        def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
            if name == "sniffio":
                searches.append(name)
                return None
            for finder in finders:
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    return spec
            return None

    monkeypatch.setattr(sys, "meta_path", [Absent()])
    _fast_paths.skip_absent_sniffio()
    assert searches == ["sniffio"]
    for _ in range(3):
        with pytest.raises(ImportError):
            import sniffio  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
    assert searches == ["sniffio"]  # answered from sys.modules, not searched again
    assert importlib.util.find_spec("sniffio") is None  # still "not installed" to everyone


def test_an_installed_sniffio_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    stand_in = types.ModuleType("sniffio")
    monkeypatch.setitem(sys.modules, "sniffio", stand_in)
    _fast_paths.skip_absent_sniffio()
    assert sys.modules["sniffio"] is stand_in


async def test_async_requests_search_for_no_module(
    standin: Standin, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once the async client exists, a request imports nothing (httpcore asks for sniffio)."""
    client = standin_client(standin)
    async with client:
        await get_current_user.asyncio(client=client)  # builds the async client, warms up
        searched: list[str] = []

        class Spy:
            def find_spec(self, name: str, path: object = None, target: object = None) -> None:
                searched.append(name)

        monkeypatch.setattr(sys, "meta_path", [Spy(), *sys.meta_path])
        for _ in range(3):
            await get_current_user.asyncio(client=client)
    assert searched == []


# --- models built without __init__ ----------------------------------------------------------


def _sample(hint: Any, n: int) -> Any:
    """A distinct Python value of type ``hint`` (the n-th of its kind)."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        [chosen, *_] = [a for a in args if a not in (type(None), Unset)]
        return _sample(chosen, n)
    if origin is list:
        return [_sample(args[0], n)]
    if origin in (dict, Mapping) or hint is Any:
        return {f"k{n}": f"v{n}"} if hint is not Any else f"any-{n}"
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        members = list(hint)
        return members[n % len(members)]
    if hint is bool:
        return n % 2 == 0
    if hint is int:
        return 1000 + n
    if hint is float:
        return n + 0.5
    if hint is str:
        return f"text-{n}"
    if hint is datetime.datetime:
        return datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(hours=n)
    if hint is uuid.UUID:
        return uuid.UUID(int=n + 1)
    if attrs.has(hint):
        return _keyword_built(hint, n)
    raise AssertionError(f"no sample for {hint!r}")


def _keyword_built(cls: type[Any], n: int = 0, required_only: bool = False) -> Any:
    """``cls`` built with keywords, every field a value no other field has (only the fields
    without a default, when ``required_only``)."""
    hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    names = [
        f.name
        for f in attrs.fields(cls)
        if f.name != "additional_properties" and not (required_only and f.default is not NOTHING)
    ]
    return cls(**{name: _sample(hints[name], n + i + 1) for i, name in enumerate(names)})


def _hint_leaves(cls: type[Any]) -> list[Any]:
    """The types named by the hints of ``cls``'s fields, unions taken apart."""
    hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    return [leaf for hint in hints.values() for leaf in (typing.get_args(hint) or (hint,))]


MODEL_CLASSES = sorted(
    (
        cls
        for _, module in (
            (name, importlib.import_module(f"circleci_client.models.{name}"))
            for name in (
                p.stem
                for p in Path(models_package.__file__).parent.glob("*.py")
                if p.stem != "__init__"
            )
        )
        for cls in vars(module).values()
        if isinstance(cls, type) and attrs.has(cls) and cls.__module__ == module.__name__
    ),
    key=lambda cls: cls.__name__,
)


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_direct_construction_equals_keyword_construction(cls: type[Any]) -> None:
    """``from_dict`` stores each field itself: each lands where ``__init__`` would put it, and
    none is left unset (the optional ones absent from the JSON object included;
    ``additional_properties`` is made on first use)."""
    for built in (_keyword_built(cls), _keyword_built(cls, required_only=True)):
        parsed = cls.from_dict(built.to_dict())
        assert type(parsed) is cls
        assert parsed == built and repr(parsed) == repr(built)
        assert attrs.asdict(parsed) == attrs.asdict(built)  # reads every slot
        assert parsed.to_dict() == built.to_dict()


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_no_model_needs_its_init(cls: type[Any]) -> None:
    """``from_dict`` skips ``__init__``: sound only while ``__init__`` does nothing but store
    its arguments (no validators, converters, setattr hooks or post-init)."""
    assert attrs.has(cls) and "__slots__" in vars(cls)
    for name in ("__attrs_pre_init__", "__attrs_post_init__", "__setattr__"):
        assert name not in vars(cls), name
    for field in attrs.fields(cls):
        assert field.validator is None and field.converter is None, field.name
        assert field.on_setattr in (None, attrs.setters.NO_OP), field.name


def test_each_parsed_model_has_its_own_additional_properties() -> None:
    """The dictionary of undocumented fields is made per instance, as attrs' factory makes it."""
    first, second = WorkflowRun.from_dict(RUN), WorkflowRun.from_dict(RUN)
    assert first.additional_properties == {} and type(first.additional_properties) is dict
    first["queued_at"] = 1
    first.additional_properties["tags"] = []
    assert second.additional_properties == {} and WorkflowRun.from_dict(RUN).additional_keys == []
    assert first.to_dict() == {
        **RUN,
        "created_at": "2025-10-15T12:00:00+00:00",
        "queued_at": 1,
        "tags": [],
    }
    assert first != second and second == WorkflowRun.from_dict(RUN)


def test_new_model_makes_a_bare_instance() -> None:
    bare = _fast_paths.new_model(WorkflowRun)
    assert type(bare) is WorkflowRun
    with pytest.raises(AttributeError):
        bare.id  # noqa: B018  # from_dict stores every field; nothing else does


def test_every_model_is_checked_for_direct_construction() -> None:
    assert len(MODEL_CLASSES) >= 50
    assert {"WorkflowRun", "Pipeline", "JobDetails"} <= {cls.__name__ for cls in MODEL_CLASSES}


# --- UUID and enum fields parsed inline in from_dict -----------------------------------------


def _fields_holding(kind: type) -> list[tuple[type[Any], str, str]]:
    """(model, attribute, JSON key) of every field typed ``kind``, alone or with None/UNSET."""
    found = []
    for cls in MODEL_CLASSES:
        hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
        built, names = _keyword_built(cls), [f.name for f in attrs.fields(cls)]
        data = built.to_dict()
        for name in names:
            hint = hints[name]
            union = typing.get_origin(hint) in (types.UnionType, typing.Union)
            members = typing.get_args(hint) if union else (hint,)
            others = [m for m in members if m not in (kind, type(None), Unset)]
            if kind in members and not others:
                value = getattr(built, name)
                text = str(value.value if isinstance(value, enum.Enum) else value)
                [key] = [key for key, item in data.items() if item == text]
                found.append((cls, name, key))
    return found


UUID_FIELDS = _fields_holding(uuid.UUID)
ENUM_FIELDS = [
    field
    for kind in sorted(
        {
            hint
            for cls in MODEL_CLASSES
            for hint in _hint_leaves(cls)
            if isinstance(hint, type) and issubclass(hint, enum.Enum)
        },
        key=lambda kind: kind.__name__,
    )
    for field in _fields_holding(kind)
]


# --- laziness: start-up does not grow with the spec ------------------------------------------


def _modules_after(code: str, package: str = "circleci_client") -> list[str]:
    """The modules of ``package`` a fresh interpreter has loaded after running ``code``."""
    listing = f"print('\\n'.join(m for m in sys.modules if m.split('.')[0] == {package!r}))"
    probe = f"{code}\nimport sys\n{listing}"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    return sorted(done.stdout.split())


ALLOWED_AT_IMPORT: frozenset[str] = frozenset()
"""Operation and model modules ``import circleci_client`` may load: none."""


def test_importing_the_package_loads_no_operation_or_model() -> None:
    loaded = _modules_after("import circleci_client")
    per_spec = {
        m for m in loaded if m.startswith(("circleci_client.api", "circleci_client.models"))
    }
    assert per_spec <= ALLOWED_AT_IMPORT
    assert not [
        m for m in loaded if m.startswith(("circleci_client.cli.", "circleci_client.artifacts"))
    ]
    assert len(loaded) < 40  # the runtime only, whatever the number of operations


def test_importing_the_package_leaves_httpcore_to_the_first_client() -> None:
    """httpx imports httpcore with its first transport; the package waits as long (and attrs
    waits for the first model)."""
    assert _modules_after("import circleci_client", "httpcore") == []
    assert _modules_after("import circleci_client", "attrs") == []  # the first model's
    assert _modules_after(
        "import circleci_client as c; c.Client('https://x').get_httpx_client()", "httpcore"
    )


def test_one_operation_loads_only_the_models_it_uses() -> None:
    loaded = _modules_after("from circleci_client.api.job import get_job_details")
    operations = [m for m in loaded if m.startswith("circleci_client.api.")]
    assert operations == ["circleci_client.api.job", "circleci_client.api.job.get_job_details"]
    models = {m.removeprefix("circleci_client.models.") for m in loaded if ".models." in m}
    assert {"job_details", "job_status"} <= models
    assert not models & {"context", "pipeline", "workflow_run", "checkout_key"}  # not used there
    every_model = [p for p in Path(models_package.__file__).parent.glob("*.py")]
    assert len(models) < len(every_model) // 2


def test_every_model_is_importable_from_the_models_package() -> None:
    exported = set(models_package.__all__)
    assert {cls.__name__ for cls in MODEL_CLASSES} <= exported
    for name in sorted(exported):
        value = getattr(models_package, name)
        assert value.__name__ == name and value.__module__.startswith("circleci_client.models.")
    assert exported <= set(dir(models_package))
    with pytest.raises(AttributeError, match="NoSuchModel"):
        models_package.NoSuchModel  # noqa: B018


# --- readability of an idle async connection -------------------------------------------------


async def test_the_readable_probe_answers_as_the_stream_does() -> None:
    """Idle: not readable; the server sent bytes or hung up: readable, as httpcore's own answer."""
    import asyncio

    import httpcore

    peers: list[asyncio.StreamWriter] = []

    async def accept(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peers.append(writer)

    server = await asyncio.start_server(accept, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    streams = [await httpcore.AnyIOBackend().connect_tcp("127.0.0.1", port) for _ in range(2)]
    probes = [_fast_paths.ReadableProbe(stream) for stream in streams]
    while len(peers) < 2:
        await asyncio.sleep(0.001)

    def answers() -> list[tuple[bool, bool]]:
        return [
            (p(), s.get_extra_info("is_readable")) for p, s in zip(probes, streams, strict=True)
        ]

    assert answers() == [(False, False), (False, False)]
    peers[0].write(b"HTTP/1.1 408 Request Timeout\r\n\r\n")
    peers[1].close()
    for _ in range(2000):  # until both arrive (loopback: at once, unless the machine is busy)
        if all(p() for p in probes):
            break
        await asyncio.sleep(0.001)
    assert answers() == [(True, True), (True, True)]
    for stream in streams:
        await stream.aclose()
    server.close()
    await server.wait_closed()


def _parsed_field(cls: type[Any], name: str, key: str, value: object) -> Any:
    data = {**_keyword_built(cls).to_dict(), key: value}
    return getattr(cls.from_dict(data), name)


UUID_TEXTS = [
    "12345678-1234-5678-1234-567812345678",
    "123456781234567812345678123456AB",
    "{12345678-1234-5678-1234-567812345678}",
    "urn:uuid:12345678-1234-5678-1234-567812345678",
    "0x345678-1234-5678-1234-567812345678",
    "+2345678-1234-5678-1234-567812345678",
    " 2345678-1234-5678-1234-567812345678",
    "1234_678-1234-5678-1234-567812345678",
    "g2345678-1234-5678-1234-567812345678",
    "12345678-1234-5678-1234-5678123456789",
    "",
]


@pytest.mark.parametrize(
    ("cls", "name", "key"), UUID_FIELDS, ids=lambda v: getattr(v, "__name__", v)
)
def test_a_uuid_field_parses_as_uuid_does(cls: type[Any], name: str, key: str) -> None:
    """Every UUID field, whichever way it is generated (required, optional, nullable)."""
    for text in UUID_TEXTS:
        parsed = _outcome(lambda t: _parsed_field(cls, name, key, t), text)
        assert parsed == _outcome(uuid.UUID, text), text
        if parsed[0] == "ok":
            assert type(parsed[1]) is uuid.UUID and parsed[1].is_safe is uuid.SafeUUID.unknown
    for value in (7, 1.5, True, ["x"], {"a": 1}):
        with pytest.raises(TypeError):
            _parsed_field(cls, name, key, value)


@given(st.one_of(HEXISH, st.uuids().map(str), st.uuids().map(lambda u: u.hex.upper())))
def test_the_inline_uuid_parse_matches_the_standard_library(text: str) -> None:
    run = _outcome(lambda t: WorkflowRun.from_dict({**RUN, "id": t}).id, text)
    assert run == _outcome(uuid.UUID, text)


def test_a_list_of_uuids_parses_each_as_uuid_does() -> None:
    from circleci_client.models.job import Job

    built = _keyword_built(Job)
    for text in UUID_TEXTS:
        data = {**built.to_dict(), "dependencies": [str(uuid.UUID(int=1)), text]}
        parsed = _outcome(lambda d: Job.from_dict(d).dependencies[1], data)
        assert parsed == _outcome(uuid.UUID, text), text


def test_every_kind_of_uuid_field_is_checked() -> None:
    assert len(UUID_FIELDS) >= 20
    assert (WorkflowRun, "id", "id") in UUID_FIELDS


@pytest.mark.parametrize(
    ("cls", "name", "key"), ENUM_FIELDS, ids=lambda v: getattr(v, "__name__", v)
)
def test_an_enum_field_parses_as_its_enum_does(cls: type[Any], name: str, key: str) -> None:
    """Documented values give the enum's own members, others open members; the rest raises."""
    kind: type[enum.Enum] = type(getattr(_keyword_built(cls), name))
    for member in kind:
        assert _parsed_field(cls, name, key, member.value) is member
    unknown = _parsed_field(cls, name, key, "added-later")
    assert type(unknown) is kind and unknown == kind("added-later") == "added-later"
    assert unknown not in list(kind)
    for value in (7, 1.5, True, ["x"], {"a": 1}):
        with pytest.raises((TypeError, ValueError)):
            _parsed_field(cls, name, key, value)


def test_every_kind_of_enum_field_is_checked() -> None:
    assert len(ENUM_FIELDS) >= 10
    assert (WorkflowRun, "status", "status") in ENUM_FIELDS
    assert len({type(getattr(_keyword_built(c), n)) for c, n, _ in ENUM_FIELDS}) >= 5


def test_enum_members_is_the_dictionary_enum_member_fills() -> None:
    members = _fast_paths.enum_members(WorkflowRunStatus)
    assert members is _fast_paths.enum_members(WorkflowRunStatus)
    assert {v: m for v, m in members.items() if v in WorkflowRunStatus._value2member_map_} == (
        WorkflowRunStatus._value2member_map_
    )
    member = enum_member(WorkflowRunStatus, "waiting-for-review")
    assert members["waiting-for-review"] is member


# --- additional_properties made on first use -------------------------------------------------


def _built_by_init(parsed: WorkflowRun) -> WorkflowRun:
    """The same run built by ``__init__`` (which makes ``additional_properties`` itself)."""
    fields = {f.name: getattr(parsed, f.name) for f in attrs.fields(WorkflowRun) if f.init}
    return WorkflowRun(**fields)


def test_a_parsed_models_extras_are_made_on_first_use_and_kept() -> None:
    run = WorkflowRun.from_dict(RUN)
    extras = run.additional_properties
    assert extras == {} and type(extras) is dict and run.additional_properties is extras
    extras["queued_at"] = 1
    assert run["queued_at"] == 1 and "queued_at" in run and run.additional_keys == ["queued_at"]
    assert run.to_dict()["queued_at"] == 1
    fresh = WorkflowRun.from_dict(RUN)
    fresh["tags"] = []  # written before any read
    assert fresh.additional_properties == {"tags": []}
    del fresh["tags"]
    assert fresh.additional_properties == {} and run.additional_properties == {"queued_at": 1}


READERS: dict[str, Any] = {
    "repr": repr,
    "to_dict": lambda m: m.to_dict(),
    "attrs.asdict": attrs.asdict,
    "pickle": lambda m: pickle.loads(pickle.dumps(m)),
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    "evolve": lambda m: attrs.evolve(m, branch="other"),
    "equality": lambda m: (m == _built_by_init(m), m != _built_by_init(m)),
    "in": lambda m: "queued_at" in m,
    "additional_keys": lambda m: m.additional_keys,
    "getattr": lambda m: getattr(m, "additional_properties", None),
    "hasattr": lambda m: hasattr(m, "additional_properties"),
}


@pytest.mark.parametrize("read", READERS.values(), ids=list(READERS))
def test_a_parsed_model_reads_as_one_built_by_init(read: Any) -> None:
    """Whatever reads a parsed model first sees what it sees on a model built by ``__init__``."""
    data = {**RUN, "branch": "main", "is_approval": False}  # UNSET does not survive pickling
    built = _built_by_init(WorkflowRun.from_dict(data))
    assert read(WorkflowRun.from_dict(data)) == read(built)


def test_an_unknown_attribute_raises_as_it_does_without_getattr() -> None:
    run = WorkflowRun.from_dict(RUN)
    plain = type("WorkflowRun", (), {"__slots__": ()})()
    with pytest.raises(AttributeError) as standard:
        plain.brnach  # noqa: B018
    with pytest.raises(AttributeError) as caught:
        run.brnach  # type: ignore[attr-defined]  # noqa: B018  # type checkers see no __getattr__
    assert (
        str(caught.value) == str(standard.value) == "'WorkflowRun' object has no attribute 'brnach'"
    )
    assert caught.value.name == "brnach" and caught.value.obj is run
    assert not hasattr(run, "brnach") and getattr(run, "brnach", 7) == 7


def test_a_thread_reading_extras_first_waits_for_the_one_making_them() -> None:
    """Two threads reading ``additional_properties`` first at once end with one dictionary: the
    second waits while the first makes it, then takes the first one's."""
    run = WorkflowRun.from_dict(RUN)
    seen: list[dict[str, Any]] = []
    reader = threading.Thread(target=lambda: seen.append(run.additional_properties))
    with _fast_paths._first_use:  # this thread is the first reader, making the dictionary
        reader.start()
        reader.join(timeout=0.05)
        assert reader.is_alive()  # waiting, not making a second dictionary
        made: dict[str, Any] = {"made": "first"}
        object.__setattr__(run, "additional_properties", made)
    reader.join()
    assert seen == [made] and seen[0] is made and run.additional_properties is made
