"""Driving the app in a sync Playwright page: wait for a run, open a link, change page,
read the form and the address bar, download the comparison."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from playwright.sync_api import Locator, Page, expect

from connectivity.schema.params import PARAM_BY_NAME

from .selectors import (
    CHART,
    DOWNLOAD,
    DRAWN,
    EXCEPTION,
    FAILURE,
    IDLE,
    NAV_LINK,
    RUN_TIMEOUT_MS,
    SKELETON,
    TITLE,
    drawn,
    sidebar_input,
)


def settle(page: Page) -> None:
    """Wait until the script run has finished and its elements are drawn.

    `notRunning` comes before the page is complete: elements whose code loads
    lazily (metrics, tables, charts) show as skeletons a moment longer. After an
    interaction, first wait for something the new run changes (the URL, a text):
    the script may not have started yet.
    """
    page.wait_for_selector(IDLE, timeout=RUN_TIMEOUT_MS)
    page.wait_for_function(f"() => !document.querySelector({SKELETON!r})",
                           timeout=RUN_TIMEOUT_MS)


def open_link(page: Page, app_url: str, url_or_query: str = "", expect_shown: str = TITLE,
              ) -> None:
    """Navigate and wait for the run to finish.

    `url_or_query` is a whole link, a query string ('?users=40' or 'users=40'),
    or '' for the app's default address; `expect_shown` must show before the page
    counts as drawn (by default the page title).
    """
    if url_or_query.startswith(("http://", "https://")):
        url = url_or_query
    else:
        query = url_or_query.lstrip("?")
        url = f"{app_url}/" + (f"?{query}" if query else "")
    page.goto(url)
    page.wait_for_selector(expect_shown, timeout=RUN_TIMEOUT_MS)
    settle(page)


def go_to(page: Page, link: str, title: str) -> None:
    """Click a page in the sidebar navigation and wait until it is drawn."""
    page.locator(NAV_LINK, has_text=link).click()
    expect(page.locator(TITLE)).to_have_text(title, timeout=RUN_TIMEOUT_MS)
    settle(page)


def charts_drawn(page: Page, count: int) -> None:
    """Exactly `count` Altair charts, each drawn by Vega with a real size."""
    expect(page.locator(CHART)).to_have_count(count, timeout=RUN_TIMEOUT_MS)
    done = page.wait_for_function(DRAWN, arg=drawn(count, exact=True, min_size=100),
                                  timeout=RUN_TIMEOUT_MS).json_value()
    assert done["state"] == "done", done


def healthy(page: Page) -> None:
    """Neither a Python exception box nor the app's last-resort error box."""
    expect(page.locator(EXCEPTION)).to_have_count(0)
    expect(page.locator(FAILURE)).to_have_count(0)


def number_input(page: Page, name: str) -> Locator:
    """The sidebar input of a scenario parameter, found by its label (= aria-label)."""
    return page.locator(sidebar_input(PARAM_BY_NAME[name].label))


def query_of(url: str) -> str:
    return urlsplit(url).query


def params_of(url: str) -> dict[str, str]:
    return dict(parse_qsl(query_of(url), keep_blank_values=True))


def download_csv(page: Page, button: str = DOWNLOAD) -> bytes:
    """Click the download button; the file's bytes (its name must end in .csv)."""
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    download = info.value
    assert download.suggested_filename.endswith(".csv"), download.suggested_filename
    return Path(download.path()).read_bytes()


def eventually(check: Callable[[], Any], timeout_s: float = 10.0) -> bool:
    """Whether `check()` turns true within `timeout_s` (checked every 0.1 s)."""
    deadline = time.monotonic() + timeout_s
    while True:
        if check():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
