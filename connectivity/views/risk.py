"""The Risk page: the spread of simulated totals, its frames, sentences and charts."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..model.compare import Result
from ..model.simulate import LOSSES
from ..schema.palette import COMPONENT_LABELS
from .format import money, money_range, pct
from .labels import (
    AXIS_MONEY,
    MONEY,
    in_currency,
    money_title,
    route_color,
    route_labels,
    speak,
)


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
    c, s = result.comparison, result.scenario
    parts = [f"{label} {money_range(r['p10_usd'], r['p90_usd'], s)} "
             f"(median {money(r['p50_usd'], s)})"
             for label, (_, r) in zip(route_labels(result.table), c.iterrows())]
    return ("80% range of the total (8 simulated futures in 10 fall inside): "
            + "; ".join(parts) + ".")


def exceedance_summary(result: Result, threshold: float) -> str:
    chances = exceed_chances(result, threshold)
    parts = [f"{label} {pct(p)}" for label, p in zip(route_labels(result.table), chances)]
    return (f"Chance the total exceeds {money(threshold, result.scenario)}: "
            + ", ".join(parts) + ".")


def cheapest_summary(result: Result) -> str:
    c = result.comparison
    parts = [f"{label} in {pct(p)}" for label, p in
             zip(route_labels(result.table), c["prob_lowest_cost"])]
    return "Cheapest route across simulated futures: " + ", ".join(parts) + "."


def loss_spread_summary(result: Result) -> str:
    frame = loss_spread_frame(result)
    widest = frame.assign(width=frame["p90"] - frame["p10"]).sort_values("width").iloc[-1]
    return (f"The widest source of uncertainty is {widest['component'].lower()} on "
            f"{widest['route']}: {money_range(widest['p10'], widest['p90'], result.scenario)} "
            f"(80% range).")


def distribution_chart(result: Result) -> alt.LayerChart:
    """How the simulated total spreads, per route, with p10, median and p90 marked."""
    s = result.scenario
    color = route_color(result.table)
    x = alt.X("usd:Q", title=money_title("Total cost over the horizon", s),
              axis=alt.Axis(format=AXIS_MONEY, tickCount=5))
    frame = in_currency(distribution_frame(result), ["usd", "usd_from", "usd_to"], s)
    title = ["Spread of the simulated total cost", "(the middle 99% of futures)"]
    areas = alt.Chart(frame, title=title).mark_area(
        opacity=0.35, interpolate="step").encode(
        x=x, y=alt.Y("share:Q", title="Share of simulated futures", stack=None,
                     axis=alt.Axis(format="%")),
        color=color,
        tooltip=[alt.Tooltip("route:N", title="Route"),
                 alt.Tooltip("usd_from:Q", title="From", format=MONEY),
                 alt.Tooltip("usd_to:Q", title="To", format=MONEY),
                 alt.Tooltip("share:Q", title="Share of futures", format=".1%")])
    rules = alt.Chart(in_currency(percentile_frame(result), ["usd"], s)).mark_rule(
        strokeWidth=2).encode(
        x="usd:Q", color=route_color(result.table, legend=False),
        strokeDash=alt.StrokeDash("percentile:N", title="Marked",
                                  sort=["10th percentile", "median", "90th percentile"],
                                  scale=alt.Scale(range=[[2, 2], [1, 0], [6, 3]]),
                                  legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("route:N", title="Route"),
                 alt.Tooltip("percentile:N", title="Percentile"),
                 alt.Tooltip("usd:Q", title="Total", format=MONEY)])
    return speak(alt.layer(areas, rules).properties(height=420), s)


def exceedance_chart(result: Result, threshold: float) -> alt.LayerChart:
    """Chance the total exceeds X, per route, with the manager's risk-appetite line."""
    s = result.scenario
    lines = alt.Chart(in_currency(exceedance_frame(result), ["usd"], s),
                      title="Chance the total cost exceeds a given amount").mark_line(
        strokeWidth=2.5).encode(
        x=alt.X("usd:Q", title=money_title("Total cost over the horizon", s),
                axis=alt.Axis(format=AXIS_MONEY, tickCount=5)),
        y=alt.Y("chance:Q", title="Chance of exceeding", axis=alt.Axis(format="%")),
        color=route_color(result.table),
        tooltip=[alt.Tooltip("route:N", title="Route"),
                 alt.Tooltip("usd:Q", title="Total above", format=MONEY),
                 alt.Tooltip("chance:Q", title="Chance", format=".1%")])
    appetite = alt.Chart(alt.Data(values=[{"usd": threshold * s.fx_rate}])).mark_rule(
        color="#d62728", strokeWidth=2, strokeDash=[6, 3]).encode(
        x="usd:Q", tooltip=[alt.Tooltip("usd:Q", title="Your risk appetite", format=MONEY)])
    return speak(alt.layer(lines, appetite).properties(height=380), s)


def cheapest_chart(result: Result) -> alt.Chart:
    """Share of simulated futures in which each route is the cheapest."""
    data = result.comparison.assign(route=route_labels(result.table))[
        ["route", "prob_lowest_cost"]]
    return alt.Chart(data, title="How often each route is the cheapest").mark_bar().encode(
        y=alt.Y("route:N", sort=route_labels(result.table), title=None,
                axis=alt.Axis(labelLimit=160)),
        x=alt.X("prob_lowest_cost:Q", title="Share of simulated futures",
                axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        color=route_color(result.table, legend=False),
        tooltip=[alt.Tooltip("route:N", title="Route"),
                 alt.Tooltip("prob_lowest_cost:Q", title="Cheapest in", format=".1%")],
    ).properties(height=60 + 40 * len(data))


def loss_spread_chart(result: Result) -> alt.LayerChart:
    """Each loss component's expected value and its 10th–90th percentile, per route."""
    s = result.scenario
    base = alt.Chart(in_currency(loss_spread_frame(result), ["mean", "p10", "p90"], s),
                     title=["Where the risk comes from:", "losses by component"])
    tooltip = [alt.Tooltip("route:N", title="Route"),
               alt.Tooltip("component:N", title="Component"),
               alt.Tooltip("mean:Q", title="Expected", format=MONEY),
               alt.Tooltip("p10:Q", title="10th percentile", format=MONEY),
               alt.Tooltip("p90:Q", title="90th percentile", format=MONEY)]
    # Labels on two lines ("Lost" / "productivity") so all three fit a phone's width.
    x = alt.X("component:N", title=None,
              axis=alt.Axis(labelAngle=0, labelExpr="split(datum.label, ' ')"))
    bars = base.mark_bar(opacity=0.8).encode(
        x=x, xOffset=alt.XOffset("route:N"),
        y=alt.Y("mean:Q", title=money_title("Loss over the horizon", s),
                axis=alt.Axis(format=AXIS_MONEY)),
        color=route_color(result.table), tooltip=tooltip)
    whiskers = base.mark_rule(color="black").encode(
        x=x, xOffset=alt.XOffset("route:N"), y="p10:Q", y2="p90:Q", tooltip=tooltip)
    return speak(alt.layer(bars, whiskers).properties(height=380), s)
