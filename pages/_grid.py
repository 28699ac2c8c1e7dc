"""The Assumptions grids' number cells, read as every other number field is read.

The grid's own number cells know only a decimal point ("250,50" became 25050); here
each number cell is text, shown with the browser's decimal mark and read through
`pages._entry` with the browser's locale, so "250,50", "7.800", "$1.2k" and "1,5万"
come to what the sidebar would make of them. A cell that is refused keeps what was
typed, with the reason under its grid, and the comparison keeps the value it had;
an emptied cell keeps its value and says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from connectivity.inputs.notices import short
from connectivity.schema.columns import (
    COLUMN_BY_NAME,
    COLUMN_NAMES,
    NUMBER_COLUMNS,
    WORDS,
    words,
)
from connectivity.views.labels import COLUMN_WORDS, route_labels
from pages import _entry
from pages._state import state

ELSEWHERE = "type the quote on Your quotes, which reads the sidebar's currency"
# Range messages name the figure first ("Approved VPN, Lost share of work (%): ..."),
# then its two ends in words.
END_WORDS = {"low": "the low guess", "high": "the high guess"}


@dataclass(frozen=True)
class Said:
    """What the grid says under one cell: a refusal (the cell keeps `text`) or a note."""

    option_id: str
    column: str
    words: str
    text: str = ""  # what was typed, kept in the cell; "" for a note
    refused: bool = False
    kept: str = ""  # the figure still in use, as the grid writes it


def field(column: str, route: str) -> _entry.Field:
    """A number cell as a field: its words, its bounds, its unit (US dollars for money)."""
    c = COLUMN_BY_NAME[column]
    return _entry.Field(f"{route}, {COLUMN_WORDS.get(column, column)}", c.low, c.high,
                        percent="_pct_" in column,
                        currency="USD" if "_usd" in column else None,
                        other_currency=ELSEWHERE)


def end_words(column: str) -> str:
    """A range's column as its grid message names it: "the low guess"."""
    return END_WORDS.get(column.rsplit("_", 1)[-1], COLUMN_WORDS.get(column, column))


def _figure_now(table: pd.DataFrame, row: int, column: str) -> str:
    """A cell of the table in use as the grid writes it ("none" for an empty one)."""
    value = table[column].iloc[row]
    if column not in NUMBER_COLUMNS:
        return f"'{short(str(value))}'"
    return "none" if value != value else _entry.text_of(float(value))


def refused() -> dict[tuple[str, str], str]:
    """(route, column) -> the text a refused cell keeps."""
    return {(s.option_id, s.column): s.text for s in state.grid_said if s.refused}


def shown(table: pd.DataFrame) -> pd.DataFrame:
    """The grid's frame: the table with number cells as text in the browser's writing,
    and each refused cell's own text in its place."""
    grid = table[list(COLUMN_NAMES)].copy()
    for column in NUMBER_COLUMNS:
        grid[column] = [_entry.text_of(None if v != v else float(v)) for v in grid[column]]
    rows = {oid: i for i, oid in enumerate(grid["option_id"])}
    for (oid, column), text in refused().items():
        if oid in rows:
            grid.loc[grid.index[rows[oid]], column] = text
    return grid.assign(option_id=route_labels(table))


def read_edits(table: pd.DataFrame, edited_rows: dict) -> tuple[dict, list[Said]]:
    """The grid's edits ({row: {column: value}}) with every number cell's text read, and
    what to say of the cells not taken as typed. Earlier refusals of cells not edited
    again stay (their text is still in the grid)."""
    ids, labels = list(table["option_id"]), route_labels(table)
    read: dict = {}
    said: list[Said] = []
    for row, changes in edited_rows.items():
        oid, route = ids[int(row)], labels[int(row)]
        for column, text in changes.items():
            if column not in NUMBER_COLUMNS:
                read.setdefault(row, {})[column] = text
                continue
            f = field(column, route)
            typed = _entry.read(f, text)
            kept = _figure_now(table, int(row), column)
            if typed.problem:
                said.append(Said(oid, column, typed.problem, str(text).strip(), True, kept))
            elif typed.empty:
                said.append(Said(oid, column, f"{f.label}: the cell was emptied, so it "
                                 f"keeps {kept}."))
            else:
                read.setdefault(row, {})[column] = typed.value
                if typed.note:
                    said.append(Said(oid, column, f"{f.label}: {typed.note}"))
    edited = {(ids[int(r)], c) for r, changes in edited_rows.items() for c in changes}
    still = [s for s in state.grid_said if s.refused and (s.option_id, s.column) not in edited]
    return read, still + said


def range_said(table: pd.DataFrame, notices: list, edited_rows: dict) -> list[Said]:
    """Refused edits (Notices named `<option_id>.<column>`) as the grid says them: the
    route and the figure first, the typed text kept in its cell."""
    ids, labels = list(table["option_id"]), route_labels(table)
    cells = {f"{ids[int(r)]}.{c}": (ids[int(r)], labels[int(r)], c, text)
             for r, changes in edited_rows.items() for c, text in changes.items()}
    out = []
    for notice in notices:
        if notice.name not in cells:  # a figure the link held before, not this edit
            out.append(Said("", "", f"{notice}."))
            continue
        oid, route, column, text = cells[notice.name]
        stem = column.rsplit("_", 1)[0]
        what = words(stem) if stem in WORDS else COLUMN_WORDS.get(column, column)
        out.append(Said(oid, column, f"{route}, {what}: {notice.problem}.",
                        "" if text is None else str(text).strip(), True,
                        _figure_now(table, ids.index(oid), column)))
    return out

