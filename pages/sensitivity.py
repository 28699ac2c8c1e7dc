"""Sensitivity: which inputs could change the answer, and where routes break even."""

import numpy as np
import pandas as pd
import streamlit as st

from connectivity import Scenario
from connectivity.charts import route_labels
from connectivity.money import usd
from connectivity.scenario import apply_overrides
from connectivity.sensitivity import crossovers, sweep, tornado
from connectivity.sensitivity_charts import sweep_chart, tornado_chart
from pages import _ui

_ui.require_entrypoint()

USERS = np.arange(1, 1001)
MONTHS = np.arange(1, 121)


@st.cache_data(max_entries=16, show_spinner=False)
def _sweep(table: pd.DataFrame, scenario: Scenario, name: str, values: np.ndarray):
    return sweep(table, scenario, name, values)


@st.cache_data(max_entries=16, show_spinner=False)
def _tornado(table: pd.DataFrame, scenario: Scenario):
    return tornado(table, scenario)


scenario = _ui.scenario()
base = _ui.base_table()
table = apply_overrides(base, scenario.overrides)
labels = route_labels(table)

st.title("Sensitivity")
st.caption("Every figure here is an exact expected value: no simulation noise.")

t = _tornado(base, scenario)
if t.swings:
    flips = [w for w in t.swings if min(w.low_margin, w.high_margin) < 0]
    summary = (f"As entered, {labels[t.winner]} beats {labels[t.runner_up]} by "
               f"{usd(t.base_margin)}. ")
    if flips:
        summary += ("These inputs alone could reverse that at one end of their range: "
                    + "; ".join(f"{w.label} ({w.low_value} to {w.high_value})"
                                for w in flips[:4]) + ".")
    else:
        summary += "No single input swung across its range reverses the order."
    _ui.chart(tornado_chart(t, labels), summary,
              "Tornado chart of the winner's margin as each input swings across its range")
    st.caption("Ranges: an assumption's 90% range from the table (or ±50% for a fixed "
               "value); scenario inputs ±50%, within their allowed bounds.")

left, right = st.columns(2)
with left:
    curves = _sweep(base, scenario, "users", USERS)
    words = crossovers(USERS, curves, labels, "users")
    _ui.chart(sweep_chart(table, USERS, curves, "Expected total against staff numbers",
                          "Staff who need services abroad", scenario.users),
              ("Break-even: " + "; ".join(words[:5]) + ".") if words else
              "Between 1 and 1,000 staff the order of the routes never changes.",
              "Expected total of each route as staff numbers go from 1 to 1000")
with right:
    curves = _sweep(base, scenario, "horizon_months", MONTHS)
    words = crossovers(MONTHS, curves, labels, "months")
    _ui.chart(sweep_chart(table, MONTHS, curves, "Expected total against the horizon",
                          "Horizon (months)", scenario.horizon_months),
              ("Break-even: " + "; ".join(words[:5]) + ".") if words else
              "Between 1 and 120 months the order of the routes never changes.",
              "Expected total of each route as the horizon goes from 1 to 120 months")
