"""The workbooks as they open and print: read back with openpyxl (layout only; the values
are pinned in tests/test_before_bytes.py)."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from connectivity import compare, parse_query, read_default, read_table
from connectivity.export.layout import FACE, LINE_PT
from connectivity.export.xlsx import comparison_xlsx, table_xlsx, template_xlsx
from harness.server import ROOT

APP = "https://calculator.example/?"


def _comparison(query: str, path: str | None = None):
    table = read_table((ROOT / path).read_bytes()) if path else read_default()
    scenario, _ = parse_query(query, table)
    result = compare(table, scenario)
    data = comparison_xlsx(result.comparison, result.table, scenario, APP + scenario.query())
    return load_workbook(io.BytesIO(data)), result


BOOKS = {
    "default": lambda: _comparison("trials=1000")[0],
    "six routes in yuan": lambda: _comparison("trials=1000&currency=CNY",
                                              "data/options_extended.csv")[0],
    "table": lambda: load_workbook(io.BytesIO(table_xlsx(read_default()))),
    "template": lambda: load_workbook(io.BytesIO(template_xlsx())),
}


@pytest.mark.parametrize("name", BOOKS)
def test_every_column_is_as_wide_as_its_header_and_prints_landscape(name):
    book = BOOKS[name]()
    for sheet in book:
        setup = sheet.page_setup
        assert setup.orientation == "landscape", sheet.title
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert sheet.print_area, sheet.title  # the used cells, not a link's overflow
        if sheet.title == "Scenario":
            continue  # label/value rows, no header row
        assert sheet.print_title_rows.startswith("$1:$"), sheet.title
        for cell in sheet[1]:
            if cell.value is None:
                continue
            width = sheet.column_dimensions[cell.column_letter].width
            assert width >= len(str(cell.value)), (sheet.title, cell.value, width)
            assert cell.font.b and cell.font.name == FACE, (sheet.title, cell.value)


def test_route_names_fit_and_wrapped_rows_are_tall_enough():
    book, result = _comparison("trials=1000", "data/options_extended.csv")
    comparison = book["Comparison"]
    longest = max(len(name) for name in result.comparison["name"])
    width = comparison.column_dimensions["B"].width
    wrapped = all(c.alignment.wrap_text for c in comparison["B"][2:])
    assert width >= longest or wrapped
    sources = book["Sources"]
    tall = 0
    for row in sources.iter_rows(min_row=2):
        text = max((str(c.value) for c in row if c.value), key=len, default="")
        assert all(c.alignment.wrap_text for c in row[1:])
        if len(text) > 2 * sources.column_dimensions["C"].width:  # more than one line
            height = sources.row_dimensions[row[0].row].height
            assert height is not None and height > 2 * LINE_PT, text[:40]
            tall += 1
    assert tall >= 3  # the extended table's sources run to several lines


def test_the_rate_is_named_with_its_date_and_source():
    book, _ = _comparison("trials=1000&currency=CNY")
    rows = {r[0]: r for r in book["Scenario"].iter_rows(values_only=True) if r[0]}
    rate = next(r for label, r in rows.items() if "per US dollar" in label)
    assert "People's Bank of China" in rate[2] and "28 November 2025" in rate[2]
    book, _ = _comparison("trials=1000")
    texts = [str(v) for r in book["Scenario"].iter_rows(values_only=True) for v in r if v]
    assert not any("per US dollar" in t and "US dollar (USD)" in t for t in texts)
