# ruff: noqa: E402
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_str, parse_datetime
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "subject",
        "body",
        "author",
        "authored_at",
        "committer",
        "committed_at",
    }
)


@define
class WebhookCommit:
    """The commit a pipeline built.

    Attributes:
        subject (None | str | Unset): The first line of the message (may be truncated).
        body (None | str | Unset): The rest of the message (may be truncated).
        author (WebhookPerson | Unset): A commit's author or committer.
        authored_at (datetime.datetime | None | Unset): When it was authored.
        committer (WebhookPerson | Unset): A commit's author or committer.
        committed_at (datetime.datetime | None | Unset): When it was committed.
    """

    subject: None | str | Unset = UNSET
    body: None | str | Unset = UNSET
    author: WebhookPerson | Unset = UNSET
    authored_at: datetime.datetime | None | Unset = UNSET
    committer: WebhookPerson | Unset = UNSET
    committed_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        subject: None | str | Unset
        if isinstance(self.subject, Unset):
            subject = UNSET
        else:
            subject = self.subject

        if subject is not UNSET:
            field_dict["subject"] = subject
        body: None | str | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        else:
            body = self.body

        if body is not UNSET:
            field_dict["body"] = body
        author: dict[str, Any] | Unset = UNSET
        if not isinstance(self.author, Unset):
            author = self.author.to_dict()
        if author is not UNSET:
            field_dict["author"] = author
        authored_at: None | str | Unset
        if isinstance(self.authored_at, Unset):
            authored_at = UNSET
        elif isinstance(self.authored_at, datetime.datetime):
            authored_at = self.authored_at.isoformat()
        else:
            authored_at = self.authored_at

        if authored_at is not UNSET:
            field_dict["authored_at"] = authored_at
        committer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.committer, Unset):
            committer = self.committer.to_dict()
        if committer is not UNSET:
            field_dict["committer"] = committer
        committed_at: None | str | Unset
        if isinstance(self.committed_at, Unset):
            committed_at = UNSET
        elif isinstance(self.committed_at, datetime.datetime):
            committed_at = self.committed_at.isoformat()
        else:
            committed_at = self.committed_at

        if committed_at is not UNSET:
            field_dict["committed_at"] = committed_at
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        subject = src_dict.get("subject", UNSET)
        if subject.__class__ is not str and subject is not None and subject is not UNSET:
            subject = checked_str(subject, "subject", nullable=True)

        body = src_dict.get("body", UNSET)
        if body.__class__ is not str and body is not None and body is not UNSET:
            body = checked_str(body, "body", nullable=True)

        _author = src_dict.get("author", UNSET)
        author: WebhookPerson | Unset
        if isinstance(_author, Unset):
            author = UNSET
        else:
            author = WebhookPerson.from_dict(_author)

        authored_at = src_dict.get("authored_at", UNSET)
        if authored_at is not None and authored_at is not UNSET:
            if authored_at.__class__ is not str and not isinstance(authored_at, str):
                raise TypeError(f"authored_at: unexpected {type(authored_at).__name__}")
            authored_at_type_0 = parse_datetime(authored_at)

            authored_at = authored_at_type_0

        _committer = src_dict.get("committer", UNSET)
        committer: WebhookPerson | Unset
        if isinstance(_committer, Unset):
            committer = UNSET
        else:
            committer = WebhookPerson.from_dict(_committer)

        committed_at = src_dict.get("committed_at", UNSET)
        if committed_at is not None and committed_at is not UNSET:
            if committed_at.__class__ is not str and not isinstance(committed_at, str):
                raise TypeError(f"committed_at: unexpected {type(committed_at).__name__}")
            committed_at_type_0 = parse_datetime(committed_at)

            committed_at = committed_at_type_0

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            subject,
            body,
            author,
            authored_at,
            committer,
            committed_at,
        )
        documented = (
            0
            + (subject is not UNSET)
            + (body is not UNSET)
            + (author is not UNSET)
            + (authored_at is not UNSET)
            + (committer is not UNSET)
            + (committed_at is not UNSET)
        )
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


from ..models.webhook_person import WebhookPerson
