"""A route's attrition range from what a manager knows about last year's leavers.

The extra share who leave because of the route is those who named the internet or
tools as a reason, over the headcount. A year's count is small, so the range is the
exact 90% interval of a Poisson rate behind that count (Garwood's), so that "1 of 30"
does not read as a certainty.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .estimate import Refused


def _poisson_cdf(k: int, lam: float, log_factorials: np.ndarray) -> float:
    """P(X <= k) for X ~ Poisson(lam), summed in log space: exp(-lam) alone is 0 in a
    float past lam = 745, which held every range above about 700 leavers at 742 to 745.
    Terms more than 40 standard deviations below lam (under e^-800 of the largest) are
    left out, so a large count costs its spread, not its size."""
    if lam <= 0:
        return 1.0
    start = max(0, int(lam - 40 * math.sqrt(lam) - 40))
    if start > k:
        return 0.0
    i = np.arange(start, k + 1)
    logs = i * math.log(lam) - lam - log_factorials[start:k + 1]
    top = float(logs.max())
    return min(1.0, math.exp(top) * float(np.exp(logs - top).sum()))


def _solve(f, target: float, high: float) -> float:
    """The lam in [0, high] where the decreasing f(lam) equals target, by bisection."""
    lo, hi = 0.0, high
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if f(mid) > target else (lo, mid)
    return (lo + hi) / 2


@lru_cache(maxsize=256)
def count_range(k: int) -> tuple[float, float]:
    """A 90% range for the yearly rate behind k events seen in one year (Garwood's)."""
    top = 10.0 * (k + 10)
    logs = np.concatenate(([0.0], np.cumsum(np.log(np.arange(1, k + 1)))))  # log(i!)
    low = 0.0 if k == 0 else _solve(lambda lam: _poisson_cdf(k - 1, lam, logs), 0.95, top)
    return low, _solve(lambda lam: _poisson_cdf(k, lam, logs), 0.05, top)


def _whole(value: float, what: str) -> int:
    if value < 0 or not float(value).is_integer():
        raise ValueError(f"{what} must be a whole number of people, 0 or more")
    return int(value)


@dataclass(frozen=True)
class Attrition:
    """Last year's leavers as counted, and the attrition range they give (none named: 0%)."""

    headcount: int
    left: int
    named: int
    share: float = 0.0  # named ÷ headcount, in %
    low_count: float = 0.0  # the 90% range of the yearly count behind `named`
    high_count: float = 0.0
    low: float = 0.0  # % of the staff a year, to 2 decimals
    high: float = 0.0

    @property
    def cells(self) -> dict[str, float]:
        return {"attrition_pct_low": self.low, "attrition_pct_high": self.high}


def attrition(headcount: float, leavers: float, named: float) -> Attrition:
    """`attrition_pct_low/_high` from last year's leavers who named the internet or tools."""
    people = _whole(headcount, "the headcount")
    left = _whole(leavers, "the people who left")
    k = _whole(named, "the people who named the internet or tools")
    if people < 1:
        raise ValueError("the headcount must be at least 1")
    if left > people:
        raise Refused("{} people left but the headcount is {}", left, people)
    if k > left:
        raise ValueError(f"{k} named the internet or tools but only {left} left")
    if k == 0:
        return Attrition(people, left, 0)
    low_count, high_count = count_range(k)
    high = round(min(high_count / people * 100, 100.0), 2)
    low = min(max(round(min(low_count / people * 100, 100.0), 2), 0.01), high)
    return Attrition(people, left, k, k / people * 100, low_count, high_count, low, high)
