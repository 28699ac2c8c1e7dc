"""The Estimate losses page's arithmetic in words, from the figures inputs/estimate.py and
inputs/leavers.py work out: every number written by views/format."""

from __future__ import annotations

from ..inputs.estimate import Disruptions, Poll, Refused, Share
from ..inputs.leavers import Attrition
from .format import fixed, number


def poll_words(p: Poll) -> str:
    """The poll's range and how it follows from the answers' mean and spread."""
    if p.n == 1:
        return (f"One answer, {number(p.mean)} minutes a day: both ends of the range. A "
                "range needs two answers or more.")
    mean, sd = number(p.mean), number(p.sd)
    return (f"{p.n} answers: on average {mean} minutes a day, spread (standard deviation) "
            f"{sd} minutes. The office's average is within {mean} ± {fixed(p.t, 3)} × {sd} "
            f"÷ √{p.n} = {number(p.low)} to {number(p.high)} minutes a day, 9 times in 10 "
            "(a 90% range" + (", cut at zero)." if p.cut else ")."))


def share_words(e: Share) -> str:
    """From minutes lost a day to the share of the dependent time."""
    dependent = number(e.dependent)
    return (f"{number(e.hours_day)} hours a day × 60 minutes × {number(e.dependency_pct)}% "
            f"of work that needs services abroad = {dependent} minutes a day depend on them. "
            f"{number(e.minutes_low)} ÷ {dependent} = {number(e.low)}% and "
            f"{number(e.minutes_high)} ÷ {dependent} = {number(e.high)}% of that time is lost.")


def disruption_words(e: Disruptions) -> str:
    """Disruptions a year × hours each, at the two ends."""
    low, high = e.yearly
    return (f"{number(e.per_year_low)} to {number(e.per_year_high)} disruptions a year × "
            f"{number(e.hours_low)} to {number(e.hours_high)} working hours each = "
            f"{number(low)} to {number(high)} hours a year per person, at the two ends.")


def attrition_words(e: Attrition) -> str:
    """Leavers who named the internet, their share, and the range one year's count allows."""
    left, k, people = number(e.left), number(e.named), number(e.headcount)
    if e.named == 0:
        return (f"None of the {left} who left named the internet or tools: no talent loss "
                "is counted for this route (0% to 0%).")
    return (f"{k} of {left} who left named the internet or tools; {k} ÷ {people} "
            f"people = {number(e.share)}% of the staff a year. One year's count is "
            f"uncertain: the 90% range of the yearly count behind {k} is "
            f"{number(e.low_count)} to {number(e.high_count)} people, so {number(e.low)}% to "
            f"{number(e.high)}% a year.")


def refusal(exc: ValueError) -> str:
    """Why an estimate was refused, its figures written for people."""
    if isinstance(exc, Refused):
        return exc.why.format(*(number(f) for f in exc.figures))
    return str(exc)
