"""Charts of the Risk page; same route colours as everywhere."""

from __future__ import annotations

import altair as alt

from .charts import AXIS_MONEY, MONEY, route_color, route_labels
from .compare import Result
from .risk import distribution_frame, exceedance_frame, loss_spread_frame, percentile_frame


def distribution_chart(result: Result) -> alt.LayerChart:
    """How the simulated total spreads, per route, with p10, median and p90 marked."""
    color = route_color(result.table)
    x = alt.X("usd:Q", title="Total cost over the horizon (USD)",
              axis=alt.Axis(format=AXIS_MONEY))
    areas = alt.Chart(distribution_frame(result),
                      title="Spread of the simulated total cost (middle 99% of futures)").mark_area(
        opacity=0.35, interpolate="step").encode(
        x=x, y=alt.Y("share:Q", title="Share of simulated futures", stack=None,
                     axis=alt.Axis(format="%")),
        color=color,
        tooltip=[alt.Tooltip("route:N", title="Route"),
                 alt.Tooltip("usd_from:Q", title="From", format=MONEY),
                 alt.Tooltip("usd_to:Q", title="To", format=MONEY),
                 alt.Tooltip("share:Q", title="Share of futures", format=".1%")])
    rules = alt.Chart(percentile_frame(result)).mark_rule(strokeWidth=2).encode(
        x="usd:Q", color=route_color(result.table, legend=False),
        strokeDash=alt.StrokeDash("percentile:N", title="Marked",
                                  sort=["10th percentile", "median", "90th percentile"],
                                  scale=alt.Scale(range=[[2, 2], [1, 0], [6, 3]])),
        tooltip=[alt.Tooltip("route:N", title="Route"),
                 alt.Tooltip("percentile:N", title="Percentile"),
                 alt.Tooltip("usd:Q", title="Total", format=MONEY)])
    return alt.layer(areas, rules).properties(height=380)


def exceedance_chart(result: Result, threshold: float) -> alt.LayerChart:
    """Chance the total exceeds X, per route, with the manager's risk-appetite line."""
    lines = alt.Chart(exceedance_frame(result),
                      title="Chance the total cost exceeds a given amount").mark_line(
        strokeWidth=2.5).encode(
        x=alt.X("usd:Q", title="Total cost over the horizon (USD)",
                axis=alt.Axis(format=AXIS_MONEY)),
        y=alt.Y("chance:Q", title="Chance of exceeding", axis=alt.Axis(format="%")),
        color=route_color(result.table),
        tooltip=[alt.Tooltip("route:N", title="Route"),
                 alt.Tooltip("usd:Q", title="Total above", format=MONEY),
                 alt.Tooltip("chance:Q", title="Chance", format=".1%")])
    appetite = alt.Chart(alt.Data(values=[{"usd": threshold}])).mark_rule(
        color="#d62728", strokeWidth=2, strokeDash=[6, 3]).encode(
        x="usd:Q", tooltip=[alt.Tooltip("usd:Q", title="Your risk appetite", format=MONEY)])
    return alt.layer(lines, appetite).properties(height=380)


def cheapest_chart(result: Result) -> alt.Chart:
    """Share of simulated futures in which each route is the cheapest."""
    data = result.comparison.assign(route=route_labels(result.table))[
        ["route", "prob_lowest_cost"]]
    return alt.Chart(data, title="How often each route is the cheapest").mark_bar().encode(
        y=alt.Y("route:N", sort=route_labels(result.table), title=None,
                axis=alt.Axis(labelLimit=220)),
        x=alt.X("prob_lowest_cost:Q", title="Share of simulated futures",
                axis=alt.Axis(format="%"), scale=alt.Scale(domain=[0, 1])),
        color=route_color(result.table, legend=False),
        tooltip=[alt.Tooltip("route:N", title="Route"),
                 alt.Tooltip("prob_lowest_cost:Q", title="Cheapest in", format=".1%")],
    ).properties(height=60 + 40 * len(data))


def loss_spread_chart(result: Result) -> alt.LayerChart:
    """Each loss component's expected value and its 10th–90th percentile, per route."""
    base = alt.Chart(loss_spread_frame(result),
                     title="Where the risk comes from: losses by component")
    tooltip = [alt.Tooltip("route:N", title="Route"),
               alt.Tooltip("component:N", title="Component"),
               alt.Tooltip("mean:Q", title="Expected", format=MONEY),
               alt.Tooltip("p10:Q", title="10th percentile", format=MONEY),
               alt.Tooltip("p90:Q", title="90th percentile", format=MONEY)]
    x = alt.X("component:N", title=None, axis=alt.Axis(labelAngle=0))
    bars = base.mark_bar(opacity=0.8).encode(
        x=x, xOffset=alt.XOffset("route:N"),
        y=alt.Y("mean:Q", title="Loss over the horizon (USD)", axis=alt.Axis(format=AXIS_MONEY)),
        color=route_color(result.table), tooltip=tooltip)
    whiskers = base.mark_rule(color="black").encode(
        x=x, xOffset=alt.XOffset("route:N"), y="p10:Q", y2="p90:Q", tooltip=tooltip)
    return alt.layer(bars, whiskers).properties(height=380)
