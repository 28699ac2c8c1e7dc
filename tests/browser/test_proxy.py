"""Two replicas behind Debian's nginx, with the site config of deploy/.

A shared link opened on either replica shows the same headline, table and CSV
bytes (the scenario is in the link and the simulation is seeded), and a tab
whose WebSocket the proxy drops reconnects to the same session.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from harness.browse import settle
from harness.chromium import VIEWPORT
from harness.nginx import NGINX, PIN_COOKIE, Proxy, nginx_proxy
from harness.ready import DidNotStart
from harness.selectors import KEY_CELL, RUN_TIMEOUT_MS
from harness.served import Server
from harness.server import streamlit_server
from tests.browser.test_pages import metrics

MAIN = "[data-testid='stMain']"
HEADLINE = f"{MAIN} [data-testid='stMarkdownContainer'] h4"
CAPTION = f"{MAIN} [data-testid='stCaptionContainer']"
NOTICE = ".st-key-link_notices"
DOWNLOAD = "Download the comparison (CSV)"
USERS = "[data-testid='stSidebar'] input[aria-label=\"Staff who need services abroad\"]"
LINK = "?users=60&sites=3&horizon_months=24&seed=5&approved_vpn.monthly_usd=900"


@dataclass
class Deployment:
    proxy: Proxy
    replicas: list[Server]

    def connects(self) -> list[float]:
        return [(r.sessions() or {}).get("session_events_total:connect", 0)
                for r in self.replicas]

    def reconnects(self) -> float:
        return sum((r.sessions() or {}).get("session_events_total:reconnect", 0)
                   for r in self.replicas)


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Deployment]:
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing: run `make test`, which installs Debian's nginx",
                    pytrace=False)
    folder = tmp_path_factory.mktemp("replicas")
    try:
        with streamlit_server(folder / "a.log") as (url_a, pid_a), \
                streamlit_server(folder / "b.log") as (url_b, pid_b), \
                nginx_proxy([url_a, url_b], pinnable=True) as proxy:
            yield Deployment(proxy, [Server(url_a, pid_a, folder / "a.log"),
                                     Server(url_b, pid_b, folder / "b.log")])
    except DidNotStart as exc:
        pytest.fail(str(exc), pytrace=False)


def context_for(browser: Browser, deployment: Deployment, replica: int | None,
                ) -> BrowserContext:
    """A browser reaching only the proxy; pinned to one replica by cookie, or not."""
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    host = deployment.proxy.url.split("//", 1)[1]
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.split("//", 1)[1].startswith(host) else route.abort())
    if replica is not None:
        context.add_cookies([{"name": PIN_COOKIE, "value": str(replica),
                              "url": deployment.proxy.url}])
    return context


def open_link(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(HEADLINE, timeout=RUN_TIMEOUT_MS)
    settle(page)


def download(page: Page) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=DOWNLOAD).click()
    return Path(info.value.path()).read_bytes()


def seen(page: Page) -> dict[str, object]:
    """What a manager reads and takes away from the Compare page."""
    return {"headline": page.locator(HEADLINE).inner_text(), "metrics": metrics(page),
            "captions": page.locator(CAPTION).all_inner_texts(),
            "table": page.locator(KEY_CELL).all_inner_texts(), "csv": download(page)}


def test_each_replica_gives_the_same_comparison(browser: Browser, deployment: Deployment):
    shown = []
    for replica in (0, 1):
        before = deployment.connects()
        context = context_for(browser, deployment, replica)
        page = context.new_page()
        open_link(page, deployment.proxy.url + "/" + LINK)
        after = deployment.connects()
        # The page's session lives on the replica it was pinned to, and only there.
        assert after[replica] == before[replica] + 1 and after[1 - replica] == before[1 - replica]
        shown.append(seen(page))
        context.close()
    first, second = shown
    assert first["headline"] and len(first["table"]) > 10 and first["csv"].count(b"\n") == 4
    for name in first:
        assert first[name] == second[name], name


def test_a_session_survives_the_proxy_dropping_its_websocket(browser: Browser,
                                                             deployment: Deployment):
    # No pin: the shipped sticky upstream (ip_hash) decides.
    context = context_for(browser, deployment, None)
    page = context.new_page()
    sockets = []
    page.on("websocket", lambda socket: sockets.append(socket))
    # A link with a bad value: the session keeps the notice, the address bar is cleaned,
    # so a new session opened on the cleaned link would show no notice.
    open_link(page, deployment.proxy.url + "/?users=lots&sites=2")
    expect(page.locator(NOTICE)).to_have_count(1)
    expect(page).not_to_have_url(re.compile("lots"))
    box = page.locator(USERS)
    box.fill("61")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]users=61(&|$)"), timeout=RUN_TIMEOUT_MS)
    settle(page)
    reconnects = deployment.reconnects()

    deployment.proxy.restart()  # every connection through the proxy is cut
    for _ in range(RUN_TIMEOUT_MS // 500):  # the frontend retries with a back-off
        if len(sockets) >= 2 and deployment.reconnects() > reconnects:
            break
        page.wait_for_timeout(500)
    assert len(sockets) >= 2, "the page did not open a new WebSocket"
    assert deployment.reconnects() == reconnects + 1

    box.fill("62")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]users=62(&|$)"), timeout=RUN_TIMEOUT_MS)
    settle(page)
    expect(page.locator(NOTICE)).to_have_count(1)  # the same session: its notice is still there
    assert "lots" in page.locator(NOTICE).inner_text()
    context.close()
