"""From what a manager can observe to the table's risk ranges, with the figures of the
arithmetic kept apart for the page's words (views/estimate_words.py).

Lost share of work: the minutes a day a person loses to slow or blocked
services abroad, divided by the minutes a day that depend on them
(hours a day × 60 × the dependent share). Disruptions: how many a year and the
working hours each costs a person, straight into their ranges.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Protocol

from ..schema.columns import COLUMN_BY_NAME
from .cells import fmt, readable
from .entry import read_number


class Estimate(Protocol):
    """What every estimate gives the page to use: column -> value, ready as overrides."""

    @property
    def cells(self) -> dict[str, float]: ...


class Refused(ValueError):
    """A figure refused. `why` holds a {} for each of `figures`, kept as numbers so the
    page writes them as people do (views/estimate_words.refusal); str() is the machine
    form (cells.fmt), for a log or a test."""

    def __init__(self, why: str, *figures: float) -> None:
        super().__init__(why.format(*(fmt(f) for f in figures)))
        self.why, self.figures = why, figures


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
    """A staff poll read whole: a 90% range for the office's average minutes lost, and the
    figures of its arithmetic (one answer: no spread, both ends the answer)."""

    answers: tuple[float, ...]
    low: float
    high: float
    mean: float
    sd: float = 0.0
    t: float = 0.0
    cut: bool = False  # the range was cut at zero

    @property
    def n(self) -> int:
        return len(self.answers)


# Commas that end an answer ("10, 25", "10 ,25", "40,"): any not between two digits.
_LIST_COMMA = re.compile(r",(?!\d)|(?<!\d),")
MINUTES_A_DAY = 1440.0


def _answer(token: str, locale: str | None) -> float:
    """One poll answer, read as the sidebar reads a number; ValueError says why not."""
    if re.search(r"\d,\d", token):
        # "10,25": one answer with a decimal comma, or two answers? Never guessed.
        parts = token.split(",")
        raise ValueError(f"'{token}' could be one number or {len(parts)} answers "
                         f"({', '.join(parts)}): put a space after each comma between "
                         "answers, and write a decimal with a point")
    read = read_number(token, locale, within=(0.0, MINUTES_A_DAY))
    if read.problem:
        raise ValueError(f"poll answer {read.problem}")
    value = float(read.value)
    if value < 0:
        raise ValueError(f"poll answer '{token}' is below zero")
    if value > MINUTES_A_DAY:
        raise ValueError(f"poll answer '{token}' is more than the "
                         f"{readable(MINUTES_A_DAY)} minutes in a day")
    return value


def poll(text: str, locale: str | None = None) -> Poll:
    """A quick staff poll ("10, 25 5; 40"): every answer counts.

    Answers are parted by spaces, semicolons or a comma that is not between digits;
    each is read as the browser's `locale` reads a typed number. The range is where
    the average of everyone's minutes lies, 9 times in 10, judged from this sample:
    the mean ± t × the answers' standard deviation ÷ √answers (t for a 90% range with
    answers - 1 degrees of freedom), never below zero.
    """
    tokens = _LIST_COMMA.sub(" ", text.replace(";", " ")).split()
    if not tokens:
        raise ValueError("the poll has no answers: type the minutes each person gave")
    answers = [_answer(token, locale) for token in tokens]
    n = len(answers)
    mean = math.fsum(answers) / n
    if n == 1:
        return Poll((answers[0],), mean, mean, mean)
    sd = math.sqrt(math.fsum((a - mean) ** 2 for a in answers) / (n - 1))
    t = t95(n - 1)
    half = t * sd / math.sqrt(n)
    low, high = max(0.0, mean - half), mean + half
    return Poll(tuple(answers), round(low, 2), round(high, 2), mean, sd, t, mean - half < 0)


def _ordered(low: float, high: float, what: str) -> None:
    if low < 0 or high < 0:
        raise ValueError(f"{what} cannot be below zero")
    if low > high:
        raise Refused("the low guess of " + what + " ({}) is above the high guess ({})",
                      low, high)


@dataclass(frozen=True)
class Share:
    """The lost share of work: minutes lost over the minutes that depend on services abroad."""

    minutes_low: float
    minutes_high: float
    hours_day: float
    dependency_pct: float
    dependent: float  # minutes a day: hours × 60 × the dependent share
    low: float  # % of the dependent time, to 2 decimals
    high: float

    @property
    def cells(self) -> dict[str, float]:
        return {"productivity_loss_pct_low": self.low, "productivity_loss_pct_high": self.high}


def lost_share(minutes_low: float, minutes_high: float, hours_day: float,
               dependency_pct: float) -> Share:
    """`productivity_loss_pct_low/_high` from minutes lost a day per person."""
    _ordered(minutes_low, minutes_high, "minutes lost a day")
    if hours_day <= 0 or hours_day > 24:
        raise ValueError("hours worked a day must be above 0 and at most 24")
    dependent = hours_day * 60 * dependency_pct / 100
    if dependent <= 0:
        raise ValueError("no working time depends on services abroad (the sidebar's share "
                         "is 0%), so no share of it can be lost")
    if minutes_high > dependent:
        raise Refused("{} minutes is more than the {} minutes a day that depend on services "
                      "abroad", minutes_high, dependent)
    return Share(minutes_low, minutes_high, hours_day, dependency_pct, dependent,
                 round(minutes_low / dependent * 100, 2),
                 round(minutes_high / dependent * 100, 2))


@dataclass(frozen=True)
class Disruptions:
    """Disruptions a year and working hours each, with the hours a year at the two ends."""

    per_year_low: float
    per_year_high: float
    hours_low: float
    hours_high: float

    @property
    def cells(self) -> dict[str, float]:
        return {"outages_per_year_low": self.per_year_low,
                "outages_per_year_high": self.per_year_high,
                "outage_hours_low": self.hours_low, "outage_hours_high": self.hours_high}

    @property
    def yearly(self) -> tuple[float, float]:
        """Hours a year per person at the low and the high end."""
        return self.per_year_low * self.hours_low, self.per_year_high * self.hours_high


def disruptions(per_year_low: float, per_year_high: float, hours_low: float,
                hours_high: float) -> Disruptions:
    """`outages_per_year_low/_high` and `outage_hours_low/_high` from what was seen."""
    _ordered(per_year_low, per_year_high, "disruptions a year")
    _ordered(hours_low, hours_high, "hours lost per disruption")
    seen = Disruptions(per_year_low, per_year_high, hours_low, hours_high)
    for column, value in seen.cells.items():
        top = COLUMN_BY_NAME[column].high
        if value > top:
            raise Refused("{} is above the most the table allows ({})", value, top)
    return seen
