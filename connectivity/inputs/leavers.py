"""A route's attrition range from what a manager knows about last year's leavers.

The extra share who leave because of the route is those who named the internet or
tools as a reason, over the headcount. A year's count is small, so the range is the
exact 90% interval of a Poisson rate behind that count (Garwood's), so that "1 of 30"
does not read as a certainty.
"""

from __future__ import annotations

import math

from .estimate import Estimate, _num


def _poisson_cdf(k: int, lam: float) -> float:
    """P(X <= k) for X ~ Poisson(lam), summed in a stable order."""
    term = total = math.exp(-lam)
    for i in range(1, k + 1):
        term *= lam / i
        total += term
    return total


def _solve(f, target: float, high: float) -> float:
    """The lam in [0, high] where the decreasing f(lam) equals target, by bisection."""
    lo, hi = 0.0, high
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if f(mid) > target else (lo, mid)
    return (lo + hi) / 2


def count_range(k: int) -> tuple[float, float]:
    """A 90% range for the yearly rate behind k events seen in one year (Garwood's)."""
    top = 10.0 * (k + 10)
    low = 0.0 if k == 0 else _solve(lambda lam: _poisson_cdf(k - 1, lam), 0.95, top)
    return low, _solve(lambda lam: _poisson_cdf(k, lam), 0.05, top)


def _whole(value: float, what: str) -> int:
    if value < 0 or not float(value).is_integer():
        raise ValueError(f"{what} must be a whole number of people, 0 or more")
    return int(value)


def attrition(headcount: float, leavers: float, named: float) -> Estimate:
    """`attrition_pct_low/_high` from last year's leavers who named the internet or tools."""
    people = _whole(headcount, "the headcount")
    left = _whole(leavers, "the people who left")
    k = _whole(named, "the people who named the internet or tools")
    if people < 1:
        raise ValueError("the headcount must be at least 1")
    if left > people:
        raise ValueError(f"{left} people left but the headcount is {people}")
    if k > left:
        raise ValueError(f"{k} named the internet or tools but only {left} left")
    if k == 0:
        return Estimate({"attrition_pct_low": 0.0, "attrition_pct_high": 0.0},
                        f"None of the {left} who left named the internet or tools: no talent "
                        "loss is counted for this route (0% to 0%).")
    low_count, high_count = count_range(k)
    share = k / people * 100
    low = round(min(low_count / people * 100, 100.0), 2)
    high = round(min(high_count / people * 100, 100.0), 2)
    low = min(max(low, 0.01), high)
    words = (f"{k} of {left} who left named the internet or tools; {k} ÷ {people} people = "
             f"{_num(share)}% of the staff a year. One year's count is uncertain: the 90% "
             f"range of the yearly count behind {k} is {_num(low_count)} to "
             f"{_num(high_count)} people, so {_num(low)}% to {_num(high)}% a year.")
    return Estimate({"attrition_pct_low": low, "attrition_pct_high": high}, words)
