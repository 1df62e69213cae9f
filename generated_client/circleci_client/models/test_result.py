from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TestResult")


@_attrs_define
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message: None | str
        message = self.message

        source = self.source

        run_time = self.run_time

        file = self.file

        result = self.result

        name = self.name

        classname = self.classname

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "source": source,
                "run_time": run_time,
                "file": file,
                "result": result,
                "name": name,
                "classname": classname,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_message(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        message = _parse_message(d.pop("message"))

        source = d.pop("source")

        run_time = d.pop("run_time")

        file = d.pop("file")

        result = d.pop("result")

        name = d.pop("name")

        classname = d.pop("classname")

        test_result = cls(
            message=message,
            source=source,
            run_time=run_time,
            file=file,
            result=result,
            name=name,
            classname=classname,
        )

        test_result.additional_properties = d
        return test_result

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
