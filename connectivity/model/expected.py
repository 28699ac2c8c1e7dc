"""Exact expected costs (closed form), month-by-month cash flows and NPV."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..inputs.scenario import Scenario
from .routes import COMPONENTS, monthly_expected_losses, monthly_service, risks, timeline


def _rows(table: pd.DataFrame) -> list[dict]:
    return table.to_dict("records")


def component_matrix(rows: list[dict], s: Scenario) -> np.ndarray:
    """Expected cost of each component over the horizon, shape (routes, 5), exact."""
    sq = next(row for row in rows if row["option_id"] == s.status_quo)
    sq_losses = monthly_expected_losses(risks(sq), s)
    sq_service = monthly_service(sq, s)
    out = np.empty((len(rows), len(COMPONENTS)))
    for i, row in enumerate(rows):
        is_sq = row["option_id"] == s.status_quo
        t = timeline(row, is_sq, s.horizon_months)
        own = monthly_expected_losses(risks(row), s)
        out[i, 0] = 0.0 if is_sq else row["setup_usd"] * s.sites
        # The status quo is still paid for while it serves during the lead time.
        out[i, 1] = monthly_service(row, s) * t.billed + sq_service * t.sq_months
        out[i, 2:] = [o * t.active + q * t.sq_months for o, q in zip(own, sq_losses)]
    return out


def expected_components(table: pd.DataFrame, s: Scenario) -> pd.DataFrame:
    """Expected cost of each component over the horizon, one row per route, exact."""
    frame = pd.DataFrame(component_matrix(_rows(table), s), columns=list(COMPONENTS),
                         index=list(table["option_id"]))
    frame["total"] = frame[list(COMPONENTS)].sum(axis=1)
    return frame


def _overlap(months: np.ndarray, start: float, end: float) -> np.ndarray:
    """How much of each month m (the interval [m-1, m]) lies inside [start, end]."""
    return np.clip(np.minimum(months, end) - np.maximum(months - 1, start), 0.0, 1.0)


def monthly_flows(table: pd.DataFrame, s: Scenario) -> np.ndarray:
    """Expected cash flows, shape (routes, components, months + 1); index 0 is the order date.

    Each route's flows add up to its expected components; months billed past
    the horizon are included.
    """
    rows = _rows(table)
    sq = next(row for row in rows if row["option_id"] == s.status_quo)
    sq_losses = monthly_expected_losses(risks(sq), s)
    sq_service = monthly_service(sq, s)
    lines = [timeline(row, row["option_id"] == s.status_quo, s.horizon_months) for row in rows]
    last = max([s.horizon_months] + [t.lead + t.billed for t in lines])
    months = np.arange(1, math.ceil(last - 1e-9) + 1, dtype=float)
    flows = np.zeros((len(rows), len(COMPONENTS), len(months) + 1))
    for i, (row, t) in enumerate(zip(rows, lines)):
        is_sq = row["option_id"] == s.status_quo
        flows[i, 0, 0] = 0.0 if is_sq else row["setup_usd"] * s.sites
        active = _overlap(months, t.lead, float(s.horizon_months))
        before = _overlap(months, 0.0, t.sq_months)
        flows[i, 1, 1:] = (monthly_service(row, s) * _overlap(months, t.lead, t.lead + t.billed)
                           + sq_service * before)
        own = monthly_expected_losses(risks(row), s)
        for k, (o, q) in enumerate(zip(own, sq_losses)):
            flows[i, 2 + k, 1:] = o * active + q * before
    return flows


def npv(flows: np.ndarray, discount_pct: float) -> np.ndarray:
    """Present value of (…, months + 1) flows at an annual rate, monthly compounding."""
    months = np.arange(flows.shape[-1], dtype=float)
    factors = (1.0 + discount_pct / 100.0) ** (-months / 12.0)
    return (flows * factors).sum(axis=-1)
