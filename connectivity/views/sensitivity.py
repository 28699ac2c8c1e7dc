"""The Sensitivity page: sentences and charts of the tornado and the sweeps."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..inputs.cells import fmt
from ..model.sensitivity import Swing, Tornado
from ..schema.outputs import OUTPUT_BY_NAME
from .format import Speaks, money
from .labels import AXIS_MONEY, MONEY, in_currency, money_title, route_color, route_labels, speak

END_COLORS = ("#999999", "#332288")  # low end, high end
BAR_STEP = 46  # pixels per input: its label above, its bar below (fits a phone's width)


class _Dollars:
    currency = "USD"
    fx_rate = 1.0


def swing_words(w: Swing, s: Speaks | None = None) -> tuple[str, str, str]:
    """A swing's label and ends as a person reads them, money in the scenario's currency."""
    s = s or _Dollars()
    if w.label.endswith(" (%)"):
        return w.label[:-4], f"{w.low_value}%", f"{w.high_value}%"
    if not w.in_usd or s.currency == "USD":
        return w.label, w.low_value, w.high_value
    label = w.label.replace("(USD)", f"({s.currency})")
    return label, money(float(w.low_value), s), money(float(w.high_value), s)


def tornado_frame(t: Tornado, top: int = 15, s: Speaks | None = None) -> pd.DataFrame:
    rows = []
    for rank, w in enumerate(t.swings[:top]):
        label, low, high = swing_words(w, s)
        for end, value, margin in (("low end", low, w.low_margin),
                                   ("high end", high, w.high_margin)):
            rows.append({"input": label, "rank": rank, "end": end, "value": value,
                         "margin": margin, "base": t.base_margin})
    return pd.DataFrame(rows, columns=["input", "rank", "end", "value", "margin", "base"])


def tornado_chart(t: Tornado, labels: list[str], top: int = 15, s: Speaks | None = None,
                  ) -> alt.LayerChart:
    """Bars from the base margin to the margin at each end of each input's range.

    Each input's name is written above its bar, across the chart's whole width:
    as axis labels at the side they left no room for bars on a phone.
    """
    s = s or _Dollars()
    data = in_currency(tornado_frame(t, top, s), ["margin", "base"], s)
    order = list(dict.fromkeys(data["input"]))
    # Two lines, so the title fits a phone's width.
    title = ([f"What moves the margin of {labels[t.winner]}", f"over {labels[t.runner_up]}"]
             if labels else "Margin of the winner")
    y = alt.Y("input:N", sort=order, title=None, axis=None)
    bars = alt.Chart(data, title=title).mark_bar(
        opacity=0.85, size=14, yOffset=7).encode(
        y=y,
        x=alt.X("base:Q", title=money_title("Runner-up's expected total minus the winner's", s),
                axis=alt.Axis(format=AXIS_MONEY, tickCount=4)),
        x2="margin:Q",
        color=alt.Color("end:N", title="Input set to its", sort=["low end", "high end"],
                        scale=alt.Scale(domain=["low end", "high end"],
                                        range=list(END_COLORS)),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("input:N", title="Input"), alt.Tooltip("end:N", title="Set to"),
                 alt.Tooltip("value:N", title="Value"),
                 alt.Tooltip("margin:Q", title="Margin", format=MONEY),
                 alt.Tooltip("base:Q", title="Margin as entered", format=MONEY)])
    names = alt.Chart(data[data["end"] == "low end"]).mark_text(
        align="left", baseline="bottom", dy=-2, fontSize=12, limit=340).encode(
        y=y, x=alt.value(0), text="input:N")
    rules = alt.Chart(alt.Data(values=[{"x": t.base_margin * s.fx_rate, "what": "as entered"},
                                       {"x": 0.0, "what": "winner changes"}])).mark_rule(
        color="black").encode(
        x="x:Q", strokeDash=alt.StrokeDash("what:N", legend=None,
                                           scale=alt.Scale(range=[[1, 0], [4, 4]])),
        tooltip=[alt.Tooltip("what:N", title="Line"),
                 alt.Tooltip("x:Q", title="Margin", format=MONEY)])
    # Streamlit sizes the whole chart (title, axis, legend included) to this height.
    return speak(alt.layer(bars, names, rules).properties(height=150 + BAR_STEP * len(order)), s)


def sweep_frame(values: np.ndarray, curves: np.ndarray, labels: list[str]) -> pd.DataFrame:
    return pd.DataFrame([{"x": float(v), "route": label, "usd": float(curves[k, i])}
                         for k, v in enumerate(values) for i, label in enumerate(labels)])


def sweep_chart(table: pd.DataFrame, values: np.ndarray, curves: np.ndarray, title: str,
                axis_title: str, current: float, s: Speaks | None = None) -> alt.LayerChart:
    """Each route's expected total as one input varies; the current value marked."""
    s = s or _Dollars()
    frame = in_currency(sweep_frame(values, curves, route_labels(table)), ["usd"], s)
    lines = alt.Chart(frame, title=title).mark_line(strokeWidth=2.5).encode(
        x=alt.X("x:Q", title=axis_title),
        y=alt.Y("usd:Q", title=money_title(OUTPUT_BY_NAME["expected_total_usd"].label, s),
                axis=alt.Axis(format=AXIS_MONEY)),
        color=route_color(table),
        tooltip=[alt.Tooltip("route:N", title="Route"), alt.Tooltip("x:Q", title=axis_title),
                 alt.Tooltip("usd:Q", title="Expected total", format=MONEY)])
    now = alt.Chart(alt.Data(values=[{"x": current}])).mark_rule(
        strokeDash=[4, 4], color="gray").encode(
        x="x:Q", tooltip=[alt.Tooltip("x:Q", title="Your scenario")])
    return speak(alt.layer(lines, now).properties(height=360), s)


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


def tornado_summary(t: Tornado, labels: list[str], s: Speaks | None = None) -> str:
    s = s or _Dollars()
    text = (f"As entered, {labels[t.winner]} beats {labels[t.runner_up]} by "
            f"{money(t.base_margin, s)}. ")
    flips = [w for w in t.swings if min(w.low_margin, w.high_margin) < 0]
    if not flips:
        return text + "No single input swung across its range reverses the order."
    return text + ("These inputs alone could reverse that at one end of their range: "
                   + "; ".join("{} ({} to {})".format(*swing_words(w, s))
                               for w in flips[:4]) + ".")
