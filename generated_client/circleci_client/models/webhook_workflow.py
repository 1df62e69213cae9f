from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._open_enum import enum_member
from .._scalars import (
    checked_str,
    parse_datetime,
    parse_uuid,
)
from ..models.webhook_workflow_status import WebhookWorkflowStatus
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "id",
        "name",
        "created_at",
        "url",
        "stopped_at",
        "status",
    }
)


@define
class WebhookWorkflow:
    """The workflow of an event.

    Attributes:
        id (UUID): The workflow's ID.
        name (str): The workflow's name in the configuration.
        created_at (datetime.datetime): When the workflow was created.
        url (str): The workflow in CircleCI's web app.
        stopped_at (datetime.datetime | None | Unset): When it reached a terminal state.
        status (WebhookWorkflowStatus | Unset): How a workflow ended. New values may appear.
    """

    id: UUID
    name: str
    created_at: datetime.datetime
    url: str
    stopped_at: datetime.datetime | None | Unset = UNSET
    status: WebhookWorkflowStatus | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = str(self.id)
        field_dict["id"] = id
        name = self.name
        field_dict["name"] = name
        created_at = self.created_at.isoformat()
        field_dict["created_at"] = created_at
        url = self.url
        field_dict["url"] = url
        stopped_at: None | str | Unset
        if isinstance(self.stopped_at, Unset):
            stopped_at = UNSET
        elif isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at

        if stopped_at is not UNSET:
            field_dict["stopped_at"] = stopped_at
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value
        if status is not UNSET:
            field_dict["status"] = status
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        id = parse_uuid(src_dict["id"])

        name = src_dict["name"]
        if name.__class__ is not str:
            name = checked_str(name, "name")

        created_at = parse_datetime(src_dict["created_at"])

        url = src_dict["url"]
        if url.__class__ is not str:
            url = checked_str(url, "url")

        stopped_at = src_dict.get("stopped_at", UNSET)
        if stopped_at is not None and stopped_at is not UNSET:
            if stopped_at.__class__ is not str and not isinstance(stopped_at, str):
                raise TypeError(f"stopped_at: unexpected {type(stopped_at).__name__}")
            stopped_at_type_0 = parse_datetime(stopped_at)

            stopped_at = stopped_at_type_0

        _status = src_dict.get("status", UNSET)
        status: WebhookWorkflowStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = enum_member(WebhookWorkflowStatus, _status)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            name,
            created_at,
            url,
            stopped_at,
            status,
        )
        documented = 4 + (stopped_at is not UNSET) + (status is not UNSET)
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
