"""From what a manager can observe to the table's risk ranges, with the arithmetic in words.

Lost share of work: the minutes a day a person loses to slow or blocked
services abroad, divided by the minutes a day that depend on them
(hours a day × 60 × the dependent share). Disruptions: how many a year and the
working hours each costs a person, straight into their ranges.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..schema.columns import COLUMN_BY_NAME
from .cells import fmt, parse_number


@dataclass(frozen=True)
class Estimate:
    cells: dict[str, float]  # column -> value, ready to become overrides
    words: str  # the arithmetic, as a person checks it


def _num(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def poll(text: str) -> tuple[float, float]:
    """A quick staff poll ("10, 25 5; 40") read as its lowest and highest answer."""
    tokens = [t for t in text.replace(";", " ").replace(",", " ").split() if t]
    if not tokens:
        raise ValueError("the poll has no answers: type the minutes each person gave")
    answers = []
    for token in tokens:
        try:
            value = parse_number(token)
        except ValueError as exc:
            raise ValueError(f"poll answer {exc}") from None
        if value < 0:
            raise ValueError(f"poll answer '{token}' is below zero")
        answers.append(value)
    return min(answers), max(answers)


def _ordered(low: float, high: float, what: str) -> None:
    if low < 0 or high < 0:
        raise ValueError(f"{what} cannot be below zero")
    if low > high:
        raise ValueError(f"the low guess of {what} ({_num(low)}) is above the high guess "
                         f"({_num(high)})")


def lost_share(minutes_low: float, minutes_high: float, hours_day: float,
               dependency_pct: float) -> Estimate:
    """`productivity_loss_pct_low/_high` from minutes lost a day per person."""
    _ordered(minutes_low, minutes_high, "minutes lost a day")
    if hours_day <= 0 or hours_day > 24:
        raise ValueError("hours worked a day must be above 0 and at most 24")
    dependent = hours_day * 60 * dependency_pct / 100
    if dependent <= 0:
        raise ValueError("no working time depends on services abroad (the sidebar's share "
                         "is 0%), so no share of it can be lost")
    if minutes_high > dependent:
        raise ValueError(f"{_num(minutes_high)} minutes is more than the {_num(dependent)} "
                         "minutes a day that depend on services abroad")
    low = round(minutes_low / dependent * 100, 2)
    high = round(minutes_high / dependent * 100, 2)
    words = (f"{_num(hours_day)} hours a day × 60 minutes × {_num(dependency_pct)}% of work "
             f"that needs services abroad = {_num(dependent)} minutes a day depend on them. "
             f"{_num(minutes_low)} ÷ {_num(dependent)} = {_num(low)}% and "
             f"{_num(minutes_high)} ÷ {_num(dependent)} = {_num(high)}% of that time is lost.")
    return Estimate({"productivity_loss_pct_low": low, "productivity_loss_pct_high": high},
                    words)


def disruptions(per_year_low: float, per_year_high: float, hours_low: float,
                hours_high: float) -> Estimate:
    """`outages_per_year_low/_high` and `outage_hours_low/_high` from what was seen."""
    _ordered(per_year_low, per_year_high, "disruptions a year")
    _ordered(hours_low, hours_high, "hours lost per disruption")
    cells = {"outages_per_year_low": per_year_low, "outages_per_year_high": per_year_high,
             "outage_hours_low": hours_low, "outage_hours_high": hours_high}
    for column, value in cells.items():
        top = COLUMN_BY_NAME[column].high
        if value > top:
            raise ValueError(f"{_num(value)} is above the most the table allows ({fmt(top)})")
    words = (f"{_num(per_year_low)} to {_num(per_year_high)} disruptions a year × "
             f"{_num(hours_low)} to {_num(hours_high)} working hours each = "
             f"{_num(per_year_low * hours_low)} to {_num(per_year_high * hours_high)} hours "
             "a year per person, at the two ends.")
    return Estimate(cells, words)
