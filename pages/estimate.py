"""Estimate losses: the lost share of work and disruptions from what a manager observes."""

import streamlit as st

from connectivity.inputs.estimate import Estimate, disruptions, lost_share, poll
from connectivity.inputs.scenario import check_overrides, table_in_use
from connectivity.views.compare import top_estimate
from connectivity.views.labels import route_labels
from pages import _ui
from pages._state import state

_ui.require_entrypoint()

s = _ui.scenario()
table = table_in_use(_ui.base_table(), s)
ids = list(table["option_id"])
names = dict(zip(ids, route_labels(table)))
row_of = {r["option_id"]: r for r in table.to_dict("records")}


def _use(option_id: str, estimate: Estimate) -> None:
    proposed = {(o, c): v for o, c, v in _ui.scenario().overrides}
    proposed.update({(option_id, c): v for c, v in estimate.cells.items()})
    kept, notices = check_overrides(_ui.base_table(), proposed.items())
    if notices:
        state.estimate_saved = "Not used: " + "; ".join(str(n) for n in notices)
        return
    _ui.set_overrides(kept)
    state.estimate_saved = f"Now in use for {names[option_id]}, on every page and in the link."


st.title("Estimate losses")
st.markdown("The comparison leans on guesses nobody publishes: how much work a route still "
            "loses, and how often it is disrupted. Turn what you and your staff see into "
            "those figures; the arithmetic is shown, and the result travels in the link.")
if state.estimate_saved:
    st.info(_ui.plain(state.estimate_saved), icon=":material/check_circle:")
    state.estimate_saved = ""

top = top_estimate(_ui.result(), _ui.scenario_tornado())
start = top.option_id if top is not None and top.option_id in ids else s.status_quo
route = st.selectbox("Route these observations are about", ids,
                     index=ids.index(start) if start in ids else 0,
                     format_func=lambda o: names.get(o, o),
                     help="Usually the route you use today, or one you have tried.")
row = row_of[route]

st.subheader("Working time lost to slow or blocked services abroad")
st.caption(f"Now: {row['productivity_loss_pct_low']:g}% to "
           f"{row['productivity_loss_pct_high']:g}% of the time that needs services abroad.")
how = st.radio("Your figures", ("A low and a high guess", "A quick staff poll"),
               horizontal=True, key="estimate_how")
left, right = st.columns(2)
if how == "A quick staff poll":
    answers = st.text_input("Minutes a day each person loses (one number per person)",
                            placeholder="e.g. 10, 25, 5, 40",
                            help="The lowest and the highest answer become the range.")
    try:
        low_minutes, high_minutes = poll(answers) if answers.strip() else (None, None)
    except ValueError as exc:
        st.error(f"Cannot read the poll: {_ui.plain(exc)}.", icon=":material/block:")
        low_minutes = high_minutes = None
else:
    low_minutes = left.number_input("Minutes a day a person loses, on a good day", 0.0,
                                    1440.0, 10.0, step=5.0, format="%g")
    high_minutes = right.number_input("Minutes a day a person loses, on a bad day", 0.0,
                                      1440.0, 40.0, step=5.0, format="%g")
hours_day = st.number_input("Hours worked a day", 0.5, 24.0, 8.0, step=0.5, format="%g",
                            help="Dependent time = these hours × 60 × the sidebar's share of "
                                 f"work that needs services abroad ({s.dependency_pct:g}%).")
if low_minutes is not None:
    try:
        share = lost_share(low_minutes, high_minutes, hours_day, s.dependency_pct)
    except ValueError as exc:
        st.error(f"Cannot estimate: {_ui.plain(exc)}.", icon=":material/block:")
    else:
        st.markdown(_ui.plain(share.words))
        st.button(f"Use {share.cells['productivity_loss_pct_low']:g}% to "
                  f"{share.cells['productivity_loss_pct_high']:g}% for {names[route]}",
                  on_click=_use, args=(route, share), key="use_share", type="primary")

st.subheader("Disruptions")
st.caption(f"Now: {row['outages_per_year_low']:g} to {row['outages_per_year_high']:g} a year, "
           f"{row['outage_hours_low']:g} to {row['outage_hours_high']:g} working hours lost "
           "per person each time.")
a, b = st.columns(2)
per_low = a.number_input("Disruptions in a calm year", 0.0, 365.0,
                         float(row["outages_per_year_low"]), step=1.0, format="%g")
per_high = b.number_input("Disruptions in a tense year", 0.0, 365.0,
                          float(row["outages_per_year_high"]), step=1.0, format="%g")
hours_low = a.number_input("Working hours a person loses in a short one", 0.0, 744.0,
                           float(row["outage_hours_low"]), step=0.5, format="%g")
hours_high = b.number_input("Working hours a person loses in a long one", 0.0, 744.0,
                            float(row["outage_hours_high"]), step=0.5, format="%g")
try:
    seen = disruptions(per_low, per_high, hours_low, hours_high)
except ValueError as exc:
    st.error(f"Cannot use these: {_ui.plain(exc)}.", icon=":material/block:")
else:
    st.markdown(_ui.plain(seen.words))
    st.button(f"Use these disruption figures for {names[route]}", on_click=_use,
              args=(route, seen), key="use_disruptions", type="primary")
