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
    LEGEND,
    MONEY,
    money_title,
    route_color,
    route_labels,
    speak,
)
from .spec import FIT_WIDTH, InLayer, chart, field, inline, layered, mark


def distribution_frame(result: Result, bins: int = 60) -> pd.DataFrame:
    """Share of simulated futures per cost bin, on bins common to all routes.

    The bins span the middle 99% of all totals, so one extreme future cannot
    squash the chart; the shares of a route add up to its futures in that span.
    """
    totals = result.simulation.totals
    lo, hi = np.percentile(totals, [0.5, 99.5])  # one partition for both ends
    if hi <= lo:
        hi = lo + 1.0
    edges = np.linspace(lo, hi, bins + 1)
    labels = route_labels(result.table)
    # the outer 1% is left out
    counts = np.array([np.histogram(v, bins=edges)[0] for v in totals[:len(labels)]])
    return pd.DataFrame({
        "route": [label for label in labels for _ in range(bins)],
        "usd": np.tile((edges[:-1] + edges[1:]) / 2, len(labels)),
        "usd_from": np.tile(edges[:-1], len(labels)),
        "usd_to": np.tile(edges[1:], len(labels)),
        "share": (counts / totals.shape[1]).ravel(),
    })


PERCENTILES = (("10th percentile", "p10_usd"), ("median", "p50_usd"),
               ("90th percentile", "p90_usd"))


def percentile_frame(result: Result) -> pd.DataFrame:
    labels = route_labels(result.table)
    usd = result.comparison[[column for _, column in PERCENTILES]].to_numpy(dtype=float)
    return pd.DataFrame({
        "route": [label for label in labels for _ in PERCENTILES],
        "percentile": [name for _ in labels for name, _ in PERCENTILES],
        "usd": usd[:len(labels)].ravel(),
    })


def exceedance_frame(result: Result, points: int = 201) -> pd.DataFrame:
    """Chance the total exceeds X, for X across each route's simulated range."""
    q = np.linspace(0.0, 1.0, points)
    labels = route_labels(result.table)
    # Sorted first: the same quantiles, but numpy's partition for 201 of them on
    # unsorted totals took several times as long as the sort.
    xs = [np.quantile(np.sort(values), q) for values in result.simulation.totals[:len(labels)]]
    return pd.DataFrame({
        "route": [label for label in labels for _ in range(points)],
        "usd": np.concatenate(xs) if xs else np.array([], dtype=float),
        "chance": np.tile(1.0 - q, len(labels)),
    })


def exceed_chances(result: Result, threshold: float) -> np.ndarray:
    """Per route, the share of simulated futures whose total is above `threshold`."""
    return (result.simulation.totals > threshold).mean(axis=1)


def loss_spread_frame(result: Result) -> pd.DataFrame:
    """Mean and 10th–90th percentile of each simulated loss component per route."""
    labels = route_labels(result.table)
    stats = np.asarray(result.simulation.loss_stats, dtype=float)[:len(labels)]
    mean, p10, p90 = (stats[:, :len(LOSSES), j].ravel() for j in range(3))
    return pd.DataFrame({
        "route": [label for label in labels for _ in LOSSES],
        "component": [COMPONENT_LABELS[name] for _ in labels for name in LOSSES],
        "mean": mean, "p10": p10, "p90": p90,
    })


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
    areas = chart(inline(distribution_frame(result), ["usd", "usd_from", "usd_to"], s.fx_rate),
                  mark("area", opacity=0.35, interpolate="step"), {
        "x": field("usd:Q", title=money_title("Total cost over the horizon", s),
                   axis={"format": AXIS_MONEY, "tickCount": 5}),
        "y": field("share:Q", title="Share of simulated futures", stack=None,
                   axis={"format": "%"}),
        "color": route_color(result.table),
        "tooltip": [field("route:N", title="Route"),
                    field("usd_from:Q", title="From", format=MONEY),
                    field("usd_to:Q", title="To", format=MONEY),
                    field("share:Q", title="Share of futures", format=".1%")],
    }, title=["Spread of the simulated total cost", "(the middle 99% of futures)"])
    rules = chart(inline(percentile_frame(result), ["usd"], s.fx_rate),
                  mark("rule", strokeWidth=2), {
        "x": field("usd:Q"), "color": route_color(result.table, legend=False),
        "strokeDash": field("percentile:N", title="Marked",
                            sort=[name for name, _ in PERCENTILES],
                            scale={"range": [[2, 2], [1, 0], [6, 3]]}, legend=LEGEND),
        "tooltip": [field("route:N", title="Route"),
                    field("percentile:N", title="Percentile"),
                    field("usd:Q", title="Total", format=MONEY)],
    })
    return layered(areas, rules, height=290, config=speak(s), autosize=FIT_WIDTH)


def exceedance_chart(result: Result, threshold: float) -> alt.LayerChart:
    """Chance the total exceeds X, per route, with the manager's risk-appetite line."""
    s = result.scenario
    lines = chart(inline(exceedance_frame(result), ["usd"], s.fx_rate),
                  mark("line", strokeWidth=2.5), {
        "x": field("usd:Q", title=money_title("Total cost over the horizon", s),
                   axis={"format": AXIS_MONEY, "tickCount": 5}),
        "y": field("chance:Q", title="Chance of exceeding", axis={"format": "%"}),
        "color": route_color(result.table),
        "tooltip": [field("route:N", title="Route"),
                    field("usd:Q", title="Total above", format=MONEY),
                    field("chance:Q", title="Chance", format=".1%")],
    }, title="Chance the total cost exceeds a given amount")
    # InLayer keeps this one row inline in the layer rather than among the datasets.
    appetite = chart(InLayer(values=[{"usd": threshold * s.fx_rate}]),
                     mark("rule", color="#d62728", strokeWidth=2, strokeDash=[6, 3]), {
        "x": field("usd:Q"),
        "tooltip": [field("usd:Q", title="Your risk appetite", format=MONEY)]})
    return layered(lines, appetite, height=270, config=speak(s), autosize=FIT_WIDTH)


def cheapest_chart(result: Result) -> alt.Chart:
    """Share of simulated futures in which each route is the cheapest."""
    labels = route_labels(result.table)
    data = pd.DataFrame({"route": labels,
                         "prob_lowest_cost": result.comparison["prob_lowest_cost"].to_numpy()})
    return chart(inline(data), mark("bar"), {
        "y": field("route:N", sort=labels, title=None, axis={"labelLimit": 160}),
        "x": field("prob_lowest_cost:Q", title="Share of simulated futures",
                   axis={"format": "%"}, scale={"domain": [0, 1]}),
        "color": route_color(result.table, legend=False),
        "tooltip": [field("route:N", title="Route"),
                    field("prob_lowest_cost:Q", title="Cheapest in", format=".1%")],
    }, title="How often each route is the cheapest", height=36 * len(data),
        autosize=FIT_WIDTH)


def loss_spread_chart(result: Result) -> alt.LayerChart:
    """Each loss component's expected value and its 10th–90th percentile, per route."""
    s = result.scenario
    data = inline(loss_spread_frame(result), ["mean", "p10", "p90"], s.fx_rate)
    title = ["Where the risk comes from:", "losses by component"]
    tooltip = [field("route:N", title="Route"),
               field("component:N", title="Component"),
               field("mean:Q", title="Expected", format=MONEY),
               field("p10:Q", title="10th percentile", format=MONEY),
               field("p90:Q", title="90th percentile", format=MONEY)]
    # Labels on two lines ("Lost" / "productivity") so all three fit a phone's width.
    x = field("component:N", title=None,
              axis={"labelAngle": 0, "labelExpr": "split(datum.label, ' ')"})
    bars = chart(alt.Undefined, mark("bar", opacity=0.8), {
        "x": x, "xOffset": field("route:N"),
        "y": field("mean:Q", title=money_title("Loss over the horizon", s),
                   axis={"format": AXIS_MONEY}),
        "color": route_color(result.table), "tooltip": tooltip}, title=title)
    whiskers = chart(alt.Undefined, mark("rule", color="black"), {
        "x": x, "xOffset": field("route:N"), "y": field("p10:Q"), "y2": field("p90"),
        "tooltip": tooltip}, title=title)
    # Both layers draw the same rows: Vega-Lite reads them once, from the top.
    return layered(bars, whiskers, data=data, height=270, config=speak(s),
                   autosize=FIT_WIDTH)
