from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._open_enum import enum_member
from .._scalars import (
    checked_int,
    checked_str,
    parse_datetime,
    parse_uuid,
)
from ..models.webhook_job_status import WebhookJobStatus
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "id",
        "number",
        "name",
        "status",
        "started_at",
        "stopped_at",
    }
)


@define
class WebhookJob:
    """The job of a `job-completed` event.

    Attributes:
        id (UUID): The job's ID.
        number (int): The job's number within its project.
        name (str): The job's name in the configuration.
        status (WebhookJobStatus): How a job ended. New values may appear.
        started_at (datetime.datetime): When it started running.
        stopped_at (datetime.datetime | None | Unset): When it reached a terminal state.
    """

    id: UUID
    number: int
    name: str
    status: WebhookJobStatus
    started_at: datetime.datetime
    stopped_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = str(self.id)
        field_dict["id"] = id
        number = self.number
        field_dict["number"] = number
        name = self.name
        field_dict["name"] = name
        status = self.status.value
        field_dict["status"] = status
        started_at = self.started_at.isoformat()
        field_dict["started_at"] = started_at
        stopped_at: None | str | Unset
        if isinstance(self.stopped_at, Unset):
            stopped_at = UNSET
        elif isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        if stopped_at is not UNSET:
            field_dict["stopped_at"] = stopped_at
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        id = parse_uuid(src_dict["id"])

        number = src_dict["number"]
        if number.__class__ is not int:
            number = checked_int(number, "number")

        name = src_dict["name"]
        if name.__class__ is not str:
            name = checked_str(name, "name")

        status = enum_member(WebhookJobStatus, src_dict["status"])

        started_at = parse_datetime(src_dict["started_at"])

        stopped_at = src_dict.get("stopped_at", UNSET)
        if stopped_at is not None and stopped_at is not UNSET:
            if stopped_at.__class__ is not str and not isinstance(stopped_at, str):
                raise TypeError(f"stopped_at: unexpected {type(stopped_at).__name__}")
            stopped_at_type_0 = parse_datetime(stopped_at)

            stopped_at = stopped_at_type_0

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            number,
            name,
            status,
            started_at,
            stopped_at,
        )
        documented = 5 + (stopped_at is not UNSET)
        if len(src_dict) > documented:
            obj.additional_properties = {
                key: value for key, value in src_dict.items() if key not in _DOCUMENTED_KEYS
            }
        return obj

    @property
    def additional_keys(self) -> list[str]:
        """Names of the fields the API sent that the spec does not document."""
        return list(self.additional_properties)

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
