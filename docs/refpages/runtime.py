"""Reference pages for the hand-written runtime and the models: one page each for the models,
the errors, ``bulk``, ``RateLimit``, ``RetryPolicy`` and ``artifacts``.

Every list on these pages is read from the installed package when the site is built: the
exception classes are those ``circleci_client`` exports, the models those
``circleci_client.models`` exports, so a new one shows up without an edit here.
"""

from __future__ import annotations

import importlib
import importlib.util
import typing
from dataclasses import dataclass
from types import ModuleType

import attrs

from .examples import ModelExample, all_examples, model_classes

OPTIONS = """\
    options:
      show_root_heading: false
      show_root_toc_entry: false
      heading_level: {level}
"""


@dataclass(frozen=True)
class RuntimePage:
    """One generated page of the runtime reference."""

    src_uri: str
    title: str
    markdown: str


# What every model has, said once at the top of the models page instead of in each section.
MODEL_OPTIONS = (
    OPTIONS
    + """\
      filters: ["!^_", "!^to_dict$", "!^from_dict$", "!^from_mapping$", "!^additional_keys$"]
"""
)


def _block(path: str, level: int = 3, options: str = OPTIONS) -> list[str]:
    return [f"::: {path}", options.format(level=level)]


def canonical(obj: type) -> str:
    """Where a class is defined, as mkdocstrings finds it: ``module.Name``."""
    return f"{obj.__module__}.{obj.__qualname__}"


# -- errors -------------------------------------------------------------------------------------


def exception_classes() -> list[type[BaseException]]:
    """Every exception (and warning) class ``circleci_client`` exports, by name."""
    package = importlib.import_module("circleci_client")
    found = []
    for name in sorted(getattr(package, "__all__", ())):
        obj = getattr(package, name)
        if isinstance(obj, type) and issubclass(obj, BaseException):
            found.append(obj)
    return found


def _hierarchy(classes: list[type[BaseException]]) -> list[str]:
    """The classes as a nested list, each under its nearest base among them."""
    chosen = set(classes)

    def parent(cls: type) -> type | None:
        return next((base for base in cls.__mro__[1:] if base in chosen), None)

    def lines(of: type | None, depth: int) -> list[str]:
        out = []
        for cls in classes:
            if parent(cls) is of:
                builtin = ", ".join(
                    f"`{b.__name__}`"
                    for b in cls.__bases__
                    if b.__module__ == "builtins" and b not in (Exception, BaseException)
                )
                also = f" (also {builtin})" if builtin else ""
                out.append(f"{'    ' * depth}- [`{cls.__name__}`](#{cls.__name__.lower()}){also}")
                out += lines(cls, depth + 1)
        return out

    return lines(None, 0)


def errors_page() -> str:
    """Markdown for every exception class the package exports."""
    classes = exception_classes()
    lines = [
        "# Errors",
        "",
        f"The {len(classes)} exception and warning classes `circleci_client` exports, all "
        "importable from the package (`from circleci_client import NotFoundError`). Every error "
        "the client raises derives from `CircleCIError`; the [status codes and errors]"
        "(../errors.md) guide says which to catch when.",
        "",
        *_hierarchy(classes),
        "",
    ]
    for cls in classes:
        lines += [f"## `{cls.__name__}` {{ #{cls.__name__.lower()} }}", "", *_block(canonical(cls))]
    return "\n".join(lines)


# -- models -------------------------------------------------------------------------------------


def body_operations() -> dict[str, list[str]]:
    """For each model name, the operation modules that take it as their request ``body``."""
    api = importlib.import_module("circleci_client.api")
    found: dict[str, list[str]] = {}
    for tag in sorted(_submodules(api)):
        package = importlib.import_module(f"{api.__name__}.{tag}")
        for name in sorted(_submodules(package)):
            module = importlib.import_module(f"{package.__name__}.{name}")
            sync = getattr(module, "sync", None)
            annotation = typing.get_type_hints(sync).get("body") if callable(sync) else None
            for arg in typing.get_args(annotation):
                if isinstance(arg, type) and attrs.has(arg):
                    found.setdefault(arg.__name__, []).append(module.__name__)
    return found


def _submodules(package: ModuleType) -> list[str]:
    import pkgutil

    return [info.name for info in pkgutil.iter_modules(package.__path__)]


def _model_section(example: ModelExample, cls: type, operations: list[str]) -> list[str]:
    lines = [
        f"## `{example.name}` {{ #{example.name.lower()} }}",
        "",
        "```python",
        example.code.rstrip("\n"),
        "```",
        "",
    ]
    for module in operations:
        package, short = module.rsplit(".", 1)
        tag = package.rsplit(".", 1)[1]
        lines += [
            f"[`{short}`]({tag}.md#{short}) takes it as `body=`: the model, or the plain "
            "mapping as it is.",
            "",
        ]
    return lines + _block(canonical(cls), options=MODEL_OPTIONS)


def models_page() -> str:
    """Markdown for every model: how to build it, then its fields."""
    classes = model_classes()
    operations = body_operations()
    lines = [
        "# Models",
        "",
        f"The {len(classes)} classes of `circleci_client.models`: what the API sends and "
        "takes. Each section shows how to build the model, from keywords or from a plain "
        "mapping of its JSON keys (`from_dict`); the values are the spec's examples or "
        "placeholders. An operation that takes a request body accepts either form, and "
        "refuses a mapping with an unknown or missing key with `InvalidRequestBodyError`, "
        "naming the key, before anything is sent.",
        "",
        "Every model also has `to_dict()` (the JSON object, undocumented fields included) and "
        "the class method `from_dict(mapping)`; models the API may add fields to keep those in "
        "`additional_properties`, listed by `additional_keys` and read with `model[key]`.",
        "",
    ]
    for example in all_examples():
        cls = classes[example.name]
        lines += _model_section(example, cls, operations.get(example.name, []))
    return "\n".join(lines)


# -- the other runtime pages ---------------------------------------------------------------------


def _object_page(title: str, intro: str, path: str) -> str:
    return "\n".join([f"# {title}", "", intro, "", *_block(path, level=2)])


def runtime_pages() -> list[RuntimePage]:
    """The models, errors, bulk, RateLimit, RetryPolicy, artifacts pages (those the package has)."""
    package = importlib.import_module("circleci_client")
    pages = [
        RuntimePage("reference/models.md", "Models", models_page()),
        RuntimePage("reference/errors.md", "Errors", errors_page()),
    ]
    if importlib.util.find_spec("circleci_client.bulk") is not None:
        pages.append(
            RuntimePage(
                "reference/bulk.md",
                "bulk",
                _object_page(
                    "bulk",
                    "Many calls at once, with bounded concurrency, one `Result` per call "
                    "(`from circleci_client import bulk`).",
                    "circleci_client.bulk",
                ),
            )
        )
    for name, uri, intro in (
        (
            "RateLimit",
            "reference/rate-limit.md",
            "How many requests a client sends, and how it slows down when the API says so "
            "(`AuthenticatedClient(rate_limit=...)`). The [rate limits and retries]"
            "(../retries.md) guide shows it at work.",
        ),
        (
            "RetryPolicy",
            "reference/retry-policy.md",
            "Which failures a client retries, how often and how long it waits "
            "(`AuthenticatedClient(retry=...)`).",
        ),
    ):
        obj = getattr(package, name, None)
        if isinstance(obj, type):
            pages.append(RuntimePage(uri, name, _object_page(f"`{name}`", intro, canonical(obj))))
    if importlib.util.find_spec("circleci_client.artifacts") is not None:
        pages.append(
            RuntimePage(
                "reference/artifacts.md",
                "artifacts",
                _object_page(
                    "artifacts",
                    "Downloading a job's, a workflow's or a branch's artifacts "
                    "(`from circleci_client import artifacts`); the "
                    "[command line](cli.md#cli-artifacts) offers the same.",
                    "circleci_client.artifacts",
                ),
            )
        )
    return pages
