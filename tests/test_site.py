"""The published site: its deploy configuration, its address, and the tree ``mkdocs build`` writes.

Read the Docs builds the site from ``.readthedocs.yaml`` when a release is tagged; these tests
check offline what can be: that file runs the docs session's strict build in the pinned
environment, ``site_url`` is the package's Documentation URL, and the built ``site/`` has a
sitemap of real URLs under ``site_url``, a canonical link on every page, a search index of
every page, and the install and changelog pages. The tests of the built tree skip when
``site/`` is not built, and fail instead under ``nox -s docs`` (``DOCS_BROWSER_REQUIRED=1``).
"""

from __future__ import annotations

import html
import json
import os
import re
import shlex
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
REQUIRED = os.environ.get("DOCS_BROWSER_REQUIRED") == "1"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def _mkdocs_config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((ROOT / "mkdocs.yml").read_text())
    return config


def _site_url() -> str:
    url: str = _mkdocs_config()["site_url"]
    return url


def _package() -> dict[str, Any]:
    project: dict[str, Any] = tomllib.loads((ROOT / "generated_client/pyproject.toml").read_text())[
        "project"
    ]
    return project


def _read_the_docs() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text())
    return config


def _version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / "generated_client/circleci_client/_version.py").read_text(), namespace)
    return namespace["__version__"]


# --- the deploy configuration ----------------------------------------------------------------


def test_site_url_is_the_documentation_url_of_the_package() -> None:
    site_url = _site_url()
    assert site_url.startswith("https://") and site_url.endswith("/")
    urls = _package()["urls"]
    assert urls["Documentation"] == site_url
    assert urls["Changelog"] == f"{site_url}changelog/"


def test_read_the_docs_builds_strictly_with_the_pinned_docs_environment() -> None:
    config = _read_the_docs()
    assert config["version"] == 2
    assert config["mkdocs"] == {"configuration": "mkdocs.yml", "fail_on_warning": True}
    jobs = config["build"]["jobs"]
    [install] = [shlex.split(command) for command in jobs["install"]]
    assert install[:4] == ["python", "-m", "pip", "install"]
    options = install[4:]
    # The pins of every other session, the docs requirements, the package as nox installs it.
    assert options[options.index("-c") + 1] == "requirements/constraints.txt"
    assert options[options.index("-r") + 1] == "requirements/docs.txt"
    assert options[options.index("-e") + 1] == "./generated_client[cli]"
    [build] = [shlex.split(command) for command in jobs["build"]["html"]]
    assert build == [
        "NO_MKDOCS_2_WARNING=1",
        *("python", "-m", "mkdocs", "build", "--strict"),
        *("--site-dir", "$READTHEDOCS_OUTPUT/html"),
    ]


def test_read_the_docs_uses_the_python_the_pins_were_made_with() -> None:
    import noxfile

    python = _read_the_docs()["build"]["tools"]["python"]
    assert python == noxfile.PYTHONS[0]
    header = (ROOT / "requirements/constraints.txt").read_text()
    assert f"fresh Python {python} venv" in " ".join(header.split())


def test_the_docs_session_installs_what_read_the_docs_installs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.test_tooling import _run_session

    session = _run_session("docs", monkeypatch)
    installed = [arg for args in session.installs for arg in args]
    assert "requirements/docs.txt" in installed and "./generated_client[cli]" in installed
    builds = [args for args in session.runs if args[:2] == ("mkdocs", "build")]
    assert builds == [("mkdocs", "build", "--strict")]


def test_nav_has_the_install_and_changelog_pages() -> None:
    nav = _mkdocs_config()["nav"]
    entries = {title: page for entry in nav for title, page in entry.items()}
    assert entries["Installation"] == "install.md"
    assert entries["Changelog"] == "changelog.md"
    assert (ROOT / "docs/changelog.md").read_text().strip() == '--8<-- "CHANGELOG.md"'


# --- the built site ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site() -> Path:
    """The built site; skipped (failed under ``nox -s docs``) when it is not built."""
    if not (SITE / "sitemap.xml").is_file():
        reason = "site/ is not built: run `mkdocs build` (or `nox -s docs`)"
        if REQUIRED:
            pytest.fail(reason)
        pytest.skip(reason)
    return SITE


def _built_pages(site: Path) -> dict[str, Path]:
    """Every page of the built site by its URL path (``""``, ``install/``, ...)."""
    pages = {}
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site)
        if relative.parts[:1] in (("assets",), ("search",)):
            continue
        pages["" if relative == Path() else f"{relative.as_posix()}/"] = index
    return pages


def test_the_sitemap_lists_every_page_under_site_url(site: Path) -> None:
    site_url = _site_url()
    tree = ElementTree.parse(site / "sitemap.xml")
    locations = [loc.text or "" for loc in tree.getroot().findall("s:url/s:loc", SITEMAP_NS)]
    outside = [loc for loc in locations if not loc.startswith(site_url)]
    assert not outside, f"sitemap URLs outside {site_url}: {outside}"
    listed = {loc.removeprefix(site_url) for loc in locations}
    assert listed == set(_built_pages(site)), "the sitemap and the built pages differ"
    assert {"", "install/", "changelog/"} <= listed


def test_every_page_links_its_canonical_url(site: Path) -> None:
    site_url = _site_url()
    wrong = {}
    for path, index in _built_pages(site).items():
        found = re.findall(r'<link rel="canonical" href="([^"]*)"', index.read_text())
        if found != [site_url + path]:
            wrong[path] = found
    assert not wrong, f"pages whose canonical link is not site_url + their path: {wrong}"


def test_the_search_index_covers_every_page(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text())
    indexed = {doc["location"].split("#", 1)[0] for doc in index["docs"]}
    missing = set(_built_pages(site)) - indexed
    assert not missing, f"pages missing from the search index: {missing}"


def _text(page: Path) -> str:
    """A page's text, without its markup (code blocks are split into highlighted spans)."""
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text()))


def test_the_install_and_changelog_pages_are_built(site: Path) -> None:
    install = _text(site / "install/index.html")
    assert "pip install circleci-client" in install
    assert "circleci-client[cli]" in install
    changelog = (site / "changelog/index.html").read_text()
    assert re.search(rf"<h2[^>]*>{re.escape(_version())}\b", changelog), "the release's heading"


def test_the_package_readme_links_to_pages_that_exist(site: Path) -> None:
    site_url = _site_url()
    readme = (ROOT / "generated_client/README.md").read_text()
    links = re.findall(rf"\]\(({re.escape(site_url)}[^)]*)\)", readme)
    assert len(links) >= 4
    pages = _built_pages(site)
    broken = [link for link in links if link.removeprefix(site_url) not in pages]
    assert not broken, f"the package README links to pages the site does not have: {broken}"
