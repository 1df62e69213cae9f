from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self
from uuid import UUID

from attrs import define, field

from .._open_enum import enum_member
from .._scalars import checked_str, parse_uuid
from ..models.context_restriction_type import ContextRestrictionType
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "id",
        "restriction_type",
        "restriction_value",
        "context_id",
        "project_id",
        "name",
    }
)


@define
class ContextRestriction:
    """A rule that limits which pipelines may use a context.

    Attributes:
        id (UUID): The restriction's ID.
        restriction_type (ContextRestrictionType): What a restriction checks: the project, an
            expression over pipeline values, or a security group.
        restriction_value (str): The project ID, the expression, or the group ID.
        context_id (UUID | Unset): The context it restricts.
        project_id (None | Unset | UUID): The project's ID, for a `project` restriction.
        name (None | str | Unset): A readable name: the project's or group's name, or the
            expression.
    """

    id: UUID
    restriction_type: ContextRestrictionType
    restriction_value: str
    context_id: UUID | Unset = UNSET
    project_id: None | Unset | UUID = UNSET
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        id = str(self.id)
        field_dict["id"] = id
        restriction_type = self.restriction_type.value
        field_dict["restriction_type"] = restriction_type
        restriction_value = self.restriction_value
        field_dict["restriction_value"] = restriction_value
        context_id: str | Unset = UNSET
        if not isinstance(self.context_id, Unset):
            context_id = str(self.context_id)
        if context_id is not UNSET:
            field_dict["context_id"] = context_id
        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        elif isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        if project_id is not UNSET:
            field_dict["project_id"] = project_id
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        if name is not UNSET:
            field_dict["name"] = name
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        id = parse_uuid(src_dict["id"])

        restriction_type = enum_member(ContextRestrictionType, src_dict["restriction_type"])

        restriction_value = src_dict["restriction_value"]
        if restriction_value.__class__ is not str:
            restriction_value = checked_str(restriction_value, "restriction_value")

        _context_id = src_dict.get("context_id", UNSET)
        context_id: UUID | Unset
        if isinstance(_context_id, Unset):
            context_id = UNSET
        else:
            context_id = parse_uuid(_context_id)

        project_id = src_dict.get("project_id", UNSET)
        if project_id is not None and project_id is not UNSET:
            if project_id.__class__ is not str and not isinstance(project_id, str):
                raise TypeError(f"project_id: unexpected {type(project_id).__name__}")
            project_id_type_0 = parse_uuid(project_id)

            project_id = project_id_type_0

        name = src_dict.get("name", UNSET)
        if name.__class__ is not str and name is not None and name is not UNSET:
            name = checked_str(name, "name", nullable=True)

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            id,
            restriction_type,
            restriction_value,
            context_id,
            project_id,
            name,
        )
        documented = 3 + (context_id is not UNSET) + (project_id is not UNSET) + (name is not UNSET)
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
