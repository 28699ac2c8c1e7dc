"""The Compare page's frames, sentences and charts (charts tested via to_dict())."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..model.breakeven import crossings, cumulative
from ..model.compare import Result
from ..model.routes import COMPONENTS
from ..schema.palette import COMPONENT_COLORS, COMPONENT_LABELS
from .format import month, pct, usd
from .labels import AXIS_MONEY, MONEY, route_color, route_labels


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


def _ranked(result: Result) -> list[int]:
    return list(result.comparison.sort_values("rank").index)


def headline(result: Result) -> str:
    """Which route costs least, by how much against the runner-up, and how often."""
    c, labels = result.comparison, route_labels(result.table)
    order = _ranked(result)
    best = order[0]
    text = (f"{labels[best]} costs least over {result.scenario.horizon_months} months: "
            f"{usd(c.at[best, 'expected_total_usd'])} expected")
    if len(order) > 1:
        second = order[1]
        gap = c.at[second, "expected_total_usd"] - c.at[best, "expected_total_usd"]
        text += f", {usd(gap)} less than the runner-up, {labels[second]}"
    share = c.at[best, "prob_lowest_cost"]
    return text + f". It is the cheapest route in {pct(share)} of simulated futures."


def caveat(result: Result) -> str | None:
    """What a manager must know about the winner before acting on it."""
    best = _ranked(result)[0]
    row = result.comparison.loc[best]
    notes = []
    if row["legal_status"] == "unauthorised":
        notes.append("it is not an authorised route: the enforcement risk is priced in as "
                     "incidents, but it can end at any time")
    elif row["legal_status"] == "pilot":
        notes.append("it is a pilot scheme, open only to firms in the pilot zone and liable "
                     "to change")
    if row["reach"] == "hq_only":
        notes.append("it reaches only your head office abroad, not Gmail, Google or other "
                     "foreign sites directly")
    elif row["reach"] == "domestic_only":
        notes.append("it reaches no services abroad by legal means")
    if not notes:
        return None
    return f"Before you choose {route_labels(result.table)[best]}: " + "; ".join(notes) + "."


def breakdown_summary(result: Result) -> str:
    e, labels = result.expected, route_labels(result.table)
    parts = []
    for i, (_, row) in enumerate(e.iterrows()):
        direct = row["setup"] + row["service"]
        losses = row["total"] - direct
        share = losses / row["total"] if row["total"] > 0 else 0.0
        parts.append(f"{labels[i]} {pct(share)}")
    return ("Share of each route's expected total that is losses (lost productivity, outages, "
            "incidents) rather than charges: " + ", ".join(parts) + ".")


def cost_risk_summary(result: Result) -> str:
    c, labels = result.comparison, route_labels(result.table)
    widest = int((c["p90_usd"] - c["p10_usd"]).idxmax())
    spread = c.at[widest, "p90_usd"] - c.at[widest, "p10_usd"]
    return (f"Bars span the 10th to 90th percentile of simulated losses. {labels[widest]} is "
            f"the least predictable: its total ranges over {usd(spread)} between those "
            f"percentiles ({usd(c.at[widest, 'p10_usd'])} to {usd(c.at[widest, 'p90_usd'])}).")


def cumulative_summary(result: Result) -> str:
    labels = route_labels(result.table)
    found = crossings(cumulative(result.flows))
    horizon = result.scenario.horizon_months
    inside = [c for c in found if c.month <= horizon]
    if not inside:
        return (f"No route overtakes another within the {horizon} months: the order at month 1 "
                "holds to the end.")
    words = [f"{labels[c.cheaper]} becomes cheaper than {labels[c.dearer]} at {month(c.month)}"
             for c in inside[:4]]
    more = f" (and {len(inside) - 4} more)" if len(inside) > 4 else ""
    return "Break-even: " + "; ".join(words) + more + "."
