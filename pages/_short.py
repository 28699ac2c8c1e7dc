"""Short links (`?s=<id>`, SPEC section 7): opening one, making one, what the page says.

A record is written only on demand (the share box's button, a memo or workbook
download), never by a rerun: a manager trying values would otherwise spend the
session's hourly cap on scenarios nobody shares, and fill the store with them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

import streamlit as st

from connectivity import Scenario, parse_query
from connectivity.inputs.scenario import Notice, split_query
from connectivity.inputs.tablelink import encode_table
from connectivity.store import LimitReached, Store, StoreUnavailable, open_store
from connectivity.store.resolve import CannotResolve, Pairs, resolve, short_id
from connectivity.store.short import SHORT_KEY
from connectivity.views.format import number
from pages._cache import default_table
from pages._state import state

LOG = logging.getLogger("connectivity.store")
__all__ = ["SHORT_KEY", "address", "expand", "export_link", "share_box", "show_opened"]


@dataclass(frozen=True)
class Opened:
    """The short link a session was opened with."""

    link_id: str
    made_at: datetime  # UTC
    today_query: str  # the same scenario on today's default figures
    defaults_differ: bool


@st.cache_resource(show_spinner=False)
def _store() -> Store | None:
    """One store per server process; a failure is not cached, the next run tries again."""
    return open_store()


def store() -> Store | None:
    try:
        return _store()
    except StoreUnavailable:
        LOG.exception("the link store cannot be used")
        return None


@st.cache_resource(show_spinner=False, max_entries=2)  # a str: nothing to copy per session
def _default_code(table) -> str:
    return encode_table(table)


def default_code() -> str:
    return _default_code(default_table())


def expand(pairs: Pairs) -> tuple[Pairs, list[Notice]]:
    """A link's pairs; a short link's are the full link's, or none and a Notice saying why."""
    link_id = short_id(pairs)
    if link_id is None:
        return pairs, []
    try:
        record = resolve(link_id, _store)
    except CannotResolve as exc:
        return [], [Notice("s", exc.reason, "opened the default comparison")]
    code = default_code()
    state.short_opened = Opened(record.id, record.made_at, record.today_query(),
                                record.defaults_differ(code))
    return split_query(record.link_query(code)), []


def opened_as(scenario: Scenario) -> None:
    """The scenario a short link opened: it keeps that id (and the address bar shows it)."""
    opened: Opened | None = state.short_opened
    if opened is not None:
        _remember(scenario, opened.link_id)


def _remember(scenario: Scenario, link_id: str) -> None:
    state.short_ids = {**state.short_ids, scenario.query(): link_id}


def known(scenario: Scenario) -> str | None:
    """This session's short id for `scenario`, if it has one (the store is not asked)."""
    return state.short_ids.get(scenario.query())


def address(scenario: Scenario) -> dict[str, str] | None:
    """What the address bar holds for a scenario that has a short link: `?s=<id>`."""
    link_id = known(scenario)
    return {SHORT_KEY: link_id} if link_id else None


def _who() -> tuple[str, str]:
    """The session and the address the caps count (never stored with a link)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    headers = st.context.headers or {}
    # Behind our nginx the peer is the proxy, which passes the client in X-Real-IP.
    where = headers.get("X-Real-IP") or st.context.ip_address or ""
    return (ctx.session_id if ctx else ""), where


def make(scenario: Scenario) -> str:
    """The scenario's short id, stored now if need be; LimitReached or StoreUnavailable."""
    link_id = known(scenario)
    if link_id:
        return link_id
    found = _store()
    if found is None:
        raise StoreUnavailable("the link store is off on this server")
    session, where = _who()
    link_id = found.save_scenario(scenario, default_code(), session, where)
    _remember(scenario, link_id)
    return link_id


def export_link(scenario: Scenario, base: str) -> str:
    """The link a memo or a workbook carries: the short one when the store gives one."""
    try:
        return f"{base}?{SHORT_KEY}={make(scenario)}"
    except (LimitReached, StoreUnavailable):
        LOG.warning("an export carries the full link", exc_info=True)
        return f"{base}?{scenario.query()}"


def _make_clicked(scenario: Scenario) -> None:
    try:
        make(scenario)
        state.short_problem = ""
    except LimitReached as exc:
        state.short_problem = f"No short link: {exc}. The full link below works as well."
    except StoreUnavailable:
        LOG.exception("the link store failed")
        state.short_problem = ("No short link: the link store cannot be reached just now. "
                               "The full link below works as well.")


def share_box(scenario: Scenario, base: str) -> None:
    """The short link first (made on demand), the full link one click away."""
    full = f"{base}?{scenario.query()}"
    link_id = known(scenario)
    available = link_id is not None or store() is not None
    if link_id:
        st.container(key="short_link").code(f"{base}?{SHORT_KEY}={link_id}", language=None)
        st.caption("Copy this short link (button at its right) to share this exact "
                   "comparison: it reopens these numbers, with the table they came from.")
    elif available:
        st.button("Make a short link to share", icon=":material/link:", key="make_short",
                  on_click=_make_clicked, args=(scenario,), type="primary",
                  help="Keeps this scenario on this server under a short id, for mail, chat "
                       "and QR codes. The full link below needs no server.")
        if state.short_problem:
            st.warning(state.short_problem, icon=":material/link_off:")
    else:
        st.caption("Short links are off on this server: share the full link.")
    with st.expander(f"Full link ({number(len(full))} characters)", expanded=not available):
        st.container(key="full_link").code(full, language=None, wrap_lines=True)
        st.caption("The whole scenario in the address itself: it needs no link store.")


def _today_clicked() -> None:
    from pages._scenario import replace  # here: _scenario's users import this module

    opened: Opened | None = state.short_opened
    if opened is not None:
        replace(parse_query(opened.today_query, default_table())[0])
        state.short_opened = None


def show_opened(current: Scenario) -> None:
    """While the page shows the short link it was opened with: when that was made."""
    opened: Opened | None = state.short_opened
    if opened is None or known(current) != opened.link_id:
        return
    made = f"{opened.made_at:%d %B %Y at %H:%M} UTC"
    with st.container(key="short_opened"):
        if opened.defaults_differ:
            st.info(f"This short link was made on {made} and shows the default figures of "
                    "that day. Today's default figures differ.", icon=":material/history:")
            st.button("Open it with today's figures", key="short_today",
                      on_click=_today_clicked, icon=":material/update:")
        else:
            st.caption(f"Opened from a short link made on {made}.")
