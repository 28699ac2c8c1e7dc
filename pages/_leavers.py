"""Estimate losses: a route's attrition from last year's leavers, with the arithmetic.

The fields are read whole and all three are needed: an empty one is refused here
(not filled in with a guess), so a button is offered only for figures the manager
typed. The arithmetic lives in `connectivity.inputs.leavers`.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from connectivity.inputs.estimate import Estimate
from connectivity.inputs.leavers import attrition
from connectivity.views.estimate_words import attrition_words, refusal
from connectivity.views.format import figure
from pages import _entry
from pages._state import state
from pages._text import plain

MOST_PEOPLE = 1_000_000.0
HEADCOUNT = _entry.Field("People in the office (headcount)", 1.0, MOST_PEOPLE, whole=True)
LEFT = _entry.Field("People who left last year", 0.0, MOST_PEOPLE, whole=True)
NAMED = _entry.Field("Of them, named the internet or tools", 0.0,
                     MOST_PEOPLE, whole=True)
KEYS = ("leavers_headcount", "leavers_left", "leavers_named")


def _now(row: dict) -> str:
    if "attrition_pct_low" not in row:
        return "Now: none counted (this options table has no attrition figures)."
    return (f"Now: {figure(row['attrition_pct_low'])}% to "
            f"{figure(row['attrition_pct_high'])}% of the staff leave a year because of this "
            "route.")


def _typed(field: _entry.Field, key: str, value: float | None, placeholder: str,
           help: str) -> _entry.Typed:
    _entry.number_field(field, key, value, placeholder=placeholder, help=help)
    return _entry.read(field, state.widget(key, _entry.text_of(value, True)))


def section(route_name: str, row: dict, headcount: int, replacement_months: float,
            use: Callable[[Estimate], None]) -> None:
    """The leavers section for one route; `use` applies the estimate to that route."""
    st.subheader("People who leave because of the internet")
    st.caption(plain(_now(row)))
    first, second, third = st.columns(3)
    with first:
        people = _typed(HEADCOUNT, KEYS[0], float(headcount), "e.g. 40",
                        "Everyone on the staff last year, leavers included.")
    with second:
        left = _typed(LEFT, KEYS[1], None, "e.g. 6",
                      "Everyone who left in the last twelve months, for any reason.")
    with third:
        named = _typed(NAMED, KEYS[2], None, "e.g. 1",
                       "From exit interviews, or what they told you: slow or blocked "
                       "services abroad, VPN trouble, tools that would not work.")
    typed = (people, left, named)
    problems = [t.problem for t in typed if t.problem]
    for problem in problems:
        st.error(plain(problem), icon=":material/block:")
    if problems:
        return
    empty = [f.label for f, t in zip((HEADCOUNT, LEFT, NAMED), typed) if t.empty]
    if len(empty) == 2 and people.value is not None:
        st.caption("Type how many left last year and how many of them named the internet "
                   "or tools to see the arithmetic.")
        return
    if empty:
        st.error(plain("Cannot estimate: " + "; ".join(f"{e} is empty" for e in empty)
                       + ". Type a whole number of people (0 if none)."),
                 icon=":material/block:")
        return
    try:
        estimate = attrition(people.value, left.value, named.value)
    except ValueError as exc:
        st.error(f"Cannot estimate: {plain(refusal(exc))}.", icon=":material/block:")
        return
    st.markdown(plain(attrition_words(estimate)))
    st.caption(plain(f"Each person who leaves costs {figure(replacement_months)} months of "
                     "loaded pay to replace (the sidebar's figure)."))
    low, high = estimate.cells["attrition_pct_low"], estimate.cells["attrition_pct_high"]
    st.button(f"Use {figure(low)}% to {figure(high)}% a year for {route_name}", on_click=use,
              args=(estimate,), key="use_attrition", type="primary")
