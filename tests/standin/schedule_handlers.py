"""Handlers of the five schedule operations, registered with the stand-in's routes on import.

The stand-in's rules, which tests rely on (state in :mod:`tests.standin.schedules`):

* **Projects.** Schedules belong to a project named by its slug; an unknown project is 404.
  CircleCI offers this API for GitHub OAuth and Bitbucket Cloud projects only, so for a GitHub
  App or GitLab project (a ``circleci/...`` slug) the list is empty and ``createSchedule`` is
  400 with a message that says so (CircleCI does not document the status it answers).
* **Timetable.** ``per-hour`` is an integer from 1 to 60; ``hours-of-day`` a non-empty list of
  distinct hours 0 to 23; days come from ``days-of-week`` (``MON`` ... ``SUN``) or
  ``days-of-month`` (1 to 31): one of them, not both; ``months`` (``JAN`` ... ``DEC``) is
  optional. An empty list counts as not given. Anything else is 400.
* **Parameters.** An object that names exactly one of ``branch`` or ``tag`` (a non-empty
  string); the other values are strings, integers or booleans. 400 otherwise.
* **Actor.** ``attribution-actor`` ``current`` attributes pipelines to the token's user,
  ``system`` to the scheduling system (login ``system-actor``, name ``Scheduled``).
* **Update** (``PATCH``) changes the fields given; a ``timetable`` or ``parameters`` replaces
  the whole value and follows the rules above. ``updated-at`` moves on every update.
* Unknown or malformed schedule IDs are 404. Unknown body fields are ignored.
"""

from __future__ import annotations

import uuid
from typing import Any

from tests.standin import wire
from tests.standin.handler_kit import ApiError, Ctx, Reply, ok, op
from tests.standin.schedules import SYSTEM_ACTOR_ID, StoredSchedule
from tests.standin.world import Project, World

JSON = dict[str, Any]
DAYS_OF_WEEK = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
ACTORS = ("current", "system")
OAUTH_ONLY = (
    "Schedules can be managed through the API for GitHub OAuth and Bitbucket Cloud projects "
    "only; set up schedule triggers of this project in its project settings"
)
SYSTEM_ACTOR: JSON = {
    "id": SYSTEM_ACTOR_ID,
    "login": "system-actor",
    "name": "Scheduled",
    "avatar_url": None,
}


def schedule_json(world: World, schedule: StoredSchedule) -> JSON:
    """Serialize a schedule."""
    user = world.users.get(schedule.actor_id)
    return {
        "id": schedule.id,
        "name": schedule.name,
        "description": schedule.description,
        "timetable": dict(schedule.timetable),
        "parameters": dict(schedule.parameters),
        "actor": wire.user(user) if user is not None else dict(SYSTEM_ACTOR),
        "project-slug": schedule.project_slug,
        "created-at": wire.ts(schedule.created_at),
        "updated-at": wire.ts(schedule.updated_at),
    }


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _int_list(timetable: JSON, name: str, low: int, high: int) -> list[int]:
    value = timetable.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(_is_int(v) and low <= v <= high for v in value):
        raise ApiError(400, f"timetable.{name} must be a list of integers from {low} to {high}")
    if len(set(value)) != len(value):
        raise ApiError(400, f"timetable.{name} must not repeat a value")
    return value


def _name_list(timetable: JSON, name: str, allowed: tuple[str, ...]) -> list[str]:
    value = timetable.get(name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(v in allowed for v in value):
        raise ApiError(400, f"timetable.{name} must be a list of {', '.join(allowed)}")
    if len(set(value)) != len(value):
        raise ApiError(400, f"timetable.{name} must not repeat a value")
    return value


def check_timetable(value: Any) -> JSON:
    """The timetable to store when CircleCI accepts it, else 400."""
    if not isinstance(value, dict):
        raise ApiError(400, "Field timetable must be an object")
    per_hour: Any = value.get("per-hour")
    if not _is_int(per_hour) or not 1 <= per_hour <= 60:
        raise ApiError(400, "timetable.per-hour must be an integer from 1 to 60")
    hours = _int_list(value, "hours-of-day", 0, 23)
    if not hours:
        raise ApiError(400, "timetable.hours-of-day must name at least one hour (0 to 23)")
    weekdays = _name_list(value, "days-of-week", DAYS_OF_WEEK)
    monthdays = _int_list(value, "days-of-month", 1, 31)
    if bool(weekdays) == bool(monthdays):
        raise ApiError(
            400, "timetable needs days-of-week or days-of-month: exactly one of them, not both"
        )
    stored: JSON = {"per-hour": per_hour, "hours-of-day": hours}
    stored["days-of-week" if weekdays else "days-of-month"] = weekdays or monthdays
    months = _name_list(value, "months", MONTHS)
    if months:
        stored["months"] = months
    return stored


def check_parameters(value: Any) -> JSON:
    """The parameters to store when CircleCI accepts them, else 400."""
    if not isinstance(value, dict):
        raise ApiError(400, "Field parameters must be an object naming a branch or a tag")
    refs = [name for name in ("branch", "tag") if name in value]
    if len(refs) != 1 or not isinstance(value[refs[0]], str) or not value[refs[0]]:
        raise ApiError(400, "parameters must name exactly one of branch or tag (a string)")
    for name, item in value.items():
        if not isinstance(item, str | int | bool) or isinstance(item, float):
            raise ApiError(400, f"Pipeline parameter {name} must be a string, integer or boolean")
    return dict(value)


def _actor(ctx: Ctx, value: Any) -> str:
    if value not in ACTORS:
        raise ApiError(400, "attribution-actor must be current or system")
    return ctx.world.current_user_id if value == "current" else SYSTEM_ACTOR_ID


def _text(data: JSON, name: str, required: bool) -> str | None:
    value = data.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value):
        raise ApiError(400, f"Field {name} must be a non-empty string")
    return value


def _oauth_project(ctx: Ctx) -> Project:
    project = ctx.project()
    if project.slug.startswith("circleci/"):
        raise ApiError(400, OAUTH_ONLY)
    return project


def _schedule(ctx: Ctx) -> StoredSchedule:
    """The schedule of the ``schedule-id`` parameter, or 404."""
    try:
        key = str(uuid.UUID(ctx.params["schedule-id"]))
    except ValueError:
        key = ""
    found = ctx.world.schedules.schedules.get(key)
    if found is None:
        raise ApiError(404, "Schedule not found")
    return found


@op("GET", "/project/{project-slug}/schedule", "listSchedulesForProject")
def list_schedules(ctx: Ctx) -> Reply:
    """``GET /project/{slug}/schedule``: oldest first (none for a ``circleci/`` project)."""
    project = ctx.project()
    schedules = ctx.world.schedules.of_project(project.slug)
    return ok(ctx.page(schedules, lambda s: schedule_json(ctx.world, s)))


@op("POST", "/project/{project-slug}/schedule", "createSchedule")
def create_schedule(ctx: Ctx) -> Reply:
    """``POST /project/{slug}/schedule``: 201."""
    project = _oauth_project(ctx)
    data = ctx.json_object()
    missing = [
        name
        for name in ("name", "timetable", "attribution-actor", "parameters")
        if name not in data
    ]
    if missing:
        raise ApiError(400, f"Field(s) required: {', '.join(missing)}")
    name = _text(data, "name", required=True)
    assert name is not None
    now = ctx.world.tick()
    store = ctx.world.schedules
    schedule = StoredSchedule(
        id=store.new_id(),
        project_slug=project.slug,
        name=name,
        description=_text(data, "description", required=False),
        timetable=check_timetable(data["timetable"]),
        parameters=check_parameters(data["parameters"]),
        actor_id=_actor(ctx, data["attribution-actor"]),
        created_at=now,
        updated_at=now,
    )
    store.schedules[schedule.id] = schedule
    return ok(schedule_json(ctx.world, schedule), 201)


@op("GET", "/schedule/{schedule-id}", "getScheduleById")
def get_schedule(ctx: Ctx) -> Reply:
    """``GET /schedule/{id}``."""
    return ok(schedule_json(ctx.world, _schedule(ctx)))


@op("PATCH", "/schedule/{schedule-id}", "updateSchedule")
def update_schedule(ctx: Ctx) -> Reply:
    """``PATCH /schedule/{id}``: the fields given change, the others stay."""
    schedule = _schedule(ctx)
    data = ctx.json_object()
    name = _text(data, "name", required=True) if "name" in data else schedule.name
    assert name is not None
    changes: JSON = {"name": name}
    if "description" in data:
        changes["description"] = _text(data, "description", required=False)
    if "timetable" in data:
        changes["timetable"] = check_timetable(data["timetable"])
    if "parameters" in data:
        changes["parameters"] = check_parameters(data["parameters"])
    if "attribution-actor" in data:
        changes["actor_id"] = _actor(ctx, data["attribution-actor"])
    for key, value in changes.items():  # only once everything was checked
        setattr(schedule, key, value)
    schedule.updated_at = ctx.world.tick()
    return ok(schedule_json(ctx.world, schedule))


@op("DELETE", "/schedule/{schedule-id}", "deleteScheduleById")
def delete_schedule(ctx: Ctx) -> Reply:
    """``DELETE /schedule/{id}``."""
    schedule = _schedule(ctx)
    del ctx.world.schedules.schedules[schedule.id]
    return ok(wire.message("Schedule deleted."))
