"""Each chart is a function from a Result to an alt.Chart (tested via to_dict())."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .breakeven import crossings, cumulative
from .compare import Result
from .routes import COMPONENTS

# Okabe & Ito's colour-blind-safe palette; a route keeps its colour on every page.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000")
COMPONENT_LABELS = {
    "setup": "Setup", "service": "Service charges", "productivity_loss": "Lost productivity",
    "outage_loss": "Outages", "incident_loss": "Enforcement incidents",
}
COMPONENT_COLORS = ("#3b3b3b", "#7f7f7f", "#a6cee3", "#fdbf6f", "#fb9a99")
MONEY = "$,.0f"
AXIS_MONEY = "$.2~s"


def route_labels(table: pd.DataFrame) -> list[str]:
    """Display names, made unique (the table only promises unique ids)."""
    names = list(table["name"])
    return [n if names.count(n) == 1 else f"{n} ({i})" for n, i in zip(names, table["option_id"])]


def route_colors(table: pd.DataFrame) -> dict[str, str]:
    """option_id → colour, by position in the table."""
    return {oid: PALETTE[i % len(PALETTE)] for i, oid in enumerate(table["option_id"])}


def route_scale(table: pd.DataFrame) -> alt.Scale:
    labels = route_labels(table)
    return alt.Scale(domain=labels, range=[PALETTE[i % len(PALETTE)] for i in range(len(labels))])


def route_color(table: pd.DataFrame, legend: bool = True) -> alt.Color:
    return alt.Color("route:N", scale=route_scale(table), sort=route_labels(table),
                     title=None, legend=alt.Legend(orient="bottom", direction="horizontal",
                                                   labelLimit=260) if legend else None)


def breakdown_chart(result: Result) -> alt.Chart:
    """Stacked bars: what each route's expected total is made of."""
    labels = route_labels(result.table)
    rows = [
        {"route": label, "component": COMPONENT_LABELS[c], "order": k, "usd": float(value)}
        for label, (_, row) in zip(labels, result.expected.iterrows())
        for k, (c, value) in enumerate(row[list(COMPONENTS)].items())
    ]
    title = "Expected cost over the horizon, by component"
    return alt.Chart(pd.DataFrame(rows), title=title).mark_bar().encode(
        y=alt.Y("route:N", sort=labels, title=None, axis=alt.Axis(labelLimit=220)),
        x=alt.X("sum(usd):Q", title="Expected cost (USD)", axis=alt.Axis(format=AXIS_MONEY)),
        color=alt.Color("component:N", title="Component",
                        scale=alt.Scale(domain=list(COMPONENT_LABELS.values()),
                                        range=list(COMPONENT_COLORS)),
                        legend=alt.Legend(orient="bottom")),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("route:N", title="Route"),
                 alt.Tooltip("component:N", title="Component"),
                 alt.Tooltip("sum(usd):Q", title="Expected cost", format=MONEY)],
    ).properties(height=120 + 50 * len(labels))


def cost_risk_frame(result: Result) -> pd.DataFrame:
    c = result.comparison
    direct = c["setup_usd"] + c["service_usd"]
    return pd.DataFrame({
        "route": route_labels(result.table),
        "direct": direct,
        "losses": c["expected_total_usd"] - direct,
        "losses_p10": (c["p10_usd"] - direct).clip(lower=0),
        "losses_p90": (c["p90_usd"] - direct).clip(lower=0),
        "total": c["expected_total_usd"],
        "p10": c["p10_usd"],
        "p90": c["p90_usd"],
    })


def cost_risk_chart(result: Result) -> alt.LayerChart:
    """Direct cost against expected losses; the bar spans the simulated p10–p90."""
    data = cost_risk_frame(result)
    base = alt.Chart(data, title="Direct cost against expected losses")
    tooltip = [alt.Tooltip("route:N", title="Route"),
               alt.Tooltip("direct:Q", title="Setup + service", format=MONEY),
               alt.Tooltip("losses:Q", title="Expected losses", format=MONEY),
               alt.Tooltip("p10:Q", title="Total, 10th percentile", format=MONEY),
               alt.Tooltip("total:Q", title="Total, expected", format=MONEY),
               alt.Tooltip("p90:Q", title="Total, 90th percentile", format=MONEY)]
    x = alt.X("direct:Q", title="Setup + service charges (USD)",
              axis=alt.Axis(format=AXIS_MONEY), scale=alt.Scale(zero=True))
    spread = base.mark_rule(strokeWidth=3, opacity=0.6).encode(
        x=x, y=alt.Y("losses_p10:Q"), y2="losses_p90:Q", color=route_color(result.table),
        tooltip=tooltip)
    points = base.mark_point(filled=True, size=160).encode(
        x=x, y=alt.Y("losses:Q", title="Expected losses (USD)", axis=alt.Axis(format=AXIS_MONEY)),
        color=route_color(result.table), tooltip=tooltip)
    return alt.layer(spread, points).properties(height=400)


def cumulative_frame(result: Result) -> pd.DataFrame:
    curves = cumulative(result.flows)
    labels = route_labels(result.table)
    return pd.DataFrame([
        {"route": label, "month": m, "usd": float(curves[i, m])}
        for i, label in enumerate(labels) for m in range(curves.shape[1])
    ])


def breakeven_frame(result: Result) -> pd.DataFrame:
    curves = cumulative(result.flows)
    labels = route_labels(result.table)
    rows = []
    for c in crossings(curves):
        lo = int(c.month)
        hi = min(lo + 1, curves.shape[1] - 1)
        frac = c.month - lo
        usd = curves[c.cheaper, lo] * (1 - frac) + curves[c.cheaper, hi] * frac
        rows.append({"month": c.month, "usd": float(usd), "route": labels[c.cheaper],
                     "event": f"{labels[c.cheaper]} becomes cheaper than {labels[c.dearer]}"})
    return pd.DataFrame(rows, columns=["month", "usd", "route", "event"])


def cumulative_chart(result: Result) -> alt.LayerChart:
    """Cumulative expected cost, month by month; break-even points marked."""
    horizon = result.scenario.horizon_months
    lines = alt.Chart(cumulative_frame(result),
                      title="Cumulative expected cost, month by month").mark_line(
        point=False, strokeWidth=2.5).encode(
        x=alt.X("month:Q", title="Month"),
        y=alt.Y("usd:Q", title="Cumulative expected cost (USD)", axis=alt.Axis(format=AXIS_MONEY)),
        color=route_color(result.table),
        strokeDash=alt.StrokeDash("route:N", legend=None),
        tooltip=[alt.Tooltip("route:N", title="Route"), alt.Tooltip("month:Q", title="Month"),
                 alt.Tooltip("usd:Q", title="Cumulative cost", format=MONEY)],
    )
    marks = alt.Chart(breakeven_frame(result)).mark_point(
        shape="diamond", size=140, filled=True, color="black").encode(
        x="month:Q", y="usd:Q",
        tooltip=[alt.Tooltip("event:N", title="Break-even"),
                 alt.Tooltip("month:Q", title="Month", format=".1f"),
                 alt.Tooltip("usd:Q", title="Cumulative cost", format=MONEY)],
    )
    end = alt.Chart(pd.DataFrame({"month": [horizon]})).mark_rule(
        strokeDash=[4, 4], color="gray").encode(x="month:Q")
    return alt.layer(lines, marks, end).properties(height=400)
