"""Numbers typed into the sidebar and the Assumptions grids by browsers set to en-US,
de-DE and zh-CN.

Each entry is read exactly (the address bar then holds that number) or refused with a
message under the field (the address bar keeps what it had); never another number.
The parser's own corpus (tests/inputs/test_entry.py) is larger; this one goes through
the browser's locale as Streamlit reports it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from harness.browse import go_to, healthy, number_input, params_of, settle
from harness.chromium import watched_page
from harness.grid import edit_cell, select_cell
from harness.selectors import ALERT, HEADLINE, RUN_TIMEOUT_MS, SIDEBAR

REFUSED = None
CORPUS = {
    "en-US": [("mbps", "1,250", "1250"), ("mbps", "12.5", "12.5"),
              ("hours_month", "150,5", "150.5"), ("users", "1.5k", "1500"),
              # A decimal point before three digits may be a German's 7,800: refused,
              # unless the field rules one reading out (staff are whole people).
              ("mbps", "7.800", REFUSED), ("users", "2.500", "2500"),
              ("users", "60.5", REFUSED), ("mbps", "abc", REFUSED)],
    "de-DE": [("mbps", "1.250", "1250"), ("mbps", "12,5", "12.5"),
              ("hours_month", "150,5", "150.5"), ("users", "1.500", "1500"),
              ("mbps", "7.5", "7.5"), ("mbps", "2,500", REFUSED), ("sites", "-3", REFUSED)],
    "zh-CN": [("users", "1.2万", "12000"), ("mbps", "1,250", "1250"), ("users", "６０", "60"),
              ("sites", "2.5", REFUSED), ("users", "¥60", REFUSED)],
}


@contextlib.contextmanager
def opened(browser: Browser, app_url: str, locale: str) -> Iterator[Page]:
    """The app in a browser set to `locale`; healthy and with no console error at the end."""
    page, watch = watched_page(browser, app_url, locale=locale)
    try:
        page.goto(f"{app_url}/?trials=2000")
        page.wait_for_selector(HEADLINE, timeout=RUN_TIMEOUT_MS)
        settle(page)
        assert page.evaluate("navigator.language") == locale
        yield page
        healthy(page)
        assert watch.problems() == [], watch.problems()
    finally:
        page.context.close()


@pytest.mark.parametrize("locale", CORPUS)
def test_typed_numbers_are_read_exactly_or_refused(browser: Browser, app_url: str,
                                                   locale: str) -> None:
    with opened(browser, app_url, locale) as page:
        for name, typed, expected in CORPUS[locale]:
            before = params_of(page.url)
            box = number_input(page, name)
            box.fill(typed)
            box.press("Enter")
            if expected is REFUSED:
                expect(page.locator(f"{SIDEBAR} [data-testid='stAlert']", has_text=typed)
                       ).to_have_count(1, timeout=RUN_TIMEOUT_MS)
                settle(page)
                assert params_of(page.url) == before, (locale, typed, page.url)
                expect(box).to_have_value(typed)  # kept for the manager to correct
            else:
                page.wait_for_url(f"**{name}={expected}**", timeout=RUN_TIMEOUT_MS)
                settle(page)
                after = params_of(page.url)
                assert after[name] == expected, (locale, typed, page.url)
                assert {k: v for k, v in after.items() if k != name} == \
                    {k: v for k, v in before.items() if k != name}, (locale, typed)


# The Assumptions grids read their cells as the sidebar does: (column, typed, in the link).
GRID_CORPUS = {
    "de-DE": [("monthly_usd", "250,50", "250.5"), ("setup_usd", "7.800", "7800"),
              ("monthly_usd", "2,500", REFUSED)],
    "en-US": [("monthly_usd", "7.800", REFUSED), ("setup_usd", "$1.5k", "1500")],
}


@pytest.mark.parametrize("locale", GRID_CORPUS)
def test_grid_cells_are_read_exactly_or_refused(browser: Browser, app_url: str,
                                                locale: str) -> None:
    with opened(browser, app_url, locale) as page:
        go_to(page, "Assumptions", "Assumptions")
        for column, typed, expected in GRID_CORPUS[locale]:
            before = params_of(page.url)
            edit_cell(page, 0, column, typed)
            name = f"approved_vpn.{column}"
            if expected is REFUSED:
                refused = page.locator(ALERT).filter(has_text=f"{typed} could be")
                expect(refused).to_have_count(1, timeout=RUN_TIMEOUT_MS)
                settle(page)
                assert params_of(page.url) == before, (locale, typed, page.url)
                expect(select_cell(page, 0, column)).to_have_text(typed)
                page.keyboard.press("Escape")
            else:
                page.wait_for_url(f"**{name}={expected}**", timeout=RUN_TIMEOUT_MS)
                settle(page)
                assert params_of(page.url)[name] == expected, (locale, typed, page.url)
