"""The decision memo (PDF): what a director reads, checked by reading the file back."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date

import numpy as np
import pytest
import segno
from PIL import Image

from connectivity import compare, comparison_csv, parse_query, read_default, read_table
from connectivity.export.memo import build, fonts, memo_pdf, qr
from connectivity.inputs.tablelink import encode_table
from connectivity.views.compare import caveat, headline
from connectivity.views.format import money
from harness.memo import (
    HOSTILE_NAMES,
    ROOT,
    hostile_table,
    pages_of,
    render,
    squeezed,
    text_of,
)

DAY = date(2026, 3, 31)
BASE = "https://calculator.example/"
MB = 1024 * 1024


def result_for(query: str = "", table=None):
    table = read_default() if table is None else table
    scenario, notices = parse_query(query, table)
    assert not [n for n in notices if n.strict], notices
    return compare(table, scenario)


def link_of(result) -> str:
    return f"{BASE}?{result.scenario.query()}"


@pytest.fixture(scope="module")
def default():
    result = result_for()
    return result, build(result, link_of(result), day=DAY)


@pytest.fixture(scope="module")
def extended():
    table = read_table((ROOT / "data" / "options_extended.csv").read_bytes())
    result = result_for("", table)
    return result, build(result, link_of(result), day=DAY)


@pytest.fixture(scope="module")
def hostile():
    result = result_for("", hostile_table())
    return result, build(result, link_of(result), day=DAY)


def csv_totals(result) -> list[str]:
    """Each route's expected total as the CSV download writes it."""
    text = comparison_csv(result.comparison).decode("utf-8-sig")
    return [row["expected_total_usd"] for row in csv.DictReader(io.StringIO(text))]


def test_text_holds_headline_caveat_totals_as_in_the_csv_and_the_link(default):
    result, memo = default
    text = text_of(memo.pdf)
    flat = " ".join(text.split())
    assert " ".join(headline(result).split()) in flat
    assert " ".join(caveat(result).split()) in flat
    totals = csv_totals(result)
    assert len(totals) == 3 and all("." in t for t in totals)
    for total in totals:  # exactly as the CSV writes it, e.g. 188237.09
        assert total in text
    assert squeezed(link_of(result)) in squeezed(text)
    for label in ("Expected total", "NPV", "10th–90th percentile", "Cheapest in",
                  "What moves the answer most", "Assumptions in use", "Sources and notes"):
        assert label in flat


def test_default_memo_is_two_pages_under_a_megabyte_and_renders(default):
    result, memo = default
    assert memo.pages == pages_of(memo.pdf) == 2
    assert len(memo.pdf) < MB
    assert memo.undrawn == ()
    pngs = render(memo.pdf, "memo_default")
    assert len(pngs) == 2
    with Image.open(pngs[0]) as page:
        assert page.size[0] > page.size[1] * 0.6  # portrait A4, drawn
        ink = np.asarray(page.convert("L")) < 200
    assert ink.mean() > 0.03  # charts and text on page 1, not a blank page


def test_six_routes_fit_two_pages(extended):
    result, memo = extended
    assert len(result.table) == 6
    assert memo.pages == 2 and len(memo.pdf) < MB
    text = text_of(memo.pdf)
    for total in csv_totals(result):
        assert total in text
    assert len(render(memo.pdf, "memo_six_routes")) == 2


def test_letter_paper_fits_two_pages(extended):
    result, _ = extended
    memo = build(result, link_of(result), paper="letter", day=DAY)
    assert memo.pages == 2
    render(memo.pdf, "memo_six_routes_letter")


def test_hostile_names_print_as_text(hostile):
    result, memo = hostile
    assert memo.pages == 2 and len(memo.pdf) < MB
    assert memo.undrawn == ()  # the Noto CJK face draws the Chinese name
    flat = squeezed(text_of(memo.pdf))
    for name in HOSTILE_NAMES.values():
        assert squeezed(name) in flat, name
    assert len(render(memo.pdf, "memo_hostile_names")) == 2


def test_the_same_scenario_gives_the_same_bytes_and_the_date_is_the_memos(default):
    result, memo = default
    assert memo_pdf(result, link_of(result), day=DAY) == memo.pdf
    assert b"D:20260331000000" in memo.pdf  # creation date: the memo's date, not the clock's
    assert "Prepared 31 March 2026" in text_of(memo.pdf)
    other = memo_pdf(result, link_of(result), day=date(2026, 4, 1))
    assert other != memo.pdf and "Prepared 01 April 2026" in text_of(other)


def qr_modules_on_page(memo, modules: int, dpi: int = 300) -> np.ndarray:
    """The QR code as printed: page 1 drawn by pdftoppm, each module's centre sampled."""
    page_no, x, y, side = memo.qr_box
    png = render(memo.pdf, "memo_qr", dpi=dpi, page=page_no)[0]
    scale = dpi / 25.4
    with Image.open(png) as image:
        pixels = np.asarray(image.convert("L"))
    unit = side / (modules + 2 * qr.QUIET)
    centres = [(qr.QUIET + k + 0.5) * unit for k in range(modules)]
    return np.array([[pixels[int((y + cy) * scale), int((x + cx) * scale)] < 128
                      for cx in centres] for cy in centres])


def segno_matrix(link: str) -> np.ndarray:
    code = segno.make(link, error=qr.ERROR, micro=False, boost_error=False)
    return np.array(code.matrix, dtype=bool)


def test_the_printed_qr_code_is_the_links(default):
    result, memo = default
    expected = segno_matrix(link_of(result))
    printed = qr_modules_on_page(memo, len(expected))
    assert (printed == expected).all()
    assert printed.mean() > 0.3  # dark modules were found, not a blank square
    # Another link's code differs, so the comparison can fail.
    other = segno_matrix(link_of(result) + "&users=26")
    assert other.shape != expected.shape or (other != expected).any()


def test_currency_edits_and_regret_show(monkeypatch):
    result = result_for("currency=CNY&approved_vpn.monthly_usd=900")
    comparison = result.comparison.assign(expected_regret_usd=[1234.5, 0.0, 98765.4])
    result = dataclasses.replace(result, comparison=comparison)
    memo = build(result, link_of(result), day=DAY)
    text = text_of(memo.pdf)
    flat = " ".join(text.split())
    s = result.scenario
    for value in comparison["expected_total_usd"]:
        assert money(value, s) in flat and money(value, s).startswith("¥")
    assert "Expected regret" in flat and money(98765.4, s) in flat
    # The edited cell in the memo's currency (900 USD at 7.1), named in words.
    assert "6,390 *" in flat and "Approved VPN: Monthly charge per office = ¥6,390" in flat
    for total in csv_totals(result):  # the CSV's figures stay in US dollars
        assert total in text
    assert memo.pages == 2


def test_an_uploaded_table_is_named_and_its_long_link_printed_in_full():
    table = read_table((ROOT / "data" / "options_extended.csv").read_bytes())
    result = result_for(f"table={encode_table(table)}")
    link = link_of(result)
    assert len(link) > 2000
    memo = build(result, link, day=DAY)
    text = text_of(memo.pdf)
    assert "a table of your own (6 routes)" in text
    assert memo.qr_box is None  # too long for a code a phone can read
    assert squeezed(link) in squeezed(text)
    assert memo.pages <= 3 and len(memo.pdf) < MB


def test_without_a_cjk_font_the_memo_builds_and_names_what_it_could_not_draw(monkeypatch):
    monkeypatch.setattr(fonts, "CJK_FILES", ())
    result = result_for("", hostile_table())
    memo = build(result, link_of(result), day=DAY)
    assert memo.undrawn == ("approved_vpn",)
    flat = " ".join(text_of(memo.pdf).split())
    assert "no font for some characters" in flat and "approved_vpn" in flat
    assert memo.pages == 2


def test_without_any_system_font_the_memo_still_builds(monkeypatch):
    monkeypatch.setattr(fonts, "FONT_DIRS", ())
    result = result_for("currency=EUR", hostile_table())
    memo = build(result, link_of(result), day=DAY)
    assert set(memo.undrawn) == {"approved_vpn"}
    text = text_of(memo.pdf)
    for total in csv_totals(result):
        assert total in text
