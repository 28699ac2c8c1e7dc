"""Break-even: the one definition every page, the memo and the workbook print.

A route breaks even against another at the shortest horizon from which its expected
total over that horizon (set-up, minimum terms and lead time included) stays below the
other's up to the scenario's horizon. Totals over each horizon are the model's own
expected totals, so the month is the one the Sensitivity page's horizon sweep crosses at,
and over the scenario's horizon the cheaper route is the comparison's rank 1.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..inputs.scenario import Scenario
from .expected import component_matrix


@dataclass(frozen=True)
class Crossing:
    at: float  # the last swept value before `cheaper` costs less than `dearer`
    cheaper: int  # route indices in the table in use
    dearer: int


@dataclass(frozen=True)
class Breakeven:
    winner: int  # the route with the lowest expected total over the scenario's horizon
    against: int
    month: int  # from a horizon of this many months on, the winner costs no more


def horizon_totals(table: pd.DataFrame, s: Scenario, months: np.ndarray | None = None,
                   ) -> np.ndarray:
    """Exact expected totals, shape (len(months), routes), over each horizon in `months`
    (by default 1 to the scenario's horizon). `table` is the table in use."""
    rows = table.to_dict("records")
    months = np.arange(1, s.horizon_months + 1) if months is None else months
    return np.array([component_matrix(rows, s.with_values(horizon_months=int(m))).sum(axis=1)
                     for m in months.tolist()])


def _no_dearer(diff: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """diff ≤ 0 up to rounding (two identical routes tie exactly or nearly)."""
    return diff <= 1e-9 * np.maximum(1.0, np.abs(scale))


def breakevens(table: pd.DataFrame, s: Scenario) -> tuple[Breakeven, ...]:
    """The winner's break-even month against each other route, in the table's order."""
    totals = horizon_totals(table, s)  # (horizon, routes)
    if totals.shape[1] < 2:
        return ()
    winner = int(np.argsort(totals[-1], kind="stable")[0])  # as the comparison ranks
    found = []
    for other in range(totals.shape[1]):
        if other == winner:
            continue
        ok = _no_dearer(totals[:, winner] - totals[:, other], totals[:, other])
        dearer = np.flatnonzero(~ok)
        found.append(Breakeven(winner, other, int(dearer[-1]) + 2 if len(dearer) else 1))
    return tuple(found)


def crossings(values: np.ndarray, curves: np.ndarray) -> list[Crossing]:
    """Every point of a sweep (curves: (len(values), routes)) from which one route costs
    less than another, in the order of the swept value."""
    found = []
    routes = curves.shape[1]
    for a in range(routes):
        for b in range(routes):
            if a == b:
                continue
            diff = curves[:, a] - curves[:, b]
            for k in np.flatnonzero((diff[:-1] >= 0) & (diff[1:] < 0)):
                found.append(Crossing(float(values[k]), a, b))
    return sorted(found, key=lambda c: (c.at, c.cheaper, c.dearer))
