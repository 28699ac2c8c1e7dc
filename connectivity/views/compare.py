"""The Compare page's frames, sentences and charts (charts tested via to_dict())."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from ..inputs.provenance import ESTIMATE, origin
from ..inputs.quotes import QUOTE_COLUMNS
from ..model.breakeven import horizon_totals
from ..model.compare import Result
from ..model.routes import COMPONENTS
from ..model.sensitivity import Swing, Tornado
from ..schema.outputs import OUTPUT_BY_NAME, OUTPUTS
from ..schema.palette import COMPONENT_COLORS, COMPONENT_LABELS
from .format import money, money_range, pct
from .labels import (
    AXIS_MONEY,
    LEGAL_WORDS,
    LEGEND,
    MONEY,
    REACH_WORDS,
    money_title,
    route_color,
    route_labels,
    speak,
)
from .spec import FIT_WIDTH, chart, field, inline, layered, mark
from .story import breakeven_sentence, mover_sentence, moves_most


def breakdown_frame(result: Result) -> pd.DataFrame:
    """One row per route and component of its expected total, in US dollars."""
    labels = route_labels(result.table)
    parts = result.expected[list(COMPONENTS)].to_numpy(dtype=float)[:len(labels)]
    return pd.DataFrame({
        "route": [label for label in labels for _ in COMPONENTS],
        "component": [COMPONENT_LABELS[c] for _ in labels for c in COMPONENTS],
        "order": np.tile(np.arange(len(COMPONENTS)), len(labels)),
        "usd": parts.ravel(),
    })


def breakdown_chart(result: Result) -> alt.Chart:
    """Stacked bars: what each route's expected total is made of."""
    s = result.scenario
    labels = route_labels(result.table)
    return chart(inline(breakdown_frame(result), ["usd"], s.fx_rate), mark("bar"), {
        "y": field("route:N", sort=labels, title=None, axis={"labelLimit": 160}),
        "x": field("sum(usd):Q", title=money_title(OUTPUT_BY_NAME["expected_total_usd"].label, s),
                   axis={"format": AXIS_MONEY, "tickCount": 5}),
        "color": field("component:N", title="Component",
                       scale={"domain": list(COMPONENT_LABELS.values()),
                              "range": list(COMPONENT_COLORS)},
                       legend=LEGEND),
        "order": field("order:Q"),
        "tooltip": [field("route:N", title="Route"),
                    field("component:N", title="Component"),
                    field("sum(usd):Q", title="Expected cost", format=MONEY)],
    }, title="Expected cost over the horizon, by component", height=30 + 40 * len(labels),
        config=speak(s), autosize=FIT_WIDTH)


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
    s = result.scenario
    data = inline(cost_risk_frame(result), ["direct", "losses", "losses_p10", "losses_p90",
                                            "total", "p10", "p90"], s.fx_rate)
    title = "Direct cost against expected losses"
    tooltip = [field("route:N", title="Route"),
               field("direct:Q", title="Setup + service", format=MONEY),
               field("losses:Q", title="Expected losses", format=MONEY),
               field("p10:Q", title="Total, 10th percentile", format=MONEY),
               field("total:Q", title="Total, expected", format=MONEY),
               field("p90:Q", title="Total, 90th percentile", format=MONEY)]
    x = field("direct:Q", title=money_title("Setup + service charges", s),
              axis={"format": AXIS_MONEY, "tickCount": 5}, scale={"zero": True, "padding": 12})
    color = route_color(result.table)
    spread = chart(alt.Undefined, mark("rule", strokeWidth=3, opacity=0.6), {
        "x": x, "y": field("losses_p10:Q"), "y2": field("losses_p90"), "color": color,
        "tooltip": tooltip}, title=title)
    points = chart(alt.Undefined, mark("point", filled=True, size=160), {
        "x": x, "y": field("losses:Q", title=money_title("Expected losses", s),
                           axis={"format": AXIS_MONEY}),
        "color": color, "tooltip": tooltip}, title=title)
    # Both layers draw the same rows: Vega-Lite reads them once, from the top.
    return layered(spread, points, data=data, height=280, config=speak(s), autosize=FIT_WIDTH)


def cumulative_frame(result: Result) -> pd.DataFrame:
    """Each route's expected total over every horizon from 1 month to the scenario's."""
    curves = horizon_totals(result.table, result.scenario)
    labels = route_labels(result.table)
    months = curves.shape[0]
    return pd.DataFrame({
        "route": [label for label in labels for _ in range(months)],
        "month": np.tile(np.arange(1, months + 1), len(labels)),
        "usd": curves[:, :len(labels)].T.ravel(),
    })


def breakeven_frame(result: Result) -> pd.DataFrame:
    """The winner's break-even points (model/breakeven.py), on the winner's line."""
    curves = horizon_totals(result.table, result.scenario)
    labels = route_labels(result.table)
    rows = [{"month": b.month, "usd": float(curves[b.month - 1, b.winner]),
             "route": labels[b.winner],
             "event": f"{labels[b.winner]} costs less than {labels[b.against]} from here"}
            for b in result.breakeven if b.month > 1]
    return pd.DataFrame(rows, columns=["month", "usd", "route", "event"])


def cumulative_chart(result: Result) -> alt.LayerChart:
    """Each route's expected total if the route were needed for 1, 2, … months; the
    winner's break-even months marked."""
    s = result.scenario
    title = f"Expected total if needed for 1 to {s.horizon_months} months"
    lines = chart(inline(cumulative_frame(result), ["usd"], s.fx_rate),
                  mark("line", point=False, strokeWidth=2.5), {
        "x": field("month:Q", title="Months the route is needed"),
        "y": field("usd:Q", title=money_title("Expected total", s),
                   axis={"format": AXIS_MONEY}),
        "color": route_color(result.table),
        "strokeDash": field("route:N", legend=None),
        "tooltip": [field("route:N", title="Route"), field("month:Q", title="Months"),
                    field("usd:Q", title="Expected total", format=MONEY)],
    }, title=title)
    marks = chart(inline(breakeven_frame(result), ["usd"], s.fx_rate),
                  mark("point", shape="diamond", size=140, filled=True, color="black"), {
        "x": field("month:Q"), "y": field("usd:Q"),
        "tooltip": [field("event:N", title="Break-even"),
                    field("month:Q", title="Months"),
                    field("usd:Q", title="Expected total", format=MONEY)],
    })
    return layered(lines, marks, height=280, config=speak(s), autosize=FIT_WIDTH)


def _ranked(result: Result) -> list[int]:
    return list(result.comparison.sort_values("rank").index)


def headline(result: Result) -> str:
    """Which route costs least, by how much against the runner-up, and how often."""
    c, labels, s = result.comparison, route_labels(result.table), result.scenario
    order = _ranked(result)
    best = order[0]
    text = (f"{labels[best]} costs least over {s.horizon_months} months: "
            f"{money(c.at[best, 'expected_total_usd'], s)} expected")
    if len(order) > 1:
        second = order[1]
        gap = c.at[second, "expected_total_usd"] - c.at[best, "expected_total_usd"]
        text += f", {money(gap, s)} less than the runner-up, {labels[second]}"
    share = c.at[best, "prob_lowest_cost"]
    return text + f". It is the cheapest route in {pct(share)} of simulated futures."


def regret_line(result: Result) -> str:
    """What deciding now costs against perfect information: the winner's expected regret."""
    c, s = result.comparison, result.scenario
    best = _ranked(result)[0]
    evpi = float(c.at[best, "expected_regret_usd"])
    total = float(c.at[best, "expected_total_usd"])
    text = (f"Choosing now, you expect to pay {money(evpi, s)} more than someone who knew "
            "in advance which route each future favours (the expected regret, or value of "
            "perfect information")
    if total > 0 and evpi < 0.01 * total:
        return text + "): under 1% of the expected cost, so the choice is robust."
    return (text + f", {pct(evpi / total) if total > 0 else '—'} of the expected cost). "
            "The Decide page shows which estimate is worth pinning down first.")


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
            "incidents, people who would leave) rather than charges: " + ", ".join(parts) + ".")


def cost_risk_summary(result: Result) -> str:
    c, labels, s = result.comparison, route_labels(result.table), result.scenario
    widest = int((c["p90_usd"] - c["p10_usd"]).idxmax())
    spread = c.at[widest, "p90_usd"] - c.at[widest, "p10_usd"]
    return (f"Bars span the 80% range of simulated losses (8 futures in 10 fall inside). "
            f"{labels[widest]} is the least predictable: its total spans "
            f"{money(spread, s)}, from "
            f"{money_range(c.at[widest, 'p10_usd'], c.at[widest, 'p90_usd'], s)}.")


def cumulative_summary(result: Result) -> str:
    return breakeven_sentence(result.breakeven, route_labels(result.table),
                              result.scenario.horizon_months)


def comparison_frame(result: Result) -> pd.DataFrame:
    """The comparison as a person reads it: in rank order, money in the scenario's
    currency in whole units, legal status and reach in words (the 80% range in words is
    the key table's: views/key_table.py).

    The CSV keeps the codes and the US dollars; this frame is only for the page.
    """
    s = result.scenario
    c = result.comparison.assign(name=route_labels(result.table))
    money_columns = [o.name for o in OUTPUTS if o.unit == "money" and o.name in c]
    shown = c.assign(**{m: (c[m] * s.fx_rate).round(0) for m in money_columns})
    shown["legal_status"] = c["legal_status"].map(lambda v: LEGAL_WORDS.get(v, v))
    shown["reach"] = c["reach"].map(lambda v: REACH_WORDS.get(v, v))
    return shown.sort_values("rank", kind="stable").drop(columns=["scenario"])


def whose_numbers(result: Result, t: Tornado) -> str:
    """Which figures are the manager's, which the app's, and the estimate that matters most."""
    s = result.scenario
    ids = set(result.table["option_id"])
    quotes = {o for o, col, _ in s.overrides if col in QUOTE_COLUMNS} | set(dict(s.added))
    quoted = [o for o in result.table["option_id"] if o in quotes]
    # A quote's name is not a risk figure; an added quote is named in the list above.
    edited = [o for o, col, _ in s.overrides if col not in (*QUOTE_COLUMNS, "name")
              and o in ids]
    names = dict(zip(result.table["option_id"], route_labels(result.table)))
    yours = []
    if s.table:
        yours.append("your uploaded table")
    if quoted:
        yours.append("your quotes for " + ", ".join(names[o] for o in quoted))
    if edited:
        yours.append(f"{len(edited)} risk figure{'' if len(edited) == 1 else 's'} you set")
    if yours:
        text = "Your figures: " + "; ".join(yours) + "."
        if not s.table:
            text += " Every other price and risk is the app's estimate."
    else:
        text = "Every price and risk here is the app's estimate: none are yours yet."
    top = moves_most(t)
    if top is None:
        return text
    mine = top.option_id and not all(
        origin(s, top.option_id, c) == ESTIMATE for c in top.columns)
    whose = (", a figure of yours" if mine or not top.option_id
             else ", one of the app's estimates")
    return text + " " + mover_sentence(t, s, whose)


def top_estimate(result: Result, t: Tornado) -> Swing | None:
    """The widest swing of the tornado that rests on one of the app's own estimates."""
    for w in t.swings:
        if w.option_id and all(origin(result.scenario, w.option_id, c) == ESTIMATE
                               for c in w.columns):
            return w
    return None
