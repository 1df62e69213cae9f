"""The fast UUID and enum parsers give exactly what ``uuid.UUID`` and the enum classes give."""

from __future__ import annotations

import pickle
import uuid
from typing import Any

import pytest
from circleci_client import _open_enum
from circleci_client._open_enum import enum_member
from circleci_client._scalars import parse_uuid
from circleci_client.models.job_status import JobStatus
from circleci_client.models.workflow_run import WorkflowRun
from circleci_client.models.workflow_run_status import WorkflowRunStatus
from hypothesis import example, given
from hypothesis import strategies as st


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
    values = [f"new-status-{i}" for i in range(3 * _open_enum.MAX_REMEMBERED_UNKNOWN)]
    members = [enum_member(JobStatus, value) for value in values]
    assert [member.value for member in members] == values
    remembered = _open_enum._members_by_enum[JobStatus]
    assert len(remembered) <= len(JobStatus) + _open_enum.MAX_REMEMBERED_UNKNOWN
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
