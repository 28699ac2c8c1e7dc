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

from ..schema.columns import COLUMN_NAMES, COLUMNS, NUMBER_COLUMNS
from .cells import fmt, readable
from .formulas import neutralise
from .problems import Problem, TableError
from .rows import MAX_BYTES, check_records, check_rows, is_workbook, read_header
from .xlsx import read_xlsx

TEXT_COLUMNS = tuple(c.name for c in COLUMNS if c.kind == "text")
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


def read_table(data: bytes, decimal: str | None = None) -> pd.DataFrame:
    """A checked options table from the bytes of a CSV file or an .xlsx workbook, or TableError.

    The content decides, not a file name: a zip is read as a workbook. `decimal` is
    for files whose writer is known (ours: "."); else the file's numbers decide.
    """
    if len(data) > MAX_BYTES:
        raise TableError([Problem(f"the file is {readable(len(data))} bytes; the limit is "
                                  f"{readable(MAX_BYTES)} bytes (1 MB)")])
    if is_workbook(data):
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
