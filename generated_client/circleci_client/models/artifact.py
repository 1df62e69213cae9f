from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_int, checked_str

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "path",
        "node_index",
        "url",
    }
)


@define
class Artifact:
    """A file a job stored.

    Attributes:
        path (str): The file's path as the job stored it.
        node_index (int): The parallel run that stored it.
        url (str): Where to download it.
    """

    path: str
    node_index: int
    url: str
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        path = self.path
        field_dict["path"] = path
        node_index = self.node_index
        field_dict["node_index"] = node_index
        url = self.url
        field_dict["url"] = url
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        path = src_dict["path"]
        if path.__class__ is not str:
            path = checked_str(path, "path")

        node_index = src_dict["node_index"]
        if node_index.__class__ is not int:
            node_index = checked_int(node_index, "node_index")

        url = src_dict["url"]
        if url.__class__ is not str:
            url = checked_str(url, "url")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            path,
            node_index,
            url,
        )
        documented = 3
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
