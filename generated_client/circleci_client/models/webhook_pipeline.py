# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._scalars import (
    checked_int,
    parse_datetime,
    parse_uuid,
)
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "id",
        "number",
        "created_at",
        "trigger",
        "trigger_parameters",
        "vcs",
    }
)


@define
class WebhookPipeline:
    """The pipeline of an event.

    Attributes:
        id (UUID): The pipeline's ID.
        number (int): The pipeline's number within its project.
        created_at (datetime.datetime): When the pipeline was created.
        trigger (WebhookTrigger): What created the pipeline.
        trigger_parameters (WebhookTriggerParameters | Unset): Data about the pipeline for GitLab,
            GitHub App and Bitbucket Data Center projects:
            `circleci`, `git`, `gitlab` and other maps, kept as sent.
        vcs (WebhookVcs | Unset): The commit of a GitHub OAuth or Bitbucket Cloud pipeline.
    """

    id: UUID
    number: int
    created_at: datetime.datetime
    trigger: WebhookTrigger
    trigger_parameters: WebhookTriggerParameters | Unset = UNSET
    vcs: WebhookVcs | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = str(self.id)
        field_dict["id"] = id
        number = self.number
        field_dict["number"] = number
        created_at = self.created_at.isoformat()
        field_dict["created_at"] = created_at
        trigger = self.trigger.to_dict()
        field_dict["trigger"] = trigger
        trigger_parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.trigger_parameters, Unset):
            trigger_parameters = self.trigger_parameters.to_dict()
        if trigger_parameters is not UNSET:
            field_dict["trigger_parameters"] = trigger_parameters
        vcs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vcs, Unset):
            vcs = self.vcs.to_dict()
        if vcs is not UNSET:
            field_dict["vcs"] = vcs
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

        created_at = parse_datetime(src_dict["created_at"])

        trigger = WebhookTrigger.from_dict(src_dict["trigger"])

        _trigger_parameters = src_dict.get("trigger_parameters", UNSET)
        trigger_parameters: WebhookTriggerParameters | Unset
        if isinstance(_trigger_parameters, Unset):
            trigger_parameters = UNSET
        else:
            trigger_parameters = WebhookTriggerParameters.from_dict(_trigger_parameters)

        _vcs = src_dict.get("vcs", UNSET)
        vcs: WebhookVcs | Unset
        if isinstance(_vcs, Unset):
            vcs = UNSET
        else:
            vcs = WebhookVcs.from_dict(_vcs)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            number,
            created_at,
            trigger,
            trigger_parameters,
            vcs,
        )
        documented = 4 + (trigger_parameters is not UNSET) + (vcs is not UNSET)
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


from ..models.webhook_trigger import WebhookTrigger
from ..models.webhook_trigger_parameters import WebhookTriggerParameters
from ..models.webhook_vcs import WebhookVcs
