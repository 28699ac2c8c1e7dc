"""Entrypoint: the scenario form in the sidebar, navigation over the pages."""

import streamlit as st

from pages import _ui

st.set_page_config(page_title="Connectivity options calculator", page_icon=":material/hub:",
                   layout="wide")

pages = st.navigation([
    st.Page("pages/compare.py", title="Compare", icon=":material/compare_arrows:",
            default=True),
    st.Page("pages/risk.py", title="Risk", icon=":material/casino:"),
    st.Page("pages/sensitivity.py", title="Sensitivity", icon=":material/tune:"),
    st.Page("pages/assumptions.py", title="Assumptions", icon=":material/table_edit:"),
    st.Page("pages/methodology.py", title="Methodology", icon=":material/menu_book:"),
])
_ui.sidebar()
_ui.show_notices()
pages.run()
