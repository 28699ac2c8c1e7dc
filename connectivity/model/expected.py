"""Exact expected costs (closed form), month-by-month cash flows and NPV."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..inputs.scenario import Scenario
from .routes import COMPONENTS, Plan, plan


def _rows(table: pd.DataFrame) -> list[dict]:
    return table.to_dict("records")


def plan_matrix(p: Plan) -> np.ndarray:
    """Expected cost of each component over the horizon, shape (routes, 5), exact."""
    sq = p.status_quo
    out = np.empty((len(p.routes), len(COMPONENTS)))
    for i, route in enumerate(p.routes):
        t = route.timeline
        out[i, 0] = route.setup
        # The status quo is still paid for while it serves during the lead time.
        out[i, 1] = route.service * t.billed + sq.service * t.sq_months
        out[i, 2:] = [o * t.active + q * t.sq_months for o, q in zip(route.losses, sq.losses)]
    return out


def component_matrix(rows: list[dict], s: Scenario) -> np.ndarray:
    """plan_matrix for the routes of `rows` (records of the table in use)."""
    return plan_matrix(plan(rows, s))


def components_frame(p: Plan) -> pd.DataFrame:
    """Expected cost of each component over the horizon, one row per route, exact."""
    frame = pd.DataFrame(plan_matrix(p), columns=list(COMPONENTS),
                         index=[route.option_id for route in p.routes])
    frame["total"] = frame[list(COMPONENTS)].sum(axis=1)
    return frame


def expected_components(table: pd.DataFrame, s: Scenario) -> pd.DataFrame:
    """Expected cost of each component over the horizon, one row per route, exact."""
    return components_frame(plan(_rows(table), s))


def _overlap(months: np.ndarray, start: float, end: float) -> np.ndarray:
    """How much of each month m (the interval [m-1, m]) lies inside [start, end]."""
    return np.clip(np.minimum(months, end) - np.maximum(months - 1, start), 0.0, 1.0)


def plan_flows(p: Plan) -> np.ndarray:
    """Expected cash flows, shape (routes, components, months + 1); index 0 is the order date.

    Each route's flows add up to its expected components; months billed past
    the horizon are included.
    """
    horizon = float(p.scenario.horizon_months)
    sq = p.status_quo
    last = max([p.scenario.horizon_months] + [r.timeline.lead + r.timeline.billed
                                              for r in p.routes])
    months = np.arange(1, math.ceil(last - 1e-9) + 1, dtype=float)
    flows = np.zeros((len(p.routes), len(COMPONENTS), len(months) + 1))
    for i, route in enumerate(p.routes):
        t = route.timeline
        flows[i, 0, 0] = route.setup
        active = _overlap(months, t.lead, horizon)
        before = _overlap(months, 0.0, t.sq_months)
        flows[i, 1, 1:] = (route.service * _overlap(months, t.lead, t.lead + t.billed)
                           + sq.service * before)
        for k, (o, q) in enumerate(zip(route.losses, sq.losses)):
            flows[i, 2 + k, 1:] = o * active + q * before
    return flows


def monthly_flows(table: pd.DataFrame, s: Scenario) -> np.ndarray:
    """plan_flows for a table in use and a scenario."""
    return plan_flows(plan(_rows(table), s))


def npv(flows: np.ndarray, discount_pct: float) -> np.ndarray:
    """Present value of (…, months + 1) flows at an annual rate, monthly compounding."""
    months = np.arange(flows.shape[-1], dtype=float)
    factors = (1.0 + discount_pct / 100.0) ** (-months / 12.0)
    return (flows * factors).sum(axis=-1)
