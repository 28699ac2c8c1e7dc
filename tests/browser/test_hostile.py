"""Hostile input in a real browser: tampered links, nasty uploads, names that try to run.

A link and an uploaded file are public text. Whatever they hold, the app opens
without a traceback or its last-resort error box, names every change it made,
shows clamped values in the form, refuses a bad file whole while keeping the
table in use, and shows a route's name as the characters it is: never as HTML,
Markdown, LaTeX or a spreadsheet formula.

The tampered links live in tests/hostile_links.txt so other tests can reuse
them; the expected notices and values come from `connectivity.parse_query`
on the same pairs the app receives.
"""

from __future__ import annotations

import csv
import io
import math
import random
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, parse_qsl, quote, urlsplit

import pandas as pd
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from connectivity import OUTPUT_COLUMNS, Notice, Scenario, parse_query, read_default
from connectivity.inputs.scenario import TABLE_KEY, apply_overrides, cap_trials
from connectivity.inputs.tablelink import MAX_LINK, table_for
from connectivity.schema.params import PARAMS
from connectivity.views.labels import route_labels
from harness.browse import download_csv, eventually, go_to, healthy
from harness.chromium import Watch, watched_page
from harness.selectors import (
    ALERT,
    CAPTION,
    CHART,
    EXCEPTION,
    FAILURE,
    HEADLINE,
    KEY_CELL,
    KEY_TABLE,
    MAIN,
    METRIC,
    METRIC_LABEL,
    NOTICE,
    RUN_TIMEOUT_MS,
    TITLE,
    TOOLTIP,
    UPLOAD,
    UPLOADER,
)
from harness.server import ROOT

LINKS_FILE = ROOT / "tests" / "hostile_links.txt"
DEFAULT_CSV = ROOT / "data" / "options.csv"
INJECTED = "img[src='x']"  # what <img src=x onerror=...> would become if it were HTML
IN_DEFAULT = "In use: the default table"
IN_UPLOADED = "In use: your uploaded table"
# Streamlit hides these from st.query_params: the app never sees them.
EMBED_KEYS = ("embed", "embed_options")
TABLE_LINK = re.compile(rf"[?&]{TABLE_KEY}=")

XSS = "<img src=x onerror=alert(1)>"
MARKDOWN = "**b** [l](http://x) :red[r] $x$"
# Low lost productivity makes the renamed Approved VPN the cheapest route: its
# name then heads the page, the first metric and the break-even marks.
WINNER = "approved_vpn.productivity_loss_pct_low=0.1&approved_vpn.productivity_loss_pct_high=0.2"

DEFAULT = read_default()


def read_links(path: Path = LINKS_FILE) -> list[tuple[int, str]]:
    """(line number, query string) for every link in the file; # starts a comment line."""
    links = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            links.append((number, line))
    return links


LINKS = read_links()


def test_the_corpus_covers_the_brief() -> None:
    """At least 30 links, and the kinds of damage the corpus promises are all in it."""
    assert len(LINKS) >= 30
    text = "\n".join(query for _, query in LINKS)
    for needle in ("-5", "nan", "inf", "-inf", "1e400", "%00", "<script>", "<img", "😀",
                   "%zz", "table=z1.", "status_quo=teleport", "users=&", "nosuch.",
                   "approved_vpn.nosuch"):
        assert needle.lower() in text.lower(), needle
    assert any(len(query) > 10_000 for _, query in LINKS)
    assert any(len(parse_qs(query)) < len(parse_qsl(query)) for _, query in LINKS)  # repeats


# --- what the app should make of a link ------------------------------------------------------

def app_pairs(query: str) -> list[tuple[str, str]]:
    """The pairs `st.query_params` hands the app: repeats grouped by key, embed keys hidden."""
    grouped = parse_qs(query, keep_blank_values=True)
    return [(key, value) for key, values in grouped.items() if key.lower() not in EMBED_KEYS
            for value in values]


@dataclass
class Expected:
    scenario: Scenario
    notices: list[Notice]
    labels: dict[str, set[str]]  # option_id -> the names the form may show for it


def expected_for(query: str) -> Expected:
    """What the app must do with a link: parse_query's scenario and notices, trials capped."""
    scenario, notices = parse_query(app_pairs(query), DEFAULT)
    base = table_for(scenario.table, DEFAULT)
    scenario, capped = cap_trials(scenario, len(base))  # the server's budget, as the app does
    notices = notices + capped
    edited = apply_overrides(base, scenario.overrides)
    labels: dict[str, set[str]] = {}
    for table in (base, edited):
        for option, label in zip(table["option_id"], route_labels(table)):
            labels.setdefault(option, set()).add(label)
    return Expected(scenario, notices, labels)


def flat(text: str) -> str:
    """Text as a browser lays it out: whitespace runs are one space."""
    return " ".join(text.split())


def notice_line(notice: Notice) -> str:
    """A notice's line as the page shows it (a browser draws NUL as U+FFFD)."""
    line = f"{notice.name.strip() or '(empty name)'}: {notice.problem}; {notice.action}."
    return line.replace("\x00", "\ufffd")


def url_params(url: str) -> dict[str, str]:
    return {key: value for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True)
            if key.lower() not in EMBED_KEYS}


def wanted_url(scenario: Scenario) -> dict[str, str]:
    wanted = scenario.query_dict()
    if len(scenario.query()) > MAX_LINK:
        wanted.pop(TABLE_KEY, None)
    return wanted


# --- one page for the whole corpus -----------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_page(browser: Browser, app_url: str) -> Iterator[tuple[Page, Watch]]:
    """One tab for every link of the corpus: each navigation opens a new session."""
    page, watch = watched_page(browser, app_url)
    yield page, watch
    page.context.close()


# Everything a link's checks read, in one round trip (the corpus is long).
SNAPSHOT = """([exception, failure, injected, headline, metric, notice]) => ({
  exceptions: document.querySelectorAll(exception).length,
  failures: document.querySelectorAll(failure).length,
  injected: document.querySelectorAll(injected).length,
  headline: document.querySelector(headline)?.innerText ?? "",
  metrics: document.querySelectorAll(metric).length,
  notices: [...document.querySelectorAll(notice)].map(e => e.innerText),
  inputs: [...document.querySelectorAll("[data-testid='stSidebar'] input[aria-label]")]
    .map(e => [e.getAttribute("aria-label"), e.value]),
})"""


@pytest.mark.parametrize(("number", "query"), LINKS, ids=[f"line{n}" for n, _ in LINKS])
def test_tampered_link(corpus_page, app_url: str, wait_for_run, number: int,
                       query: str) -> None:
    page, watch = corpus_page
    watch.clear()
    response = page.goto(f"{app_url}/?{query}", wait_until="commit")
    # The query as the browser sent it (it percent-encodes spaces, quotes, < and >).
    sent = urlsplit(response.url).query if response is not None else query
    page.wait_for_selector(TITLE, timeout=RUN_TIMEOUT_MS)
    wait_for_run(page)
    expected = expected_for(sent)
    seen = page.evaluate(SNAPSHOT, [EXCEPTION, FAILURE, INJECTED, HEADLINE, METRIC, NOTICE])
    assert (seen["exceptions"], seen["failures"], seen["injected"]) == (0, 0, 0), seen
    assert not watch.dialogs, watch.dialogs
    assert not watch.errors, watch.errors
    assert seen["headline"].strip(), "the comparison was not drawn"
    routes = len(table_for(expected.scenario.table, DEFAULT))
    assert seen["metrics"] == min(routes, 4)  # the four cheapest routes get a metric

    # Every change is named in the one notice (it lists 30 and counts the rest).
    if expected.notices:
        assert len(seen["notices"]) == 1, seen["notices"]
        text = flat(seen["notices"][0])
        for item in expected.notices[:30]:
            assert flat(item.name) in text, (item.name, text[:2000])
            # Shown as written: no Markdown marks or escapes left around the user's text.
            assert flat(notice_line(item)) in text, (notice_line(item), text[:2000])
        if len(expected.notices) > 30:
            assert f"and {len(expected.notices) - 30} more" in text, text[-300:]
        # A 10 kB value is named, not echoed: each line stays short.
        assert len(text) < 300 * (min(len(expected.notices), 30) + 1), text[:500]
    else:
        assert seen["notices"] == []

    # The form holds the cleaned scenario: clamped values, defaults for the unusable.
    want = expected.scenario
    inputs = dict(seen["inputs"])
    assert len(inputs) == len(seen["inputs"]) == len(PARAMS), seen["inputs"]
    for param in PARAMS:
        shown = inputs[param.label]
        value = getattr(want, param.name)
        if param.kind == "choice":
            assert shown in expected.labels[value], (param.name, shown, value)
        elif param.kind == "currency":
            assert shown.startswith(value), (param.name, shown, value)
        elif param.kind == "int":
            assert float(shown) == value, (param.name, shown, value)
        else:
            # The field writes at most ten decimals (pages/_entry.text_of): 1e-300 shows as 0
            # while the scenario, and the address bar below, keep the value itself.
            assert math.isclose(float(shown), value, rel_tol=1e-5, abs_tol=1e-10), (
                param.name, shown, value)

    # The address bar now holds that cleaned scenario, nothing else.
    assert eventually(lambda: url_params(page.url) == wanted_url(want)), (
        url_params(page.url), wanted_url(want))


# --- uploads ---------------------------------------------------------------------------------

def open_assumptions(page: Page, open_app) -> None:
    """The Assumptions page through the sidebar (a deep link makes the frontend log 404s)."""
    open_app(page, "", expect=HEADLINE)
    go_to(page, "Assumptions", "Assumptions")
    expect(page.locator(CAPTION, has_text=IN_DEFAULT)).to_have_count(1)


def upload(page: Page, name: str, data: bytes) -> None:
    page.locator(UPLOAD).set_input_files({"name": name, "mimeType": "text/csv", "buffer": data})


def default_rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(DEFAULT_CSV.read_text(encoding="utf-8"))))


def to_csv(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8")


def renamed_zip() -> bytes:
    """A real zip (what an .xlsx is) holding a valid table, to be named .csv."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("options.csv", DEFAULT_CSV.read_bytes())
    return buffer.getvalue()


def wide_csv(columns: int = 10_000) -> bytes:
    rows = default_rows()
    extra = columns - len(rows[0])
    return to_csv([rows[0] + [f"extra_{i}" for i in range(extra)], rows[1] + [""] * extra])


def over_limit() -> bytes:
    """A valid table padded with comment lines to just over 1,000,000 bytes."""
    data = DEFAULT_CSV.read_bytes()
    return data + b"#" * (1_000_001 - len(data))


# name, bytes, what the refusal must say
BAD_UPLOADS = {
    "binary": ("<b>random</b>.csv", random.Random(7).randbytes(8192), r"not readable text"),
    "renamed_zip": ("options.csv", renamed_zip(), r"zip file"),
    "10000_columns": ("wide.csv", wide_csv(), r"unknown column 'extra_0'.*and \d+ more"),
    "over_1MB": ("big.csv", over_limit(), r"1(\.0)?\s?MB"),
}


@pytest.mark.parametrize("case", list(BAD_UPLOADS))
def test_bad_upload_is_refused_and_table_kept(page: Page, open_app, wait_for_run,
                                              case: str) -> None:
    name, data, why = BAD_UPLOADS[case]
    open_assumptions(page, open_app)
    before = page.url
    upload(page, name, data)
    # Our refusal (an error under the uploader) or Streamlit's own size check (on the file).
    message = page.locator(f"{ALERT}:has-text('was not loaded'), {UPLOADER} [role='alert']")
    expect(message.first).to_be_visible(timeout=RUN_TIMEOUT_MS)
    wait_for_run(page)
    text = message.first.inner_text()
    assert re.search(why, text, re.S), text[:1000]
    if "was not loaded" in text:
        assert flat(f"{name} was not loaded; the table in use is unchanged") in flat(text)
    expect(page.locator(CAPTION, has_text=IN_DEFAULT)).to_have_count(1)
    expect(page.locator(CAPTION, has_text=IN_UPLOADED)).to_have_count(0)
    assert not TABLE_LINK.search(page.url), page.url
    assert url_params(page.url) == url_params(before)
    expect(page.locator(f"{MAIN} b")).to_have_count(0)  # the file's name stayed text
    healthy(page)


NASTY_NAMES = ['=HYPERLINK("http://x")', "<b>bold</b>", XSS]


def test_nasty_names_upload_loads_as_plain_text(page: Page, open_app, wait_for_run) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    rows = default_rows()
    for row, name in zip(rows[1:], NASTY_NAMES):
        row[1] = name
    open_assumptions(page, open_app)
    upload(page, "nasty.csv", to_csv(rows))
    expect(page.locator(ALERT, has_text="Loaded nasty.csv: 3 routes")).to_be_visible(
        timeout=RUN_TIMEOUT_MS)
    wait_for_run(page)
    expect(page.locator(CAPTION, has_text=IN_UPLOADED)).to_have_count(1)
    expect(page).to_have_url(TABLE_LINK)

    # The sources and notes list the routes by name, in Markdown: shown literally.
    expander = page.locator(f"{MAIN} [data-testid='stExpander']")
    expander.locator("summary").click()
    shown = flat(expander.inner_text())
    for name in NASTY_NAMES:
        assert f"{name} (" in shown, (name, shown[:500])
    assert "\\" not in shown

    # The comparison uses the upload; the names head the metrics as text.
    go_to(page, "Compare", "Compare the routes")
    labels = [re.sub(r"^#\d+ ", "", label)
              for label in page.locator(METRIC_LABEL).all_inner_texts()]
    assert sorted(labels) == sorted(NASTY_NAMES)
    assert any(flat(page.locator(HEADLINE).inner_text()).startswith(name) for name in NASTY_NAMES)
    expect(page.locator(f"{MAIN} b")).to_have_count(0)
    expect(page.locator(f"{MAIN} a[href='http://x']")).to_have_count(0)
    assert page.locator(INJECTED).count() == 0
    # The formula name is neutralised in the export.
    rows_out = list(csv.DictReader(io.StringIO(download_csv(page).decode("utf-8-sig"))))
    assert {row["name"] for row in rows_out} == {"'" + NASTY_NAMES[0], *NASTY_NAMES[1:]}
    assert not dialogs, dialogs
    healthy(page)


# --- no user text ever runs ------------------------------------------------------------------

MARK_POINT = """mark => {
  // A point on the mark's own geometry, in the page's viewport pixels.
  if (mark.parentNode.classList.contains('mark-line')) {
    const p = mark.getPointAtLength(mark.getTotalLength() * 0.6);
    const q = new DOMPoint(p.x, p.y).matrixTransform(mark.getScreenCTM());
    return [q.x, q.y];
  }
  const box = mark.getBoundingClientRect();
  return [box.x + box.width / 2, box.y + box.height / 2];
}"""


def tooltip_over(page: Page, chart: Locator, text: str) -> Locator:
    """Hover the chart's marks that carry `text` until Vega's tooltip shows it."""
    chart.scroll_into_view_if_needed()
    marks = chart.locator("svg g.role-mark > path, svg g.role-mark > line")
    tip = page.locator(TOOLTIP)
    tried = 0
    for mark in marks.all():
        if text not in (mark.get_attribute("aria-label") or ""):
            continue
        tried += 1
        x, y = mark.evaluate(MARK_POINT)
        page.mouse.move(x, y)
        if eventually(lambda: tip.count() == 1 and tip.is_visible()
                      and text in tip.inner_text(), timeout_s=1.5):
            return tip
        page.mouse.move(0, 0)
    raise AssertionError(f"no tooltip with {text!r} after hovering {tried} marks")


def winner_link(name: str) -> str:
    return f"approved_vpn.name={quote(name, safe='')}&{WINNER}"


def test_html_name_never_runs(page: Page, open_app, screenshot) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    open_app(page, winner_link(XSS), expect=HEADLINE)

    assert page.locator(HEADLINE).inner_text().startswith(f"{XSS} costs least")
    expect(page.locator(METRIC_LABEL).first).to_have_text(f"#1 {XSS}")
    # The key table is plain HTML: the name is a cell's text, not an element.
    expect(page.locator(KEY_CELL, has_text=XSS)).to_have_count(1, timeout=RUN_TIMEOUT_MS)
    assert XSS in page.locator(KEY_CELL).all_inner_texts()
    expect(page.locator(f"{KEY_TABLE} img")).to_have_count(0)
    rows = list(csv.DictReader(io.StringIO(download_csv(page).decode("utf-8-sig"))))
    assert [row["name"] for row in rows if row["option_id"] == "approved_vpn"] == [XSS]

    charts = page.locator(CHART)
    expect(charts).to_have_count(3)
    for i in range(3):
        tip = tooltip_over(page, charts.nth(i), XSS)
        assert XSS in tip.inner_text()
        assert tip.locator("img").count() == 0
        assert "&lt;img" in tip.inner_html()  # escaped by the tooltip, not parsed
    screenshot(page, "hostile_html_name")

    assert page.locator(INJECTED).count() == 0
    assert page.locator("[onerror]").count() == 0
    assert not page.evaluate("[...document.scripts].some(s => s.text.includes('alert(1)'))")
    assert not dialogs, dialogs
    healthy(page)


def test_markdown_name_shows_literally(page: Page, open_app) -> None:
    open_app(page, winner_link(MARKDOWN), expect=HEADLINE)
    headline = page.locator(HEADLINE).inner_text()
    assert headline.startswith(f"{MARKDOWN} costs least"), headline
    expect(page.locator(METRIC_LABEL).first).to_have_text(f"#1 {MARKDOWN}")
    # The caveat about the winner and the sentences under the charts name it too.
    texts = [headline, *page.locator(METRIC_LABEL).all_inner_texts(),
             *page.locator(f"{ALERT}, {CAPTION}").all_inner_texts()]
    assert sum(MARKDOWN in text for text in texts) >= 4, texts
    for text in texts:
        assert "\\" not in text, text
    # The key table reads its cells as Markdown: the name shows as typed, escapes unseen.
    cells = page.locator(KEY_CELL).all_inner_texts()
    assert MARKDOWN in cells and not any("\\" in cell for cell in cells), cells
    main = page.locator(MAIN)
    expect(main.locator("a[href='http://x']")).to_have_count(0)
    expect(main.locator("strong", has_text=re.compile(r"^b$"))).to_have_count(0)
    expect(main.locator(".katex, .katex-display")).to_have_count(0)
    expect(main.locator("span[style*='color']", has_text=re.compile(r"^r$"))).to_have_count(0)
    healthy(page)


# --- export: formulas are neutralised, numbers stay numbers ----------------------------------

FORMULA_NAMES = {
    "approved_vpn": " =1+1",
    "leased_circuit": "  +1",
    "do_nothing": "   -1",
}
MORE_FORMULA_NAMES = {
    "approved_vpn": " @SUM(A1)",
    "leased_circuit": "  ＝1",
    "do_nothing": "   ＋1",
}
NUMBER_COLUMNS = [c for c in OUTPUT_COLUMNS
                  if c not in ("option_id", "name", "legal_status", "reach", "scenario")]


@pytest.mark.parametrize("names", [FORMULA_NAMES, MORE_FORMULA_NAMES], ids=["ascii", "more"])
def test_export_neutralises_formula_names(page: Page, open_app, names: dict[str, str]) -> None:
    link = "&".join(f"{option}.name={quote(name, safe='')}" for option, name in names.items())
    open_app(page, link, expect=HEADLINE)
    data = download_csv(page)
    assert data.startswith(b"\xef\xbb\xbf")
    # Names lose their leading spaces when read (a name is one trimmed line), so the
    # file's cell starts with the formula character itself: neutralised all the same.
    wanted = {option: "'" + name.strip() for option, name in names.items()}

    frame = pd.read_csv(io.BytesIO(data))
    assert list(frame.columns) == list(OUTPUT_COLUMNS)
    assert dict(zip(frame["option_id"], frame["name"])) == wanted
    for column in NUMBER_COLUMNS:
        kind = pd.api.types.is_integer_dtype if column == "rank" else pd.api.types.is_float_dtype
        assert kind(frame[column]), (column, frame[column].dtype)
    assert frame["expected_total_usd"].gt(0).all()

    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {row["option_id"]: row["name"] for row in rows} == wanted
    for row in rows:
        for column in NUMBER_COLUMNS:
            float(row[column])  # raises if a number was turned into text
        assert not row["scenario"].startswith(("=", "+", "-", "@", "'"))
    healthy(page)
