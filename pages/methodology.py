"""Methodology: how the numbers are made, what they leave out, where the defaults come from.

A thin page: the prose is Markdown under docs/methodology/ (one file a part, in
file-name order), its formulas, numbers and tables filled in from the code by
connectivity.views.methodology. The files are ours, not user text.
"""

import streamlit as st

from connectivity.views.methodology import methodology
from pages import _ui

_ui.require_entrypoint()

DRAW = {"title": st.title, "header": st.header, "subheader": st.subheader,
        "markdown": st.markdown, "latex": st.latex}

scenario = _ui.scenario()
yours_shown = not scenario.overrides  # the manager's own figures come before the first part
for block in methodology():
    if block.kind == "header" and not yours_shown:
        with st.expander("Your figures in this comparison", expanded=True):
            _ui.your_figures(scenario, _ui.base_table())
        yours_shown = True
    if block.kind == "table":
        st.table(list(block.rows), hide_index=True)
    else:
        DRAW[block.kind](block.text)
