"""Construction examples for every model, written from ``openapi.yaml`` and the model classes.

Each example builds the model from the fields of the spec's example of the whole object, or
else from its required fields (its first field when none is required), with the spec's
``example`` or ``enum`` values where it gives them and a plain placeholder otherwise, and shows
the plain mapping of JSON keys that builds the same model.
"""

from __future__ import annotations

import datetime
import enum
import importlib
import inspect
import json
import re
import shutil
import subprocess
import types
import typing
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import attrs
import yaml
from circleci_client.types import UNSET, Unset

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"
SAMPLE_UUID = uuid.UUID("5034460f-c7c4-4c43-9457-de07e2029e7b")
SAMPLE_TIME = datetime.datetime(2026, 1, 15, 12, 0, tzinfo=datetime.UTC)
LINE = 80
"""The widest example line: what the reference's code blocks show without scrolling."""
JSON = object


@dataclass(frozen=True)
class ModelExample:
    """One model's example: the code that builds it, and the value and mapping it gives."""

    name: str
    code: str
    """Python source: imports, then the model built by keywords and from a mapping."""
    value: object
    """The model the keywords build."""
    mapping: JSON
    """The plain mapping (``to_dict()`` of ``value``), or the plain value of an enum."""


def model_classes() -> dict[str, type]:
    """Every class ``circleci_client.models`` exports, by name."""
    models = importlib.import_module("circleci_client.models")
    names: list[str] = list(getattr(models, "__all__", ()))
    return {name: getattr(models, name) for name in sorted(names)}


@cache
def _spec() -> dict[str, typing.Any]:
    with SPEC.open(encoding="utf-8") as fh:
        loaded: dict[str, typing.Any] = yaml.safe_load(fh)
    return loaded


def _resolve(schema: object) -> dict[str, typing.Any]:
    """``schema`` with ``$ref`` and a one-part ``allOf`` followed."""
    node: object = schema
    for _ in range(20):
        if not isinstance(node, dict):
            return {}
        if "$ref" in node:
            node = _spec()["components"]["schemas"][str(node["$ref"]).rsplit("/", 1)[1]]
        elif len(node.get("allOf") or []) == 1:
            node = node["allOf"][0]
        else:
            return node
    return {}


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", name))


@cache
def schemas_by_class() -> dict[str, dict[str, typing.Any]]:
    """The schema of each model class, by the class name the generator gives it."""
    found: dict[str, dict[str, typing.Any]] = {}

    def visit(class_name: str, schema: dict[str, typing.Any]) -> None:
        found.setdefault(class_name, schema)
        for key, prop in (schema.get("properties") or {}).items():
            if isinstance(prop, dict) and "$ref" not in prop:
                inner = prop.get("items", prop) if prop.get("type") == "array" else prop
                suffix = "Item" if inner is not prop else ""
                if isinstance(inner, dict) and "$ref" not in inner:
                    visit(class_name + _pascal(key) + suffix, inner)

    for name, schema in (_spec()["components"]["schemas"] or {}).items():
        visit(_pascal(name), schema)
    return found


def _python_name(key: str) -> str:
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", key)
    return re.sub(r"\W", "_", snake).lower()


def _fields(cls: type) -> list[attrs.Attribute[object]]:
    return [f for f in attrs.fields(cls) if f.name != "additional_properties"]


def _plain_type(annotation: object) -> object:
    """The first member of a union that is not ``Unset`` or ``None``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(annotation) if a not in (Unset, type(None))]
        return members[0] if members else annotation
    return annotation


def _placeholder(key: str) -> str:
    return "my-" + _python_name(key).replace("_", "-")


def example_value(annotation: object, schema: object, key: str) -> object:
    """A value of type ``annotation`` for the JSON key ``key``, from its schema when it has one."""
    kind = _plain_type(annotation)
    node = _resolve(schema)
    origin = typing.get_origin(kind)
    if origin is list:
        (item,) = typing.get_args(kind) or (str,)
        return [example_value(item, node.get("items"), key)]
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        members = list(kind)
        wanted = node.get("example", (node.get("enum") or [None])[0])
        return next((m for m in members if m.value == wanted), members[0])
    if isinstance(kind, type) and attrs.has(kind):
        return example_model(kind, node)
    if kind is uuid.UUID:
        return SAMPLE_UUID
    if kind is datetime.datetime:
        return SAMPLE_TIME
    sample = node.get("example", (node.get("enum") or [None])[0])
    if kind is bool:
        return sample if isinstance(sample, bool) else True
    if kind is int:
        return sample if isinstance(sample, int) else int(node.get("minimum", 1))
    if kind is float:
        return sample if isinstance(sample, int | float) else 1.5
    if kind is str:
        return sample if isinstance(sample, str) else _placeholder(key)
    return {}


def example_model(cls: type, schema: Mapping[str, typing.Any] | None = None) -> object:
    """An instance of the model ``cls`` with its required fields set: the fields of the spec's
    example of the whole object when it gives one, else the required ones (or the first)."""
    node = dict(schema) if schema else schemas_by_class().get(cls.__name__, {})
    fields = _fields(cls)
    if not fields:  # a free-form map
        extra = node.get("additionalProperties")
        sample: dict[str, object] = {}
        given = node.get("example")
        if isinstance(given, dict) and given:  # the spec's example of the map
            sample = dict(given)
        elif isinstance(extra, dict):
            sample = {"my-key": example_value(str, extra, "value")}
        try:
            return getattr(cls, "from_dict")(sample)  # noqa: B009
        except (TypeError, ValueError):
            return getattr(cls, "from_dict")({})  # noqa: B009
    hints = typing.get_type_hints(cls)
    props: dict[str, typing.Any] = node.get("properties") or {}
    by_attribute = {}
    for key, prop in props.items():
        name = _python_name(key)
        by_attribute[name if name in hints else name + "_"] = (key, prop)
    chosen = [f for f in fields if f.default is attrs.NOTHING] or fields[:1]
    whole = node.get("example")
    if isinstance(whole, dict) and whole:  # the spec's example of the whole object
        chosen = [f for f in fields if by_attribute.get(f.name, ("",))[0] in whole]
        props = {**props}
        for key, prop in list(by_attribute.values()):
            if key in whole:
                props[key] = {**_resolve(prop), "example": whole[key]}
        by_attribute = {name: (key, props[key]) for name, (key, _) in by_attribute.items()}
    values = {}
    for f in chosen:
        key, prop = by_attribute.get(f.name, (f.name, {}))
        values[f.name] = example_value(hints[f.name], prop, key)
    return cls(**values)


# -- rendering as Python source -----------------------------------------------------------------


def _wrap(opening: str, items: list[str], closing: str, indent: int, lead: int) -> str:
    """``items`` between brackets: on one line when it fits, else one item per line.

    ``indent`` is the line's indentation and ``lead`` the width of what precedes ``opening``
    on it; one more column is kept for the comma that may follow.
    """
    flat = f"{opening}{', '.join(items)}{closing}"
    if not items or (indent + lead + len(flat) + 1 <= LINE and "\n" not in flat):
        return flat
    inner = " " * (indent + 4)
    return opening + "\n" + "".join(f"{inner}{item},\n" for item in items) + " " * indent + closing


def literal(value: object, indent: int = 0, lead: int = 0) -> str:
    """``value`` (JSON data) as a Python literal, one item per line when it is long."""
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            name = json.dumps(key) + ": "
            items.append(name + literal(item, indent + 4, len(name)))
        return _wrap("{", items, "}", indent, lead)
    if isinstance(value, list):
        return _wrap("[", [literal(v, indent + 4) for v in value], "]", indent, lead)
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)


def source(
    value: object, imports: set[str], indent: int = 0, lead: int = 0, mapping_ok: bool = False
) -> str:
    """Python source that builds ``value``, adding the imports it needs to ``imports``."""
    cls = type(value)
    if attrs.has(cls):
        if not _fields(cls):
            data = getattr(value, "to_dict")()  # noqa: B009
            if mapping_ok:
                return literal(data, indent, lead)
            imports.add(f"from circleci_client.models import {cls.__name__}")
            call = f"{cls.__name__}.from_dict("
            return f"{call}{literal(data, indent, lead + len(call))})"
        imports.add(f"from circleci_client.models import {cls.__name__}")
        init = inspect.signature(cls)
        args = []
        for f in _fields(cls):
            field_value = getattr(value, f.name)
            if field_value is UNSET:
                continue
            takes_mapping = "Mapping" in str(init.parameters[f.name].annotation)
            keyword = f"{f.name}="
            args.append(
                keyword + source(field_value, imports, indent + 4, len(keyword), takes_mapping)
            )
        return _wrap(f"{cls.__name__}(", args, ")", indent, lead)
    if isinstance(value, enum.Enum):
        imports.add(f"from circleci_client.models import {cls.__name__}")
        return f"{cls.__name__}.{value.name}"
    if isinstance(value, uuid.UUID):
        imports.add("from uuid import UUID")
        return f'UUID("{value}")'
    if isinstance(value, datetime.datetime):
        imports.add("from datetime import datetime")
        return f'datetime.fromisoformat("{value.isoformat()}")'
    if isinstance(value, list):
        return _wrap("[", [source(v, imports, indent + 4) for v in value], "]", indent, lead)
    return literal(value, indent, lead)


def _variable(class_name: str) -> str:
    """The class name in snake case, or ``value`` when ``x = ClassName.from_dict({`` is long."""
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", class_name).lower()
    return snake if len(snake) + len(class_name) <= LINE - 20 else "value"


def model_example(name: str, cls: type) -> ModelExample:
    """The construction example for one class of ``circleci_client.models``."""
    imports: set[str] = set()
    variable = _variable(name)
    if issubclass(cls, enum.Enum):
        member = next(iter(cls))
        imports.add(f"from circleci_client.models import {name}")
        lines = [
            f"{variable} = {name}.{member.name}",
            "# or from its plain value:",
            f"{variable} = {name}({json.dumps(member.value)})",
        ]
        return ModelExample(name, _with_imports(imports, lines), member, member.value)
    value = example_model(cls)
    mapping = getattr(value, "to_dict")()  # noqa: B009
    from_dict = f"{variable} = {name}.from_dict("
    from_mapping = f"{from_dict}{literal(mapping, 0, len(from_dict))})"
    if not _fields(cls):
        imports.add(f"from circleci_client.models import {name}")
        lines = ["# a free-form map: any keys, built from a plain mapping", from_mapping]
        return ModelExample(name, _with_imports(imports, lines), value, mapping)
    built = source(value, imports, 0, len(variable) + 3)
    lines = [f"{variable} = {built}", "# or from a plain mapping of its JSON keys:", from_mapping]
    return ModelExample(name, _with_imports(imports, lines), value, mapping)


def _with_imports(imports: set[str], lines: list[str]) -> str:
    models = sorted(i.rsplit(" ", 1)[1] for i in imports if i.startswith("from circleci_client"))
    others = sorted(i for i in imports if not i.startswith("from circleci_client"))
    head = others + ([""] if others else [])
    if models:
        flat = f"from circleci_client.models import {', '.join(models)}"
        wrapped = _wrap("from circleci_client.models import (", models, ")", 0, 0)
        head.append(flat if len(flat) <= LINE else wrapped)
    return "\n".join([*head, "", *lines]) + "\n"


_SPLIT = "# -- next example --\n"


def formatted(codes: list[str]) -> list[str]:
    """``codes`` formatted by ``ruff format`` in one run; as they are when ruff is missing."""
    ruff = shutil.which("ruff")
    if ruff is None:
        return codes
    result = subprocess.run(
        [
            ruff,
            "format",
            "--line-length",
            str(LINE),
            "--config",
            "format.skip-magic-trailing-comma = true",  # join what fits on one line again
            "--stdin-filename",
            "examples.py",
            "-",
        ],
        input=_SPLIT.join(codes),
        capture_output=True,
        text=True,
        check=True,
    )
    parts = result.stdout.split(_SPLIT)
    return [part.strip("\n") + "\n" for part in parts] if len(parts) == len(codes) else codes


@cache
def all_examples() -> tuple[ModelExample, ...]:
    """An example for every class ``circleci_client.models`` exports, formatted."""
    examples = [model_example(name, cls) for name, cls in model_classes().items()]
    codes = formatted([example.code for example in examples])
    return tuple(
        ModelExample(e.name, code, e.value, e.mapping)
        for e, code in zip(examples, codes, strict=True)
    )
