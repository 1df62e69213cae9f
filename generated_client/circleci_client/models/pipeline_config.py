from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PipelineConfig")


@_attrs_define
class PipelineConfig:
    """A pipeline's configuration.

    Attributes:
        source (str): The configuration as written.
        compiled (str): The configuration after orbs were expanded.
        setup_config (str | Unset): The setup workflow's configuration, if any.
        compiled_setup_config (str | Unset): The compiled setup configuration, if any.
    """

    source: str
    compiled: str
    setup_config: str | Unset = UNSET
    compiled_setup_config: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        compiled = self.compiled

        setup_config = self.setup_config

        compiled_setup_config = self.compiled_setup_config

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "compiled": compiled,
            }
        )
        if setup_config is not UNSET:
            field_dict["setup-config"] = setup_config
        if compiled_setup_config is not UNSET:
            field_dict["compiled-setup-config"] = compiled_setup_config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source")

        compiled = d.pop("compiled")

        setup_config = d.pop("setup-config", UNSET)

        compiled_setup_config = d.pop("compiled-setup-config", UNSET)

        pipeline_config = cls(
            source=source,
            compiled=compiled,
            setup_config=setup_config,
            compiled_setup_config=compiled_setup_config,
        )

        pipeline_config.additional_properties = d
        return pipeline_config

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
