"""The schedule operations over HTTP on the stand-in: schedules of OAuth projects, their
timetables and parameters, partial updates, paging, 400s for what CircleCI refuses, 404s."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any
from uuid import UUID, uuid4

import pytest
from circleci_client import AuthenticatedClient, BadRequestError, NotFoundError
from circleci_client.api.schedule import (
    create_schedule,
    delete_schedule_by_id,
    get_schedule_by_id,
    list_schedules_for_project,
    update_schedule,
)
from circleci_client.models.schedule import Schedule
from circleci_client.models.schedule_attribution_actor import ScheduleAttributionActor
from circleci_client.models.schedule_day_of_week import ScheduleDayOfWeek
from circleci_client.models.schedule_input import ScheduleInput
from circleci_client.models.schedule_month import ScheduleMonth
from circleci_client.models.schedule_parameters import ScheduleParameters
from circleci_client.models.schedule_timetable import ScheduleTimetable
from circleci_client.models.schedule_update import ScheduleUpdate
from circleci_client.types import UNSET

from tests.covered import covered_operations, covers
from tests.operations import SCHEDULE_OPERATIONS
from tests.standin.schedules import SYSTEM_ACTOR_ID, schedule_id_for
from tests.standin.server import Standin

WIDGETS = "gh/acme/widgets"
NIGHTLY = UUID(schedule_id_for(WIDGETS, "nightly"))


def _weekly(hours: list[int] | None = None) -> ScheduleTimetable:
    return ScheduleTimetable(
        per_hour=2, hours_of_day=hours or [9, 17], days_of_week=[ScheduleDayOfWeek.MON]
    )


def _input(name: str = "weekly", **parameters: bool | int | str) -> ScheduleInput:
    return ScheduleInput(
        name=name,
        timetable=_weekly(),
        attribution_actor=ScheduleAttributionActor.CURRENT,
        parameters=ScheduleParameters.from_mapping(parameters or {"branch": "main"}, "p"),
    )


def _raw_create(client: AuthenticatedClient, body: dict[str, Any], slug: str = WIDGETS) -> Any:
    return client.get_httpx_client().post(f"/project/{slug}/schedule", json=body)


def _valid_body() -> dict[str, Any]:
    return {
        "name": "raw",
        "attribution-actor": "system",
        "parameters": {"branch": "main"},
        "timetable": {"per-hour": 1, "hours-of-day": [3], "days-of-week": ["SUN"]},
    }


# --- list and get ---------------------------------------------------------------------------


def test_list_gives_the_seeded_schedule_with_the_system_actor(client: AuthenticatedClient) -> None:
    covers("listSchedulesForProject", "getScheduleById")
    page = list_schedules_for_project.sync(WIDGETS, client=client)
    assert page.next_page_token is None
    assert [s.name for s in page.items] == ["nightly"]
    nightly = page.items[0]
    assert nightly.id == NIGHTLY and nightly.project_slug == WIDGETS
    assert nightly.actor.id == UUID(SYSTEM_ACTOR_ID) and nightly.actor.login == "system-actor"
    assert nightly.timetable.per_hour == 1 and nightly.timetable.hours_of_day == [1]
    assert nightly.timetable.days_of_week == [
        ScheduleDayOfWeek(day) for day in ("MON", "TUE", "WED", "THU", "FRI")
    ]
    assert nightly.timetable.days_of_month is UNSET and nightly.parameters["branch"] == "main"
    assert get_schedule_by_id.sync(NIGHTLY, client=client) == nightly
    aliased = list(list_schedules_for_project.iter_items("github/acme/widgets", client=client))
    assert aliased == [nightly]
    assert list(list_schedules_for_project.iter_items("bb/acme/legacy-app", client=client)) == []


def test_list_pages_through_every_schedule(client: AuthenticatedClient) -> None:
    covers("listSchedulesForProject", "createSchedule")
    for n in range(25):
        create_schedule.sync(WIDGETS, client=client, body=_input(f"s-{n:02d}"))
    pages = list(list_schedules_for_project.iter_pages(WIDGETS, client=client))
    assert [len(p.items) for p in pages] == [20, 6]
    names = [s.name for s in list_schedules_for_project.iter_items(WIDGETS, client=client)]
    assert names == ["nightly"] + [f"s-{n:02d}" for n in range(25)]


def test_unknown_projects_and_schedules_are_404(client: AuthenticatedClient) -> None:
    covers("listSchedulesForProject", "createSchedule", "getScheduleById")
    covers("updateSchedule", "deleteScheduleById")
    with pytest.raises(NotFoundError):
        list_schedules_for_project.sync("gh/acme/nothing", client=client)
    with pytest.raises(NotFoundError):
        create_schedule.sync("gh/acme/nothing", client=client, body=_input())
    for call in (get_schedule_by_id.sync, delete_schedule_by_id.sync):
        with pytest.raises(NotFoundError, match="Schedule not found"):
            call(uuid4(), client=client)
    with pytest.raises(NotFoundError):
        update_schedule.sync(uuid4(), client=client, body=ScheduleUpdate(name="x"))
    raw = client.get_httpx_client().get("/schedule/not-a-uuid")
    assert raw.status_code == HTTPStatus.NOT_FOUND


# --- create, update, delete -----------------------------------------------------------------


def test_create_then_get_and_list(standin: Standin, client: AuthenticatedClient) -> None:
    covers("createSchedule", "getScheduleById", "listSchedulesForProject")
    body = ScheduleInput(
        name="monthly release",
        description="First and fifteenth, in spring.",
        timetable=ScheduleTimetable(
            per_hour=1,
            hours_of_day=[0],
            days_of_month=[1, 15],
            months=[ScheduleMonth.MAR, ScheduleMonth.APR],
        ),
        attribution_actor=ScheduleAttributionActor.CURRENT,
        parameters=ScheduleParameters.from_mapping(
            {"tag": "v1.0.0", "deploy": True, "shards": 3}, "parameters"
        ),
    )
    detailed = create_schedule.sync_detailed(WIDGETS, client=client, body=body)
    assert detailed.status_code == HTTPStatus.CREATED
    created = detailed.parsed
    assert isinstance(created, Schedule)
    assert created.actor.login == "octo-dev"  # current: the token's user
    assert created.timetable.days_of_month == [1, 15] and created.timetable.days_of_week is UNSET
    assert created.timetable.months == [ScheduleMonth.MAR, ScheduleMonth.APR]
    assert created.parameters.to_dict() == {"tag": "v1.0.0", "deploy": True, "shards": 3}
    assert created.created_at == created.updated_at and created.created_at.tzinfo is not None
    assert get_schedule_by_id.sync(created.id, client=client) == created
    listed = [s.id for s in list_schedules_for_project.iter_items(WIDGETS, client=client)]
    assert listed == [NIGHTLY, created.id]
    stored = standin.world.schedules.schedules[str(created.id)]
    assert stored.project_slug == WIDGETS and stored.parameters["tag"] == "v1.0.0"
    plain = create_schedule.sync(WIDGETS, client=client, body=_input("plain"))
    assert plain.description is None  # none given


def test_update_changes_only_what_is_given(client: AuthenticatedClient) -> None:
    covers("updateSchedule", "getScheduleById")
    before = get_schedule_by_id.sync(NIGHTLY, client=client)
    renamed = update_schedule.sync(NIGHTLY, client=client, body=ScheduleUpdate(name="nightly-2"))
    assert renamed.name == "nightly-2"
    assert renamed.timetable == before.timetable and renamed.parameters == before.parameters
    assert renamed.description == before.description and renamed.actor == before.actor
    assert renamed.created_at == before.created_at and renamed.updated_at > before.updated_at
    changed = update_schedule.sync(
        NIGHTLY,
        client=client,
        body=ScheduleUpdate(
            timetable=_weekly([6]),
            attribution_actor=ScheduleAttributionActor.CURRENT,
            parameters=ScheduleParameters.from_mapping({"branch": "release"}, "parameters"),
        ),
    )
    assert changed.timetable.hours_of_day == [6] and changed.timetable.per_hour == 2
    assert changed.timetable.days_of_week == [ScheduleDayOfWeek.MON]
    assert changed.actor.login == "octo-dev" and changed.parameters.to_dict() == {
        "branch": "release"
    }
    assert get_schedule_by_id.sync(NIGHTLY, client=client) == changed


def test_a_refused_update_changes_nothing(client: AuthenticatedClient) -> None:
    covers("updateSchedule")
    before = get_schedule_by_id.sync(NIGHTLY, client=client)
    refused = client.get_httpx_client().patch(
        f"/schedule/{NIGHTLY}",
        json={"name": "renamed", "timetable": {"per-hour": 61, "hours-of-day": [1]}},
    )
    assert refused.status_code == HTTPStatus.BAD_REQUEST
    assert "per-hour" in refused.json()["message"]
    assert get_schedule_by_id.sync(NIGHTLY, client=client) == before


def test_delete_then_404(standin: Standin, client: AuthenticatedClient) -> None:
    covers("deleteScheduleById", "getScheduleById", "listSchedulesForProject")
    assert delete_schedule_by_id.sync(NIGHTLY, client=client).message
    assert str(NIGHTLY) not in standin.world.schedules.schedules
    assert list_schedules_for_project.sync(WIDGETS, client=client).items == []
    with pytest.raises(NotFoundError):
        get_schedule_by_id.sync(NIGHTLY, client=client)
    with pytest.raises(NotFoundError):
        delete_schedule_by_id.sync(NIGHTLY, client=client)


# --- what CircleCI refuses ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"timetable": {"per-hour": 0, "hours-of-day": [1], "days-of-week": ["MON"]}}, "1 to 60"),
        ({"timetable": {"per-hour": 61, "hours-of-day": [1], "days-of-week": ["MON"]}}, "1 to 60"),
        ({"timetable": {"per-hour": 1, "hours-of-day": [], "days-of-week": ["MON"]}}, "one hour"),
        ({"timetable": {"per-hour": 1, "hours-of-day": [24], "days-of-week": ["MON"]}}, "0 to 23"),
        ({"timetable": {"per-hour": 1, "hours-of-day": [1, 1], "days-of-week": ["MON"]}}, "repeat"),
        ({"timetable": {"per-hour": 1, "hours-of-day": [1]}}, "exactly one"),
        (
            {
                "timetable": {
                    "per-hour": 1,
                    "hours-of-day": [1],
                    "days-of-week": ["MON"],
                    "days-of-month": [1],
                }
            },
            "exactly one",
        ),
        ({"timetable": {"per-hour": 1, "hours-of-day": [1], "days-of-week": ["FUN"]}}, "MON"),
        ({"timetable": {"per-hour": 1, "hours-of-day": [1], "days-of-month": [32]}}, "1 to 31"),
        (
            {
                "timetable": {
                    "per-hour": 1,
                    "hours-of-day": [1],
                    "days-of-week": ["MON"],
                    "months": ["SMARCH"],
                }
            },
            "JAN",
        ),
        ({"parameters": {}}, "exactly one of branch or tag"),
        ({"parameters": {"branch": "main", "tag": "v1"}}, "exactly one of branch or tag"),
        ({"parameters": {"branch": ""}}, "exactly one of branch or tag"),
        ({"parameters": {"branch": "main", "ratio": 0.5}}, "string, integer or boolean"),
        ({"attribution-actor": "someone"}, "current or system"),
        ({"name": ""}, "non-empty"),
    ],
)
def test_create_refuses_what_circleci_refuses(
    client: AuthenticatedClient, change: dict[str, Any], problem: str
) -> None:
    covers("createSchedule")
    response = _raw_create(client, {**_valid_body(), **change})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert problem in response.json()["message"]
    assert _raw_create(client, _valid_body()).status_code == HTTPStatus.CREATED


def test_create_needs_every_required_field_and_a_json_object(client: AuthenticatedClient) -> None:
    covers("createSchedule")
    for name in ("name", "timetable", "attribution-actor", "parameters"):
        body = _valid_body()
        del body[name]
        response = _raw_create(client, body)
        assert response.status_code == HTTPStatus.BAD_REQUEST and name in response.json()["message"]
    not_json = client.get_httpx_client().post(
        f"/project/{WIDGETS}/schedule", content=b"{", headers={"content-type": "application/json"}
    )
    assert not_json.status_code == HTTPStatus.BAD_REQUEST
    typed = _input()
    typed.timetable.per_hour = 0
    with pytest.raises(BadRequestError, match="1 to 60"):
        create_schedule.sync(WIDGETS, client=client, body=typed)


def test_a_github_app_project_has_no_schedules_through_the_api(
    standin: Standin, client: AuthenticatedClient
) -> None:
    covers("listSchedulesForProject", "createSchedule")
    slug = standin.world.facts.circleci_slug
    assert list_schedules_for_project.sync(slug, client=client).items == []
    with pytest.raises(BadRequestError, match="GitHub OAuth and Bitbucket Cloud projects only"):
        create_schedule.sync(slug, client=client, body=_input())
    assert create_schedule.sync("bb/acme/legacy-app", client=client, body=_input()).name


def test_every_schedule_operation_has_a_test() -> None:
    wanted = {operation_id for _, _, operation_id in SCHEDULE_OPERATIONS}
    assert wanted == covered_operations(__file__)
