"""Reading an options table from what a spreadsheet wrote, all or nothing.

A file that breaks any rule is refused as a whole, with one Problem per fault
naming the line (header = line 1) and the column, so the table in use stays.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
from pathlib import Path

import pandas as pd

from ..schema.columns import COLUMN_BY_NAME, COLUMN_NAMES, COLUMNS, NUMBER_COLUMNS
from .cells import fmt, parse_cell, range_problems
from .formulas import neutralise
from .numbers import Convention, decide
from .problems import Problem, TableError

MAX_BYTES = 1_000_000
TEXT_COLUMNS = tuple(c.name for c in COLUMNS if c.kind == "text")
MAX_ROWS = 50
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "data" / "options.csv"


def decode(data: bytes) -> str:
    """Text from the encodings Excel writes: UTF-8 (BOM or not), UTF-16, Windows-1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    elif data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif len(data) >= 4 and data[1] == 0 and data[3] == 0 and data[0] and data[2]:
        encodings = ["utf-16-le"]
    elif len(data) >= 4 and data[0] == 0 and data[2] == 0 and data[1] and data[3]:
        encodings = ["utf-16-be"]
    else:
        encodings = ["utf-8", "cp1252"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return text
    raise TableError([Problem("the file is not readable text (a binary file?): save it from "
                              "your spreadsheet as CSV (UTF-8 or Windows-1252)")])


def sniff_separator(text: str) -> str:
    """Comma, semicolon or tab: whichever the header line uses most."""
    header = text.split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: (counts[sep], sep == ","))


def _records(text: str, sep: str) -> list[list[str]]:
    # A long cell (within the 1 MB limit) is a cell rule's business, not a CSV error.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    records = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        raise TableError([Problem(f"the file cannot be read as CSV ({exc}): check for a "
                                  "quote mark (\") that is opened but never closed",
                                  line=len(records) + 1)]) from None
    return records


def read_header(cells: list[str]) -> tuple[list[str | None], list[Problem]]:
    problems: list[Problem] = []
    names: list[str | None] = []
    seen: set[str] = set()
    for position, cell in enumerate(cells, start=1):
        name = cell.strip().lstrip("\ufeff").strip().lower()
        if not name:
            names.append(None)
            continue
        if name not in COLUMN_BY_NAME:
            shown = name if len(name) <= 40 else name[:40] + "…"
            problems.append(Problem(f"unknown column '{shown}' (position {position})", line=1))
        elif name in seen:
            problems.append(Problem("appears twice in the header", line=1, column=name))
        seen.add(name)
        names.append(name)
    for column in COLUMNS:
        if column.required and column.name not in seen:
            problems.append(Problem("is missing from the header", line=1, column=column.name))
    if len(problems) > 20:
        problems = problems[:20] + [Problem(f"and {len(problems) - 20} more header problems",
                                            line=1)]
    return names, problems


def read_table(data: bytes, decimal: str | None = None) -> pd.DataFrame:
    """A checked options table from the bytes of a CSV file or an .xlsx workbook, or TableError.

    The content decides, not a file name: a zip is read as a workbook. `decimal` is
    for files whose writer is known (ours: "."); else the file's numbers decide.
    """
    if len(data) > MAX_BYTES:
        raise TableError([Problem(f"the file is {len(data):,} bytes; the limit is "
                                  f"{MAX_BYTES:,} bytes (1 MB)")])
    if is_workbook(data):
        from .xlsx import read_xlsx  # imported here: xlsx.py builds on this module

        return read_xlsx(data)
    text = decode(data)
    if not text.strip():
        raise TableError([Problem("the file is empty: it needs a header line and one row "
                                  "per route")])
    sep = sniff_separator(text)
    records = _records(text, sep)
    names, problems = read_header(records[0])
    if problems:
        raise TableError(problems)
    return check_rows(names, records[1:], decimal=decimal)


def check_rows(names: list[str | None], records: list[list], decimal: str | None = None,
               place=None, where=None) -> pd.DataFrame:
    """The table from the rows under a checked header (a CSV's records or a sheet's rows).

    `place((line, column))` names a cell inside a message and `where(problems)` renames
    the places of the problems (a workbook names its cells as Excel does).
    """
    where = where or (lambda problems: problems)
    problems: list[Problem] = []
    # Blank lines and lines starting with # (the template's comments) are skipped.
    rows = [(number, cells) for number, cells in enumerate(records, start=2)
            if any(_text(cell).strip() for cell in cells)
            and not _text(cells[0]).lstrip().startswith("#")]
    if not rows:
        raise TableError([Problem("the file has a header but no routes: add one row per route")])
    if len(rows) > MAX_ROWS:
        raise TableError([Problem(f"the file has {len(rows)} routes; the limit is {MAX_ROWS}")])
    raw_rows = []
    for line, cells in rows:
        extra = cells[len(names):]
        if len(cells) < len(names) or any(_text(cell).strip() for cell in extra):
            problems.append(Problem(f"has {len(cells)} cells but the header has {len(names)}: "
                                    "a separator is missing or one too many", line=line))
            continue
        raw_rows.append((line, {n: c for n, c in zip(names, cells) if n is not None}))
    frame, cell_problems = check_records(raw_rows, decimal, place or _place)
    problems += cell_problems
    if problems:
        raise TableError(where(problems))
    return frame


def _text(cell: object) -> str:
    return "" if cell is None else str(cell)


def is_workbook(data: bytes) -> bool:
    """A zip (an .xlsx workbook) or an OLE container (an encrypted workbook, an old .xls)."""
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06") or data[:8] == OLE_SIGNATURE


def _place(where: tuple[int, str]) -> str:
    return f"line {where[0]}, column {where[1]}"


def check_records(
    raw_rows: list[tuple[int, dict]], decimal: str | None = None, place=_place
) -> tuple[pd.DataFrame, list[Problem]]:
    """Every cell and row rule of SPEC section 3 over (line, {column: raw}) pairs.

    Number cells given as text are read with the decimal mark the whole file proves
    (`numbers.decide`), or with `decimal` where the writer is known (our own files).
    """
    problems: list[Problem] = []
    rows: list[dict] = []
    first_line: dict[str, int] = {}
    texts = [((line, name), raw) for line, record in raw_rows for name, raw in record.items()
             if isinstance(raw, str) and COLUMN_BY_NAME[name].kind == "number" and raw.strip()]
    convention = Convention.known(decimal) if decimal else decide(texts, place)
    for line, raw in raw_rows:
        row: dict = {}
        for column in COLUMNS:
            value = raw.get(column.name)
            doubt = convention.doubtful.get((line, column.name))
            if doubt:
                problems.append(Problem(doubt, line=line, column=column.name))
                continue
            comma = isinstance(value, str) and convention.mark_for(value) == ","
            try:
                row[column.name] = parse_cell(column, value, comma)
            except ValueError as exc:
                problems.append(Problem(str(exc), line=line, column=column.name))
        problems += [Problem(msg, line=line, column=col) for col, msg in range_problems(row)]
        option_id = row.get("option_id")
        if option_id in first_line:
            problems.append(Problem(f"'{option_id}' is used twice (first on line "
                                    f"{first_line[option_id]}): identifiers must be unique",
                                    line=line, column="option_id"))
        elif option_id:
            first_line[option_id] = line
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(COLUMN_NAMES))
    return frame, problems


def check_frame(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[Problem]]:
    """Re-check a table held in memory (for example after an edit), lines as in a file."""
    raw_rows = [(number, {k: (None if isinstance(v, float) and math.isnan(v) else v)
                          for k, v in record.items()})
                for number, record in enumerate(frame.to_dict("records"), start=2)]
    return check_records(raw_rows)


def read_default() -> pd.DataFrame:
    return read_table(DEFAULT_PATH.read_bytes())


# No comma, semicolon or tab in a comment: any separator would split it into cells.
TEMPLATE_NOTES = (
    "# One row per route. Lines starting with # are ignored: delete them if you like.",
    "# A _low/_high pair is a 90% range: _low is the 5th percentile and _high the 95th "
    "(equal values mean a fixed number).",
    "# Example (remove the # to use it):",
)


def template_rows() -> list[list[object]]:
    """The template under its header: comment rows, then the example route commented out."""
    example = read_default().iloc[0]
    row = [example[name] for name in COLUMN_NAMES]
    row[0] = "#" + row[0]
    return [[note] for note in TEMPLATE_NOTES] + [row]


def template_csv() -> bytes:
    """A blank table to fill in: the header, comment lines and a commented example row."""
    example = read_default().iloc[:1]
    body = table_to_csv(example).decode("utf-8-sig").splitlines()
    return ("\r\n".join([body[0], *TEMPLATE_NOTES, "#" + body[1]]) + "\r\n").encode("utf-8-sig")


def number_text(value: object) -> str:
    """A table number as text no reader can misread: 3000 (not 3000.0), 80.1250 (not 80.125).

    Three decimals after one to three digits would also read as a thousands group, so a
    fourth (zero) decimal proves the point is a decimal point.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = fmt(float(value))
    return text + "0" if re.fullmatch(r"-?[1-9]\d{0,2}\.\d{3}", text) else text


def written_columns(frame: pd.DataFrame) -> list[str]:
    """The columns a file of this table needs: an optional column only when a row uses it."""
    return [c.name for c in COLUMNS
            if not c.written_when_used or c.name in frame
            and not (frame[c.name].fillna(c.absent) == c.absent).all()]


def table_to_csv(frame: pd.DataFrame, for_spreadsheet: bool = False) -> bytes:
    """The table as a CSV that `read_table` reads back unchanged.

    `for_spreadsheet` (a download a person may open in Excel) neutralises text
    that would run as a formula; `read_table` takes the apostrophe off again.
    """
    columns = written_columns(frame)
    frame = frame.copy()
    for column in NUMBER_COLUMNS:
        frame[column] = frame[column].map(number_text)
    if for_spreadsheet:
        for column in TEXT_COLUMNS:
            frame[column] = frame[column].map(lambda v: neutralise(v) if isinstance(v, str)
                                              else v)
    out = io.StringIO()
    frame.to_csv(out, index=False, columns=columns, lineterminator="\r\n",
                 float_format=None)
    return out.getvalue().encode("utf-8-sig")
