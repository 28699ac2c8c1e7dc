"""The Sensitivity page: sentences and charts of the tornado and the sweeps."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..inputs.cells import fmt
from ..model.sensitivity import Tornado
from .format import usd
from .labels import AXIS_MONEY, MONEY, route_color, route_labels

END_COLORS = ("#999999", "#332288")  # low end, high end


def tornado_frame(t: Tornado, top: int = 15) -> pd.DataFrame:
    rows = []
    for rank, w in enumerate(t.swings[:top]):
        for end, value, margin in (("low end", w.low_value, w.low_margin),
                                   ("high end", w.high_value, w.high_margin)):
            rows.append({"input": w.label, "rank": rank, "end": end, "value": value,
                         "margin": margin, "base": t.base_margin})
    return pd.DataFrame(rows, columns=["input", "rank", "end", "value", "margin", "base"])


def tornado_chart(t: Tornado, labels: list[str], top: int = 15) -> alt.LayerChart:
    """Bars from the base margin to the margin at each end of each input's range."""
    data = tornado_frame(t, top)
    order = list(dict.fromkeys(data["input"]))
    title = (f"What moves the margin of {labels[t.winner]} over {labels[t.runner_up]}"
             if labels else "Margin of the winner")
    bars = alt.Chart(data, title=title).mark_bar(opacity=0.85).encode(
        y=alt.Y("input:N", sort=order, title=None,
                axis=alt.Axis(labelLimit=320, labelOverlap=False)),
        x=alt.X("base:Q", title="Runner-up's expected total minus the winner's (USD)",
                axis=alt.Axis(format=AXIS_MONEY)),
        x2="margin:Q",
        color=alt.Color("end:N", title="Input set to its", sort=["low end", "high end"],
                        scale=alt.Scale(domain=["low end", "high end"],
                                        range=list(END_COLORS)),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("input:N", title="Input"), alt.Tooltip("end:N", title="Set to"),
                 alt.Tooltip("value:N", title="Value"),
                 alt.Tooltip("margin:Q", title="Margin", format=MONEY),
                 alt.Tooltip("base:Q", title="Margin as entered", format=MONEY)])
    rules = alt.Chart(alt.Data(values=[{"x": t.base_margin, "what": "as entered"},
                                       {"x": 0.0, "what": "winner changes"}])).mark_rule(
        color="black").encode(
        x="x:Q", strokeDash=alt.StrokeDash("what:N", legend=None,
                                           scale=alt.Scale(range=[[1, 0], [4, 4]])),
        tooltip=[alt.Tooltip("what:N", title="Line"),
                 alt.Tooltip("x:Q", title="Margin", format=MONEY)])
    # Streamlit sizes the whole chart (title, axis, legend included) to this height.
    return alt.layer(bars, rules).properties(height=170 + 28 * len(order))


def sweep_frame(values: np.ndarray, curves: np.ndarray, labels: list[str]) -> pd.DataFrame:
    return pd.DataFrame([{"x": float(v), "route": label, "usd": float(curves[k, i])}
                         for k, v in enumerate(values) for i, label in enumerate(labels)])


def sweep_chart(table: pd.DataFrame, values: np.ndarray, curves: np.ndarray, title: str,
                axis_title: str, current: float) -> alt.LayerChart:
    """Each route's expected total as one input varies; the current value marked."""
    lines = alt.Chart(sweep_frame(values, curves, route_labels(table)), title=title).mark_line(
        strokeWidth=2.5).encode(
        x=alt.X("x:Q", title=axis_title),
        y=alt.Y("usd:Q", title="Expected total (USD)", axis=alt.Axis(format=AXIS_MONEY)),
        color=route_color(table),
        tooltip=[alt.Tooltip("route:N", title="Route"), alt.Tooltip("x:Q", title=axis_title),
                 alt.Tooltip("usd:Q", title="Expected total", format=MONEY)])
    now = alt.Chart(alt.Data(values=[{"x": current}])).mark_rule(
        strokeDash=[4, 4], color="gray").encode(
        x="x:Q", tooltip=[alt.Tooltip("x:Q", title="Your scenario")])
    return alt.layer(lines, now).properties(height=360)


def crossovers(values: np.ndarray, curves: np.ndarray, labels: list[str], unit: str,
               ) -> list[str]:
    """Sentences for each point where one route becomes cheaper than another."""
    found = []
    for a in range(curves.shape[1]):
        for b in range(curves.shape[1]):
            if a == b:
                continue
            diff = curves[:, a] - curves[:, b]
            for k in np.flatnonzero((diff[:-1] >= 0) & (diff[1:] < 0)):
                at = float(values[k])
                noun = unit[:-1] if at == 1 and unit.endswith("s") else unit
                found.append((at, f"above {fmt(at)} {noun}, "
                              f"{labels[a]} costs less than {labels[b]}"))
    return [text for _, text in sorted(found)]


def sweep_summary(values: np.ndarray, curves: np.ndarray, labels: list[str], unit: str,
                  ) -> str:
    words = crossovers(values, curves, labels, unit)
    if not words:
        return (f"Between {fmt(float(values[0]))} and {fmt(float(values[-1]))} {unit} the "
                "order of the routes never changes.")
    more = f" (and {len(words) - 5} more)" if len(words) > 5 else ""
    return "Break-even: " + "; ".join(words[:5]) + more + "."


def tornado_summary(t: Tornado, labels: list[str]) -> str:
    text = (f"As entered, {labels[t.winner]} beats {labels[t.runner_up]} by "
            f"{usd(t.base_margin)}. ")
    flips = [w for w in t.swings if min(w.low_margin, w.high_margin) < 0]
    if not flips:
        return text + "No single input swung across its range reverses the order."
    return text + ("These inputs alone could reverse that at one end of their range: "
                   + "; ".join(f"{w.label} ({w.low_value} to {w.high_value})"
                               for w in flips[:4]) + ".")
