"""The comparison of SPEC section 5: one row per route, in the table's order."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..inputs.scenario import Scenario, table_in_use
from ..schema.outputs import OUTPUT_COLUMNS
from .breakeven import Breakeven, breakevens
from .expected import components_frame, npv, plan_flows
from .regret import expected_regret
from .routes import plan
from .simulate import Simulation, simulate_plan


@dataclass(frozen=True)
class Result:
    """Everything the pages show for one scenario and table."""

    scenario: Scenario
    table: pd.DataFrame  # the table in use, overrides applied
    comparison: pd.DataFrame  # SPEC section 5 columns
    expected: pd.DataFrame  # exact expected components per route
    flows: np.ndarray  # (routes, components, months + 1) expected cash flows
    simulation: Simulation
    breakeven: tuple[Breakeven, ...] = ()  # the winner's, against each other route


def lowest_cost_shares(totals: np.ndarray) -> np.ndarray:
    """Share of trials in which each route is cheapest, a tie split evenly."""
    cheapest = totals == totals.min(axis=0)
    return (cheapest / cheapest.sum(axis=0)).mean(axis=1)


def round_to_sum(shares: np.ndarray, decimals: int = 4) -> np.ndarray:
    """Round shares that sum to 1 so the rounded column still sums to exactly 1."""
    scale = 10**decimals
    scaled = shares * scale
    units = np.floor(scaled + 1e-9).astype(np.int64)
    missing = int(round(scale - units.sum()))
    if missing > 0:
        order = np.argsort(-(scaled - units), kind="stable")
        units[order[:missing]] += 1
    return units / scale


def compare(default_table: pd.DataFrame, s: Scenario, keep_components: bool = True) -> Result:
    """The comparison for a scenario; its own table (from a link) replaces the default.

    The app passes keep_components=False: its cache then holds only the totals.
    """
    table = table_in_use(default_table, s)
    routes = plan(table.to_dict("records"), s)  # worked out once, read by all three
    expected = components_frame(routes)
    flows = plan_flows(routes)
    sim = simulate_plan(routes, keep_components)
    totals = expected["total"].to_numpy()
    p10, p50, p90 = np.percentile(sim.totals, [10, 50, 90], axis=1)
    rank = np.empty(len(totals), dtype=int)
    rank[np.argsort(totals, kind="stable")] = np.arange(1, len(totals) + 1)
    money = {
        "setup_usd": expected["setup"].to_numpy(),
        "service_usd": expected["service"].to_numpy(),
        "productivity_loss_usd": expected["productivity_loss"].to_numpy(),
        "outage_loss_usd": expected["outage_loss"].to_numpy(),
        "incident_loss_usd": expected["incident_loss"].to_numpy(),
        "talent_loss_usd": expected["talent_loss"].to_numpy(),
        "expected_total_usd": totals,
        "npv_usd": npv(flows.sum(axis=1), s.discount_pct),
        "p10_usd": p10,
        "p50_usd": p50,
        "p90_usd": p90,
    }
    frame = pd.DataFrame({
        "option_id": table["option_id"],
        "name": table["name"],
        "legal_status": table["legal_status"],
        "reach": table["reach"],
        **{column: np.round(values, 2) for column, values in money.items()},
        "prob_lowest_cost": round_to_sum(lowest_cost_shares(sim.totals)),
        "expected_regret_usd": np.round(expected_regret(sim.totals), 2),
        "usd_per_user_month": np.round(totals / s.users / s.horizon_months, 2),
        "rank": rank,
        "scenario": s.query(),
    })
    return Result(s, table, frame[list(OUTPUT_COLUMNS)], expected, flows, sim,
                  breakevens(table, s))
