"""Whose figure is each cell of the table in use: the manager's, sourced, or an estimate."""

from __future__ import annotations

import functools
import math

import pandas as pd

from .problems import TableError
from .scenario import Scenario
from .tablelink import decode_table

YOURS = "yours"
YOUR_TABLE = "your table"
SOURCED = "sourced"
ESTIMATE = "estimate"

# Cells of the default table (data/options.csv) that follow a cited source [S]/[V]
# or hold by definition (doing nothing has no line charges); Methodology's
# "Which default numbers are estimates" lists the same. Every other cell is [G].
SOURCED_DEFAULTS: frozenset[tuple[str, str]] = frozenset({
    ("leased_circuit", "monthly_usd"),
    ("leased_circuit", "latency_ms"),
    ("do_nothing", "setup_usd"),
    ("do_nothing", "monthly_usd"),
    ("do_nothing", "per_mbps_usd"),
    ("do_nothing", "per_user_usd"),
    ("do_nothing", "min_term_months"),
    ("do_nothing", "lead_time_weeks"),
})


def origin(s: Scenario, option_id: str, column: str,
           default: pd.DataFrame | None = None) -> str:
    """Where one cell's value comes from, for this scenario.

    What the manager typed is theirs even when it equals the app's value. A cell of
    their own table is theirs only where it differs from the app's table (`default`):
    a downloaded table uploaded again still holds the app's estimates.
    """
    if any(o == option_id and c == column for o, c, _ in s.overrides):
        return YOURS
    option_id = dict(s.added).get(option_id, option_id)  # a copy's untouched cell is its route's
    if s.table and (default is None or not _as_default(s.table, option_id, column, default)):
        return YOUR_TABLE
    return SOURCED if (option_id, column) in SOURCED_DEFAULTS else ESTIMATE


def _as_default(code: str, option_id: str, column: str, default: pd.DataFrame) -> bool:
    """Whether a cell of the link's table holds the app's own value for that cell."""
    try:
        mine = _cells(code).get((option_id, column), _MISSING)
    except TableError:
        return False
    rows = default.set_index("option_id")
    if option_id not in rows.index or column not in rows.columns:
        return False
    theirs = rows.at[option_id, column]
    both_empty = all(isinstance(v, float) and math.isnan(v) for v in (mine, theirs))
    return both_empty or mine == theirs


_MISSING = object()


@functools.lru_cache(maxsize=8)
def _cells(code: str) -> dict[tuple[str, str], object]:
    table = decode_table(code)
    return {(row["option_id"], column): value for row in table.to_dict("records")
            for column, value in row.items()}


def origin_words(kind: str) -> str:
    """The short mark a form field carries."""
    return {YOURS: "your figure", YOUR_TABLE: "from your table", SOURCED: "sourced [S]",
            ESTIMATE: "the app's estimate [G]"}[kind]
