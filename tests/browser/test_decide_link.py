"""The Decide page from a shared link: its chart and its sentence are visible."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from harness.browse import charts_drawn, healthy, settle
from harness.selectors import CAPTION, MAIN, RUN_TIMEOUT_MS, TITLE
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_pages import deep_link_page, no_markdown_escapes

SENTENCE = f"{MAIN} .st-key-decide_sentence"


def test_shared_link_to_decide_shows_chart_and_sentence(browser: Browser, app_url: str) -> None:
    link = f"{app_url}/decide?users=5&currency=CNY&fx_rate=7&trials=5000"
    with deep_link_page(browser, link) as page:
        expect(page.locator(TITLE)).to_have_text("Decide", timeout=RUN_TIMEOUT_MS)
        settle(page)
        charts_drawn(page, 1)
        sentence = page.locator(SENTENCE)
        expect(sentence).to_be_visible()
        text = sentence.inner_text()
        assert text.startswith("Deciding now, you expect to overpay by ¥"), text
        assert "worth running if it costs less than that" in text and "\\" not in text
        summary = page.locator(CAPTION).filter(has_text="exactly is worth up to ¥")
        expect(summary).to_have_count(1)
        healthy(page)
        no_markdown_escapes(page)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "page_decide.png"), full_page=True)
        page.set_viewport_size({"width": 390, "height": 844})
        settle(page)
        expect(sentence).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "page_decide_phone.png"), full_page=True)
