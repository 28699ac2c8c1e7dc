"""The manager of issue 10 in a real browser: quotes typed in yuan, whose numbers, the CLI.

An operations manager in Shanghai, 3 offices, 120 staff, 20 Mbps, enters a
China Telecom quote for a leased circuit and an all-in SD-WAN quote through the
form, in CNY; the "whose numbers" line changes; the download equals the CLI's
output for the same link; the link reopens the form with the same typed
values; Assumptions and Methodology list the same overrides.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from harness.browse import download_csv, params_of, query_of, settle
from harness.cli import cli_csv
from harness.quotes import enter_quote, form_of

MAIN = "[data-testid='stMain']"
WHOSE = ".st-key-whose_numbers [data-testid='stAlert']"
START = "currency=CNY&sites=3&users=120&mbps=20"
LEASED = {"Monthly charge per office (¥)": "6999.99",
          "Monthly charge per Mbps (¥)": "400.5",
          "Setup per office (¥)": "20000"}
SDWAN = {"Monthly charge per office (¥)": "4970", "Setup per office (¥)": "15000.01"}


def go_to(page: Page, link: str, title: str) -> None:
    page.locator("[data-testid='stSidebarNavLink']", has_text=link).click()
    expect(page.locator(f"{MAIN} h1")).to_have_text(title, timeout=60_000)
    settle(page)



def assert_form_shows(page: Page, route: str, fields: dict[str, str]) -> None:
    form = form_of(page, route)
    for label, value in fields.items():
        box = form.get_by_label(label, exact=True)
        expect(box).not_to_have_value("")
        assert float(box.input_value()) == float(value), (label, box.input_value())


def test_two_quotes_in_yuan_through_the_form(new_page: Callable[[], Page], open_app,
                                             app_url: str) -> None:
    page = new_page()
    open_app(page, START)
    expect(page.locator(WHOSE)).to_contain_text("Every price and risk here is the app's")
    before = page.locator(WHOSE).inner_text()

    go_to(page, "Your quotes", "Your quotes")
    enter_quote(page, "Leased private circuit", LEASED, "Priced per Mbps")
    enter_quote(page, "Approved VPN", SDWAN, "Included in the monthly charge")
    expect(page.get_by_text("Saved Approved VPN")).to_be_visible()
    q = params_of(page.url)
    assert float(q["leased_circuit.monthly_usd"]) == 6999.99 / 7.1
    assert float(q["approved_vpn.monthly_usd"]) == 700.0
    assert q["approved_vpn.per_mbps_usd"] == "0"  # all-in: no default per-Mbps price kept

    go_to(page, "Compare", "Compare the routes")
    whose = page.locator(WHOSE).inner_text()
    assert whose != before
    assert "your quotes for Approved VPN, Leased private circuit" in whose
    assert download_csv(page) == cli_csv(query_of(page.url))

    # The link reopens the form with what was typed, in a fresh browser.
    link = page.url
    other = new_page()
    open_app(other, f"{app_url}/?{urlsplit(link).query}")
    go_to(other, "Your quotes", "Your quotes")
    assert_form_shows(other, "Leased private circuit", LEASED)
    assert_form_shows(other, "Approved VPN", SDWAN)

    # Assumptions and Methodology list the same overrides.
    keys = sorted(k for k in q if "." in k)
    for title in ("Assumptions", "Methodology"):
        go_to(other, title, title)
        table = other.locator(f"{MAIN} [data-testid='stTable']").filter(has_text="Your value")
        for key in keys:
            expect(table).to_contain_text(key)
