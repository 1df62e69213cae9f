from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from attrs import define, field

from .._scalars import checked_str
from ..types import UNSET, Unset

# The JSON keys the spec documents; any other key goes to ``additional_properties``.
_DOCUMENTED_KEYS = frozenset(
    {
        "source",
        "compiled",
        "setup-config",
        "compiled-setup-config",
    }
)


@define
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
    additional_properties: dict[str, Any] = field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the API uses, undocumented fields included."""
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        source = self.source
        field_dict["source"] = source
        compiled = self.compiled
        field_dict["compiled"] = compiled
        setup_config = self.setup_config
        if setup_config is not UNSET:
            field_dict["setup-config"] = setup_config
        compiled_setup_config = self.compiled_setup_config
        if compiled_setup_config is not UNSET:
            field_dict["compiled-setup-config"] = compiled_setup_config
        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """Build the model from the API's JSON object.

        Raises ``KeyError`` for a missing required field, and ``TypeError`` or ``ValueError`` for
        a value of the wrong shape; the API functions turn these into ``ResponseValidationError``.
        """
        source = src_dict["source"]
        if source.__class__ is not str:
            source = checked_str(source, "source")

        compiled = src_dict["compiled"]
        if compiled.__class__ is not str:
            compiled = checked_str(compiled, "compiled")

        setup_config = src_dict.get("setup-config", UNSET)
        if setup_config.__class__ is not str and setup_config is not UNSET:
            setup_config = checked_str(setup_config, "setup-config")

        compiled_setup_config = src_dict.get("compiled-setup-config", UNSET)
        if compiled_setup_config.__class__ is not str and compiled_setup_config is not UNSET:
            compiled_setup_config = checked_str(compiled_setup_config, "compiled-setup-config")

        # Positional, in the order the fields are declared above: half the cost of keywords.
        obj = cls(
            source,
            compiled,
            setup_config,
            compiled_setup_config,
        )
        documented = 2 + (setup_config is not UNSET) + (compiled_setup_config is not UNSET)
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
