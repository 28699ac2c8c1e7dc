"""The Compare page's key table: the few figures a manager reads first, as words.

Drawn as a plain HTML table: its cells wrap, so the five columns fit a phone's width
(390 px) as well as a desktop's. The data grid sizes each column to its longest cell
and scrolls sideways instead; it keeps every column, in an expander below.
"""

from __future__ import annotations

import pandas as pd

from ..model.compare import Result
from ..schema.outputs import OUTPUT_BY_NAME
from .format import money, money_range, pct, short_money
from .labels import route_inks, route_labels

# Header words from the output schema, so the table and the CSV name a figure alike.
ROUTE, TOTAL, CHEAPEST, NPV = (OUTPUT_BY_NAME[n].label for n in
                               ("name", "expected_total_usd", "prob_lowest_cost", "npv_usd"))
RANGE = "80% range"
KEY_COLUMNS = (ROUTE, TOTAL, RANGE, CHEAPEST, NPV)
KEY_NOTE = ("80% range: 8 of 10 simulated futures cost between these amounts. Cheapest in: "
            "the share of simulated futures in which the route costs least. NPV: the total "
            "in today's money, at your discount rate.")


def key_frame(result: Result) -> pd.DataFrame:
    """One row per route in rank order: name, expected total (whole units, as the
    metrics above it), 80% range, cheapest-in share and NPV (short: a narrow cell)."""
    s, c = result.scenario, result.comparison
    labels = route_labels(result.table)
    order = list(c.sort_values("rank", kind="stable").index)
    return pd.DataFrame({
        ROUTE: [labels[i] for i in order],
        TOTAL: [money(c.at[i, "expected_total_usd"], s) for i in order],
        RANGE: [money_range(c.at[i, "p10_usd"], c.at[i, "p90_usd"], s, short=True)
                for i in order],
        CHEAPEST: [pct(c.at[i, "prob_lowest_cost"]) for i in order],
        NPV: [short_money(c.at[i, "npv_usd"], s) for i in order],
    }, index=pd.Index(order, name="row"))


def key_styles(result: Result, frame: pd.DataFrame) -> list[str]:
    """Each row's route name in its chart colour (as CSS for the Route column)."""
    inks = route_inks(result.table)
    ids = result.comparison["option_id"]
    return [f"color: {inks[ids[i]]}; font-weight: bold" for i in frame.index]
