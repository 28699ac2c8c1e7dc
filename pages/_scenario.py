"""The session's one Scenario, and the one way to change it.

The scenario lives in a plain session entry (`state.current`), never in widgets:
Streamlit drops the state of every widget a run did not draw (a click on another page
before the sidebar was drawn ends the run early), and the widgets' defaults would then
come back as the manager's values. Widgets only propose changes, through here.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from connectivity import Result, Scenario, parse_query
from connectivity.inputs.quoted import fit_routes
from connectivity.inputs.scenario import Override, routes_table
from connectivity.model.sensitivity import Tornado
from connectivity.views.format import number
from pages._cache import cached_compare, cached_tornado, default_table
from pages._state import state


def scenario() -> Scenario:
    """The scenario in use (the default one until a link has been read)."""
    current = state.current
    if current is None:
        current = parse_query([], default_table())[0]
    return current


def replace(new: Scenario) -> None:
    """A whole new scenario for the whole app: the form, the link and every page follow."""
    state.current = new


def change(**values: object) -> None:
    """Some of the scenario's values changed (PARAMS names), the rest kept."""
    replace(scenario().with_values(**values))


def set_overrides(overrides: tuple[Override, ...]) -> None:
    """The manager's own figures for the table's cells (checked by the caller)."""
    change(overrides=tuple(overrides))


def set_table(code: str, overrides: tuple[Override, ...] = ()) -> None:
    """Another table in use ("" = the default), with the overrides that go with it."""
    new = scenario().with_values(table=code, overrides=tuple(overrides))
    replace(fit_routes(new, default_table()))  # added quotes of routes it still has stay


def base_table() -> pd.DataFrame:
    """The table in use before overrides: the default, or the manager's upload, with the
    quotes the manager added (copies of its routes)."""
    return routes_table(default_table(), scenario())


def result() -> Result:
    """The comparison for the current scenario and table, from the cache when possible."""
    current = scenario()
    with st.spinner(f"Simulating {number(current.trials)} futures…"):
        return cached_compare(default_table(), current)


def scenario_tornado() -> Tornado:
    """What moves the answer for this run's scenario (exact, no simulation)."""
    return cached_tornado(default_table(), scenario())
