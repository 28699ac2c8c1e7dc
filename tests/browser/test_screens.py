"""Every page at a desktop size (1400×1000) and a phone size (390×844), in yuan.

Screenshots go to tests/artifacts/ for a person to look at; the checks here are
what a phone must keep: the headline readable, charts drawn with their marks,
no page wider than the screen, and the sidebar closed over the answer.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, expect

from harness.browse import settle
from harness.selectors import EXCEPTION, HEADLINE, TITLE
from tests.browser.test_pages import deep_link_page

QUERY = ("currency=CNY&users=120&sites=3&mbps=20"
         "&leased_circuit.monthly_usd=985.9154929577466&approved_vpn.per_mbps_usd=0")
PAGES = ("", "quotes", "estimate", "risk", "sensitivity", "assumptions", "methodology")
SIZES = {"desktop": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_at_both_sizes(browser: Browser, app_url: str, screenshot, path: str,
                                  size: str) -> None:
    with deep_link_page(browser, f"{app_url}/{path}?{QUERY}") as page:
        page.set_viewport_size(SIZES[size])
        page.wait_for_selector(TITLE, timeout=60_000)
        settle(page)
        page.wait_for_timeout(800)  # charts draw after the run ends
        look(page, screenshot, path, size)


def look(page, screenshot: Callable, path: str, size: str) -> None:
    expect(page.locator(EXCEPTION)).to_have_count(0)
    name = f"{path or 'compare'}-{size}"
    screenshot(page, name)
    if size == "phone":
        # The sidebar starts closed on a phone: the page's title is in view, not covered.
        expect(page.locator("[data-testid='stSidebar']")).to_have_attribute(
            "data-collapsed", "true")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name}: the page is {overflow}px wider than the phone"
    for chart in page.locator("[data-testid='stVegaLiteChart'] canvas, "
                              "[data-testid='stVegaLiteChart'] svg.marks").all():
        box = chart.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 100, name
    if not path:
        expect(page.locator(HEADLINE)).to_contain_text("¥")
    # The whole page too: Streamlit scrolls inside its own container, not the window.
    tall = page.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": SIZES[size]["width"], "height": min(tall + 100, 9000)})
    settle(page)
    page.wait_for_timeout(800)
    screenshot(page, f"{name}-whole")


def test_on_a_phone_the_sidebar_stays_open_for_several_values(browser: Browser,
                                                              app_url: str) -> None:
    """Entering values in a row keeps the form in view (it closed after each)."""
    with deep_link_page(browser, f"{app_url}/?users=30") as page:
        page.set_viewport_size(SIZES["phone"])
        page.wait_for_selector(TITLE, timeout=60_000)
        settle(page)
        bar = page.locator("[data-testid='stSidebar']")
        expect(bar).to_have_attribute("data-collapsed", "true")
        page.locator("[data-testid='stExpandSidebarButton']").click()
        expect(bar).to_have_attribute("data-collapsed", "false")
        for label, value, name in (("Staff who need services abroad", "45", "users"),
                                   ("Offices in mainland China", "2", "sites"),
                                   ("Bandwidth per office (Mbps)", "20", "mbps")):
            box = bar.locator(f"input[aria-label='{label}']")
            box.fill(value)
            box.press("Tab")
            page.wait_for_url(f"**{name}={value}**", timeout=60_000)
            settle(page)
            expect(bar).to_have_attribute("data-collapsed", "false")
