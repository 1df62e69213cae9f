"""The built documentation site in a real browser: every page renders, navigation and search work.

Serves ``site/`` (``mkdocs build``) from ``http.server`` on 127.0.0.1 and drives Debian's
headless ``chromium`` over the Chrome DevTools Protocol (a websocket, via ``websocket-client``).
Skipped, with the reason, when the site is not built, chromium is missing or websocket-client is
not installed; ``nox -s docs`` sets ``DOCS_BROWSER_REQUIRED=1``, which turns those skips into
failures. Screenshots go to a temporary folder whose path the test prints.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import http.server
import importlib.util
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
REQUIRED = os.environ.get("DOCS_BROWSER_REQUIRED") == "1"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--window-size=1280,900",
    "--remote-debugging-port=0",
)
TIMEOUT = 20.0


def chromium_path() -> str | None:
    """Debian's chromium binary, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing_requirement() -> str | None:
    """Why the browser test cannot run here, or None when it can."""
    if not (SITE / "index.html").is_file():
        return "site/ is not built: run `mkdocs build` (or `nox -s docs`)"
    if chromium_path() is None:
        return "chromium is not installed: apt-get install -y chromium"
    if importlib.util.find_spec("websocket") is None:
        return "websocket-client is not installed: pip install -r requirements/docs.txt"
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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet."""


class DevToolsError(RuntimeError):
    """A DevTools command answered with an error."""

    # Answers Chromium gives when a page navigates while a command runs in it.
    NAVIGATION_RACES = (
        "navigated or closed",
        "Execution context was destroyed",
        "Cannot find context",
    )

    def __init__(self, method: str, error: dict[str, Any]) -> None:
        super().__init__(f"{method}: {error}")
        self.message = str(error.get("message", ""))

    @property
    def raced_a_navigation(self) -> bool:
        """Whether the page was replaced while the command ran (worth asking again)."""
        return any(text in self.message for text in self.NAVIGATION_RACES)


class DevTools:
    """A minimal Chrome DevTools Protocol client for one page target."""

    def __init__(self, websocket_url: str) -> None:
        import websocket

        self._ws = websocket.create_connection(websocket_url, timeout=TIMEOUT, suppress_origin=True)
        self._ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []

    def _receive(self) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(self._ws.recv())
        return message

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a command and return its result; events that arrive meanwhile are kept."""
        call_id = next(self._ids)
        self._ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = self._receive()
            if message.get("id") == call_id:
                if "error" in message:
                    raise DevToolsError(method, message["error"])
                result: dict[str, Any] = message.get("result", {})
                return result
            if "method" in message:
                self.events.append(message)

    def wait_for_event(self, method: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """Wait for the next event called ``method`` (ignoring ones already received)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self._receive()
            if "method" in message:
                self.events.append(message)
                if message["method"] == method:
                    return message
        raise TimeoutError(f"no {method} within {timeout}s")

    def evaluate(self, expression: str) -> Any:
        """Evaluate JavaScript in the page and return its value."""
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression!r} threw {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression: str, timeout: float = TIMEOUT) -> Any:
        """Poll a JavaScript expression until it is truthy, and return its value."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                value = self.evaluate(expression)
            except DevToolsError as error:
                # A click or navigation can swap the page mid-evaluation: ask the new page.
                if not error.raced_a_navigation:
                    raise
                value = None
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(f"{expression!r} stayed falsy for {timeout}s")

    def navigate(self, url: str) -> None:
        """Load ``url`` and wait until the page and its scripts are done."""
        seen = len(self.events)
        self.call("Page.navigate", url=url)
        # A fast page can finish loading before Chromium answers the navigate command.
        if not any(e["method"] == "Page.loadEventFired" for e in self.events[seen:]):
            self.wait_for_event("Page.loadEventFired")
        self.wait_until("document.readyState === 'complete'")

    def screenshot(self, path: Path) -> None:
        """Save a PNG of the viewport."""
        data = self.call("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads seen since the last call."""
        found = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                found.append(f"exception: {details.get('exception', details).get('description')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                args = [str(a.get("value", a.get("description", ""))) for a in params["args"]]
                found.append(f"console.{params['type']}: {' '.join(args)}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                found.append(f"log: {entry.get('text')} {entry.get('url', '')}".strip())
        self.events.clear()
        return found

    def close(self) -> None:
        """Close the websocket."""
        self._ws.close()


@pytest.fixture(scope="module")
def site_url() -> Iterator[str]:
    """The built site served on 127.0.0.1 by ``http.server``."""
    reason = missing_requirement()
    if reason is not None:
        if REQUIRED:
            pytest.fail(reason)
        pytest.skip(reason)
    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _page_websocket(profile: Path, process: subprocess.Popen[bytes]) -> str:
    """Wait for chromium's DevTools port and return the websocket URL of its page target."""
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + TIMEOUT
    while not port_file.is_file() or not port_file.read_text().strip():
        if process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError("chromium did not open its DevTools port")
        time.sleep(0.05)
    port = port_file.read_text().split()[0]
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=TIMEOUT) as reply:
        targets = json.loads(reply.read())
    page = next(t for t in targets if t.get("type") == "page")
    url: str = page["webSocketDebuggerUrl"]
    return url


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """Stop a process and every process in its group (Chromium's renderers and helpers)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="module")
def browser(site_url: str) -> Iterator[DevTools]:
    """Headless chromium with a fresh profile, and a DevTools session on its page."""
    chromium = chromium_path()
    assert chromium is not None
    # Chromium's helper processes can still be writing to the profile for a moment after the
    # main one exits: stop the whole process group, and tolerate a late cache file on cleanup.
    with tempfile.TemporaryDirectory(
        prefix="docs-browser-profile-", ignore_cleanup_errors=True
    ) as profile:
        process = subprocess.Popen(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            devtools = DevTools(_page_websocket(Path(profile), process))
            for domain in ("Page", "Runtime", "Log"):
                devtools.call(f"{domain}.enable")
            yield devtools
            devtools.close()
        finally:
            _stop_group(process)


@pytest.fixture(scope="module")
def screenshots() -> Path:
    """A temporary folder for the screenshots (never inside the repository)."""
    folder = Path(tempfile.mkdtemp(prefix="docs-screenshots-"))
    print(f"\nscreenshots: {folder}")
    return folder


def _name(path: str) -> str:
    return path.strip("/").replace("/", "-") or "home"


def test_site_has_every_page() -> None:
    if not SITE.is_dir():
        pytest.skip("site/ is not built")
    pages = site_pages()
    for expected in ("/", "/tutorial/", "/use-cases/artifacts/", "/reference/pipeline/"):
        assert expected in pages


def test_every_page_renders_without_console_errors(
    browser: DevTools, site_url: str, screenshots: Path
) -> None:
    pages = site_pages()
    problems: dict[str, list[str]] = {}
    browser.errors()
    for path in pages:
        browser.navigate(site_url + path)
        title = browser.evaluate("document.querySelector('article h1')?.textContent ?? ''")
        errors = browser.errors()
        if not title.strip():
            errors.append("no <h1> in the article")
        if errors:
            problems[path] = errors
        browser.screenshot(screenshots / f"{_name(path)}.png")
    print(f"checked {len(pages)} pages")
    assert not problems, f"pages with problems: {problems}"


def test_clicking_a_nav_link_changes_the_page(browser: DevTools, site_url: str) -> None:
    browser.navigate(site_url + "/")
    box = browser.wait_until(
        """(() => {
            const link = [...document.querySelectorAll('.md-sidebar--primary a.md-nav__link')]
                .find(a => a.getAttribute('href').startsWith('authentication'));
            if (!link) return null;
            const r = link.getBoundingClientRect();
            return r.width > 0 ? {x: r.x + r.width / 2, y: r.y + r.height / 2} : null;
        })()"""
    )
    for kind in ("mousePressed", "mouseReleased"):
        browser.call(
            "Input.dispatchMouseEvent",
            type=kind,
            x=box["x"],
            y=box["y"],
            button="left",
            clickCount=1,
        )
    # One expression, so the answer cannot mix the old page with the new one.
    heading = browser.wait_until(
        "location.pathname.endsWith('/authentication/')"
        " && document.readyState === 'complete'"
        " && document.querySelector('article h1')?.textContent"
    )
    assert heading.strip().startswith("Authentication")
    assert browser.errors() == []


def test_search_finds_a_word(browser: DevTools, site_url: str, screenshots: Path) -> None:
    browser.navigate(site_url + "/")
    browser.evaluate("document.querySelector('.md-search__input').focus()")
    for char in "pagination":
        browser.call("Input.dispatchKeyEvent", type="keyDown", text=char, key=char)
        browser.call("Input.dispatchKeyEvent", type="keyUp", key=char)
    count = browser.wait_until("document.querySelectorAll('.md-search-result__item').length")
    titles = browser.evaluate(
        "[...document.querySelectorAll('.md-search-result__item h1, .md-search-result__item h2')]"
        ".map(e => e.textContent)"
    )
    browser.screenshot(screenshots / "search.png")
    assert count > 0
    assert any("Pagination" in title for title in titles), titles
    assert browser.errors() == []
