"""Table columns in words: the comparison's column_config, and the manager's own figures."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from connectivity import Scenario
from connectivity.inputs.cells import fmt
from connectivity.schema.columns import COLUMN_BY_NAME
from connectivity.schema.outputs import OUTPUTS
from connectivity.views.format import symbol
from connectivity.views.labels import COLUMN_WORDS

# Streamlit's own currency formats, where it has one for the currency (whole units: step 1).
_PRESETS = {"USD": "dollar", "EUR": "euro", "CNY": "yen"}
_HELP = {
    "npv_usd": " NPV (net present value): money spent later counts for less, at your "
               "discount rate a year.",
    "p10_usd": " A percentile: the share of simulated futures that cost less.",
    "p90_usd": " A percentile: the share of simulated futures that cost less.",
}


def money_column(label: str, s: Scenario, help_text: str) -> object:
    """A table column of whole amounts in the scenario's currency."""
    preset = _PRESETS.get(s.currency)
    return st.column_config.NumberColumn(
        label if preset else f"{label} ({symbol(s)})", format=preset or "localized",
        help=help_text, step=1)


def output_columns(s: Scenario) -> dict[str, object]:
    """The comparison table's column_config, from the output schema (OUTPUTS)."""
    config: dict[str, object] = {}
    for o in OUTPUTS:
        text = o.meaning + _HELP.get(o.name, "")
        if o.unit == "money":
            config[o.name] = money_column(o.label, s, text)
        elif o.unit == "share":
            config[o.name] = st.column_config.NumberColumn(o.label, format="percent",
                                                           help=text)
        elif o.unit == "count":
            config[o.name] = st.column_config.NumberColumn(o.label, help=text)
        else:
            config[o.name] = st.column_config.TextColumn(o.label, help=text)
    config["option_id"] = None
    return config


def your_figures(s: Scenario, base: pd.DataFrame) -> None:
    """The cells the manager changed: route, what, the table's value, theirs."""
    names = dict(zip(base["option_id"], base["name"]))
    rows = []
    for o, c, new in s.overrides:
        old = base.loc[base["option_id"] == o, c].iloc[0]
        rows.append({"Route": names.get(o, o), "Figure": COLUMN_WORDS.get(c, c),
                     "Table's value": fmt(old) if isinstance(old, float) else str(old),
                     "Your value": fmt(new) if isinstance(new, float) else str(new),
                     "In the link as": f"{o}.{c}"})
    # A plain table: short, readable on a phone, and its text is the page's text.
    st.table(pd.DataFrame(rows), hide_index=True)
    if any(COLUMN_BY_NAME[c].name.endswith("_usd") for _, c, _ in s.overrides):
        st.caption("Money figures are kept in US dollars, the table's unit.")
