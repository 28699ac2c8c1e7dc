"""Entrypoint: the scenario form in the sidebar, navigation over the pages."""

import logging

import streamlit as st

from pages import _ui

# The tab's icon is an emoji, which the browser draws itself. Without one, Streamlit
# makes the current page's Material icon the tab's icon and fetches it from Google's
# servers (fonts.gstatic.com), which users in mainland China often cannot reach; the
# icons in the navigation come from the font Streamlit serves itself.
# "auto" keeps the sidebar closed on a phone, so the form never sits over the answer.
st.set_page_config(page_title="Connectivity options calculator", page_icon="🌐",
                   layout="wide", initial_sidebar_state="auto")

pages = st.navigation([
    st.Page("pages/compare.py", title="Compare", icon=":material/compare_arrows:",
            default=True),
    st.Page("pages/quotes.py", title="Your quotes", icon=":material/request_quote:"),
    st.Page("pages/estimate.py", title="Estimate losses", icon=":material/timer:"),
    st.Page("pages/risk.py", title="Risk", icon=":material/casino:"),
    st.Page("pages/decide.py", title="Decide", icon=":material/lightbulb:"),
    st.Page("pages/sensitivity.py", title="Sensitivity", icon=":material/tune:"),
    st.Page("pages/assumptions.py", title="Assumptions", icon=":material/table_edit:"),
    st.Page("pages/methodology.py", title="Methodology", icon=":material/menu_book:"),
])


def failed() -> None:
    """The last guard: a user reads a sentence, the server log keeps the trace."""
    logging.getLogger("connectivity.app").exception("a page failed")
    with st.container(key=_ui.FAILURE_KEY):
        st.error(_ui.FAILURE_TEXT, icon=":material/error:")


current = None
try:
    current = _ui.scenario_of_this_run()  # every page reads it (_ui.scenario())
    _ui.show_notices()
    pages.run()
except Exception:
    failed()
    if current is not None:  # the form still comes, so the manager can change a value
        try:
            _ui.sidebar(current)
        except Exception:
            logging.getLogger("connectivity.app").exception("the form failed too")
else:
    # The form comes after the page, so the answer reaches the screen first.
    try:
        _ui.sidebar(current)
    except Exception:
        failed()
