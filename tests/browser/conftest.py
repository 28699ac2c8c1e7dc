"""Browser tests: one Streamlit server per session, driven by Debian's Chromium.

Playwright never downloads a browser here: it launches /usr/bin/chromium, which
`make test` installs where it is missing. Requests to any host other than the
app's are blocked, so the suite runs the same with or without a network. The
helpers live in harness/, shared with `make bench` and `make load`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from harness.browse import open_link, settle
from harness.chromium import chromium, chromium_missing, watched_page
from harness.ready import DidNotStart
from harness.selectors import TITLE
from harness.server import ROOT, streamlit_server

HERE = Path(__file__).resolve().parent
ARTIFACTS = ROOT / "tests" / "artifacts"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test under tests/browser/ carries the `browser` marker, and runs in one group.

    Under `pytest -n 2 --dist loadgroup` (`make test`) the group goes to one worker, so
    one server and one Chromium serve every browser test while the other worker runs
    the rest.
    """
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.xdist_group("browser"))


STRAY: list[str] = []


def pytest_collection_finish(session: pytest.Session) -> None:
    """Under `--dist loadgroup` each worker's browser tests must carry their group in
    their ids, which is what the scheduler reads; a pytest that keeps ids where
    pytest-xdist cannot add it (9.2) spread them over both workers without a word."""
    if not getattr(session.config.option, "loadgroup", False):  # a worker of loadgroup
        return
    stray = [item.nodeid for item in session.items
             if item.get_closest_marker("browser") and not item.nodeid.endswith("@browser")]
    if stray:  # said by the browser fixture: an error raised here reads as xdist's own
        STRAY[:] = [f"{len(stray)} browser tests are outside the browser group (e.g. "
                    f"{stray[0]}): pytest-xdist spreads them over every worker"]


def served(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[str]:
    """A Streamlit server running app.py; the test fails (never skips) if it cannot start."""
    log_path = tmp_path_factory.mktemp(name) / "server.log"
    try:
        with streamlit_server(log_path) as (url, _pid):
            yield url
    except DidNotStart as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a Streamlit server running app.py, shared by the whole session."""
    yield from served(tmp_path_factory, "streamlit")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless; the suite fails (never skips) when it is missing."""
    if STRAY:
        pytest.fail(STRAY[0], pytrace=False)
    missing = chromium_missing()
    if missing:
        pytest.fail(missing, pytrace=False)
    with chromium() as launched:
        yield launched


@pytest.fixture
def new_page(browser: Browser, app_url: str) -> Iterator[Callable[[], Page]]:
    """Make pages, each in a fresh browser context (its own cookies, its own session).

    A dialog or a console error on any of them fails the test at teardown.
    """
    opened = []

    def make() -> Page:
        page, watch = watched_page(browser, app_url)
        opened.append((page, watch))
        return page

    yield make
    problems = []
    for page, watch in opened:
        problems += watch.problems()
        page.context.close()
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


@pytest.fixture
def page(new_page: Callable[[], Page]) -> Page:
    return new_page()


@pytest.fixture
def wait_for_run() -> Callable[[Page], None]:
    """`wait_for_run(page)`: the run that is under way (or just ended) has been drawn.

    After an interaction, first wait for something the new run changes (the
    URL, a text): the script may not have started yet.
    """
    return settle


@pytest.fixture
def open_app(app_url: str) -> Callable[..., None]:
    """`open_app(page, url_or_query, expect=selector)`: navigate and wait for the run."""

    def go(page: Page, url_or_query: str = "", expect: str = TITLE) -> None:
        open_link(page, app_url, url_or_query, expect)

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


@pytest.fixture(scope="module")
def cold_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A second Streamlit server that nothing has visited: a shared link's first visitor."""
    yield from served(tmp_path_factory, "cold")
