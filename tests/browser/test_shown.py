"""SHOWN, the "element shown" check of the shared harness, on pages written here.

No server: each case sets a small page shaped like Streamlit's DOM and evaluates the
check once, so it runs in well under a second; it says nothing about timing.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from harness.selectors import HEADLINE, SHOWN, SIDEBAR, TITLE, shown

TEXT = "Leased private circuit costs least over 36 months"


def markup(main: str, outside: str = "") -> str:
    return (f"<div data-testid='stApp' data-test-script-state='running'>{outside}"
            f"<div data-testid='stMain'>{main}</div></div>")


def headline(text: str = TEXT, attrs: str = "") -> str:
    return (f"<div data-testid='stElementContainer' {attrs}>"
            f"<div data-testid='stMarkdownContainer'><h4>{text}</h4></div></div>")


@pytest.fixture
def blank(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


def check(page: Page, html: str, want: dict):
    page.set_content(html)
    return page.evaluate(SHOWN, want)


def test_headline_with_its_text_and_a_size_counts_while_the_run_goes_on(blank: Page) -> None:
    outcome = check(blank, markup(headline()), shown(text=TEXT))
    assert outcome["state"] == "done" and outcome["ms"] > 0


def test_any_text_is_enough_without_a_text(blank: Page) -> None:
    assert check(blank, markup(headline()), shown())["state"] == "done"
    assert check(blank, markup(headline("")), shown()) is False


@pytest.mark.parametrize("html", [
    markup(headline("Approved VPN costs least over 36 months")),  # another link's text
    markup(headline(attrs="data-stale='true'")),  # left over from an earlier run
    markup(headline(attrs="style='display: none'")),  # not laid out
    markup("", outside=f"<div data-testid='stSidebar'>{headline()}</div>"),  # not main
])
def test_not_shown(blank: Page, html: str) -> None:
    assert check(blank, html, shown(text=TEXT)) is False


def test_a_failed_run_is_told_apart(blank: Page) -> None:
    failed = markup(headline() + "<div data-testid='stException'>Traceback</div>")
    assert check(blank, failed, shown(text=TEXT)) == {"state": "stException"}


def test_the_title_too_but_only_in_the_main_area() -> None:
    assert shown(TITLE, "Compare the routes")["selector"] == TITLE
    assert shown()["selector"] == HEADLINE
    with pytest.raises(ValueError):
        shown(f"{SIDEBAR} h2")
