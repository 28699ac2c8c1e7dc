"""The comparison, the options table and its template as Excel workbooks.

Numbers are typed numbers with money, percent and count formats; headers are the
labels a person reads; the header rows are frozen. Every text cell is written as
text (an inline string), never a formula, whatever it starts with (`=`, `+`, `@`).
"""

from __future__ import annotations

import io
import math

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

from ..inputs.scenario import Scenario
from ..inputs.table import template_rows, written_columns
from ..model.breakeven import breakevens
from ..model.sensitivity import tornado_in_use
from ..schema.columns import COLUMN_BY_NAME, COLUMNS, Column
from ..schema.currency import CURRENCY_BY_CODE
from ..schema.outputs import OUTPUTS
from ..schema.params import PARAMS
from ..views.format import figure, number
from ..views.labels import route_labels
from ..views.story import breakeven_sentence, mover_sentence, rate_sentence
from .layout import BOLD, NAME_FONT, TITLE, WRAP_TOP, fit_heights, fit_widths, print_setup

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY = '"$"#,##0.00'
SHARE = "0.00%"
COUNT = "0"
NUMBER = "General"
# Excel refuses (and offers to repair) a workbook whose hyperlink is longer than this.
MAX_HYPERLINK = 2079
WIDTHS = {"text": 18, "money": 15, "share": 12, "count": 7}


def text_cell(sheet: Worksheet, row: int, column: int, value: object):
    """A cell holding `value` as text: never run as a formula, whatever it starts with."""
    cell = sheet.cell(row=row, column=column)
    cell.value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(value))
    cell.data_type = "s"
    return cell


def number_cell(sheet: Worksheet, row: int, column: int, value: object, fmt: str = NUMBER):
    cell = sheet.cell(row=row, column=column)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return cell  # an empty optional number stays an empty cell
    cell.value = float(value) if fmt != COUNT else int(value)
    cell.number_format = fmt
    return cell


def _saved(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _header(sheet: Worksheet, labels: list[str], names: list[str] | None = None) -> None:
    for column, label in enumerate(labels, start=1):
        text_cell(sheet, 1, column, label).font = BOLD
        if names:
            text_cell(sheet, 2, column, names[column - 1]).font = NAME_FONT
    sheet.freeze_panes = sheet.cell(row=3 if names else 2, column=3)


def _widths(sheet: Worksheet, widths: list[float], header_rows: int = 1,
            fit_text: set[int] = frozenset(), title_rows: int | None = None) -> None:
    """Widths (at least these, and the headers'), wrapped rows' heights, print setup."""
    fit_widths(sheet, widths, header_rows, fit_text)
    fit_heights(sheet)
    print_setup(sheet, header_rows if title_rows is None else title_rows)


def _comparison_sheet(sheet: Worksheet, comparison: pd.DataFrame, scenario: Scenario) -> None:
    """The comparison's columns in USD; for another currency, its money again, converted."""
    sheet.title = "Comparison"
    units = {"money": " (USD)", "share": "", "count": "", "text": ""}
    currency = CURRENCY_BY_CODE[scenario.currency]
    converted = [o for o in OUTPUTS if o.unit == "money"] if currency.code != "USD" else []
    _header(sheet, [o.label + units[o.unit] for o in OUTPUTS]
            + [f"{o.label} ({currency.code})" for o in converted],
            [o.name for o in OUTPUTS]
            + [f"{o.name} at {figure(scenario.fx_rate)} {currency.code} per USD"
               for o in converted])
    formats = {"money": MONEY, "share": SHARE, "count": COUNT}
    local = f'"{currency.symbol}"#,##0.00'
    for row, record in enumerate(comparison.to_dict("records"), start=3):
        for column, output in enumerate(OUTPUTS, start=1):
            value = record[output.name]
            if output.unit == "text":
                text_cell(sheet, row, column, value)
            else:
                number_cell(sheet, row, column, value, formats[output.unit])
        for column, output in enumerate(converted, start=len(OUTPUTS) + 1):
            number_cell(sheet, row, column, record[output.name] * scenario.fx_rate, local)
    _widths(sheet, [28 if o.name == "name" else 40 if o.name == "scenario"
                    else WIDTHS[o.unit] for o in OUTPUTS] + [WIDTHS["money"] + 3] * len(converted),
            header_rows=2, fit_text={2})


def _rows(sheet: Worksheet, rows: list[tuple[object, ...]], start: int = 1) -> int:
    """Label/value rows (numbers typed, everything else text); the next free row."""
    for row_at, values in enumerate(rows, start=start):
        for column, value in enumerate(values, start=1):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                number_cell(sheet, row_at, column, value)
            elif value is not None:
                text_cell(sheet, row_at, column, value)
    return start + len(rows)


def _scenario_sheet(sheet: Worksheet, scenario: Scenario, link: str, default: bool,
                    story: list[tuple[str, str]]) -> None:
    currency = CURRENCY_BY_CODE[scenario.currency]
    rows: list[tuple[object, ...]] = [
        ("Scenario of this comparison",),
        ("Every amount is in US dollars (USD)" + ("." if currency.code == "USD" else
         f"; the Comparison sheet repeats them in {currency.code} at the rate below."),),
        (),
        *story,
        (),
    ]
    for p in PARAMS:
        value = getattr(scenario, p.name)
        if p.name == "fx_rate":
            rows.append((p.label, value, rate_sentence(scenario) or
                         "none: every amount is in US dollars"))
        elif p.name == "currency":
            rows.append((p.label, f"{currency.code}: {currency.name}"))
        else:
            rows.append((p.label, value))
    rows.append(("Options table", "the default table (data/options.csv)" if default
                 else "an uploaded table (carried in the link)"))
    for option, column, value in scenario.overrides:
        rows.append((f"Edited: {option}.{column}", value))
    rows.append(())
    next_row = _rows(sheet, rows)
    text_cell(sheet, 1, 1, rows[0][0]).font = TITLE
    for row_at in range(2, next_row):  # the notes and sentences wrap in their columns
        for column in (1, 2, 3):
            sheet.cell(row=row_at, column=column).alignment = WRAP_TOP
    text_cell(sheet, next_row, 1, "Share link (opens this exact comparison)").font = BOLD
    cell = text_cell(sheet, next_row, 2, link)
    if link.startswith(("https://", "http://")) and len(link) <= MAX_HYPERLINK:
        cell.hyperlink = link
        cell.style = "Hyperlink"
    else:
        text_cell(sheet, next_row + 1, 2, "(Excel cannot open this link directly: copy it "
                  "into the browser's address bar)")
    _widths(sheet, [44, 60, 60], header_rows=0, title_rows=0)


def _sources_sheet(sheet: Worksheet, table: pd.DataFrame) -> None:
    _header(sheet, ["Route id", "Route", "Sources", "Notes"])
    sheet.freeze_panes = "A2"
    for row, record in enumerate(table.to_dict("records"), start=2):
        for column, name in enumerate(("option_id", "name", "sources", "notes"), start=1):
            value = record.get(name)
            cell = text_cell(sheet, row, column, "" if not isinstance(value, str) else value)
            cell.alignment = WRAP_TOP
    _widths(sheet, [18, 28, 80, 80], fit_text={2})


def _glossary(book: Workbook, headers: list[str], rows: list[tuple[str, str, str]],
              widths: list[float]) -> None:
    sheet = book.create_sheet("Columns")
    _header(sheet, headers)
    sheet.freeze_panes = "A2"
    _rows(sheet, rows, start=2)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = WRAP_TOP
    _widths(sheet, widths, fit_text={1, 2, 3})


def story_rows(table: pd.DataFrame, s: Scenario) -> list[tuple[str, str]]:
    """What the pages and the memo say of break-even and the input that moves the margin
    most, in the same words (the pages' currency)."""
    labels = route_labels(table)
    rows = [("Break-even", breakeven_sentence(breakevens(table, s), labels, s.horizon_months)),
            ("What moves the margin most", mover_sentence(tornado_in_use(table, s), s))]
    return [(label, text) for label, text in rows if text]


def comparison_xlsx(comparison: pd.DataFrame, table: pd.DataFrame, scenario: Scenario,
                    link: str) -> bytes:
    """The comparison workbook: the comparison, the scenario with its link, the sources."""
    book = Workbook()
    _comparison_sheet(book.active, comparison, scenario)
    _scenario_sheet(book.create_sheet("Scenario"), scenario, link, not scenario.table,
                    story_rows(table, scenario))
    _sources_sheet(book.create_sheet("Sources"), table)
    _glossary(book, ["Column", "Name in files and links", "Meaning"],
              [(o.label, o.name, o.meaning) for o in OUTPUTS], [24, 28, 90])
    return _saved(book)


def _table_sheet(sheet: Worksheet, rows: list[list[object]],
                 specs: tuple[Column, ...] = COLUMNS) -> None:
    """The options table as `read_table` reads it back: names in row 1, one route a row."""
    sheet.title = "options"
    _header(sheet, [c.name for c in specs])
    sheet.freeze_panes = "C2"
    for row_at, values in enumerate(rows, start=2):
        for column, (spec, value) in enumerate(zip(specs, values), start=1):
            if spec.kind == "number" and isinstance(value, (int, float)):
                number_cell(sheet, row_at, column, value)
            elif value is not None and not (isinstance(value, float) and math.isnan(value)):
                text_cell(sheet, row_at, column, value)
    _widths(sheet, [18, 28, 13, 15, *[12] * (len(specs) - 6), 50, 50])


def _columns_glossary() -> list[tuple[str, str, str]]:
    def allowed(c) -> str:
        if c.kind == "number":
            optional = "" if c.required else ", optional"
            return f"number from {number(c.low, 0)} to {number(c.high, 0)}{optional}"
        if c.kind == "choice":
            return "one of " + ", ".join(c.choices)
        return "text" + ("" if c.required else ", optional")

    return [(c.name, allowed(c), c.help) for c in COLUMNS]


def table_xlsx(frame: pd.DataFrame) -> bytes:
    """The options table in use as a workbook that uploads back unchanged."""
    book = Workbook()
    names = written_columns(frame)
    _table_sheet(book.active, frame[names].values.tolist(),
                 tuple(COLUMN_BY_NAME[n] for n in names))
    _glossary(book, ["Column", "Allowed", "Meaning"], _columns_glossary(), [26, 40, 90])
    return _saved(book)


def template_xlsx() -> bytes:
    """A blank table to fill in: the header, comment rows and a commented example route."""
    book = Workbook()
    _table_sheet(book.active, template_rows())
    _glossary(book, ["Column", "Allowed", "Meaning"], _columns_glossary(), [26, 40, 90])
    return _saved(book)
