"""Sensitivity: which inputs could change the answer, and where routes break even."""

import numpy as np
import pandas as pd
import streamlit as st

from connectivity import Scenario
from connectivity.inputs.scenario import table_in_use
from connectivity.model.sensitivity import sweep
from connectivity.views.labels import route_labels
from connectivity.views.sensitivity import (
    horizon_summary,
    sweep_chart,
    sweep_summary,
    tornado_chart,
    tornado_summary,
)
from pages import _ui

_ui.require_entrypoint()

USERS = np.arange(1, 1001)
MONTHS = np.arange(1, 121)


# The table before overrides follows from the scenario (scenario.table), so it is left
# out of the cache key, as in _ui.cached_compare.
@st.cache_data(max_entries=16, show_spinner=False, hash_funcs=_ui.BY_SCENARIO)
def _sweep(_base: pd.DataFrame, scenario: Scenario, name: str, values: np.ndarray):
    return sweep(_base, scenario, name, values)


scenario = _ui.scenario()
base = _ui.base_table()
table = table_in_use(base, scenario)
labels = route_labels(table)

st.title("Sensitivity")
st.caption("Every figure here is an exact expected value (the average over all futures, "
           "computed by formula): no simulation noise.")

t = _ui.scenario_tornado()
if t.swings:
    _ui.chart((tornado_chart, t, labels, 15, scenario), tornado_summary(t, labels, scenario),
              "Tornado chart of the winner's margin as each input swings across its range")
    st.caption("Ranges: an assumption's 90% range from the table (or ±50% for a fixed "
               "value); scenario inputs ±50%, within their allowed bounds.")

SWEEPS = (
    ("users", USERS, "users", "Expected total against staff numbers",
     "Staff who need services abroad"),
    ("horizon_months", MONTHS, "months", "Expected total against the horizon",
     "Horizon (months)"),
)
for column, (name, values, unit, title, axis) in zip(st.columns(2), SWEEPS):
    with column:
        curves = _sweep(base, scenario, name, values)
        summary = (horizon_summary(values, curves, labels, _ui.result().breakeven,
                                   scenario.horizon_months) if name == "horizon_months"
                   else sweep_summary(values, curves, labels, unit))
        _ui.chart((sweep_chart, table, values, curves, title, axis, getattr(scenario, name),
                   scenario), summary,
                  f"{title}, one line per route")
