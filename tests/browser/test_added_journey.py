"""Issue 19's manager in a real browser: three suppliers' quotes in yuan, compared with
doing nothing; one is "30 Mbps included, then ¥90 per extra Mbps".

Two quotes go into the table's own routes, the third is added as another quote for an
approved VPN. The share link reopens the same Compare page in a new browser context, and
the CLI writes the same CSV bytes as the page's download.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from harness.browse import download_csv, go_to, params_of, query_of, settle
from harness.cli import cli_csv
from harness.quotes import enter_quote
from harness.server import ROOT

MAIN = "[data-testid='stMain']"
START = "currency=CNY&sites=2&users=40&mbps=50"
CN2 = "China Telecom CN2 SD-WAN"
CN2_ID = "china_telecom_cn2_sd_wan"
UNICOM = {"Monthly charge per office (¥)": "7800", "Setup per office (¥)": "12000"}
IPLC = {"Monthly charge per office (¥)": "14500", "Monthly charge per Mbps (¥)": "160",
        "Setup per office (¥)": "20000"}
CN2_QUOTE = {"Monthly charge per office (¥)": "6200", "Monthly charge per Mbps (¥)": "90",
             "Mbps included in the monthly charge": "30"}
SHOTS = ROOT / "tests" / "artifacts"



def add_quote(page: Page, kind: str, name: str) -> None:
    form = page.locator("[data-testid='stForm']").filter(
        has=page.get_by_role("button", name="Add this quote"))
    form.get_by_role("combobox", name="Kind of route").click()
    page.get_by_role("option", name=kind).click()
    form.get_by_label("Supplier and product").fill(name)
    before = page.url
    form.get_by_role("button", name="Add this quote").click()
    page.wait_for_function("u => window.location.href !== u", arg=before, timeout=60_000)
    settle(page)


def page_text(page: Page) -> str:
    """What the Compare page says (its grids are drawn on a canvas: their CSV is compared)."""
    return page.locator(MAIN).inner_text()


def test_three_quotes_in_yuan_against_doing_nothing(new_page: Callable[[], Page], open_app,
                                                    app_url: str) -> None:
    page = new_page()
    open_app(page, START)
    go_to(page, "Your quotes", "Your quotes")
    add_quote(page, "Approved VPN", CN2)
    expect(page.get_by_text(f"Added {CN2}")).to_be_visible()
    enter_quote(page, "Approved VPN", UNICOM, "Included in the monthly charge")
    enter_quote(page, "Leased private circuit", IPLC, "Priced per Mbps")
    enter_quote(page, CN2, CN2_QUOTE, "Priced per Mbps")
    q = params_of(page.url)
    assert q[f"{CN2_ID}.copy_of"] == "approved_vpn" and q[f"{CN2_ID}.included_mbps"] == "30"
    assert float(q[f"{CN2_ID}.monthly_usd"]) == 6200 / 7.1

    go_to(page, "Compare", "Compare the routes")
    page.set_viewport_size({"width": 1400, "height": 1000})
    settle(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "compare_added_quotes.png"), full_page=True)
    shown = page_text(page)
    for name in (CN2, "Approved VPN", "Leased private circuit", "Do nothing"):
        assert name in shown
    data = download_csv(page)
    assert data == cli_csv(query_of(page.url))
    assert [line.split(",")[0] for line in data.decode("utf-8-sig").splitlines()[1:]] == [
        "approved_vpn", "leased_circuit", "do_nothing", CN2_ID]

    # The link reopens the same page in a new browser context.
    other = new_page()
    open_app(other, f"{app_url}/?{urlsplit(page.url).query}")
    go_to(other, "Compare", "Compare the routes")
    other.set_viewport_size({"width": 1400, "height": 1000})
    settle(other)
    assert page_text(other) == shown
    assert download_csv(other) == data
    assert params_of(other.url) == params_of(page.url)
    other.set_viewport_size({"width": 390, "height": 844})
    settle(other)
    other.screenshot(path=str(SHOTS / "compare_added_quotes_phone.png"), full_page=True)
