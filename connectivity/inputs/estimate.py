"""From what a manager can observe to the table's risk ranges, with the arithmetic in words.

Lost share of work: the minutes a day a person loses to slow or blocked
services abroad, divided by the minutes a day that depend on them
(hours a day × 60 × the dependent share). Disruptions: how many a year and the
working hours each costs a person, straight into their ranges.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..schema.columns import COLUMN_BY_NAME
from .cells import fmt, parse_number


@dataclass(frozen=True)
class Estimate:
    cells: dict[str, float]  # column -> value, ready to become overrides
    words: str  # the arithmetic, as a person checks it


def _num(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".")


# Student's t, 95th percentile, by degrees of freedom (a 90% range has 5% at each end);
# above 30, the Cornish-Fisher expansion around the normal's 1.6449 (within 0.001).
_T95 = (6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812, 1.796, 1.782,
        1.771, 1.761, 1.753, 1.746, 1.740, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711,
        1.708, 1.706, 1.703, 1.701, 1.699, 1.697)
_Z95 = 1.6448536


def t95(df: int) -> float:
    """The 95th percentile of Student's t with `df` degrees of freedom."""
    if df <= len(_T95):
        return _T95[df - 1]
    z = _Z95
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


@dataclass(frozen=True)
class Poll:
    """A staff poll read whole: a 90% range for the office's average minutes lost."""

    answers: tuple[float, ...]
    low: float
    high: float
    words: str


def poll(text: str) -> Poll:
    """A quick staff poll ("10, 25 5; 40"): every answer counts.

    The range is where the average of everyone's minutes lies, 9 times in 10, judged
    from this sample: the mean ± t × the answers' standard deviation ÷ √answers (t for
    a 90% range with answers - 1 degrees of freedom), never below zero.
    """
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
    n = len(answers)
    mean = math.fsum(answers) / n
    if n == 1:
        return Poll((answers[0],), mean, mean,
                    f"One answer, {_num(mean)} minutes a day: both ends of the range. A "
                    "range needs two answers or more.")
    sd = math.sqrt(math.fsum((a - mean) ** 2 for a in answers) / (n - 1))
    t = t95(n - 1)
    half = t * sd / math.sqrt(n)
    low, high = max(0.0, mean - half), mean + half
    words = (f"{n} answers: on average {_num(mean)} minutes a day, spread (standard "
             f"deviation) {_num(sd)} minutes. The office's average is within {_num(mean)} ± "
             f"{t:.3f} × {_num(sd)} ÷ √{n} = {_num(low)} to {_num(high)} minutes a day, 9 "
             "times in 10 (a 90% range"
             + (", cut at zero)." if mean - half < 0 else ")."))
    return Poll(tuple(answers), round(low, 2), round(high, 2), words)


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
