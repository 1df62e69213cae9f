"""Use case: a project's schedules, a new weekday schedule, a change to it, and its removal."""

from circleci_client import AuthenticatedClient, BadRequestError
from circleci_client.api.schedule import (
    create_schedule,
    delete_schedule_by_id,
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
from circleci_client.types import Unset


def _names(schedule: Schedule) -> list[str]:
    """The months of a schedule's timetable (every month when it names none)."""
    months = schedule.timetable.months
    return [] if isinstance(months, Unset) else [str(month) for month in months]


def main(client: AuthenticatedClient, project_slug: str) -> None:
    """List the schedules, add one, change its timetable, then delete it."""
    # --8<-- [start:list]
    for schedule in list_schedules_for_project.iter_items(project_slug, client=client):
        timetable = schedule.timetable
        days = timetable.days_of_week if not isinstance(timetable.days_of_week, Unset) else []
        print(
            f"schedule {schedule.name}: {timetable.per_hour}x at hours {timetable.hours_of_day} "
            f"on {', '.join(str(day) for day in days)}, "
            f"run by {schedule.actor.login}, parameters {schedule.parameters.to_dict()}"
        )
    # --8<-- [end:list]

    # --8<-- [start:create]
    weekdays = [ScheduleDayOfWeek(day) for day in ("MON", "TUE", "WED", "THU", "FRI")]
    body = ScheduleInput(
        name="integration tests",
        description="Long integration tests, twice a night on weekdays.",
        timetable=ScheduleTimetable(per_hour=2, hours_of_day=[2, 3], days_of_week=weekdays),
        # "system": pipelines run as CircleCI's scheduling system, not as you.
        attribution_actor=ScheduleAttributionActor.SYSTEM,
        # The branch (or tag) to run, plus any pipeline parameters your config declares.
        parameters=ScheduleParameters.from_mapping(
            {"branch": "main", "run-integration-tests": True}, "parameters"
        ),
    )
    try:
        created = create_schedule.sync(project_slug, client=client, body=body)
    except BadRequestError as exc:  # e.g. a GitHub App project: use its project settings
        print(f"not created: {exc}")
        return
    print(f"created {created.name}, run by {created.actor.login}")
    # --8<-- [end:create]

    # --8<-- [start:update]
    # Only the fields given change; a timetable replaces the whole timetable.
    quarterly = ScheduleTimetable(
        per_hour=1,
        hours_of_day=[4],
        days_of_month=[1],
        months=[ScheduleMonth(m) for m in ("JAN", "APR", "JUL", "OCT")],
    )
    changed = update_schedule.sync(
        created.id, client=client, body=ScheduleUpdate(timetable=quarterly)
    )
    print(f"{changed.name} now runs on day {changed.timetable.days_of_month} of {_names(changed)}")
    # --8<-- [end:update]

    delete_schedule_by_id.sync(created.id, client=client)
    print(f"deleted {created.name}")


if __name__ == "__main__":
    import sys

    with AuthenticatedClient.from_env() as client:
        main(client, sys.argv[1])
