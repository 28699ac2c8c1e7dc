"""The Decide page: regret, EVPI and EVPPI as frames, sentences and an Altair chart."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..model.information import LEAST, Information, input_words, worth_learning
from .format import Speaks, money, pct
from .labels import route_color, route_labels
from .spec import FIT_WIDTH, InLayer, chart, field, inline, layered, mark

TOP = 10
BAR_STEP = 40  # pixels per input: its name above, its bar below
ROBUST_SHARE = 0.01  # below 1% of the expected cost, information cannot pay much


def _in_currency(s: Speaks) -> tuple[float, str, str, str]:
    """Factor from USD, axis format, tooltip format and the unit's name for titles."""
    if s.currency == "USD":
        return 1.0, "$.2~s", "$,.0f", "USD"
    return s.fx_rate, ".2~s", ",.0f", s.currency


def input_label(info: Information, labels: list[str], k: int) -> str:
    v = info.inputs[k]
    return f"{labels[v.route]}: {input_words(v.stem)}"


def evppi_frame(info: Information, labels: list[str], s: Speaks, top: int = TOP,
                ) -> pd.DataFrame:
    """The `top` inputs most worth learning, largest first; values in USD and currency."""
    factor = _in_currency(s)[0]
    real = set(worth_learning(info))
    rows = [{"input": input_label(info, labels, k), "route": labels[v.route],
             "usd": v.value, "value": v.value * factor,
             "share_of_evpi": v.value / info.evpi if info.evpi > 0 else 0.0,
             "worth_learning": k in real}
            for k, v in enumerate(info.inputs[:top])]
    return pd.DataFrame(rows, columns=["input", "route", "usd", "value", "share_of_evpi",
                                       "worth_learning"])


def regret_frame(info: Information, labels: list[str]) -> pd.DataFrame:
    """Per route, in the table's order: expected total, expected regret, whether chosen."""
    return pd.DataFrame({
        "route": labels,
        "expected_total_usd": list(info.expected_totals),
        "expected_regret_usd": list(info.regrets),
        "chosen_now": [i == info.winner for i in range(len(labels))],
    })


def evpi_share(info: Information) -> float:
    """EVPI as a share of the chosen route's expected total."""
    total = info.expected_totals[info.winner]
    return info.evpi / total if total > 0 else 0.0


def decide_summary(info: Information, labels: list[str], s: Speaks) -> str:
    """What a manager can act on: is the choice robust, and what is worth measuring first."""
    winner = labels[info.winner]
    if len(labels) < 2:
        return (f"With one route ({winner}) there is nothing to choose between, so no "
                "information can change the decision.")
    if info.evpi <= 0:
        return (f"{winner} is the cheapest in every simulated future, so even perfect "
                f"information would save nothing (EVPI {money(0.0, s)}): no input is worth "
                "measuring before you decide.")
    share = evpi_share(info)
    if share < ROBUST_SHARE:
        text = ("The choice is robust: even perfect information would save less than 1% of "
                f"the expected cost ({money(info.evpi, s)} against "
                f"{money(info.expected_totals[info.winner], s)} for {winner}).")
        real = worth_learning(info)
        if real:
            text += (f" The input most worth learning, {input_label(info, labels, real[0])}, "
                     f"is worth up to {money(info.inputs[real[0]].value, s)}.")
        return text
    lead = (f"Deciding now, you expect to overpay by {money(info.evpi, s)} against a "
            f"perfectly informed choice (EVPI, {pct(share)} of {winner}'s expected cost).")
    return lead + " " + _what_to_learn(info, labels, s)


def _what_to_learn(info: Information, labels: list[str], s: Speaks) -> str:
    real = worth_learning(info)
    if not real:
        return ("No single input stands out: learning any one of them alone is worth no "
                f"more than the estimate's noise (about {money(info.noise, s)}).")
    top = info.inputs[real[0]]
    name = input_label(info, labels, real[0])
    if top.value >= 0.5 * info.evpi:
        text = f"Most of that comes from not knowing {name}: learning it is worth up to "
    else:
        text = ("No single input explains most of it; the one most worth learning is "
                f"{name}, worth up to ")
    text += (f"{money(top.value, s)}, so a pilot or survey that measures it is worth running "
             "if it costs less than that.")
    if len(info.inputs) > real[0] + 1:
        text += (" Nothing else is worth more than "
                 f"{money(info.inputs[real[0] + 1].value, s)} to find out.")
    return text


def evppi_summary(info: Information, labels: list[str], s: Speaks) -> str:
    """The chart in one sentence."""
    n = len(info.inputs)
    if not n:
        text = "Every range in the table is fixed: there is no uncertain input to learn."
        if info.evpi > 0:
            text += (" What remains is the luck of when disruptions and incidents happen, "
                     "which no measurement can remove.")
        return text
    real = worth_learning(info)
    if info.noise >= LEAST:
        little = (f"worth no more than an input that tells nothing would get "
                  f"({money(info.noise, s)}, the estimate's noise)")
    else:
        little = "worth next to nothing"
    if not real:
        return f"Learning any one of the {n} uncertain inputs on its own is {little}."
    text = (f"Learning {input_label(info, labels, real[0])} exactly is worth up to "
            f"{money(info.inputs[real[0]].value, s)}")
    if len(real) > 1:
        text += (f"; the next, {input_label(info, labels, real[1])}, "
                 f"{money(info.inputs[real[1]].value, s)}")
    quiet = n - len(real)
    if not quiet:
        return text + "."
    return text + f". {quiet} of {n} uncertain inputs {'is' if quiet == 1 else 'are'} {little}."


def regret_summary(info: Information, labels: list[str], s: Speaks) -> str:
    parts = [f"{label} {money(r, s)}" for label, r in zip(labels, info.regrets)]
    return ("Expected regret, what each route costs on average against the cheapest route "
            "of each future: " + ", ".join(parts) + f". The lowest, {money(info.evpi, s)}, "
            "is the EVPI.")


def evppi_chart(info: Information, table: pd.DataFrame, s: Speaks, top: int = TOP,
                ) -> alt.LayerChart:
    """Bars of what learning each input is worth (top 10), with the EVPI and noise lines.

    Each input's name is written above its bar, across the chart's width (as the
    tornado's): as axis labels at the side they left a phone no room for the bars. The
    names start with their route, so the bars' route colours need no legend.
    """
    factor, axis, tip, unit = _in_currency(s)
    data = evppi_frame(info, route_labels(table), s, top)
    order = list(data["input"])
    y = field("input:N", sort=order, title=None, axis=None)
    x = field("value:Q", title=f"Value of learning it ({unit})",
              axis={"format": axis, "tickCount": 6},
              scale={"domain": [0, info.evpi * factor]} if info.evpi > 0 else alt.Undefined)
    rows = inline(data)
    bars = chart(rows, mark("bar", size=14, yOffset=7), {
        "y": y, "x": x,
        "color": route_color(table, legend=False),
        "tooltip": [field("input:N", title="Input"),
                    field("value:Q", title=f"Worth up to ({unit})", format=tip),
                    field("share_of_evpi:Q", title="Share of EVPI", format=".0%")],
    }, title="What learning each input is worth (EVPPI)")
    marks = [{"x": info.evpi * factor, "what": "EVPI: perfect information on everything"}]
    if info.noise >= LEAST:  # a noise line at zero would only hide the axis
        marks.append({"x": info.noise * factor,
                      "what": "Noise: what an input telling nothing gets"})
    # InLayer keeps these rows inline in the layer rather than among the datasets.
    lines = chart(InLayer(values=marks), mark("rule", color="black"), {
        "x": field("x:Q"),
        "strokeDash": field("what:N", title=None, scale={"range": [[1, 0], [4, 4]]},
                            legend={"orient": "bottom", "direction": "vertical",
                                    "labelLimit": 300}),
        "tooltip": [field("what:N", title="Line"), field("x:Q", title=unit, format=tip)]})
    names = chart(rows, mark("text", align="left", baseline="bottom", dy=-2, fontSize=12,
                             limit=340),
                  {"y": y, "x": {"value": 0}, "text": field("input:N")})
    return layered(bars, lines, names, height=40 + BAR_STEP * len(order), autosize=FIT_WIDTH)
