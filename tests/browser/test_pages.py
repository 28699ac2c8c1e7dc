"""The other pages in a real browser: navigation, Risk, Sensitivity, Assumptions, Methodology.

Moving between pages keeps the scenario (form and link), a link straight to a
page works on a server no session has touched yet, a cell edited in the
Assumptions grid travels in the link and reaches the comparison, an upload is
refused whole with line and column or accepted and carried in the link, and
the Risk and Sensitivity pages draw their charts with a sentence under each.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from connectivity.model.routes import WEEKS_PER_MONTH
from connectivity.views.format import usd
from harness.browse import (
    charts_drawn,
    download_csv,
    go_to,
    healthy,
    number_input,
    params_of,
    settle,
)
from harness.chromium import Watch, watched_page
from harness.cli import cli_csv
from harness.grid import edit_cell, select_cell
from harness.selectors import (
    ALERT,
    CAPTION,
    HEADLINE,
    MAIN,
    METRIC,
    NAV_LINK,
    RUN_TIMEOUT_MS,
    TITLE,
    UPLOAD,
)
from harness.server import ROOT

BROKEN = ROOT / "tests" / "tables" / "broken"
EXTENDED = ROOT / "data" / "options_extended.csv"
SLIDER = "The total you could live with (USD)"
IN_USE = "In use: "

SCENARIO = "users=60&horizon_months=24"
# Sidebar link, the page's path, its title.
PAGES = [
    ("Your quotes", "/quotes", "Your quotes"),
    ("Estimate losses", "/estimate", "Estimate losses"),
    ("Risk", "/risk", "Risk"),
    ("Decide", "/decide", "Decide"),
    ("Sensitivity", "/sensitivity", "Sensitivity"),
    ("Assumptions", "/assumptions", "Assumptions"),
    ("Methodology", "/methodology", "Methodology"),
    ("Compare", "/", "Compare the routes"),
]


# --- helpers ---------------------------------------------------------------------------------

def no_markdown_escapes(page: Page) -> None:
    """User-facing sentences never show the backslashes that make text inert for Markdown."""
    for text in page.locator(f"{CAPTION}, {ALERT}").all_inner_texts():
        assert "\\" not in text, text


def open_on(page: Page, open_app, link: str) -> None:
    """Open the app on SCENARIO and go to a page with the sidebar.

    (A link straight to a page makes Streamlit's frontend log two 404s; the
    deep-link tests below cover that way in.)
    """
    open_app(page, f"?{SCENARIO}", expect=HEADLINE)
    go_to(page, link, link)


def sentences(page: Page) -> list[str]:
    return [t.strip() for t in page.locator(CAPTION).all_inner_texts() if t.strip()]


def charts_with_sentences(page: Page, charts: int) -> None:
    """`charts` charts drawn, the page's note and one sentence under each, all healthy."""
    charts_drawn(page, charts)
    said = sentences(page)
    assert len(said) >= charts + 1, said
    assert all(s.endswith(".") and re.search(r"[A-Za-z]{3}", s) for s in said), said
    assert any(re.search(r"\$\d", s) for s in said), said
    healthy(page)
    no_markdown_escapes(page)


def rows_of(data: bytes) -> dict[str, dict[str, str]]:
    return {row["option_id"]: row for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig")))}


def metrics(page: Page) -> dict[str, str]:
    """Metric label (without its '#rank ') to its value."""
    found = {}
    for metric in page.locator(METRIC).all():
        label = metric.locator("[data-testid='stMetricLabel']").inner_text().strip()
        found[re.sub(r"^#\d+\s+", "", label)] = \
            metric.locator("[data-testid='stMetricValue']").inner_text().strip()
    return found


def chances(sentence: str) -> list[float]:
    """The percentages of 'Chance the total exceeds $X: A 56%, B under 1%, C over 99%.'"""
    found = re.findall(r"(under |over )?(\d+(?:\.\d+)?)%", sentence.split(":", 1)[1])
    return [float(n) + {"under ": -0.5, "over ": 0.5}.get(bound, 0.0) for bound, n in found]


def semicolon_decimal_comma(source: Path) -> bytes:
    """The table as a European Excel saves it: ';' between cells, ',' as decimal mark."""
    rows = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8-sig"))))

    def cell(text: str) -> str:
        try:
            float(text)
        except ValueError:
            return text
        return text.replace(".", ",")

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(rows[0])
    writer.writerows([cell(text) for text in row] for row in rows[1:])
    return out.getvalue().encode("utf-8")


@contextlib.contextmanager
def deep_link_page(browser: Browser, url: str) -> Iterator[Page]:
    """A page in a fresh context opened straight on `url`; fails on any console error but one.

    Opened on a page's own path, Streamlit's frontend first probes that path as
    the app's base (/risk/_stcore/health, /risk/_stcore/host-config) and gets
    404 before it tries / (streamlit/streamlit#7074, open). Those two probes are
    Streamlit's, not the app's; every other console error fails the test.
    """
    split = urlsplit(url)
    probe = re.compile(re.escape(f"{split.scheme}://{split.netloc}{split.path}") +
                       r"/_stcore/[\w-]+$")
    page, watch = watched_page(browser, url, Watch(
        ignore=lambda text, source: "404" in text and bool(probe.match(source))))
    try:
        page.goto(url)
        yield page
        assert watch.problems() == [], watch.problems()
    finally:
        page.context.close()


def check_deep_link(page: Page) -> None:
    expect(page.locator(TITLE)).to_have_text("Risk", timeout=RUN_TIMEOUT_MS)
    settle(page)
    expect(number_input(page, "users")).to_have_value("60")
    expect(number_input(page, "sites")).to_have_value("1")
    assert urlsplit(page.url).path == "/risk"
    assert params_of(page.url)["users"] == "60"
    expect(page.locator(NAV_LINK)).to_have_count(len(PAGES))
    charts_drawn(page, 4)
    healthy(page)


# --- tests ------------------------------------------------------------------------------------

def test_navigation_keeps_the_scenario(page: Page, open_app, screenshot) -> None:
    open_app(page, f"?{SCENARIO}", expect=HEADLINE)
    for link, path, title in PAGES:
        go_to(page, link, title)
        assert urlsplit(page.url).path == path, (link, page.url)
        params = params_of(page.url)
        assert params["users"] == "60" and params["horizon_months"] == "24", (link, page.url)
        expect(number_input(page, "users")).to_have_value("60")
        expect(number_input(page, "horizon_months")).to_have_value("24")
        healthy(page)
        no_markdown_escapes(page)
        if link in ("Assumptions", "Methodology"):
            screenshot(page, f"page_{link.lower()}")
        if link == "Methodology":
            # Formulas are typeset, not left as TeX source.
            assert page.locator(f"{MAIN} .katex").count() > 0


def test_link_straight_to_a_page_on_a_fresh_server(browser: Browser, cold_app_url: str) -> None:
    """The first visit a server ever gets is a shared link to /risk: the form is there."""
    with deep_link_page(browser, f"{cold_app_url}/risk?users=60") as page:
        check_deep_link(page)


def test_link_straight_to_a_page(browser: Browser, app_url: str) -> None:
    with deep_link_page(browser, f"{app_url}/risk?users=60") as page:
        check_deep_link(page)


def test_edit_a_cell_reaches_the_link_and_the_comparison(page: Page, open_app) -> None:
    open_on(page, open_app, "Assumptions")
    caption = page.locator(CAPTION).filter(has_text=IN_USE)
    expect(caption).to_contain_text(re.compile(r"\b0 edited cell"))

    edit_cell(page, 0, "monthly_usd", "900")
    expect(page).to_have_url(re.compile(r"[?&]approved_vpn\.monthly_usd=900(&|$)"),
                             timeout=RUN_TIMEOUT_MS)
    settle(page)
    expect(caption).to_contain_text(re.compile(r"\b1 edited cell"))
    expect(page.get_by_role("heading", name="Your figures")).to_be_visible()
    figures = page.locator(f"{MAIN} [data-testid='stTable']").filter(has_text="Your value")
    expect(figures.locator("tbody tr")).to_have_count(1)
    cells = [t.strip() for t in figures.locator("tbody td").all_inner_texts()]
    assert cells == ["Approved VPN", "Monthly charge per office (USD)", "800", "900",
                     "approved_vpn.monthly_usd"], cells
    healthy(page)

    # low above high: refused with a reason under its grid; the link keeps what it had,
    # the cell what was typed (for the manager to correct), the comparison its figure.
    before = page.url
    edit_cell(page, 0, "productivity_loss_pct_low", "50")
    refused = page.locator(ALERT).filter(has_text="Not in use")
    expect(refused).to_have_count(1, timeout=RUN_TIMEOUT_MS)
    settle(page)
    expect(refused).to_contain_text("Approved VPN, Lost share of work (%): the low guess (50) "
                                    "is above the high guess")
    assert page.url == before
    assert "approved_vpn.productivity_loss_pct_low" not in params_of(page.url)
    expect(select_cell(page, 0, "productivity_loss_pct_low")).to_have_text("50")
    expect(select_cell(page, 0, "monthly_usd")).to_have_text("900")
    page.keyboard.press("Escape")
    expect(caption).to_contain_text(re.compile(r"\b1 edited cell"))

    # A typed minus sign never makes a charge negative: refused, naming the range.
    edit_cell(page, 1, "per_mbps_usd", "-7")
    minus = page.locator(ALERT).filter(has_text="-7 is outside")
    expect(minus).to_have_count(1, timeout=RUN_TIMEOUT_MS)
    settle(page)
    expect(minus).to_contain_text("Leased private circuit, Monthly charge per Mbps (USD)")
    assert "leased_circuit.per_mbps_usd" not in params_of(page.url)
    assert all(not value.startswith("-") for value in params_of(page.url).values()), page.url
    healthy(page)
    no_markdown_escapes(page)

    # The comparison uses the edit: the download is the CLI's output for this very link.
    go_to(page, "Compare", "Compare the routes")
    params = params_of(page.url)
    assert params["approved_vpn.monthly_usd"] == "900" and params["users"] == "60"
    query = urlsplit(page.url).query
    data = download_csv(page)
    assert data == cli_csv(query)
    rows = rows_of(data)
    assert set(rows["approved_vpn"]["scenario"].split("&")) >= {"approved_vpn.monthly_usd=900"}
    # ... and only the Approved VPN's service charge moved: by USD 100 a month it is in service.
    plain = re.sub(r"&approved_vpn\.monthly_usd=900", "", query)
    baseline = rows_of(cli_csv(plain))
    active = 24 - 8 / WEEKS_PER_MONTH  # lead time 8 weeks in the default table
    moved = float(rows["approved_vpn"]["service_usd"]) - float(
        baseline["approved_vpn"]["service_usd"])
    assert moved == pytest.approx(100 * max(active, 12), abs=0.02)
    for other in ("leased_circuit", "do_nothing"):
        assert rows[other]["service_usd"] == baseline[other]["service_usd"], other
    assert metrics(page)["Approved VPN"] == usd(float(rows["approved_vpn"]["expected_total_usd"]))
    healthy(page)


def test_broken_upload_is_refused_whole(page: Page, open_app, screenshot) -> None:
    expected = json.loads((BROKEN / "EXPECTED.json").read_text(encoding="utf-8"))
    open_on(page, open_app, "Assumptions")
    url = page.url
    in_use = page.locator(CAPTION).filter(has_text=IN_USE)
    expect(in_use).to_contain_text("the default table")
    caption = in_use.inner_text()
    upload = page.locator(UPLOAD)

    upload.set_input_files(str(BROKEN / "three_faults.csv"))
    error = page.locator(ALERT).filter(has_text="three_faults.csv was not loaded")
    expect(error).to_have_count(1, timeout=RUN_TIMEOUT_MS)
    settle(page)
    problems = expected["three_faults.csv"]["problems"]
    assert len(problems) > 1
    expect(error).to_contain_text(f"{len(problems)} problem(s)")
    items = error.locator("li").all_inner_texts()
    assert len(items) == len(problems), items
    for item, problem in zip(items, problems):
        assert item.startswith(f"line {problem['line']}, column {problem['column']}:"), item
    assert page.url == url
    expect(in_use).to_have_text(caption)
    healthy(page)
    no_markdown_escapes(page)
    screenshot(page, "assumptions_bad_upload")

    for name in ("binary_garbage.csv", "zip_renamed.csv"):
        upload.set_input_files(str(BROKEN / name))
        error = page.locator(ALERT).filter(has_text=f"{name} was not loaded")
        expect(error).to_have_count(1, timeout=RUN_TIMEOUT_MS)
        settle(page)
        expect(error).to_contain_text(expected[name]["keyword"])
        expect(error).to_contain_text("1 problem(s)")
        assert page.url == url
        expect(in_use).to_have_text(caption)
        healthy(page)


def test_good_upload_travels_in_the_link(new_page, open_app, screenshot) -> None:
    extended = list(csv.DictReader(EXTENDED.open(encoding="utf-8-sig")))
    assert len(extended) > 3
    data = semicolon_decimal_comma(EXTENDED)
    assert b";" in data and re.search(rb";\d+,\d+;", data)

    first = new_page()
    open_on(first, open_app, "Assumptions")
    first.locator(UPLOAD).set_input_files(
        files=[{"name": "our-quotes.csv", "mimeType": "text/csv", "buffer": data}])
    loaded = first.locator(ALERT).filter(has_text="Loaded our-quotes.csv")
    expect(loaded).to_have_count(1, timeout=RUN_TIMEOUT_MS)
    expect(first).to_have_url(re.compile(r"[?&]table="), timeout=RUN_TIMEOUT_MS)
    settle(first)
    expect(loaded).to_contain_text(f"{len(extended)} routes")
    expect(first.locator(CAPTION).filter(has_text=IN_USE)).to_contain_text(
        f"your uploaded table, {len(extended)} routes")
    assert params_of(first.url)["users"] == "60"
    healthy(first)
    screenshot(first, "assumptions_good_upload")

    go_to(first, "Compare", "Compare the routes")
    assert "table" in params_of(first.url) and params_of(first.url)["users"] == "60"
    query = urlsplit(first.url).query
    headline = first.locator(HEADLINE).inner_text()
    shown = metrics(first)
    assert len(shown) == 4  # the four cheapest of six routes
    csv_bytes = download_csv(first)
    rows = rows_of(csv_bytes)
    assert list(rows) == [row["option_id"] for row in extended]
    assert [row["name"] for row in rows.values()] == [row["name"] for row in extended]
    assert csv_bytes == cli_csv(query)
    healthy(first)

    # A colleague opens the same link in a new browser: same table, same numbers.
    second = new_page()
    assert second.context is not first.context
    open_app(second, first.url, expect=HEADLINE)
    assert urlsplit(second.url).query == query
    expect(second.locator(HEADLINE)).to_have_text(headline)
    assert metrics(second) == shown
    assert download_csv(second) == csv_bytes
    healthy(second)


def test_risk_and_sensitivity_draw_charts_with_sentences(page: Page, open_app,
                                                         screenshot) -> None:
    open_on(page, open_app, "Risk")
    charts_with_sentences(page, 4)
    screenshot(page, "page_risk")

    chance = page.locator(CAPTION).filter(has_text="Chance the total exceeds")
    expect(chance).to_have_count(1)
    before = chance.inner_text()
    slider = page.get_by_role("slider", name=SLIDER)
    start = float(slider.input_value())
    assert usd(start) in before
    slider.focus()
    for _ in range(3):
        slider.press("ArrowRight")
    expect(chance).not_to_have_text(before, timeout=RUN_TIMEOUT_MS)
    settle(page)
    now = float(slider.input_value())
    assert now > start
    expect(chance).to_contain_text(f"Chance the total exceeds {usd(now)}:")
    # A higher bar is exceeded no more often, route by route.
    then, later = chances(before), chances(chance.inner_text())
    assert len(then) == len(later) == 3, (before, chance.inner_text())
    assert all(b <= a for a, b in zip(then, later)), (then, later)
    charts_drawn(page, 4)
    healthy(page)

    go_to(page, "Sensitivity", "Sensitivity")
    charts_with_sentences(page, 3)
    screenshot(page, "page_sensitivity")
