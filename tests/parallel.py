"""How ``nox -s tests`` shares the tests out among its worker processes (pytest-xdist, ``-n``).

Each test goes to whichever worker is free, except the tests of :data:`ONE_WORKER_MODULES`:
they share an expensive module-scoped fixture, so all of a module's tests go to one worker,
which builds that fixture once instead of once per worker.

xdist's own ``--dist loadgroup`` would do this with ``xdist_group`` marks, but it puts the group
into the test's node ID, which pytest 9.2 no longer lets a plugin change (pytest-xdist issue
#1386): the marks are silently ignored. ``tests/conftest.py`` therefore answers ``--dist
loadgroup`` (set in pyproject.toml) with :class:`OneWorkerModulesScheduling`, which groups by
module name and still honours an ``@group`` suffix should xdist add one again.
"""

from __future__ import annotations

from xdist.scheduler import LoadGroupScheduling

ONE_WORKER_MODULES = {
    "test_generate.py": "one rendering of the whole package by openapi-python-client",
    "test_cli_pipeline.py": "one sandbox process and one fast stand-in",
    "test_docs_browser.py": "one Chromium and one visit of every page of the built site",
}
"""Modules whose tests all run in one worker, with the fixture that they share."""


def scope_of(nodeid: str) -> str | None:
    """The module path when ``nodeid`` is a test of one of :data:`ONE_WORKER_MODULES`."""
    module = nodeid.split("::", 1)[0]
    return module if module.rsplit("/", 1)[-1] in ONE_WORKER_MODULES else None


class OneWorkerModulesScheduling(LoadGroupScheduling):  # type: ignore[misc]  # xdist is untyped
    """xdist's ``loadgroup`` scheduling, each of :data:`ONE_WORKER_MODULES` one group."""

    def _split_scope(self, nodeid: str) -> str:
        return scope_of(nodeid) or str(super()._split_scope(nodeid))
