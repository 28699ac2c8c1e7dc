"""Browser tests: one Streamlit server per session, driven by Debian's Chromium.

Playwright never downloads a browser here: it launches /usr/bin/chromium, which
`make test` installs where it is missing. Requests to any host other than the
app's are blocked, so the suite runs the same with or without a network.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Dialog,
    Page,
    Route,
    sync_playwright,
)

from tests.appserver import CHROMIUM, CHROMIUM_ARGS, ServerDidNotStart, streamlit_server

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
VIEWPORT = {"width": 1400, "height": 1000}
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
SKELETON = "[data-testid='stSkeleton']"
RUN_TIMEOUT_MS = 60_000


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test under tests/browser/ carries the `browser` marker."""
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a Streamlit server running app.py, shared by the whole session."""
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    try:
        with streamlit_server(log_path) as (url, _pid):
            yield url
    except ServerDidNotStart as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless; the suite fails (never skips) when it is missing."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium. "
                    "Run `make test`, which installs it (apt-get install chromium).",
                    pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class PageRecord:
    """What a page did that no test asked for: dialogs, console errors, outside requests."""

    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        found = [f"a dialog opened: {text}" for text in self.dialogs]
        found += [f"console error: {text}" for text in self.console_errors]
        return found


@pytest.fixture
def new_page(browser: Browser, app_url: str,
             ) -> Iterator[Callable[[], Page]]:
    """Make pages, each in a fresh browser context (its own cookies, its own session).

    A dialog or a console error on any of them fails the test at teardown.
    """
    app_host = urlsplit(app_url).netloc
    opened: list[tuple[BrowserContext, PageRecord]] = []

    def make() -> Page:
        context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
        record = PageRecord()

        def only_the_app(route: Route) -> None:
            if urlsplit(route.request.url).netloc == app_host:
                route.continue_()
            else:
                record.blocked.append(route.request.url)
                route.abort()

        context.route("**/*", only_the_app)
        page = context.new_page()

        def on_dialog(dialog: Dialog) -> None:
            record.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        def on_console(message: ConsoleMessage) -> None:
            if message.type != "error":
                return
            source = message.location.get("url", "")
            if source in record.blocked and message.text.startswith("Failed to load resource"):
                return  # an outside resource this suite blocked on purpose
            record.console_errors.append(f"{message.text} ({source})")

        page.on("dialog", on_dialog)
        page.on("console", on_console)
        page.on("pageerror", lambda error: record.console_errors.append(f"page error: {error}"))
        opened.append((context, record))
        return page

    yield make
    problems = []
    for context, record in opened:
        problems += record.problems()
        context.close()
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def page(new_page: Callable[[], Page]) -> Page:
    return new_page()


def settle(page: Page) -> None:
    """Wait until the script run has finished and its elements are drawn.

    `notRunning` comes before the page is complete: elements whose code loads
    lazily (metrics, tables, charts) show as skeletons a moment longer.
    """
    page.wait_for_selector(IDLE, timeout=RUN_TIMEOUT_MS)
    page.wait_for_function(f"() => !document.querySelector({SKELETON!r})",
                           timeout=RUN_TIMEOUT_MS)


@pytest.fixture
def wait_for_run() -> Callable[[Page], None]:
    """`wait_for_run(page)`: the run that is under way (or just ended) has been drawn.

    After an interaction, first wait for something the new run changes (the
    URL, a text): the script may not have started yet.
    """
    return settle


@pytest.fixture
def open_app(app_url: str) -> Callable[..., None]:
    """`open_app(page, url_or_query)`: navigate and wait for the script run to finish.

    `url_or_query` is a whole link, a query string ('?users=40' or 'users=40'),
    or '' for the app's default address. `expect` is a selector that must show
    before the page counts as drawn (by default the page title).
    """

    def go(page: Page, url_or_query: str = "",
           expect: str = "[data-testid='stMain'] h1") -> None:
        if url_or_query.startswith(("http://", "https://")):
            url = url_or_query
        else:
            query = url_or_query.lstrip("?")
            url = f"{app_url}/" + (f"?{query}" if query else "")
        page.goto(url)
        page.wait_for_selector(expect, timeout=RUN_TIMEOUT_MS)
        settle(page)

    return go


@pytest.fixture
def screenshot() -> Callable[[Page, str], Path]:
    """`screenshot(page, name)`: the visible page as tests/artifacts/<name>.png."""

    def take(page: Page, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / (name if name.endswith(".png") else f"{name}.png")
        page.screenshot(path=str(path))
        return path

    return take
