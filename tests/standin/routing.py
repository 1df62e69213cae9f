"""Route matching on the raw (still percent-encoded) request path.

The project slug contains ``/`` and clients may send it plain (``gh/acme/widgets``), fully
escaped (``gh%2Facme%2Fwidgets``) or partly escaped, so the ``{project-slug}`` parameter
consumes raw segments until it has three components, and ``{org-slug}`` until it has two.
Other parameters take exactly one raw segment, percent-decoded (so an escaped sha256
fingerprint may contain ``/``).
Parameters named in ``DIGITS`` must be all digits. When several templates match a path, the
ones with the most literal segments win (``/pipeline/continue`` over ``/pipeline/{pipeline-id}``);
among those, templates are tried in order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import unquote

SLUG = "{project-slug}"
SLUG_COMPONENTS = {SLUG: 3, "{org-slug}": 2}
DIGITS = {"{job-number}", "{pipeline-number}"}

_decoded = lru_cache(maxsize=4096)(unquote)
"""``unquote``, remembered: every route decodes the same raw segments again."""


@dataclass(frozen=True)
class Route:
    """One API operation: method, path template, operationId and handler."""

    method: str
    template: str
    operation: str
    handler: Callable[[Any], Any]

    @property
    def segments(self) -> list[str]:
        """Return the template split into segments."""
        return self.template.strip("/").split("/")

    @property
    def literals(self) -> int:
        """How many segments of the template are fixed text (not parameters)."""
        return sum(1 for segment in self.segments if not segment.startswith("{"))


def split_raw(raw_path: str) -> list[str]:
    """Split a raw path (without query) into percent-encoded segments."""
    return raw_path.strip("/").split("/") if raw_path.strip("/") else []


def match_template(
    template: list[str], raw: list[str], *, loose_slug: bool = False
) -> dict[str, str] | None:
    """Match raw segments against template segments; return decoded parameters or None.

    ``loose_slug`` lets the slug be any single segment: the shape a path has for a client that
    sent a malformed slug, used to tell "no such project" (404) from "no such method" (405).
    """
    params: dict[str, str] = {}
    i = 0
    for part in template:
        if i >= len(raw):
            return None
        if part == SLUG and loose_slug:
            params["project-slug"] = _decoded(raw[i])
            i += 1
            continue
        if part in SLUG_COMPONENTS:
            wanted = SLUG_COMPONENTS[part]
            components: list[str] = []
            while len(components) < wanted and i < len(raw):
                components.extend(_decoded(raw[i]).split("/"))
                i += 1
            if len(components) != wanted or not all(components):
                return None
            params[part[1:-1]] = "/".join(components)
            continue
        value = _decoded(raw[i])
        i += 1
        if part.startswith("{"):
            if not value or (part in DIGITS and not value.isdigit()):
                return None
            params[part[1:-1]] = value
        elif value != part:
            return None
    return params if i == len(raw) else None


@dataclass
class Match:
    """The outcome of routing: a route (or None) plus whether the path exists at all."""

    route: Route | None
    params: dict[str, str]
    path_known: bool
    template: str | None
    allowed: tuple[str, ...] = ()
    slug_malformed: bool = False


class Router:
    """Ordered list of routes matched against raw paths."""

    def __init__(self, routes: list[Route]) -> None:
        self.routes = routes

    def match(self, method: str, raw_path: str) -> Match:
        """Find the route for ``method`` and the raw path below the API prefix."""
        raw = split_raw(raw_path)
        found_template: str | None = None
        found_params: dict[str, str] = {}
        allowed: set[str] = set()
        matches = [(route, match_template(route.segments, raw)) for route in self.routes]
        most = max((route.literals for route, params in matches if params is not None), default=0)
        for route, params in matches:
            if params is None or route.literals < most:
                continue
            if route.method == method:
                return Match(route, params, True, route.template)
            if found_template is None:
                found_template, found_params = route.template, params
            allowed.add(route.method)
        loose = {
            route.method
            for route in self.routes
            if SLUG in route.segments and match_template(route.segments, raw, loose_slug=True)
        }
        known = found_template is not None or bool(loose)
        return Match(
            None,
            found_params,
            known,
            found_template,
            tuple(sorted(allowed | loose)),
            slug_malformed=method in loose,
        )
