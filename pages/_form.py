"""The scenario form in the sidebar: widgets that propose changes, never hold the scenario.

Each widget is drawn from the scenario (its value written under its key just before
it is drawn) and a change calls back into `_scenario.change`. A widget whose state
Streamlit dropped (a run ended before the form was drawn) is drawn again from the
scenario, so its default never stands in for the manager's value.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from connectivity import Scenario, parse_query
from connectivity.inputs.scenario import apply_overrides
from connectivity.schema.currency import CODES, CURRENCY_BY_CODE
from connectivity.schema.params import PARAM_BY_NAME, Param, app_trial_cap
from connectivity.views.format import figure
from connectivity.views.labels import route_labels
from pages._entry import Field, forget, number_field, say, typed_into
from pages._scenario import base_table, change, replace, scenario
from pages._state import state

HOURLY_KEY = "hourly_in_currency"


def _field(p: Param, high: float | None = None) -> Field:
    likely: dict = {}
    if p.name == "fx_rate":  # a rate near the currency's reference: 7.245, not 7245
        reference = CURRENCY_BY_CODE[scenario().currency].default_rate
        likely = {"likely": (reference / 10, reference * 10),
                  "unlikely": f"is far from the reference rate ({figure(reference)})"}
    return Field(p.label, float(p.low), float(high or p.high), whole=p.kind == "int",
                 percent=p.name.endswith("_pct"), **likely)


def _typed(name: str, field: Field) -> None:
    typed = typed_into(name, field, getattr(scenario(), name))
    if typed.value is not None:
        change(**{name: typed.value})


def _number_input(p: Param, current: Scenario, high: float | None = None,
                  disabled: bool = False) -> None:
    field = _field(p, high)
    number_field(field, p.name, getattr(current, p.name), help=p.help, redraw=True,
                 on_change=_typed, args=(p.name, field), disabled=disabled)
    say(p.name)


def _hourly_field(p: Param, current: Scenario) -> Field:
    code, rate = current.currency, current.fx_rate
    return Field(p.label.replace("(USD)", f"({code})"), 0.0, float(p.high) * rate,
                 currency=code, rate=rate)


def _hourly_in_currency(p: Param, current: Scenario) -> None:
    """The staff hour typed in the scenario's currency; the scenario keeps US dollars
    (a typed 284.99 reads back as 284.99)."""
    field = _hourly_field(p, current)
    shown = min(round(current.hourly_usd * current.fx_rate, 2), field.high)
    number_field(field, HOURLY_KEY, shown, redraw=True, on_change=_hourly_typed,
                 args=(p,), help=f"{p.help} Typed in {current.currency}; the link keeps "
                                 "US dollars.")
    say(HOURLY_KEY)


def _hourly_typed(p: Param) -> None:
    current = scenario()
    field = _hourly_field(p, current)
    typed = typed_into(HOURLY_KEY, field, round(current.hourly_usd * current.fx_rate, 2))
    if typed.value is not None:
        change(hourly_usd=typed.value / current.fx_rate)


def _currency_chosen() -> None:
    """A newly chosen currency starts from its dated reference rate."""
    code = state.widget("currency")
    change(currency=code, fx_rate=CURRENCY_BY_CODE[code].default_rate)


def _propose(name: str) -> None:
    change(**{name: state.widget(name)})


def _choice(p: Param, options: list, current: Scenario, words: Callable[[str], str],
            on_change: Callable[[], None] | None = None) -> None:
    state.set_widget(p.name, getattr(current, p.name))
    st.selectbox(p.label, options, key=p.name, help=p.help, format_func=words,
                 on_change=on_change or _propose, args=() if on_change else (p.name,))


def sidebar(current: Scenario) -> None:
    """The scenario form, drawn after the page: what a manager reads first comes first."""
    table = base_table()
    p = PARAM_BY_NAME
    with st.sidebar:
        st.header("Your scenario")
        st.caption("Every page uses these numbers; the address bar always holds them, so "
                   "the link reopens this exact comparison.")
        for name in ("sites", "users", "mbps"):
            _number_input(p[name], current)
        st.subheader("Cost of people's time")
        if current.currency == "USD":
            _number_input(p["hourly_usd"], current)
        else:
            _hourly_in_currency(p["hourly_usd"], current)
        for name in ("hours_month", "dependency_pct"):
            _number_input(p[name], current)
        _number_input(p["replacement_months"], current)  # the cost of a person who leaves
        st.subheader("Comparison")
        for name in ("horizon_months", "discount_pct"):
            _number_input(p[name], current)
        copies = dict(current.added)  # the route in use today is one of the table's
        ids = [oid for oid in table["option_id"] if oid not in copies]
        labels = dict(zip(ids, route_labels(apply_overrides(table, current.overrides))))
        _choice(p["status_quo"], ids, current, lambda oid: labels.get(oid, oid))
        _choice(p["currency"], list(CODES), current,
                lambda code: f"{code}: {CURRENCY_BY_CODE[code].name}", _currency_chosen)
        _number_input(p["fx_rate"], current, disabled=current.currency == "USD")
        with st.expander("Simulation settings"):
            st.caption("The risk figures come from simulated futures (trials): possible "
                       "years drawn at random from every range. The seed fixes that draw, "
                       "so a link always gives the same numbers. How much the routes' "
                       "risks move together: 0 = independent, 1 = a tense year hits all.")
            _number_input(p["correlation"], current)
            _number_input(p["trials"], current, high=app_trial_cap(len(table)))
            _number_input(p["seed"], current)
        st.button("Reset to defaults", on_click=_reset, use_container_width=True)


def _reset() -> None:
    """Back to the default scenario; the table in use (and its edits) stay."""
    current = scenario()
    default = parse_query([], base_table())[0]
    replace(default.with_values(overrides=current.overrides, table=current.table,
                                added=current.added, routes=current.routes))
    state.notices = []
    forget()
