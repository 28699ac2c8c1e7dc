"""The session's state, by name: one typed accessor instead of string keys on every page.

The sidebar's widgets keep their own keys (a PARAMS name each, so the form and
the link share names); everything else a page remembers between runs is a
property here.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from connectivity.inputs.scenario import Notice, Override, Scenario


def _slot(key: str, default: Any) -> property:
    """A session-state entry as a property, with its default when unset."""

    def get(self: _State) -> Any:
        return st.session_state.get(key, default)

    def put(self: _State, value: Any) -> None:
        st.session_state[key] = value

    return property(get, put)


class _State:
    overrides: tuple[Override, ...] = _slot("overrides", ())
    table_code: str = _slot("table_code", "")
    notices: list[Notice] = _slot("notices", [])
    opened: bool = _slot("_opened", False)
    # The scenario the sidebar drew in this run; pages read it rather than rebuild it.
    scenario: Scenario | None = _slot("_scenario", None)
    editor_version: int = _slot("editor_version", 0)
    edit_problems: list[str] = _slot("edit_problems", [])
    upload_problems: tuple[str, list[str]] | None = _slot("upload_problems", None)
    upload_done: tuple[str, int] | None = _slot("upload_done", None)
    quote_problems: list[str] = _slot("quote_problems", [])
    quote_saved: str = _slot("quote_saved", "")
    estimate_saved: str = _slot("estimate_saved", "")

    def widget(self, key: str, default: Any = None) -> Any:
        """A widget's value by its key (the sidebar's keys are PARAMS names)."""
        return st.session_state.get(key, default)

    def set_widget(self, key: str, value: Any) -> None:
        st.session_state[key] = value


state = _State()
