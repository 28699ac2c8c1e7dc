"""Nothing is fetched from any host but the app's own, on any page.

Managers open shared links from mainland China, where a request to a foreign
host (fonts, icons, usage statistics, CDNs) can stall a page for seconds or
fail outright. This walks every page in the sidebar navigation (whatever
app.py lists), changes a value, downloads every file a page offers and uploads
a table, while recording every request, WebSocket and favicon the page asks
for. The suite blocks outside hosts (conftest), so a recorded request is all
that is needed: any host other than the app's fails the test.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from harness.browse import settle
from harness.selectors import RUN_TIMEOUT_MS
from harness.server import ROOT

MAIN = "[data-testid='stMain']"
NAV_LINK = "[data-testid='stSidebarNavLink']"
DOWNLOAD = f"{MAIN} [data-testid='stDownloadButton'] button"
UPLOAD = f"{MAIN} [data-testid='stFileUploaderDropzoneInput']"
EXTENDED = ROOT / "data" / "options_extended.csv"
USERS_LABEL = "Staff who need services abroad"

# URLs the page itself names (favicon, links to stylesheets, scripts, images, frames,
# resources the browser timed): a favicon is fetched by the browser outside the page's
# network events, so it is read here. <a href> links to sources are not fetched.
NAMED_URLS = """() => {
  const urls = [];
  for (const el of document.querySelectorAll('link[href], script[src], img[src], iframe[src], '
                                             + 'source[src], video[src], audio[src]')) {
    urls.push(el.href || el.src);
  }
  for (const entry of performance.getEntriesByType('resource')) urls.push(entry.name);
  return urls;
}"""


def host_of(url: str) -> str | None:
    """The host:port a URL reaches, or None for data:, blob: and about: URLs."""
    parts = urlsplit(url)
    return parts.netloc if parts.scheme in ("http", "https", "ws", "wss") else None


class Recorder:
    """Every URL a page requests, opens a WebSocket to, or names in its document."""

    def __init__(self, page: Page, app_url: str) -> None:
        self.page = page
        self.app_host = urlsplit(app_url).netloc
        self.requested: list[str] = []
        page.context.on("request", lambda request: self.requested.append(request.url))
        page.on("websocket", lambda socket: self.requested.append(socket.url))

    def outside(self) -> list[str]:
        named = self.page.evaluate(NAMED_URLS)
        return sorted({url for url in self.requested + named
                       if host_of(url) not in (None, self.app_host)})


def test_every_page_reaches_only_the_app(page: Page, open_app, app_url: str) -> None:
    recorder = Recorder(page, app_url)
    open_app(page, "?users=60&horizon_months=24")
    links = page.locator(NAV_LINK).all_inner_texts()
    assert len(links) >= 5, links  # Compare, Risk, Sensitivity, Assumptions, Methodology
    visited, downloads, uploads = [], 0, 0
    for index, name in enumerate(links):
        page.locator(NAV_LINK).nth(index).click()
        page.wait_for_timeout(300)
        settle(page)
        expect(page.locator(f"{MAIN} h1")).to_have_count(1, timeout=RUN_TIMEOUT_MS)
        visited.append(name)
        for button in page.locator(DOWNLOAD).all():
            with page.expect_download() as info:
                button.click()
            assert info.value.failure() is None
            downloads += 1
        if page.locator(UPLOAD).count():
            page.locator(UPLOAD).set_input_files(str(EXTENDED))
            expect(page.get_by_text("Loaded options_extended.csv")).to_be_visible(
                timeout=RUN_TIMEOUT_MS)
            settle(page)
            uploads += 1
    # A changed value: a rerun draws every element of the page afresh.
    box = page.locator(f"[data-testid='stSidebar'] input[aria-label=\"{USERS_LABEL}\"]")
    box.fill("61")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]users=61(&|$)"), timeout=RUN_TIMEOUT_MS)
    settle(page)

    assert len(visited) == len(links) and downloads >= 3 and uploads == 1
    assert any(host_of(url) == recorder.app_host for url in recorder.requested)
    assert any(url.startswith("ws://") for url in recorder.requested)
    assert recorder.outside() == [], f"requests to other hosts: {recorder.outside()}"


def test_recorder_sees_outside_requests_and_icons(page: Page, open_app, app_url: str) -> None:
    """The check above can fail: an outside request, or a favicon from elsewhere, is seen."""
    recorder = Recorder(page, app_url)
    open_app(page)
    assert recorder.outside() == []
    page.evaluate("() => { const i = new Image(); i.src = 'https://example.invalid/x.png'; }")
    page.wait_for_timeout(500)
    assert recorder.outside() == ["https://example.invalid/x.png"]
    page.evaluate("() => { document.querySelector(\"link[rel='shortcut icon']\").href = "
                  "'https://fonts.gstatic.com/icon.svg'; }")
    assert "https://fonts.gstatic.com/icon.svg" in recorder.outside()
