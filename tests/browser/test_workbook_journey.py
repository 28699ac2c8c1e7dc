"""A manager's .xlsx in, the comparison workbook out, in a real browser."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from playwright.sync_api import Page, expect

from connectivity.export.xlsx import MAX_HYPERLINK
from harness import xlsx as kit
from harness.selectors import SHARE, SHORT_LINK
from tests.browser.test_pages import (
    ALERT,
    CAPTION,
    EXTENDED,
    HEADLINE,
    IN_USE,
    RUN_TIMEOUT_MS,
    UPLOAD,
    go_to,
    healthy,
    open_on,
    settle,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(page: Page, name: str, data: bytes) -> None:
    page.locator(UPLOAD).set_input_files(files=[{"name": name, "mimeType": XLSX, "buffer": data}])


def test_workbook_upload_then_excel_download(page: Page, open_app, screenshot) -> None:
    open_on(page, open_app, "Assumptions")
    upload(page, "our-quotes.xlsx", kit.options_workbook(EXTENDED, title="options"))
    expect(page.locator(ALERT).filter(has_text="Loaded our-quotes.xlsx: 6 routes")
           ).to_have_count(1, timeout=RUN_TIMEOUT_MS)
    settle(page)
    caption = page.locator(CAPTION).filter(has_text=IN_USE)
    expect(caption).to_contain_text("your uploaded table, 6 routes")

    # A workbook whose formula has no saved result: refused by cell, the table stays.
    upload(page, "unsaved.xlsx", kit.with_formula(kit.options_workbook(), "F3", "B9*2", None))
    error = page.locator(ALERT).filter(has_text="unsaved.xlsx was not loaded")
    expect(error).to_have_count(1, timeout=RUN_TIMEOUT_MS)
    settle(page)
    expect(error).to_contain_text("sheet 'Sheet1', cell F3, column monthly_usd")
    expect(caption).to_contain_text("your uploaded table, 6 routes")
    healthy(page)
    page.get_by_role("button", name="Table in use as Excel (.xlsx)").scroll_into_view_if_needed()
    screenshot(page, "assumptions_xlsx_wide")
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Table in use as Excel (.xlsx)").scroll_into_view_if_needed()
    screenshot(page, "assumptions_xlsx_phone")

    with page.expect_download() as info:
        page.get_by_role("button", name="Table in use as Excel (.xlsx)").click()
    table = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))["options"]
    assert [c.value for c in table["A"][1:]] == [r[0] for r in kit.csv_rows(EXTENDED)[1:]]

    page.set_viewport_size({"width": 1400, "height": 1000})
    go_to(page, "Compare", "Compare the routes")
    expect(page.locator(HEADLINE)).to_have_count(1)
    full = (page.locator(SHARE).text_content() or "").strip()
    # The six-route table makes a link too long for Excel to open; the short link fits.
    assert full.startswith("http") and len(full) > MAX_HYPERLINK
    page.get_by_role("button", name="Make a short link to share").click()
    expect(page.locator(SHORT_LINK)).to_contain_text("?s=")
    settle(page)
    link = (page.locator(SHORT_LINK).text_content() or "").strip()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the comparison (Excel)").click()
    assert info.value.suggested_filename == "connectivity-comparison.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    rows = list(book["Comparison"].iter_rows(min_row=3, values_only=True))
    assert len(rows) == 6
    # The workbook's link is the short one, a hyperlink Excel opens.
    cells = [c for row in book["Scenario"].iter_rows() for c in row]
    (cell,) = [c for c in cells if c.value == link]
    assert cell.hyperlink is not None and cell.hyperlink.target == link
    assert not any("Excel cannot open this link directly" in str(c.value) for c in cells)
    page.get_by_role("button", name="Download the comparison (Excel)"
                     ).scroll_into_view_if_needed()
    screenshot(page, "compare_xlsx_wide")
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Download the comparison (Excel)"
                     ).scroll_into_view_if_needed()
    screenshot(page, "compare_xlsx_phone")
    healthy(page)
