"""Estimate losses: the lost share of work, disruptions and leavers from what a manager sees."""

import functools

import streamlit as st

from connectivity.inputs.estimate import Estimate, disruptions, lost_share, poll
from connectivity.inputs.scenario import check_overrides, table_in_use
from connectivity.views.estimate_words import disruption_words, poll_words, refusal, share_words
from connectivity.views.format import figure
from connectivity.views.labels import route_labels
from pages import _entry, _leavers, _ui
from pages._state import state

_ui.require_entrypoint()

ROUTE_KEY = "estimate_route"

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

# Starts on the route in use today and stays on the manager's choice: applying an
# estimate (which changes what the answer depends on most) never moves it.
if state.widget(ROUTE_KEY) not in ids:
    state.set_widget(ROUTE_KEY, s.status_quo if s.status_quo in ids else ids[0])
route = st.selectbox("Route these observations are about", ids, key=ROUTE_KEY,
                     format_func=lambda o: names.get(o, o),
                     help="Starts on the route you use today; choose one you have tried.")
row = row_of[route]

st.subheader("Working time lost to slow or blocked services abroad")
st.caption(f"Now: {figure(row['productivity_loss_pct_low'])}% to "
           f"{figure(row['productivity_loss_pct_high'])}% of the time that needs services "
           "abroad.")
how = st.radio("Your figures", ("A low and a high guess", "A quick staff poll"),
               horizontal=True, key="estimate_how")
left, right = st.columns(2)
if how == "A quick staff poll":
    answers = st.text_input("Minutes a day each person loses (one number per person)",
                            placeholder="e.g. 10, 25, 5, 40",
                            help="Every answer counts: the range is where the office's "
                                 "average lies, from the answers' mean and spread. Part "
                                 "the answers with spaces, semicolons or a comma and a "
                                 "space.")
    low_minutes = high_minutes = None
    try:
        seen_poll = poll(answers, _entry.locale()) if answers.strip() else None
    except ValueError as exc:
        st.error(f"Cannot read the poll: {_ui.plain(refusal(exc))}.", icon=":material/block:")
    else:
        if seen_poll is not None:
            st.markdown(_ui.plain(poll_words(seen_poll)))
            low_minutes, high_minutes = seen_poll.low, seen_poll.high
else:
    with left:
        low_minutes = _entry.number_value(
            _entry.Field("Minutes a day a person loses, on a good day", 0.0, 1440.0),
            "estimate_good_day", 10.0)
    with right:
        high_minutes = _entry.number_value(
            _entry.Field("Minutes a day a person loses, on a bad day", 0.0, 1440.0),
            "estimate_bad_day", 40.0)
hours_day = _entry.number_value(
    _entry.Field("Hours worked a day", 0.5, 24.0), "estimate_hours_day", 8.0,
    help="Dependent time = these hours × 60 × the sidebar's share of work that needs "
         f"services abroad ({figure(s.dependency_pct)}%).")
if None not in (low_minutes, high_minutes, hours_day):
    try:
        share = lost_share(low_minutes, high_minutes, hours_day, s.dependency_pct)
    except ValueError as exc:
        st.error(f"Cannot estimate: {_ui.plain(refusal(exc))}.", icon=":material/block:")
    else:
        st.markdown(_ui.plain(share_words(share)))
        st.button(f"Use {figure(share.cells['productivity_loss_pct_low'])}% to "
                  f"{figure(share.cells['productivity_loss_pct_high'])}% for {names[route]}",
                  on_click=_use, args=(route, share), key="use_share", type="primary")

st.subheader("Disruptions")
st.caption(f"Now: {figure(row['outages_per_year_low'])} to "
           f"{figure(row['outages_per_year_high'])} a year, {figure(row['outage_hours_low'])} "
           f"to {figure(row['outage_hours_high'])} working hours lost per person each time.")
a, b = st.columns(2)
DISRUPTION_FIELDS = (
    (a, "outages_per_year_low", "Disruptions in a calm year", 365.0),
    (b, "outages_per_year_high", "Disruptions in a tense year", 365.0),
    (a, "outage_hours_low", "Working hours a person loses in a short one", 744.0),
    (b, "outage_hours_high", "Working hours a person loses in a long one", 744.0),
)
seen_values = []
for column, name, label, top in DISRUPTION_FIELDS:
    with column:  # keyed by route and value: a new route or an applied figure redraws it
        seen_values.append(_entry.number_value(
            _entry.Field(label, 0.0, top), f"estimate-{route}-{name}-{row[name]!r}",
            float(row[name])))
try:
    if None in seen_values:
        raise ValueError("a field above is refused; correct it first")
    seen = disruptions(*seen_values)
except ValueError as exc:
    st.error(f"Cannot use these: {_ui.plain(refusal(exc))}.", icon=":material/block:")
else:
    st.markdown(_ui.plain(disruption_words(seen)))
    st.button(f"Use these disruption figures for {names[route]}", on_click=_use,
              args=(route, seen), key="use_disruptions", type="primary")

_leavers.section(names[route], row, s.users, s.replacement_months,
                 functools.partial(_use, route))
