"""The Sensitivity page: sentences and charts of the tornado and the sweeps."""

from __future__ import annotations

import math

import altair as alt
import numpy as np
import pandas as pd

from ..inputs.cells import fmt
from ..model.breakeven import Breakeven, crossings
from ..model.sensitivity import Tornado
from ..schema.outputs import OUTPUT_BY_NAME
from .format import Speaks, money
from .labels import AXIS_MONEY, MONEY, money_title, route_color, route_labels, speak
from .spec import FIT_WIDTH, InLayer, chart, field, inline, layered, mark
from .story import Dollars, breakeven_sentence, mover_sentence, swing_words

END_COLORS = ("#999999", "#332288")  # low end, high end
BAR_STEP = 46  # pixels per input: its label above, its bar below (fits a phone's width)


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
    s = s or Dollars()
    frame = tornado_frame(t, top, s)
    order = list(dict.fromkeys(frame["input"]))
    # Two lines, so the title fits a phone's width.
    title = ([f"What moves the margin of {labels[t.winner]}", f"over {labels[t.runner_up]}"]
             if labels else "Margin of the winner")
    y = field("input:N", sort=order, title=None, axis=None)
    bars = chart(inline(frame, ["margin", "base"], s.fx_rate),
                 mark("bar", opacity=0.85, size=14, yOffset=7), {
        "y": y,
        "x": field("base:Q", title=money_title("Runner-up's expected total minus the winner's", s),
                   axis={"format": AXIS_MONEY, "tickCount": 4}),
        "x2": field("margin"),
        "color": field("end:N", title="Input set to its", sort=["low end", "high end"],
                       scale={"domain": ["low end", "high end"], "range": list(END_COLORS)},
                       legend={"orient": "bottom"}),
        "tooltip": [field("input:N", title="Input"), field("end:N", title="Set to"),
                    field("value:N", title="Value"),
                    field("margin:Q", title="Margin", format=MONEY),
                    field("base:Q", title="Margin as entered", format=MONEY)],
    }, title=title)
    names = chart(inline(frame[frame["end"] == "low end"], ["margin", "base"], s.fx_rate),
                  mark("text", align="left", baseline="bottom", dy=-2, fontSize=12, limit=340),
                  {"y": y, "x": {"value": 0}, "text": field("input:N")})
    # InLayer keeps these two rows inline in the layer rather than among the datasets.
    rules = chart(InLayer(values=[{"x": t.base_margin * s.fx_rate, "what": "as entered"},
                                   {"x": 0.0, "what": "winner changes"}]),
                  mark("rule", color="black"), {
        "x": field("x:Q"),
        "strokeDash": field("what:N", legend=None, scale={"range": [[1, 0], [4, 4]]}),
        "tooltip": [field("what:N", title="Line"),
                    field("x:Q", title="Margin", format=MONEY)]})
    return layered(bars, names, rules, height=10 + BAR_STEP * len(order), config=speak(s),
                   autosize=FIT_WIDTH)


def sweep_frame(values: np.ndarray, curves: np.ndarray, labels: list[str]) -> pd.DataFrame:
    return pd.DataFrame({
        "x": np.repeat(np.asarray(values, dtype=float), len(labels)),
        "route": [label for _ in range(len(values)) for label in labels],
        "usd": np.asarray(curves, dtype=float)[:, :len(labels)].ravel(),
    })


SWEEP_ROWS = 4000  # under MAX_ROWS, Altair's limit for a chart's rows


def sweep_chart(table: pd.DataFrame, values: np.ndarray, curves: np.ndarray, title: str,
                axis_title: str, current: float, s: Speaks | None = None) -> alt.LayerChart:
    """Each route's expected total as one input varies; the current value marked."""
    s = s or Dollars()
    # A chart carries at most MAX_ROWS rows: a sweep of many routes keeps every k-th point
    # and the last (the lines are straight, or nearly, in between). The break-even
    # sentences read every point.
    step = math.ceil(len(values) * curves.shape[1] / SWEEP_ROWS)
    keep = np.unique(np.r_[np.arange(0, len(values), step), len(values) - 1])
    frame = sweep_frame(values[keep], curves[keep], route_labels(table))
    lines = chart(inline(frame, ["usd"], s.fx_rate), mark("line", strokeWidth=2.5), {
        "x": field("x:Q", title=axis_title),
        "y": field("usd:Q", title=money_title(OUTPUT_BY_NAME["expected_total_usd"].label, s),
                   axis={"format": AXIS_MONEY}),
        "color": route_color(table),
        "tooltip": [field("route:N", title="Route"), field("x:Q", title=axis_title),
                    field("usd:Q", title="Expected total", format=MONEY)],
    }, title=title)
    now = chart(InLayer(values=[{"x": current}]), mark("rule", strokeDash=[4, 4], color="gray"),
                {"x": field("x:Q"), "tooltip": [field("x:Q", title="Your scenario")]})
    return layered(lines, now, height=250, config=speak(s), autosize=FIT_WIDTH)


def crossovers(values: np.ndarray, curves: np.ndarray, labels: list[str], unit: str,
               ) -> list[str]:
    """Sentences for each point where one route becomes cheaper than another."""
    found = []
    for c in crossings(values, curves):
        noun = unit[:-1] if c.at == 1 and unit.endswith("s") else unit
        found.append(f"above {fmt(c.at)} {noun}, {labels[c.cheaper]} costs less than "
                     f"{labels[c.dearer]}")
    return found


def horizon_summary(values: np.ndarray, curves: np.ndarray, labels: list[str],
                    found: tuple[Breakeven, ...], horizon: int) -> str:
    """The horizon sweep: the break-even sentence of every page, then what changes past
    the scenario's horizon."""
    text = breakeven_sentence(found, labels, horizon)
    later = values >= horizon
    beyond = crossovers(values[later], curves[later], labels, "months")
    if beyond:
        more = f" (and {len(beyond) - 3} more)" if len(beyond) > 3 else ""
        text += f" Past {horizon} months: " + "; ".join(beyond[:3]) + more + "."
    elif later.sum() > 1:
        text += f" Past {horizon} months, up to {fmt(float(values[-1]))}, the order holds."
    return text.strip()


def sweep_summary(values: np.ndarray, curves: np.ndarray, labels: list[str], unit: str,
                  ) -> str:
    words = crossovers(values, curves, labels, unit)
    if not words:
        return (f"Between {fmt(float(values[0]))} and {fmt(float(values[-1]))} {unit} the "
                "order of the routes never changes.")
    more = f" (and {len(words) - 5} more)" if len(words) > 5 else ""
    return "Where the lines cross: " + "; ".join(words[:5]) + more + "."


def tornado_summary(t: Tornado, labels: list[str], s: Speaks | None = None) -> str:
    s = s or Dollars()
    text = (f"As entered, {labels[t.winner]} beats {labels[t.runner_up]} by "
            f"{money(t.base_margin, s)}. {mover_sentence(t, s)} ")
    flips = [w for w in t.swings[1:] if min(w.low_margin, w.high_margin) < 0]
    if not flips:
        if min(t.swings[0].low_margin, t.swings[0].high_margin) < 0 if t.swings else False:
            return text + "No other single input swung across its range reverses the order."
        return text + "No single input swung across its range reverses the order."
    return text + ("Other inputs that alone could reverse it at one end of their range: "
                   + "; ".join("{} ({} to {})".format(*swing_words(w, s))
                               for w in flips[:4]) + ".")
