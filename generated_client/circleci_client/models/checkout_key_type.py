from enum import StrEnum
from typing import Any

from .._open_enum import open_enum_member


class CheckoutKeyType(StrEnum):
    """Values the API documents. A value it adds later parses too and keeps its text."""

    DEPLOY_KEY = "deploy-key"
    GITHUB_USER_KEY = "github-user-key"

    @classmethod
    def _missing_(cls, value: Any) -> "CheckoutKeyType | None":
        return open_enum_member(cls, value)

    def __str__(self) -> str:
        return str(self.value)
