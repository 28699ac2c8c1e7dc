"""The manager's journey on the Compare page (the default page), in a real browser.

A link fills the form, editing the form rewrites the link, the download equals
the CLI's output for the same link, the link reopens the same comparison in a
fresh browser, and a tampered link is cleaned up and explained, never a crash.
"""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect

from connectivity.schema.params import PARAMS
from connectivity.views.format import usd
from harness.browse import (
    download_csv,
    healthy,
    number_input,
    params_of,
    query_of,
    settle,
)
from harness.cli import cli_csv
from harness.selectors import (
    HEADLINE,
    KEY_HEADER,
    KEY_TABLE,
    METRIC_VALUE,
    NOTICE,
    SHARE,
    SIDEBAR,
)


def form_values(page: Page) -> dict[str, str]:
    values = {p.name: number_input(page, p.name).input_value() for p in PARAMS
              if p.kind in ("int", "float") and p.name != "fx_rate"}
    box = page.locator(f"{SIDEBAR} [data-testid='stSelectbox']").first
    values["status_quo"] = box.inner_text()
    return values


def change(page: Page, name: str, value: str) -> None:
    """Type a new value into the sidebar; wait until the link and the share box carry it."""
    box = number_input(page, name)
    box.fill(value)
    box.press("Enter")
    expect(page).to_have_url(re.compile(rf"[?&]{name}={value}(&|$)"))
    expect(page.locator(SHARE)).to_contain_text(f"{name}={value}")
    settle(page)


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def assert_share_box_holds(page: Page) -> str:
    """The share box holds a link to this app with exactly the address bar's query."""
    link = (page.locator(SHARE).text_content() or "").strip()
    shown, current = urlsplit(link), urlsplit(page.url)
    assert (shown.scheme, shown.netloc) == (current.scheme, current.netloc), link
    assert shown.path in ("", "/"), link
    assert shown.query == current.query, (link, page.url)
    return link


def test_default_page(page: Page, open_app, screenshot) -> None:
    open_app(page, "", expect=HEADLINE)
    # The address bar gets the full default scenario, in the contract's order.
    assert list(params_of(page.url)) == [p.name for p in PARAMS]
    assert params_of(page.url)["users"] == "25"
    assert params_of(page.url)["status_quo"] == "do_nothing"
    expect(page.locator("[data-testid='stMain'] h1")).to_have_text("Compare the routes")
    expect(page.locator(HEADLINE)).not_to_be_empty()
    expect(page.locator(METRIC_VALUE)).to_have_count(3)
    # The columns a manager needs first (a plain table, one row a route), and every
    # column one click away in an expander.
    expect(page.locator(KEY_HEADER)).to_have_text(
        ["Route", "Expected total", "80% range", "Cheapest in", "NPV"])
    expect(page.locator(f"{KEY_TABLE} tbody tr")).to_have_count(3)
    expect(page.locator("[data-testid='stMain'] [data-testid='stDataFrame']")).to_have_count(1)
    expect(page.locator("[data-testid='stMain'] [data-testid='stExpander'] "
                        "[data-testid='stDataFrame']")).to_have_count(1)
    expect(page.locator(NOTICE)).to_have_count(0)
    assert number_input(page, "users").input_value() == "25"
    assert_share_box_holds(page)
    healthy(page)
    screenshot(page, "compare_default")


def test_link_fills_form_and_editing_rewrites_link(page: Page, open_app, wait_for_run) -> None:
    open_app(page, "?users=437", expect=HEADLINE)
    users = number_input(page, "users")
    expect(users).to_have_value("437")
    assert params_of(page.url)["users"] == "437"
    # Parameters the link left out are the defaults, and now written out.
    assert params_of(page.url)["sites"] == "1"
    expect(page.locator(NOTICE)).to_have_count(0)
    before = page.locator(HEADLINE).inner_text()
    metrics_before = page.locator(METRIC_VALUE).all_inner_texts()

    users.fill("60")
    users.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]users=60(&|$)"))
    headline = page.locator(HEADLINE)
    expect(headline).not_to_have_text(before)
    expect(page.locator(SHARE)).to_contain_text("users=60")
    wait_for_run(page)
    assert page.locator(METRIC_VALUE).all_inner_texts() != metrics_before
    # The headline names the cheapest route's expected total, the first metric.
    assert page.locator(METRIC_VALUE).first.inner_text() in headline.inner_text()
    assert params_of(page.url)["sites"] == "1"
    assert_share_box_holds(page)
    healthy(page)


def test_download_equals_cli_for_the_link(page: Page, open_app) -> None:
    open_app(page, "?users=437&sites=2", expect=HEADLINE)
    change(page, "mbps", "25")

    data = download_csv(page)
    query = query_of(page.url)
    assert data == cli_csv(query)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = rows_of(data)
    assert len(rows) == 3
    # The file's scenario column is the link the page shows.
    assert {row["scenario"] for row in rows} == {query}
    # The metrics show the file's expected totals, cheapest first.
    by_rank = sorted(rows, key=lambda row: int(row["rank"]))
    assert page.locator(METRIC_VALUE).all_inner_texts() == [
        usd(float(row["expected_total_usd"])) for row in by_rank]
    healthy(page)


def test_shared_link_reopens_same_comparison(new_page, open_app) -> None:
    first = new_page()
    open_app(first, "?users=437&horizon_months=24", expect=HEADLINE)
    change(first, "sites", "3")
    link = assert_share_box_holds(first)
    headline = first.locator(HEADLINE).inner_text()
    metrics = first.locator(METRIC_VALUE).all_inner_texts()
    form = form_values(first)
    data = download_csv(first)

    # A colleague opens the copied link: a new context, so a new session.
    second = new_page()
    assert second.context is not first.context
    open_app(second, link, expect=HEADLINE)
    assert query_of(second.url) == query_of(first.url)
    expect(second.locator(HEADLINE)).to_have_text(headline)
    assert second.locator(METRIC_VALUE).all_inner_texts() == metrics
    assert form_values(second) == form
    assert form["sites"] == "3" and form["users"] == "437" and form["horizon_months"] == "24"
    expect(second.locator(NOTICE)).to_have_count(0)
    assert download_csv(second) == data
    healthy(first)
    healthy(second)


def test_tampered_link_is_cleaned_and_explained(page: Page, open_app, screenshot) -> None:
    open_app(page, "?sites=inf&users=-5&trials=abc&foo=bar&approved_vpn.monthly_usd=-1",
             expect=HEADLINE)
    notice = page.locator(NOTICE)
    expect(notice).to_have_count(1)
    text = notice.inner_text()
    for name in ("sites", "users", "trials", "foo", "approved_vpn.monthly_usd"):
        assert re.search(rf"(^|\n)\s*{re.escape(name)}:", text), (name, text)
    # The notice says what was done, not only what was wrong.
    assert "used 500" in text and "used 1" in text and "20000" in text
    expect(number_input(page, "sites")).to_have_value("500")
    expect(number_input(page, "users")).to_have_value("1")
    expect(number_input(page, "trials")).to_have_value("20000")
    # The address bar now holds the cleaned scenario: no unknown or refused parameter.
    params = params_of(page.url)
    assert params["sites"] == "500" and params["users"] == "1" and params["trials"] == "20000"
    assert "foo" not in params and "approved_vpn.monthly_usd" not in params
    assert list(params) == [p.name for p in PARAMS]
    expect(page.locator(HEADLINE)).not_to_be_empty()
    expect(page.locator(METRIC_VALUE)).to_have_count(3)
    assert_share_box_holds(page)
    healthy(page)
    screenshot(page, "compare_tampered")
