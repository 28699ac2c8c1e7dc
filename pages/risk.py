"""Risk: how widely each route's total can swing, and how likely the worst cases are."""

import numpy as np
import streamlit as st

from connectivity.views.format import number
from connectivity.views.risk import (
    cheapest_chart,
    cheapest_summary,
    distribution_chart,
    distribution_summary,
    exceedance_chart,
    exceedance_summary,
    loss_spread_chart,
    loss_spread_summary,
)
from pages import _ui

_ui.require_entrypoint()

result = _ui.result()
s = result.scenario
st.title("Risk")
st.caption(f"Each route is costed in the same {number(s.trials)} simulated futures (trials): "
           "possible years drawn at random from every range in the table. The seed "
           f"({s.seed}) fixes the draw, so the same link always gives the same numbers; "
           "change both under Simulation settings in the sidebar. A percentile is the share "
           "of futures that cost less; the 80% range runs from the 10th to the 90th.")

_ui.chart((distribution_chart, result), distribution_summary(result),
          "Distribution of each route's simulated total cost with percentiles marked")

st.subheader("Your risk appetite")
# The slider speaks the scenario's currency; the model's threshold stays in US dollars.
totals = result.simulation.totals
top = float(np.percentile(totals, 99.5)) * s.fx_rate
winner = int(result.comparison["rank"].idxmin())
start = float(result.comparison.at[winner, "p90_usd"]) * s.fx_rate
step = float(10 ** max(0, int(np.log10(max(top, 1.0))) - 2))
high = round(top / step) * step
appetite = st.slider(f"The total you could live with ({s.currency})", min_value=0.0,
                     max_value=max(high, step), value=min(round(start / step) * step, high),
                     step=step, format="localized",
                     help="Move it to see the chance that each route costs more than this.")
appetite_usd = appetite / s.fx_rate
_ui.chart((exceedance_chart, result, appetite_usd), exceedance_summary(result, appetite_usd),
          "Chance that each route's total exceeds a given amount")

left, right = st.columns(2)
with left:
    _ui.chart((cheapest_chart, result), cheapest_summary(result),
              "Share of futures in which each route is cheapest")
with right:
    _ui.chart((loss_spread_chart, result), loss_spread_summary(result),
              "Expected loss by component per route with 10th to 90th percentile whiskers")
