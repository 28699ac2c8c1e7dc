"""The spread of simulated totals: histograms, exceedance, and sentences about them."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .charts import COMPONENT_LABELS, route_labels
from .compare import Result
from .money import pct, usd
from .simulate import LOSSES


def distribution_frame(result: Result, bins: int = 60) -> pd.DataFrame:
    """Share of simulated futures per cost bin, on bins common to all routes.

    The bins span the middle 99% of all totals, so one extreme future cannot
    squash the chart; the shares of a route add up to its futures in that span.
    """
    totals = result.simulation.totals
    lo, hi = np.percentile(totals, 0.5), np.percentile(totals, 99.5)
    if hi <= lo:
        hi = lo + 1.0
    edges = np.linspace(lo, hi, bins + 1)
    rows = []
    for label, values in zip(route_labels(result.table), totals):
        counts, _ = np.histogram(values, bins=edges)  # the outer 1% is left out
        for k in range(bins):
            rows.append({"route": label, "usd": (edges[k] + edges[k + 1]) / 2,
                         "usd_from": edges[k], "usd_to": edges[k + 1],
                         "share": counts[k] / values.size})
    return pd.DataFrame(rows)


def percentile_frame(result: Result) -> pd.DataFrame:
    c = result.comparison
    rows = []
    for label, (_, r) in zip(route_labels(result.table), c.iterrows()):
        for name, column in (("10th percentile", "p10_usd"), ("median", "p50_usd"),
                             ("90th percentile", "p90_usd")):
            rows.append({"route": label, "percentile": name, "usd": float(r[column])})
    return pd.DataFrame(rows)


def exceedance_frame(result: Result, points: int = 201) -> pd.DataFrame:
    """Chance the total exceeds X, for X across each route's simulated range."""
    q = np.linspace(0.0, 1.0, points)
    rows = []
    for label, values in zip(route_labels(result.table), result.simulation.totals):
        xs = np.quantile(values, q)
        for x, share in zip(xs, 1.0 - q):
            rows.append({"route": label, "usd": float(x), "chance": float(share)})
    return pd.DataFrame(rows)


def exceed_chances(result: Result, threshold: float) -> np.ndarray:
    """Per route, the share of simulated futures whose total is above `threshold`."""
    return (result.simulation.totals > threshold).mean(axis=1)


def loss_spread_frame(result: Result) -> pd.DataFrame:
    """Mean and 10th–90th percentile of each simulated loss component per route."""
    stats = result.simulation.loss_stats
    rows = []
    for i, label in enumerate(route_labels(result.table)):
        for k, name in enumerate(LOSSES):
            mean, p10, p90 = (float(v) for v in stats[i, k])
            rows.append({"route": label, "component": COMPONENT_LABELS[name],
                         "mean": mean, "p10": p10, "p90": p90})
    return pd.DataFrame(rows)


def distribution_summary(result: Result) -> str:
    c = result.comparison
    parts = [f"{label} {usd(r['p10_usd'])} to {usd(r['p90_usd'])} (median {usd(r['p50_usd'])})"
             for label, (_, r) in zip(route_labels(result.table), c.iterrows())]
    return "In 8 of 10 simulated futures the total falls within: " + "; ".join(parts) + "."


def exceedance_summary(result: Result, threshold: float) -> str:
    chances = exceed_chances(result, threshold)
    parts = [f"{label} {pct(p)}" for label, p in zip(route_labels(result.table), chances)]
    return f"Chance the total exceeds {usd(threshold)}: " + ", ".join(parts) + "."


def cheapest_summary(result: Result) -> str:
    c = result.comparison
    parts = [f"{label} in {pct(p)}" for label, p in
             zip(route_labels(result.table), c["prob_lowest_cost"])]
    return "Cheapest route across simulated futures: " + ", ".join(parts) + "."


def loss_spread_summary(result: Result) -> str:
    frame = loss_spread_frame(result)
    widest = frame.assign(width=frame["p90"] - frame["p10"]).sort_values("width").iloc[-1]
    return (f"The widest source of uncertainty is {widest['component'].lower()} on "
            f"{widest['route']}: from {usd(widest['p10'])} to {usd(widest['p90'])} "
            f"(10th to 90th percentile).")
