"""Decide: choose now, or find something out first? Regret, EVPI and EVPPI."""

import pandas as pd
import streamlit as st

from connectivity import Scenario
from connectivity.inputs.scenario import table_in_use
from connectivity.model.information import Information, first_to_find_out, value_of_information
from connectivity.views.decide import (
    decide_summary,
    evpi_share,
    evppi_chart,
    evppi_summary,
    regret_frame,
    regret_summary,
    worth_learning,
)
from connectivity.views.format import money, number, pct
from connectivity.views.labels import route_labels
from connectivity.views.story import finding_out_sentence
from pages import _ui

_ui.require_entrypoint()


# Apart from the comparison's cache: this run keeps every input's per-trial draw while it
# values them, but the entry it caches holds only the values (a few kilobytes). It runs
# its own simulation (the same futures as the comparison's), so a link opened here does
# not also wait for the whole comparison. The default table is left out of the key (the
# scenario names any other table), as in _ui.cached_compare.
@st.cache_data(max_entries=16, ttl=3600, show_spinner=False, hash_funcs=_ui.BY_SCENARIO)
def _information(_table: pd.DataFrame, scenario: Scenario) -> Information:
    return value_of_information(_table, scenario)


s = _ui.scenario()
table = table_in_use(_ui.base_table(), s)
labels = route_labels(table)
with st.spinner(f"Simulating {number(s.trials)} futures and valuing each uncertain input…"):
    info = _information(_ui.default_table(), s)

st.title("Decide")
st.caption(f"Decide now, or find out first? From the same {number(s.trials)} simulated futures "
           f"(seed {s.seed}) as the Risk page.")
with st.container(key="decide_sentence"):
    st.markdown(_ui.plain(decide_summary(info, labels, s)))
    st.markdown(_ui.plain(finding_out_sentence(info, labels, s)))

evpi_col, share_col, top_col = st.columns(3)
with evpi_col:
    st.metric("Perfect information is worth (EVPI)", money(info.evpi, s),
              help="What you expect to overpay by choosing now, against choosing with "
                   "every uncertain number known.")
with share_col:
    st.metric("Share of the expected cost", pct(evpi_share(info)),
              help=f"EVPI divided by the expected total of {labels[info.winner]}, the "
                   "route with the lowest expected total.")
with top_col:
    first = first_to_find_out(info)
    st.metric("Worth finding out first", money(info.inputs[first].value if first is not None
                                               else 0.0, s),
              help="What knowing the input worth finding out first (the top of the chart "
                   "below, when it beats the estimate's noise) would save before choosing.")

if len(labels) > 1 and worth_learning(info):
    _ui.chart((evppi_chart, info, table, s), evppi_summary(info, labels, s),
              "Bar chart of what learning each uncertain input exactly is worth")
else:
    st.caption(_ui.plain(evppi_summary(info, labels, s)))

st.subheader("Expected regret per route")
frame = regret_frame(info, labels)
# A plain table: its cells wrap, so all four columns fit a phone's width. It reads each
# cell as Markdown, and route names are the manager's text.
st.table(pd.DataFrame({
    "Route": frame["route"],
    "Expected total": [money(v, s) for v in frame["expected_total_usd"]],
    "Expected regret": [money(v, s) for v in frame["expected_regret_usd"]],
    "Chosen now": ["yes" if chosen else "" for chosen in frame["chosen_now"]],
}).map(_ui.plain), hide_index=True)
st.caption(_ui.plain(regret_summary(info, labels, s)))

st.subheader("What these numbers mean")
st.markdown(
    "- **Expected regret** of a route: in each simulated future, how much more it costs "
    "than the cheapest route of that future, averaged over all futures. Choosing the route "
    "with the lowest expected cost keeps it smallest.\n"
    "- **EVPI**, the expected value of perfect information: that smallest regret. It is "
    "the most that knowing *every* uncertain number in advance could save you, so no "
    "study, pilot or survey is worth more.\n"
    "- **EVPPI**, the partial value for one input: what knowing just that number (say, "
    "the share of work still lost on the approved VPN) before choosing would save on "
    "average. If a two-week pilot or a staff survey that measures it costs less, run it "
    "first; if every input is worth little, decide now.\n\n"
    "The values come from the simulation, so they carry some noise: where it is not "
    "negligible, a dashed line on the chart marks what an input that tells nothing would "
    "get. Methodology explains how they are estimated."
)
