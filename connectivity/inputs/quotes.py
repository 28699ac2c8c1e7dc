"""A carrier's quote typed in the manager's currency, turned into table overrides.

The link keeps each US-dollar value at full float precision, and the form shows
it back in the currency rounded to the cent, so what a manager typed (279.99)
is exactly what they see on reopening the link.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..schema.columns import words
from .scenario import Scenario

INCLUDED = "Included in the monthly charge"
PER_MBPS = "Priced per Mbps"
BANDWIDTH_CHOICES = (INCLUDED, PER_MBPS)


@dataclass(frozen=True)
class QuoteField:
    column: str
    label: str
    money: bool  # typed in the scenario's currency; else a plain count


QUOTE_FIELDS: tuple[QuoteField, ...] = (
    *(QuoteField(c, words(c, unit=False), True)  # the page adds the currency
      for c in ("setup_usd", "monthly_usd", "per_mbps_usd", "per_user_usd")),
    *(QuoteField(c, words(c), False)
      for c in ("included_mbps", "min_term_months", "lead_time_weeks")),
)
QUOTE_COLUMNS: tuple[str, ...] = tuple(f.column for f in QUOTE_FIELDS)


def shown(value_usd: float, s: Scenario) -> float:
    """A US-dollar amount as the form shows it: the scenario's currency, to the cent."""
    return round(value_usd * s.fx_rate, 2)


def typed_to_usd(typed: float, s: Scenario) -> float:
    """An amount typed in the scenario's currency, in US dollars (unrounded)."""
    return float(typed) if s.currency == "USD" else typed / s.fx_rate


def field_value(f: QuoteField, table_value: float, s: Scenario) -> float:
    """What the form shows for a cell of the table in use."""
    return shown(table_value, s) if f.money else float(table_value)


def bandwidth_choice(row: dict, overrides: set[str]) -> str | None:
    """The bandwidth answer the form starts from: only one the manager gave before."""
    if "per_mbps_usd" not in overrides:
        return None
    return INCLUDED if row["per_mbps_usd"] == 0 else PER_MBPS


def quote_changes(row: dict, typed: dict[str, float], bandwidth: str | None, s: Scenario,
                  yours: frozenset[str] | set[str] = frozenset(),
                  ) -> tuple[dict[str, float], str | None]:
    """The cells a submitted quote changes ({column: US-dollar or plain value}).

    `typed` holds only the fields the manager typed into (a field left empty keeps
    the table's value, and stays the table's). A typed figure becomes the manager's
    even when it equals the table's (whose figure it is matters to the reader); one
    typed again into a cell already theirs counts only when it differs (`yours`: the
    columns of this route the manager set before). A new monthly charge needs an
    explicit bandwidth answer while the table still prices bandwidth: an all-in
    quote must not silently keep a per-Mbps price. Returns (changes, problem).
    """
    by_column = {f.column: f for f in QUOTE_FIELDS}
    changes: dict[str, float] = {}
    for column, value in typed.items():
        f = by_column[column]
        if column == "per_mbps_usd" and bandwidth == INCLUDED:
            continue
        if column not in yours or value != field_value(f, row[column], s):
            changes[column] = typed_to_usd(value, s) if f.money else float(value)
    if bandwidth == INCLUDED and row["per_mbps_usd"] != 0:
        changes["per_mbps_usd"] = 0.0
    elif (bandwidth is None and "monthly_usd" in changes and row["per_mbps_usd"] > 0
          and "per_mbps_usd" not in changes):
        return {}, ("say whether bandwidth is included in the monthly charge or priced per "
                    "Mbps: the table still adds a price per Mbps")
    return changes, None
