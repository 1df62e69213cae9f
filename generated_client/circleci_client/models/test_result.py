from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_number, checked_str

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "message",
        "source",
        "run_time",
        "file",
        "result",
        "name",
        "classname",
    }
)


@define
class TestResult:
    """One test's result.

    Attributes:
        message (None | str): The failure message, if any.
        source (str): The tool that produced the result.
        run_time (float): How long it ran, in seconds.
        file (str): The file that defines the test.
        result (str): The outcome, e.g. `success` or `failure`.
        name (str): The test's name.
        classname (str): The test's class or module.
    """

    message: None | str
    source: str
    run_time: float
    file: str
    result: str
    name: str
    classname: str
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        message: None | str
        message = self.message

        field_dict["message"] = message
        source = self.source
        field_dict["source"] = source
        run_time = self.run_time
        field_dict["run_time"] = run_time
        file = self.file
        field_dict["file"] = file
        result = self.result
        field_dict["result"] = result
        name = self.name
        field_dict["name"] = name
        classname = self.classname
        field_dict["classname"] = classname
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        message = src_dict["message"]
        if message.__class__ is not str and message is not None:
            message = checked_str(message, "message", nullable=True)

        source = src_dict["source"]
        if source.__class__ is not str:
            source = checked_str(source, "source")

        run_time = src_dict["run_time"]
        if run_time.__class__ is not float or run_time - run_time:
            run_time = checked_number(run_time, "run_time")

        file = src_dict["file"]
        if file.__class__ is not str:
            file = checked_str(file, "file")

        result = src_dict["result"]
        if result.__class__ is not str:
            result = checked_str(result, "result")

        name = src_dict["name"]
        if name.__class__ is not str:
            name = checked_str(name, "name")

        classname = src_dict["classname"]
        if classname.__class__ is not str:
            classname = checked_str(classname, "classname")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            message,
            source,
            run_time,
            file,
            result,
            name,
            classname,
        )
        documented = 7
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
