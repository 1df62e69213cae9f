# Hand-written runtime module (not generated): edit it here.
"""Request bodies given as plain mappings: each is turned into the operation's model before
anything is sent.

Every operation that takes a body accepts its model (``ContextInput(...)``) or a mapping with
the JSON keys the API documents (``{"name": ..., "owner": {"slug": ...}}``). The mapping is
read with the model's own ``from_dict``, so values are checked as strictly as in a response,
and then any key the model does not document is refused, at any depth: in a request an
unknown key is almost always a typo, and the API would ignore it silently. A map the spec
leaves free-form (pipeline parameters) takes any key.
"""

from __future__ import annotations

import datetime
import re
import sys
import types
import typing
from collections.abc import Container, Iterator, Mapping
from enum import Enum
from typing import Any, Protocol, Self, TypeVar, overload
from uuid import UUID

import attrs

from ._scalars import FieldTypeError
from .errors import InvalidRequestBodyError
from .types import Unset

__all__ = ["model_from"]


class _Operation(Protocol):
    @property
    def operation_id(self) -> str: ...


class _RequestModel(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...

    def to_dict(self) -> dict[str, Any]: ...


M = TypeVar("M", bound=_RequestModel)


@overload
def model_from(operation: _Operation, model: type[M], body: M | Mapping[str, object]) -> M: ...


@overload
def model_from(
    operation: _Operation, model: type[M], body: M | Mapping[str, object] | Unset
) -> M | Unset: ...


def model_from(
    operation: _Operation, model: type[M], body: M | Mapping[str, object] | Unset
) -> M | Unset:
    """``body`` as an instance of ``model``: as given, or built from a mapping.

    Raises :class:`~circleci_client.errors.InvalidRequestBodyError` naming the key at fault
    for a mapping that does not build the model, and for a body of any other type.
    """
    if isinstance(body, (model, Unset)):
        return body
    refuse = _Refusal(operation.operation_id, model.__name__)
    if not isinstance(body, Mapping):
        raise refuse(
            f"expected {model.__name__} or a mapping of its JSON keys, not {type(body).__name__}",
            None,
        )
    try:
        built = model.from_dict(body)
    except KeyError as exc:
        key = _culprit(model, body, "") or (str(exc.args[0]) if exc.args else "?")
        raise refuse(f"the required key {key!r} is missing", key) from None
    except FieldTypeError as exc:
        key = _culprit(model, body, "") or exc.field
        raise refuse(f"{key!r}: {_reason(exc)}", key) from None
    except (TypeError, ValueError, AttributeError) as exc:
        culprit = _culprit(model, body, "")
        raise refuse(f"{culprit!r}: {exc}" if culprit else str(exc), culprit) from None
    for path, known in _unknown_keys(built, body, ""):
        raise refuse(f"unknown key {path!r} (the keys documented there: {', '.join(known)})", path)
    return built


class _Refusal:
    """Builds the error for one body, worded the same way for every cause."""

    def __init__(self, operation: str, model: str) -> None:
        self.operation = operation
        self.model = model

    def __call__(self, problem: str, key: str | None) -> InvalidRequestBodyError:
        return InvalidRequestBodyError(
            f"{self.operation}: the request body does not build {self.model}: {problem}. "
            f"Pass a {self.model} or a mapping with the keys the API reference lists for it.",
            operation=self.operation,
            model=self.model,
            key=key,
        )


def _unknown_keys(
    model: object, given: Mapping[str, object], prefix: str
) -> Iterator[tuple[str, list[str]]]:
    """Each key of ``given`` that ``model`` (built from it) does not document, with the keys
    it does; nested models and lists of them are searched too."""
    documented = _documented_keys(type(model))
    if documented is None:  # a free-form map, or not a model: any key is fine
        return
    attributes = {field.name for field in getattr(type(model), "__attrs_attrs__", ())}
    for key, value in given.items():
        if key not in documented:
            yield prefix + key, sorted(documented)
            continue
        child = getattr(model, _attribute(key, attributes), None)
        if isinstance(value, Mapping):
            yield from _unknown_keys(child, value, f"{prefix}{key}.")
        elif isinstance(value, list) and isinstance(child, list):
            for index, (item, built) in enumerate(zip(value, child, strict=False)):
                if isinstance(item, Mapping):
                    yield from _unknown_keys(built, item, f"{prefix}{key}[{index}].")


def _documented_keys(cls: type) -> frozenset[str] | None:
    """The JSON keys a generated model documents; None for a free-form map (or a non-model).

    Each generated model module with documented fields keeps them in ``_DOCUMENTED_KEYS``.
    """
    module = sys.modules.get(cls.__module__)
    keys = getattr(module, "_DOCUMENTED_KEYS", None) if attrs.has(cls) else None
    return keys if isinstance(keys, frozenset) else None


def _culprit(cls: type, given: Mapping[str, object], prefix: str) -> str | None:
    """The dotted key of the first required key missing from ``given`` or value ``cls`` cannot
    take, searching nested models and lists; None when no single key is at fault."""
    documented = _documented_keys(cls)
    if documented is None:
        return None
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if field.name == "additional_properties":
            continue
        key = next((k for k in documented if _attribute(k, hints) == field.name), field.name)
        if key not in given:
            if field.default is attrs.NOTHING:
                return prefix + key
            continue
        found = _bad_value(hints[field.name], given[key], prefix + key)
        if found is not None:
            return found
    return None


def _bad_value(annotation: object, value: object, path: str) -> str | None:
    """``path`` if ``value`` cannot be read as ``annotation`` (None when it can or may)."""
    kinds = [a for a in typing.get_args(annotation) if a is not Unset] or [annotation]
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        kinds = [annotation]
    results = [_bad_as(kind, value, path) for kind in kinds]
    return None if None in results else results[0]


def _bad_as(kind: object, value: object, path: str) -> str | None:
    if kind is type(None):
        return None if value is None else path
    if typing.get_origin(kind) is list:
        if not isinstance(value, list):
            return path
        (item,) = typing.get_args(kind)
        for index, element in enumerate(value):
            found = _bad_value(item, element, f"{path}[{index}]")
            if found is not None:
                return found
        return None
    if isinstance(kind, type) and attrs.has(kind):
        if not isinstance(value, Mapping):
            return path
        return _culprit(kind, value, path + ".")
    checks: dict[object, tuple[type, ...]] = {
        str: (str,),
        bool: (bool,),
        int: (int,),
        float: (int, float),
        UUID: (str,),
        datetime.datetime: (str,),
    }
    expected = checks.get(kind) or (
        (str,) if isinstance(kind, type) and issubclass(kind, Enum) else None
    )
    if expected is None:
        return None
    if not isinstance(value, expected) or (kind in (int, float) and isinstance(value, bool)):
        return path
    try:
        if kind is UUID:
            UUID(str(value))
        elif kind is datetime.datetime:
            datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return path
    return None


def _attribute(key: str, names: Container[str]) -> str:
    """The attribute of a JSON key among ``names`` (``type`` is ``type_``)."""
    name = _python_name(key)
    return name if name in names else name + "_"


def _reason(exc: FieldTypeError) -> str:
    """The error's text without the field name it starts with."""
    text = str(exc)
    return text.split(": ", 1)[1] if text.startswith(exc.field + ": ") else text


def _python_name(key: str) -> str:
    """The attribute name the generator gives a JSON key (``project-slug``: ``project_slug``)."""
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", key)
    return re.sub(r"\W", "_", snake).lower()
