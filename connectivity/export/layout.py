"""How the workbooks look when opened or printed: widths, row heights, faces, print setup.

Nothing here changes a cell's value. Widths are in Excel's units (about one digit of the
11 pt face); a bold header or a proportional face runs wider than its count of characters,
hence the slack.
"""

from __future__ import annotations

import math

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FACE = "Calibri"  # Excel's own default; the workbook's Normal style is in it too
SIZE = 11
BOLD = Font(name=FACE, size=SIZE, bold=True)
TITLE = Font(name=FACE, size=13, bold=True)
NAME_FONT = Font(name=FACE, italic=True, color="666666", size=9)
LINE_PT = 15.0  # one line of the 11 pt face
MAX_ROW_PT = 409.0  # Excel's tallest row
MAX_WIDTH = 60.0  # a wider text wraps instead
WRAP_TOP = Alignment(wrap_text=True, vertical="top")


def text_width(text: str, size: float = SIZE, bold: bool = False) -> float:
    """The column width that shows `text` on one line, with room to spare."""
    longest = max((len(line) for line in str(text).splitlines()), default=0)
    return longest * (size / SIZE) * (1.15 if bold else 1.05) + 2


def lines_in(text: str, width: float) -> int:
    """How many lines `text` takes wrapped in a column `width` wide."""
    per_line = max(1, int((width - 1) / 1.1))
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


def fit_widths(sheet: Worksheet, least: list[float], header_rows: int = 1,
               fit_text: set[int] = frozenset()) -> None:
    """Each column at least its `least` width and as wide as its headers; the columns in
    `fit_text` (1-based) as wide as their longest text too, up to MAX_WIDTH, then wrapped."""
    for column, floor in enumerate(least, start=1):
        width = floor
        for row in range(1, header_rows + 1):
            cell = sheet.cell(row=row, column=column)
            if cell.value is not None:
                size = cell.font.sz or SIZE
                width = max(width, text_width(cell.value, size, bool(cell.font.b)))
        if column in fit_text:
            cells = [sheet.cell(row=r, column=column) for r in
                     range(header_rows + 1, sheet.max_row + 1)]
            longest = max((text_width(c.value) for c in cells if c.value is not None),
                          default=0.0)
            width = max(width, min(longest, MAX_WIDTH))
            if longest > MAX_WIDTH:
                for cell in cells:
                    cell.alignment = WRAP_TOP
        sheet.column_dimensions[get_column_letter(column)].width = round(width, 1)


def fit_heights(sheet: Worksheet, first_row: int = 1) -> None:
    """Rows with wrapped text as tall as their longest cell's lines (Excel and LibreOffice
    keep a row's set height and would print the wrapped lines over each other)."""
    for row in sheet.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if cell.value is not None and cell.alignment.wrap_text:
                width = sheet.column_dimensions[cell.column_letter].width or 8.43
                lines = max(lines, lines_in(cell.value, width))
        if lines > 1:
            sheet.row_dimensions[row[0].row].height = min(lines * LINE_PT + 2, MAX_ROW_PT)


def print_setup(sheet: Worksheet, title_rows: int = 1) -> None:
    """Landscape A4, every column on the page's width, the header rows on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        sheet.print_title_rows = f"1:{title_rows}"
    sheet.print_options.gridLines = True
    # Only the cells in use: a long link running on past its column would otherwise
    # widen the printed range and shrink every page to fit it.
    sheet.print_area = sheet.dimensions
    sheet.page_margins.left = sheet.page_margins.right = 0.4
