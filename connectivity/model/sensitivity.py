"""What moves the answer: one-at-a-time swings and sweeps of one input, all exact."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..inputs.scenario import Scenario, table_in_use
from ..schema.columns import COLUMN_BY_NAME, RANGES
from ..schema.params import PARAM_BY_NAME
from .expected import component_matrix

SWUNG_INPUTS = ("sites", "users", "mbps", "hourly_usd", "hours_month", "dependency_pct",
                "horizon_months")
POINT_COLUMNS = ("setup_usd", "monthly_usd", "per_mbps_usd", "per_user_usd",
                 "min_term_months", "lead_time_weeks")


@dataclass(frozen=True)
class Swing:
    """One input set to each end of its range in turn. Numbers and identities only: the
    views word it (views/story.swing_words), so nothing here is text to read back."""

    name: str  # the scenario parameter, or the table column or range stem, swung
    low: float  # the input's value at each end, in the table's or the link's own unit
    high: float
    low_margin: float  # runner-up total minus winner total with the input at its low end
    high_margin: float
    option_id: str = ""  # the route whose cells were swung; "" for a scenario input
    route: str = ""  # that route's name as its table row holds it; "" for a scenario input
    columns: tuple[str, ...] = ()  # the swung cells, or the scenario input's name

    @property
    def in_usd(self) -> bool:
        """Whether the swung values are US-dollar amounts (a range's cells end in _usd_low
        and _usd_high: incident_cost_usd_low)."""
        return any(c.endswith(("_usd", "_usd_low", "_usd_high")) for c in self.columns)

    @property
    def width(self) -> float:
        return abs(self.high_margin - self.low_margin)


@dataclass(frozen=True)
class Tornado:
    winner: int
    runner_up: int
    base_margin: float
    swings: tuple[Swing, ...]  # widest first


def totals(rows: list[dict], s: Scenario) -> np.ndarray:
    return component_matrix(rows, s).sum(axis=1)


def _margin(rows: list[dict], s: Scenario, winner: int, runner: int) -> float:
    t = totals(rows, s)
    return float(t[runner] - t[winner])


def _swing_input(name: str, value: float) -> tuple[float, float]:
    p = PARAM_BY_NAME[name]
    lo, hi = max(p.low, value * 0.5), min(p.high, value * 1.5)
    if p.kind == "int":  # halves round up, as a link's values do
        lo, hi = math.floor(lo + 0.5), math.floor(hi + 0.5)
    return lo, hi


def _rows(table: pd.DataFrame, s: Scenario) -> list[dict]:
    return table_in_use(table, s).to_dict("records")


def tornado(table: pd.DataFrame, s: Scenario) -> Tornado:
    """Each input and assumption swung across its range; the winner's margin each time."""
    rows = _rows(table, s)
    if len(rows) < 2:
        return Tornado(0, 0, 0.0, ())
    order = np.argsort(totals(rows, s), kind="stable")
    winner, runner = int(order[0]), int(order[1])
    base = _margin(rows, s, winner, runner)
    swings = []
    for name in SWUNG_INPUTS:
        value = getattr(s, name)
        lo, hi = _swing_input(name, value)
        if lo == hi:
            continue
        swings.append(Swing(name, float(lo), float(hi),
                            _margin(rows, s.with_values(**{name: lo}), winner, runner),
                            _margin(rows, s.with_values(**{name: hi}), winner, runner),
                            columns=(name,)))
    def cell_swing(i: int, columns: tuple[str, ...], low: float, high: float, name: str,
                   ) -> Swing:
        """Route i's `columns` all set to each end in turn; nothing else changed."""
        ends = []
        for v in (low, high):
            changed = list(rows)
            changed[i] = {**rows[i], **dict.fromkeys(columns, v)}
            ends.append(_margin(changed, s, winner, runner))
        return Swing(name, float(low), float(high), *ends, option_id=rows[i]["option_id"],
                     route=rows[i]["name"], columns=columns)

    for i, row in enumerate(rows):
        for stem, _high, _text in RANGES:
            low, high = row[f"{stem}_low"], row[f"{stem}_high"]
            if low == high:
                low, high = low * 0.5, min(high * 1.5, COLUMN_BY_NAME[f"{stem}_high"].high)
            if low != high:
                swings.append(cell_swing(i, (f"{stem}_low", f"{stem}_high"), low, high, stem))
        for column in POINT_COLUMNS:
            value = row[column]
            low, high = value * 0.5, min(value * 1.5, COLUMN_BY_NAME[column].high)
            if low != high:
                swings.append(cell_swing(i, (column,), low, high, column))
    swings.sort(key=lambda w: -w.width)
    return Tornado(winner, runner, base, tuple(swings))


def tornado_in_use(table: pd.DataFrame, s: Scenario) -> Tornado:
    """The same tornado from a table already in use (its overrides written in), as the
    memo and the workbook hold it: the pages' tornado of the same scenario."""
    return tornado(table, s.applied())


def sweep(table: pd.DataFrame, s: Scenario, name: str, values: np.ndarray) -> np.ndarray:
    """Exact expected totals, shape (len(values), routes), as one input varies."""
    rows = _rows(table, s)
    return np.array([totals(rows, s.with_values(**{name: v})) for v in values.tolist()])
