"""Validate API responses against ``openapi.yaml`` (OpenAPI 3.0, ``nullable: true``).

``nullable: true`` is read as "null is allowed" wherever it appears, also next to ``allOf``
or ``enum`` without ``null`` in it. A strict OAS 3.0.3 validator ignores ``nullable`` in
those places and rejects null; a client generator treats the field as optional-null, and
that is what the real API sends, so the stand-in accepts it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from openapi_schema_validator import OAS30Validator, oas30_format_checker

DEFAULT_SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"
NULL_ONLY = {"type": "string", "nullable": True, "enum": [None]}


class ResponseValidator:
    """Looks up the response schema by operationId and status and validates bodies."""

    def __init__(self, spec_path: Path = DEFAULT_SPEC) -> None:
        with open(spec_path, encoding="utf-8") as fh:
            self.spec: dict[str, Any] = yaml.safe_load(fh)
        self.operations: dict[str, dict[str, Any]] = {}
        for path_item in (self.spec.get("paths") or {}).values():
            for operation in path_item.values():
                if isinstance(operation, dict) and "operationId" in operation:
                    self.operations[operation["operationId"]] = operation
        self._validators: dict[tuple[str, str], OAS30Validator | None] = {}

    def _lookup(self, ref: str) -> Any:
        node: Any = self.spec
        for part in ref.removeprefix("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def resolve(self, node: Any, seen: tuple[str, ...] = ()) -> Any:
        """Return ``node`` with every local ``$ref`` inlined (recursion is cut off)."""
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                if ref in seen:
                    return {}
                return self.resolve(self._lookup(ref), (*seen, ref))
            out = {key: self.resolve(value, seen) for key, value in node.items()}
            if out.get("nullable") is True:
                del out["nullable"]
                return {"anyOf": [out, NULL_ONLY]}
            return out
        if isinstance(node, list):
            return [self.resolve(item, seen) for item in node]
        return node

    def _validator(self, operation: str, status: int) -> OAS30Validator | None:
        """Return the validator for the response schema; KeyError when undeclared."""
        op = self.operations.get(operation)
        if op is None:
            raise KeyError(f"operation {operation} is not in openapi.yaml")
        responses = op.get("responses") or {}
        for key in (str(status), f"{status // 100}XX", "default"):
            if key in responses:
                break
        else:
            raise KeyError(f"{operation} declares no response for status {status}")
        cache_key = (operation, key)
        if cache_key not in self._validators:
            response = self.resolve(responses[key])
            schema = ((response.get("content") or {}).get("application/json") or {}).get("schema")
            self._validators[cache_key] = (
                OAS30Validator(schema, format_checker=oas30_format_checker)
                if schema is not None
                else None
            )
        return self._validators[cache_key]

    def validate(self, operation: str, status: int, body: Any) -> list[str]:
        """Return human-readable problems of ``body`` (empty when it conforms)."""
        try:
            validator = self._validator(operation, status)
        except KeyError as exc:
            return [str(exc.args[0])]
        if validator is None:
            return []
        problems = []
        for error in sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path)):
            where = "/".join(str(p) for p in error.absolute_path) or "<body>"
            problems.append(f"{operation} {status} at {where}: {error.message}")
        return problems
