"""Whose figure is each cell of the table in use: the manager's, sourced, or an estimate."""

from __future__ import annotations

from .scenario import Scenario

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


def origin(s: Scenario, option_id: str, column: str) -> str:
    """Where one cell's value comes from, for this scenario."""
    if any(o == option_id and c == column for o, c, _ in s.overrides):
        return YOURS
    if s.table:
        return YOUR_TABLE
    return SOURCED if (option_id, column) in SOURCED_DEFAULTS else ESTIMATE


def origin_words(kind: str) -> str:
    """The short mark a form field carries."""
    return {YOURS: "your figure", YOUR_TABLE: "from your table", SOURCED: "sourced [S]",
            ESTIMATE: "the app's estimate [G]"}[kind]
