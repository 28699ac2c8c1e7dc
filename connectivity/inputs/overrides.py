"""A link's `<option_id>.<column>` overrides, checked with the table's own rules.

What a manager typed is kept even when it equals the table's value: it is theirs
(provenance), and the link reopens it as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd

from ..schema.columns import COLUMN_BY_NAME, COLUMN_NAMES, OVERRIDABLE
from .cells import fmt, parse_cell, range_problems
from .notices import Notice

Override = tuple[str, str, object]  # (option_id, column, value)


def check_overrides(table: pd.DataFrame, raw: Iterable[tuple[tuple[str, str], object]],
                    name: Callable[[str], str] = str,
                    number: Callable[[float], str] = fmt,
                    ) -> tuple[tuple[Override, ...], list[Notice]]:
    """Overrides that keep the table valid, in canonical order; a Notice for each refused
    (`name` and `number` word a range's message, see `cells.range_problems`)."""
    rows = {row["option_id"]: row for row in table.to_dict("records")}
    notices, kept, parsed = [], [], []
    for (option, column), raw_value in sorted(
            raw, key=lambda item: (item[0][0], COLUMN_NAMES.index(item[0][1]))):
        try:
            parsed.append((option, column, parse_cell(COLUMN_BY_NAME[column], raw_value)))
        except ValueError as exc:
            notices.append(Notice(f"{option}.{column}", str(exc), "kept the table's value"))
    # A range is judged with every value the link sets in its row, so that moving
    # both ends at once (low=30&high=40) is not refused half-way.
    wanted: dict[str, dict] = {}
    for option, column, value in parsed:
        wanted.setdefault(option, {})[column] = value
    for option, column, value in parsed:
        row = dict(rows[option], **wanted[option])
        clash = [msg for col, msg in range_problems(row, name, number)
                 if column.startswith(col[:-4])]
        if clash:
            notices.append(Notice(f"{option}.{column}", clash[0], "kept the table's value"))
            continue
        kept.append((option, column, value))
    return tuple(kept), notices


def merge_edits(table: pd.DataFrame, overrides: tuple[Override, ...], edited_rows: dict,
                name: Callable[[str], str] = str, number: Callable[[float], str] = fmt,
                ) -> tuple[tuple[Override, ...], list[Notice]]:
    """Editor changes ({row: {column: value}}) on top of a scenario's overrides, checked.

    A refused edit leaves that cell as it was; the Notice says why.
    """
    ids = list(table["option_id"])
    proposed = {(o, c): v for o, c, v in overrides}
    for row, changes in edited_rows.items():
        for column, value in changes.items():
            if column in OVERRIDABLE:
                proposed[(ids[int(row)], column)] = value
    return check_overrides(table, proposed.items(), name, number)


def apply_overrides(table: pd.DataFrame, overrides: tuple[Override, ...]) -> pd.DataFrame:
    """The table with a scenario's (already checked) overrides written in."""
    if not overrides:
        return table
    table = table.copy()
    for option, column, value in overrides:
        table.loc[table["option_id"] == option, column] = value
    return table
