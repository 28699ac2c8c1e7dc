"""Reading an options table from an .xlsx workbook, bounded before anything is parsed.

The zip's directory is checked first (members, unpacked size, compression ratio,
integrity), so a zip bomb or a damaged file is refused before openpyxl reads a
byte of XML. The sheet is the one named `options`, else the first. Typed numbers
arrive as numbers; text cells go through the same rules as a CSV's cells, and
every problem names the sheet and the cell as Excel does (B7).
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile

import pandas as pd

from ..schema.columns import COLUMN_BY_NAME
from .cells import fmt, readable
from .problems import Problem, TableError
from .rows import MAX_BYTES, OLE_SIGNATURE, check_rows, read_header

MAX_UNPACKED = MAX_BYTES  # SPEC section 3: 1 MB, for a workbook also when unpacked
MAX_MEMBERS = 500
MAX_RATIO = 200  # unpacked/packed of one member; XML in a real workbook stays far below
RATIO_FLOOR = 100_000  # a member smaller than this cannot hurt, whatever its ratio
# The area an options table may use: 50 routes with comment lines, and spare columns.
MAX_ROW, MAX_COLUMN = 1_000, 100
SHEET = "options"


def _refuse(message: str) -> TableError:
    return TableError([Problem(message)])


def _ole(data: bytes) -> TableError:
    if "EncryptionInfo".encode("utf-16-le") in data:
        return _refuse("this workbook is protected by a password (encrypted), so it cannot be "
                       "read: in Excel remove the password (File > Info > Protect Workbook) "
                       "and save it again as .xlsx, or save the sheet as CSV")
    return _refuse("this is an old-style Excel 97-2003 (.xls) or other Office file: in Excel "
                   "use File > Save As > Excel Workbook (.xlsx) or CSV")


def _archive(data: bytes) -> zipfile.ZipFile:
    """The zip, checked for size, bombs, encryption, macros and damage, unparsed."""
    damaged = ("the workbook is damaged (the zip inside an .xlsx cannot be read): open it in "
               "Excel and save it again, or save the sheet as CSV")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise _refuse(damaged) from None
    if len(members) > MAX_MEMBERS:
        raise _refuse(f"the workbook holds {readable(len(members))} parts; the limit is "
                      f"{MAX_MEMBERS}")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED:
        raise _refuse(f"the workbook unpacks to {readable(unpacked)} bytes; the limit is "
                      f"{readable(MAX_UNPACKED)} bytes (1 MB): copy the options sheet alone into a "
                      "new workbook, or save it as CSV")
    for m in members:
        if m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise _refuse(f"the workbook's part {m.filename[:60]} unpacks {readable(m.file_size)} "
                          f"bytes from {readable(m.compress_size)}: refused as a possible zip bomb")
        if m.flag_bits & 0x1:
            raise _refuse("the workbook's zip is encrypted: remove the password and save "
                          "it again")
    names = {m.filename for m in members}
    _kind(archive, names)
    try:  # reads every part (bounded by the sizes checked above) and checks its CRC
        bad = archive.testzip()
    except Exception:  # noqa: BLE001 - zlib, CRC and format errors of untrusted bytes
        bad = "?"
    if bad is not None:
        raise _refuse(damaged)
    return archive


def _kind(archive: zipfile.ZipFile, names: set[str]) -> None:
    """Refuse a zip that is not a plain .xlsx, saying what it is instead."""
    if "mimetype" in names and "xl/workbook.xml" not in names:
        raise _refuse("this is an OpenDocument file (.ods?), not an Excel workbook: save it "
                      "as Excel 2007-365 (.xlsx) or as CSV")
    if "xl/workbook.bin" in names:
        raise _refuse("this is an Excel binary workbook (.xlsb): save it as an Excel "
                      "Workbook (.xlsx) or as CSV")
    if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
        raise _refuse("this is a zip file but not an Excel workbook: upload the table as "
                      ".xlsx or CSV (in Excel: File > Save As)")
    try:
        types = archive.read("[Content_Types].xml")
    except Exception:  # noqa: BLE001 - a damaged part is said as such below
        types = b""
    if "xl/vbaProject.bin" in names or b"macroEnabled" in types:
        raise _refuse("this is a macro-enabled workbook (.xlsm); macros are never run here: "
                      "save it as an Excel Workbook (.xlsx) without macros, or as CSV")


def _load(data: bytes, formulas: bool):
    # openpyxl itself: imported when a workbook arrives, so CSV users never pay for it.
    # It reads XML through defusedxml where installed (requirements.txt pins it).
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl's notes on unsupported extensions
        try:
            return openpyxl.load_workbook(io.BytesIO(data), data_only=not formulas,
                                          keep_links=False, keep_vba=False)
        except Exception:  # noqa: BLE001 - any parse failure of untrusted input
            raise _refuse("the workbook cannot be read (damaged, or written by a program "
                          "this calculator does not know): open it in Excel and save it "
                          "again as .xlsx, or save the sheet as CSV") from None


def _sheet(book):
    sheets = book.worksheets
    if not sheets:
        raise _refuse("the workbook has no worksheet: put the table on a sheet named "
                      f"'{SHEET}' or on the first sheet")
    named = [s for s in sheets if s.title.strip().lower() == SHEET]
    return named[0] if named else sheets[0]


def _raw(value: object, kind: str) -> object:
    """A cell's value as the table rules take it: numbers typed as numbers stay numbers."""
    if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
        # A number a spreadsheet turned into a date (1.4 -> 1 April) must not pass as one.
        return f"{value.isoformat() if hasattr(value, 'isoformat') else value} (a date)"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value) if kind == "number" else fmt(float(value))
    return value


def read_xlsx(data: bytes) -> pd.DataFrame:
    """The options table on a workbook's `options` sheet (else its first), or TableError."""
    if data[:8] == OLE_SIGNATURE:
        raise _ole(data)
    _archive(data)
    values = _sheet(_load(data, formulas=False))
    title = values.title
    if values.max_row > MAX_ROW or values.max_column > MAX_COLUMN:
        raise _refuse(f"sheet '{title}' has cells as far as "
                      f"{_letter(values.max_column, values.max_row)}; an options table fits "
                      f"in A1:{_letter(MAX_COLUMN, MAX_ROW)}: copy the table alone into a "
                      "new sheet")
    formulas = _load(data, formulas=True)[title]
    grid = [list(row) for row in values.iter_rows(values_only=True)] or [[]]
    names, problems = read_header([_raw(v, "text") or "" for v in grid[0]])

    def located(found: list[Problem]) -> list[Problem]:
        columns = {n: i for i, n in enumerate(names, start=1) if n}
        return [Problem(p.message, p.line, p.column, sheet=title,
                        cell=_letter(columns[p.column], p.line)
                        if p.column in columns and p.line else None) for p in found]

    if problems:
        raise TableError(located(problems))
    missing = []
    for row in formulas.iter_rows(min_row=2, max_row=len(grid), max_col=len(names)):
        for cell in row:
            if cell.data_type == "f" and grid[cell.row - 1][cell.column - 1] is None:
                missing.append(Problem(
                    f"holds a formula ({str(cell.value)[:40]}) without a saved result: open "
                    "the workbook in Excel, let it calculate, save it and upload it again",
                    line=cell.row, column=names[cell.column - 1]))
    if missing:
        raise TableError(located(missing))
    stray = [Problem(f"cell {_letter(i, number)} holds '{str(v)[:40]}' in a column without "
                     "a header: delete it or give the column a name", line=number)
             for number, row in enumerate(grid[1:], start=2)
             for i, v in enumerate(row, start=1)
             if v not in (None, "") and (i > len(names) or names[i - 1] is None)]
    if stray:
        raise TableError(located(stray))
    kinds = [COLUMN_BY_NAME[n].kind if n else "text" for n in names]
    rows = [[_raw(v, kind) for v, kind in zip(row, kinds)] for row in grid[1:]]
    return check_rows(names, rows, where=located,
                      place=lambda w: f"cell {_letter(names.index(w[1]) + 1, w[0])}")


def _letter(column: int, row: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column)}{row}"
