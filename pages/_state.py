"""The session's state, by name: one typed accessor instead of string keys on every page.

What a page remembers between runs is a property here, in plain session entries,
which Streamlit keeps; widgets keep their own keys (the sidebar's are PARAMS names,
so the form and the link share names), and Streamlit drops a widget's state when a
run does not draw it.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from connectivity.inputs.scenario import Notice, Scenario


def _slot(key: str, default: Any) -> property:
    """A session-state entry as a property, with its default when unset."""

    def get(self: _State) -> Any:
        return st.session_state.get(key, default)

    def put(self: _State, value: Any) -> None:
        st.session_state[key] = value

    return property(get, put)


class _State:
    # The scenario in use; changed only through pages._scenario.
    current: Scenario | None = _slot("scenario_in_use", None)
    notices: list[Notice] = _slot("notices", [])
    opened: bool = _slot("_opened", False)
    editor_version: int = _slot("editor_version", 0)
    # What the Assumptions grids said of cells not taken as typed (pages._grid.Said).
    grid_said: list[Any] = _slot("grid_said", [])
    upload_problems: tuple[str, list[str]] | None = _slot("upload_problems", None)
    upload_done: tuple[str, int] | None = _slot("upload_done", None)
    quote_problems: list[str] = _slot("quote_problems", [])
    quote_saved: str = _slot("quote_saved", "")
    quote_unchanged: str = _slot("quote_unchanged", "")
    estimate_saved: str = _slot("estimate_saved", "")
    # Short links (pages._short): the id of each scenario this session has one for (by
    # its query), the short link it was opened with, and why one could not be made.
    short_ids: dict[str, str] = _slot("short_ids", {})
    short_opened: Any = _slot("short_opened", None)
    short_problem: str = _slot("short_problem", "")
    # What a number field's last entry came to, by the field's key (pages._entry).
    entry_problems: dict[str, str] = _slot("entry_problems", {})
    entry_notes: dict[str, str] = _slot("entry_notes", {})

    def widget(self, key: str, default: Any = None) -> Any:
        """A widget's value by its key (the sidebar's keys are PARAMS names)."""
        return st.session_state.get(key, default)

    def set_widget(self, key: str, value: Any) -> None:
        st.session_state[key] = value


state = _State()
