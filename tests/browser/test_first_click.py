"""A link opened, another page clicked as soon as the headline shows: the scenario stays.

The sidebar form is drawn after the page, so a manager who clicks another page at
the first headline does it while the form is still on its way. Streamlit then drops
the state of the widgets the browser had not reported; when the form's widgets held
the scenario, every value went back to its minimum. Half of the tries run on a slow
laptop and a slow line (the CPU throttled 4x, 150 ms added to every request, through
the DevTools protocol). FIRST_CLICK_TRIES sets how many (20 in `make test`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from harness.browse import healthy, number_input, params_of, settle
from harness.selectors import HEADLINE, NAV_LINK, RUN_TIMEOUT_MS, TITLE

TRIES = int(os.environ.get("FIRST_CLICK_TRIES", "20"))
LINK = {"sites": "3", "users": "60", "mbps": "50", "horizon_months": "24",
        "currency": "CNY", "fx_rate": "7.2", "trials": "2000"}
SHOWN = {"sites": "3", "users": "60", "mbps": "50", "horizon_months": "24"}


def _slow(page: Page) -> None:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {
        "offline": False, "latency": 150, "downloadThroughput": -1, "uploadThroughput": -1})


def _kept(page: Page, where: str) -> None:
    params = params_of(page.url)
    assert {k: params.get(k) for k in LINK} == LINK, (where, page.url)
    for name, value in SHOWN.items():
        expect(number_input(page, name)).to_have_value(value, timeout=RUN_TIMEOUT_MS)
    if where == "back":
        expect(page.locator(HEADLINE)).to_contain_text("¥")


def test_clicking_another_page_at_the_first_headline_keeps_the_scenario(
        new_page: Callable[[], Page], app_url: str) -> None:
    query = "&".join(f"{k}={v}" for k, v in LINK.items())
    for attempt in range(TRIES):
        page = new_page()  # a fresh browser context: a new session, as a new visitor
        if attempt % 2:
            _slow(page)
        page.goto(f"{app_url}/?{query}")
        page.wait_for_selector(HEADLINE, timeout=RUN_TIMEOUT_MS)
        # At once: the form may not be there. The click still waits for the link to take
        # it, which on a throttled CPU of a busy machine took over Playwright's 30 s once.
        page.locator(NAV_LINK, has_text="Risk").click(timeout=RUN_TIMEOUT_MS)
        expect(page.locator(TITLE)).to_have_text("Risk", timeout=RUN_TIMEOUT_MS)
        settle(page)
        assert urlsplit(page.url).path == "/risk"
        _kept(page, f"risk, try {attempt + 1}")
        page.locator(NAV_LINK, has_text="Compare").click(timeout=RUN_TIMEOUT_MS)
        expect(page.locator(TITLE)).to_have_text("Compare the routes", timeout=RUN_TIMEOUT_MS)
        settle(page)
        _kept(page, "back")
        healthy(page)
        page.context.close()
