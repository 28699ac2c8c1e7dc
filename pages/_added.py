"""Your quotes, several per kind of route: add one (a copy of that route, risk ranges
included), name it, remove it; and choose which routes the comparison shows.

Every change goes through the one Scenario (added routes and `routes=` in the link).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from connectivity.inputs.quoted import add_route, choose_routes, remove_route
from connectivity.inputs.scenario import Scenario, apply_overrides, routes_table
from connectivity.schema.columns import COLUMN_BY_NAME
from connectivity.views.labels import route_labels
from pages._cache import default_table
from pages._scenario import replace, scenario
from pages._state import state
from pages._text import plain


def every_route(s: Scenario) -> pd.DataFrame:
    """Every route a quote can be typed for (those the comparison hides too), figures in."""
    return apply_overrides(routes_table(default_table(), s), s.overrides).reset_index(drop=True)


def _add() -> None:
    s = scenario()
    source = state.widget("add-quote-kind")
    name = (state.widget("add-quote-name") or "").strip()
    if not name:
        state.quote_problems = ["Name the new quote (the supplier and its product)."]
        return
    new, problem = add_route(s, default_table(), source, name)
    if problem:
        state.quote_problems = [f"{name}: {problem}."]
        return
    replace(new)
    state.quote_problems = []
    state.quote_saved = (f"Added {name}, a copy of the {_label(s, source)} figures with its "
                         "risk ranges. Type the supplier's figures in its form below.")


def _remove(new: str, name: str) -> None:
    replace(remove_route(scenario(), new))
    state.quote_problems = []
    state.quote_saved = f"Removed {name} and every figure typed for it."


def _label(s: Scenario, option_id: str) -> str:
    table = every_route(s)
    return dict(zip(table["option_id"], route_labels(table)))[option_id]


def add_and_choose(s: Scenario) -> None:
    """The section above the quote forms: another quote; the routes compared."""
    table = every_route(s)
    labels = dict(zip(table["option_id"], route_labels(table)))
    kinds = [oid for oid in routes_table(default_table(), s.with_values(added=()))["option_id"]]
    with st.form("add-quote", border=True):
        st.markdown("**Another quote for a kind of route**")
        left, right = st.columns(2)
        left.selectbox("Kind of route", kinds, format_func=lambda o: labels[o],
                       key="add-quote-kind",
                       help="The new quote starts as a copy of this route's figures, its "
                            "risk ranges included; then type what the supplier quoted.")
        right.text_input("Supplier and product", key="add-quote-name",
                         max_chars=COLUMN_BY_NAME["name"].max_len,
                         placeholder="e.g. China Telecom CN2 SD-WAN")
        st.form_submit_button("Add this quote", on_click=_add, icon=":material/add:")
    shown = s.routes or tuple(table["option_id"])
    st.multiselect("Routes the comparison shows, in this order", list(table["option_id"]),
                   default=[r for r in shown if r in labels], format_func=lambda o: labels[o],
                   key=f"routes-shown-{','.join(shown)}", on_change=_choose,
                   args=(f"routes-shown-{','.join(shown)}",),
                   help="Every page, the files and the link compare these. The route in use "
                        "today is always compared: the others are measured against it.")
    for new, source in s.added:
        left, right = st.columns([4, 1], vertical_alignment="bottom")
        left.caption(f"{plain(labels[new])}: your added quote, a copy of "
                     f"{plain(labels[source])}.")
        right.button("Remove", key=f"remove-{new}", on_click=_remove,
                     args=(new, labels[new]), icon=":material/delete:")


def _choose(key: str) -> None:
    replace(choose_routes(scenario(), default_table(), state.widget(key) or []))
