"""The rules an options table obeys whatever file it came in (SPEC section 3): the
file's limits, the header, the rows and every cell. A CSV (table.py) and a workbook
(xlsx.py) both read through them, so neither imports the other.
"""

from __future__ import annotations

import pandas as pd

from ..schema.columns import COLUMN_BY_NAME, COLUMN_NAMES, COLUMNS
from .cells import parse_cell, range_problems
from .numbers import Convention, decide
from .problems import Problem, TableError

MAX_BYTES = 1_000_000
MAX_ROWS = 50
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
