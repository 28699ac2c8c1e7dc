"""On a phone (390×844) nothing a manager reads is cut off at the right edge: the key
table's headers, and every chart's titles, axes and legend on Compare and Decide (and
the other chart pages, which share the chart helpers); Decide's regret table too."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from harness.browse import charts_drawn, healthy, settle
from harness.fit import chart_pieces, outside_width
from harness.selectors import KEY_HEADER, KEY_TABLE, RUN_TIMEOUT_MS, TABLE_HEADER, TITLE
from tests.browser.test_pages import deep_link_page

PHONE = {"width": 390, "height": 844}
# Yuan: the widest amounts; three offices and 120 staff: the defaults' routes and more.
QUERY = ("currency=CNY&users=120&sites=3&mbps=20"
         "&leased_circuit.monthly_usd=985.9154929577466&approved_vpn.per_mbps_usd=0")
PAGES = {"": ("Compare the routes", 3), "decide": ("Decide", 1), "risk": ("Risk", 4),
         "sensitivity": ("Sensitivity", 3)}


@pytest.mark.parametrize("path", PAGES)
def test_every_header_and_chart_piece_lies_within_a_phone(browser: Browser, app_url: str,
                                                          path: str) -> None:
    title, charts = PAGES[path]
    with deep_link_page(browser, f"{app_url}/{path}?{QUERY}") as page:
        page.set_viewport_size(PHONE)
        expect(page.locator(TITLE)).to_have_text(title, timeout=RUN_TIMEOUT_MS)
        settle(page)
        charts_drawn(page, charts)
        page.wait_for_timeout(500)  # Vega lays a chart out again after the resize
        if not path:
            # All five key columns, "Cheapest in" and "NPV" too, without scrolling.
            expect(page.locator(KEY_HEADER)).to_have_text(
                ["Route", "Expected total", "80% range", "Cheapest in", "NPV"])
            box = page.locator(KEY_TABLE).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
        # Each chart has a title, axis and legend pieces to measure.
        assert all(n >= 4 for n in chart_pieces(page)), chart_pieces(page)
        assert outside_width(page, TABLE_HEADER) == []
        healthy(page)
