"""The link: read once when a session opens it, then kept equal to the scenario."""

from __future__ import annotations

import streamlit as st

from connectivity import Scenario, parse_query
from connectivity.inputs.scenario import TABLE_KEY, Notice, cap_trials
from connectivity.inputs.tablelink import MAX_LINK, table_for
from connectivity.schema.params import app_trial_cap
from pages import _short
from pages._cache import default_table
from pages._entry import forget
from pages._scenario import base_table, change, replace, scenario
from pages._state import state
from pages._text import plain


def require_entrypoint() -> None:
    """Hand a page over to app.py when Streamlit ran it without the entrypoint.

    While no session has yet run app.py, the pinned Streamlit (README, "Version
    notes") serves a link straight to a page (e.g. /risk?users=40) through its legacy
    pages-folder router, which skips app.py and so the sidebar form. Switching the
    router off and rerunning lets st.navigation resolve the same page with the scenario.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def _pairs() -> list[tuple[str, str]]:
    return [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]


def history_step() -> bool:
    """Whether this run comes from the browser's Back or Forward button (Streamlit marks
    such runs; the address bar then holds the scenario of that step)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return bool(getattr(ctx, "is_history_navigation", False))


def open_link() -> None:
    """The scenario the link holds, and what was changed: once per session, and again
    at each Back or Forward (every change is a step of the browser's history)."""
    if state.opened and not history_step():
        return
    if state.opened:
        forget()
    pairs, lost = _short.expand(_pairs())  # a short link opens the full link it stands for
    opened, notices = parse_query(pairs, default_table())
    opened, capped = cap_trials(opened, len(table_for(opened.table, default_table())))
    replace(opened)
    _short.opened_as(opened)
    state.notices = lost + notices + capped
    state.opened = True


def scenario_of_this_run() -> Scenario:
    """The scenario every page reads this run; the address bar made equal to it.

    Runs before the page and the form: a value the table in use cannot take is
    corrected here (a route the table no longer has, trials over the cap).
    """
    open_link()
    ids = list(base_table()["option_id"])
    current = scenario()
    if current.status_quo not in ids:
        change(status_quo=ids[0])
    cap = app_trial_cap(len(ids))
    if scenario().trials > cap:
        change(trials=cap)
    current = scenario()
    sync_url(current)
    return current


def link_fits(current: Scenario) -> bool:
    """Whether the whole scenario, its table included, fits in a link."""
    return len(current.query()) <= MAX_LINK


def sync_url(current: Scenario) -> None:
    """Keep the address bar equal to the full scenario (a table only while it fits)."""
    wanted = _short.address(current) or current.query_dict()  # ?s=<id> once it has one
    if _short.SHORT_KEY not in wanted and not link_fits(current):
        wanted.pop(TABLE_KEY, None)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def show_notices() -> None:
    """What the link had that could not be used as it was, until dismissed."""
    _short.show_opened(scenario())
    notices: list[Notice] = state.notices
    if not notices:
        return
    # Bold only wraps non-blank text without outer spaces: else Markdown shows the ** marks.
    lines = "\n".join(f"- **{plain(n.name.strip()) or '(empty name)'}**: {plain(n.problem)}; "
                      f"{plain(n.action)}." for n in notices[:30])
    more = f"\n- and {len(notices) - 30} more" if len(notices) > 30 else ""
    with st.container(key="link_notices"):
        st.warning("The link had values this calculator cannot use as they were, so it "
                   "changed them:\n" + lines + more, icon=":material/link_off:")
        if st.button("Dismiss", key="dismiss_notices"):
            state.notices = []
            st.rerun()
