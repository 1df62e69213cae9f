"""The built documentation site in a real browser: every page renders, links resolve, search works.

Serves ``site/`` (``mkdocs build``) from ``http.server`` on 127.0.0.1 and drives Debian's
headless Chromium with Playwright, pointed at the system browser (``executable_path``:
Playwright never downloads one of its own). Every page is found in the built site, not in a
list, and visited once; the tests then check what the visits saw: no console errors, page
errors or failed loads, every internal link and anchor resolving, and a copy button on every
code block of the pages that include examples. Every request to another host is refused and
reported, so the checks also show that the site, its search included, works offline.

Skipped, with the reason, when the site is not built, Chromium is missing or Playwright is
not installed; ``nox -s docs`` sets ``DOCS_BROWSER_REQUIRED=1``, which turns those skips into
failures. Screenshots go to a temporary folder whose path the test prints.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from tests.local_http import origin, serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Request, Route

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
DOCS = ROOT / "docs"
REQUIRED = os.environ.get("DOCS_BROWSER_REQUIRED") == "1"
# Flags that keep Chromium off the network and quiet here (Playwright adds --headless).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 20_000
# An operation the search must find by its operationId, and the reference page it is on.
SEARCHED_OPERATION = ("getPipelineById", "reference/pipeline/")
EXAMPLE_INCLUDE = re.compile(r'--8<--\s+"docs/examples/')


def chromium_path() -> str | None:
    """Debian's chromium binary, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing_requirement() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    if not (SITE / "index.html").is_file():
        return "site/ is not built: run `mkdocs build` (or `nox -s docs`)"
    if chromium_path() is None:
        return "chromium is not installed: apt-get install -y chromium"
    if importlib.util.find_spec("playwright") is None:
        return "playwright is not installed: pip install -r requirements/docs.txt"
    return None


def site_pages() -> list[str]:
    """URL paths of every page of the built site (``/``, ``/authentication/``, ...)."""
    pages = []
    for index in sorted(SITE.rglob("index.html")):
        relative = index.parent.relative_to(SITE)
        if relative.parts[:1] in (("assets",), ("search",)):
            continue
        pages.append("/" if relative == Path() else f"/{relative.as_posix()}/")
    return pages


def pages_with_examples() -> list[str]:
    """URL paths of the pages whose source includes a file of ``docs/examples/``."""
    found = []
    for source in sorted(DOCS.rglob("*.md")):
        if source.is_relative_to(DOCS / "examples") or not EXAMPLE_INCLUDE.search(
            source.read_text()
        ):
            continue
        relative = source.relative_to(DOCS).with_suffix("")
        parts = relative.parts[:-1] if relative.name == "index" else relative.parts
        found.append("/" + "".join(f"{part}/" for part in parts))
    return found


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet."""


@dataclass
class Visit:
    """What one page showed when it was loaded."""

    heading: str = ""
    problems: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    code_blocks: int = 0
    copy_buttons: list[str] = field(default_factory=list)


class Recorder:
    """Collects a page's console errors, page errors, failed loads and outside requests."""

    def __init__(self, page: Page, site_url: str) -> None:
        self.site_url = site_url
        self.problems: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.route("**/*", self._route)

    def _console(self, message: Any) -> None:
        if message.type in ("error", "assert"):
            self.problems.append(f"console.{message.type}: {message.text}")

    def _failed(self, request: Request) -> None:
        # A load that the next navigation cancels (the favicon, say) is not a failure; a
        # missing file is an HTTP error, which ``_response`` records.
        if request.url.startswith(self.site_url) and request.failure != "net::ERR_ABORTED":
            self.problems.append(f"failed to load {request.url}: {request.failure}")

    def _response(self, response: Any) -> None:
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status} for {response.url}")

    def _route(self, route: Route) -> None:
        if route.request.url.startswith(self.site_url):
            route.continue_()
        else:
            self.problems.append(f"request outside the site: {route.request.url}")
            route.abort()

    def take(self) -> list[str]:
        """The problems recorded since the last call."""
        taken, self.problems = self.problems, []
        return taken


@pytest.fixture(scope="module")
def site_url() -> Iterator[str]:
    """The built site served on 127.0.0.1 by ``http.server``."""
    reason = missing_requirement()
    if reason is not None:
        if REQUIRED:
            pytest.fail(reason)
        pytest.skip(reason)
    handler = functools.partial(QuietHandler, directory=str(SITE))
    with serving(handler) as server:
        yield origin(server)


@pytest.fixture(scope="module")
def browser(site_url: str) -> Iterator[Browser]:
    """Debian's headless Chromium, launched by Playwright with a fresh profile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser: Browser, site_url: str) -> Iterator[tuple[Page, Recorder]]:
    """A new page of a 1280x900 window, with a recorder of its problems."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page, Recorder(page, site_url)
    finally:
        context.close()


@pytest.fixture(scope="module")
def screenshots() -> Path:
    """A temporary folder for the screenshots (never inside the repository)."""
    folder = Path(tempfile.mkdtemp(prefix="docs-screenshots-"))
    print(f"\nscreenshots: {folder}")
    return folder


def _name(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


VISIT_SCRIPT = """() => ({
    heading: document.querySelector('article h1')?.textContent ?? '',
    links: [...document.querySelectorAll('a[href]')].map(a => a.href),
    ids: [...document.querySelectorAll('[id]')].map(e => e.id),
    codeBlocks: document.querySelectorAll('article pre > code').length,
    // mkdocs-material's copy buttons (content.code.copy), each naming the code it copies.
    copyTargets: [...document.querySelectorAll(
            'article button[data-md-type="copy"], article button.md-clipboard')]
        .map(b => {
            const target = document.querySelector(b.dataset.clipboardTarget || 'none');
            return target ? target.textContent : '';
        }),
})"""


@pytest.fixture(scope="module")
def visits(browser: Browser, site_url: str, screenshots: Path) -> dict[str, Visit]:
    """Every page of the built site, loaded once: what each showed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    recorder = Recorder(page, site_url)
    seen: dict[str, Visit] = {}
    try:
        for path in site_pages():
            page.goto(site_url + path, wait_until="load")
            # Material adds the copy buttons from its bundle once the page is loaded.
            page.wait_for_function("() => document.querySelector('article') !== null")
            shown = page.evaluate(VISIT_SCRIPT)
            seen[path] = Visit(
                heading=shown["heading"].strip(),
                problems=recorder.take(),
                links=shown["links"],
                ids=set(shown["ids"]),
                code_blocks=shown["codeBlocks"],
                copy_buttons=shown["copyTargets"],
            )
            page.screenshot(path=screenshots / f"{_name(path)}.png")
    finally:
        context.close()
    print(f"visited {len(seen)} pages")
    return seen


def test_site_has_every_page() -> None:
    if not SITE.is_dir():
        pytest.skip("site/ is not built")
    pages = site_pages()
    for expected in ("/", "/install/", "/changelog/", "/tutorial/", "/reference/pipeline/"):
        assert expected in pages
    assert set(pages_with_examples()) <= set(pages), "an example page was not built"


def test_every_page_renders_without_errors_or_outside_requests(visits: dict[str, Visit]) -> None:
    assert set(visits) == set(site_pages())
    problems = {path: visit.problems for path, visit in visits.items() if visit.problems}
    untitled = [path for path, visit in visits.items() if not visit.heading]
    assert not problems, f"pages with problems: {problems}"
    assert not untitled, f"pages without an <h1> in the article: {untitled}"


def _site_file(path: str) -> Path:
    """The file of the built site that serves a URL path."""
    return SITE / (path.lstrip("/") + ("index.html" if path.endswith("/") else ""))


def test_every_internal_link_and_anchor_resolves(visits: dict[str, Visit], site_url: str) -> None:
    broken: dict[str, list[str]] = {}
    checked = 0
    for path, visit in visits.items():
        for link in visit.links:
            if not link.startswith(site_url + "/"):
                continue
            target, _, anchor = link.removeprefix(site_url).partition("#")
            target = target.partition("?")[0]
            checked += 1
            if not _site_file(target).is_file():
                broken.setdefault(path, []).append(f"{link}: no such page or file")
            elif anchor and target in visits and anchor not in visits[target].ids:
                broken.setdefault(path, []).append(f"{link}: no element with id {anchor!r}")
    assert checked > len(visits), "every page has internal links (the nav at least)"
    assert not broken, f"broken internal links: {broken}"


def test_code_blocks_of_example_pages_have_copy_buttons(visits: dict[str, Visit]) -> None:
    pages = pages_with_examples()
    assert len(pages) >= 5, pages
    missing = {}
    for path in pages:
        visit = visits[path]
        filled = [text for text in visit.copy_buttons if text.strip()]
        if visit.code_blocks == 0 or len(filled) != visit.code_blocks:
            missing[path] = f"{len(filled)} copy buttons for {visit.code_blocks} code blocks"
    assert not missing, f"example pages without a working copy button per code block: {missing}"


def test_clicking_a_nav_link_changes_the_page(page: tuple[Page, Recorder], site_url: str) -> None:
    tab, recorder = page
    tab.goto(site_url + "/")
    tab.locator(".md-sidebar--primary a.md-nav__link[href^='authentication']").first.click()
    tab.wait_for_url("**/authentication/")
    assert tab.locator("article h1").inner_text().strip().startswith("Authentication")
    assert recorder.take() == []


def _search(tab: Page, words: str) -> list[tuple[str, str]]:
    """Type into the search box; the (title, link) of every result shown."""
    tab.locator(".md-search__input").focus()
    tab.keyboard.type(words)
    results = tab.locator(".md-search-result__item")
    results.first.wait_for()
    shown: list[tuple[str, str]] = tab.eval_on_selector_all(
        ".md-search-result__item",
        """items => items.map(item => [
            item.querySelector('h1, h2')?.textContent ?? '',
            item.querySelector('a')?.href ?? '',
        ])""",
    )
    return shown


def test_search_finds_a_word(page: tuple[Page, Recorder], site_url: str, screenshots: Path) -> None:
    tab, recorder = page
    tab.goto(site_url + "/")
    titles = [title for title, _ in _search(tab, "pagination")]
    tab.screenshot(path=screenshots / "search.png")
    assert any("Pagination" in title for title in titles), titles
    assert recorder.take() == []


def test_search_finds_an_operation_by_its_id(
    page: tuple[Page, Recorder], site_url: str, screenshots: Path
) -> None:
    operation_id, reference_page = SEARCHED_OPERATION
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    ids = {
        op.get("operationId")
        for item in spec["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
    }
    assert operation_id in ids, "pick an operationId the spec has"
    tab, recorder = page
    tab.goto(site_url + "/install/")
    links = [link for _, link in _search(tab, operation_id)]
    tab.screenshot(path=screenshots / "search-operation.png")
    assert any(link.startswith(f"{site_url}/{reference_page}") for link in links), links
    assert recorder.take() == []
