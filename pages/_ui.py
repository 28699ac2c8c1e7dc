"""What every page shares: the scenario form, the link, the cached comparison.

The sidebar widgets hold the scenario; `scenario()` reads them into one
Scenario object that flows to the model, the charts, the export and the URL.
A link is read once, when a session opens it: `connectivity.parse_query`
cleans it and the page names every change it made.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Hashable

import altair as alt
import pandas as pd
import streamlit as st

from connectivity import Result, Scenario, compare, parse_query, read_default
from connectivity.inputs.scenario import TABLE_KEY, Notice, apply_overrides, cap_trials
from connectivity.inputs.tablelink import MAX_LINK, table_for
from connectivity.schema.currency import CODES, CURRENCY_BY_CODE
from connectivity.schema.params import PARAMS, Param, app_trial_cap
from connectivity.views.labels import route_labels

# Streamlit collects garbage after every run (runner.postScriptGC), walking every object
# the process holds: with pandas, numpy and Altair's schema loaded that took most of a
# rerun in which nothing changed. What the imports made lives as long as the process,
# so it is set aside once (gc.freeze); each collection then walks only newer objects.
gc.freeze()

FAILURE_KEY = "app_failure"
FAILURE_TEXT = ("Something went wrong while drawing this page, and it has been logged. "
                "Your scenario is safe in the address bar: reload the page, or change a "
                "value in the sidebar.")

# Streamlit's Markdown would otherwise read these in user text as formatting,
# links, images, LaTeX or colour directives.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def plain(text: object) -> str:
    """User text made inert for st.markdown: every formatting character escaped."""
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("\n", " ")


def require_entrypoint() -> None:
    """Hand a page over to app.py when Streamlit ran it without the entrypoint.

    While no session has yet run app.py, Streamlit 1.67 serves a link straight
    to a page (e.g. /risk?users=40) through its legacy pages-folder router,
    which skips app.py and so the sidebar form. Switching the router off and
    rerunning lets st.navigation resolve the same page with the scenario.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


@st.cache_data(max_entries=4, show_spinner=False)
def default_table() -> pd.DataFrame:
    return read_default()


# Bounded: an entry holds every simulated total (at most ~10 MB, see app_trial_cap).
@st.cache_data(max_entries=16, ttl=3600, show_spinner=False)
def cached_compare(table: pd.DataFrame, scenario: Scenario) -> Result:
    return compare(table, scenario, keep_components=False)


def base_table() -> pd.DataFrame:
    """The table in use before overrides: the default, or the manager's upload."""
    return table_for(st.session_state.get("table_code", ""), default_table())


def _pairs() -> list[tuple[str, str]]:
    return [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]


def open_link() -> None:
    """Once per session: seed the form from the link it was opened with."""
    if st.session_state.get("_opened"):
        return
    scenario, notices = parse_query(_pairs(), default_table())
    scenario, capped = cap_trials(scenario, len(table_for(scenario.table, default_table())))
    set_scenario(scenario)
    st.session_state["notices"] = notices + capped
    st.session_state["_opened"] = True


def set_scenario(scenario: Scenario) -> None:
    """Write a scenario into the form (only before the widgets are drawn)."""
    for name, value in scenario.values().items():
        st.session_state[name] = value
    st.session_state["overrides"] = scenario.overrides
    st.session_state["table_code"] = scenario.table


def scenario() -> Scenario:
    """The scenario the form holds now."""
    values = {p.name: st.session_state.get(p.name, p.default) for p in PARAMS}
    return Scenario(**values, overrides=st.session_state.get("overrides", ()),
                    table=st.session_state.get("table_code", ""))


def _number_input(p: Param, high: float | None = None, disabled: bool = False) -> None:
    whole = p.kind == "int"
    cast = int if whole else float
    st.number_input(p.label, min_value=cast(p.low), max_value=cast(high or p.high),
                    step=cast(p.step or 1), key=p.name, help=p.help,
                    format=None if whole else "%g", disabled=disabled)


def _default_rate() -> None:
    """A newly chosen currency starts from its dated reference rate."""
    st.session_state["fx_rate"] = CURRENCY_BY_CODE[st.session_state["currency"]].default_rate


def sidebar() -> Scenario:
    """The scenario form; returns what it holds."""
    open_link()
    table = base_table()
    by_name = {p.name: p for p in PARAMS}
    with st.sidebar:
        st.header("Your scenario")
        st.caption("Every page uses these numbers; the address bar always holds them, so "
                   "the link reopens this exact comparison.")
        for name in ("sites", "users", "mbps"):
            _number_input(by_name[name])
        st.subheader("Cost of people's time")
        for name in ("hourly_usd", "hours_month", "dependency_pct"):
            _number_input(by_name[name])
        st.subheader("Comparison")
        for name in ("horizon_months", "discount_pct"):
            _number_input(by_name[name])
        ids = list(table["option_id"])
        named = apply_overrides(table, st.session_state.get("overrides", ()))
        labels = dict(zip(ids, route_labels(named)))
        if st.session_state.get("status_quo") not in ids:
            st.session_state["status_quo"] = ids[0]
        sq = by_name["status_quo"]
        st.selectbox(sq.label, ids, key="status_quo", help=sq.help,
                     format_func=lambda oid: labels.get(oid, oid))
        currency = by_name["currency"]
        st.selectbox(currency.label, CODES, key="currency", help=currency.help,
                     format_func=lambda code: f"{code}: {CURRENCY_BY_CODE[code].name}",
                     on_change=_default_rate)
        _number_input(by_name["fx_rate"], disabled=st.session_state.get("currency") == "USD")
        with st.expander("Simulation settings"):
            _number_input(by_name["correlation"])
            cap = app_trial_cap(len(table))
            if st.session_state.get("trials", 0) > cap:
                st.session_state["trials"] = cap
            _number_input(by_name["trials"], high=cap)
            _number_input(by_name["seed"])
        st.button("Reset to defaults", on_click=_reset, use_container_width=True)
    current = scenario()
    sync_url(current)
    return current


def _reset() -> None:
    """Back to the default scenario; the table in use (and its edits) stay."""
    default = parse_query([], base_table())[0]
    current = scenario()
    set_scenario(default.with_values(overrides=current.overrides, table=current.table))
    st.session_state["notices"] = []


def link_fits(current: Scenario) -> bool:
    """Whether the whole scenario, its table included, fits in a link."""
    return len(current.query()) <= MAX_LINK


def sync_url(current: Scenario) -> None:
    """Keep the address bar equal to the full scenario (a table only while it fits)."""
    wanted = current.query_dict()
    if not link_fits(current):
        wanted.pop(TABLE_KEY, None)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)


def show_notices() -> None:
    notices: list[Notice] = st.session_state.get("notices", [])
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
            st.session_state["notices"] = []
            st.rerun()


def result() -> Result:
    """The comparison for the current scenario and table, from the cache when possible."""
    current = scenario()
    with st.spinner(f"Simulating {current.trials:,} futures…"):
        return cached_compare(default_table(), current)


ChartBuilder = Callable[..., alt.TopLevelMixin]


# Bounded: a spec holds its chart's data inline (the largest, a sweep, some 100 kB).
@st.cache_data(max_entries=64, ttl=3600, show_spinner=False)
def _spec(builder: str, current: Scenario, key: Hashable, _build: ChartBuilder,
          _args: tuple) -> dict:
    return _build(*_args).to_dict(validate=False)


def chart(figure: alt.TopLevelMixin | tuple, summary: str, alt_text: str,
          key: Hashable = ()) -> None:
    """A chart with its one-sentence summary in words under it.

    `figure` is a built chart, or `(builder, *args)`: then the spec is built once
    per scenario and `key` and served from the cache on every rerun after (building
    and serialising the Compare page's charts was most of a rerun's cost). The args
    must follow from the current scenario; `key` names whatever else they depend on
    (e.g. a slider's value). Specs skip Altair's schema validation, which costs
    tens of milliseconds a chart; the chart tests validate every builder.
    """
    if isinstance(figure, tuple):
        build, *args = figure
        name = f"{build.__module__}.{build.__qualname__}"
        spec = _spec(name, scenario(), key, build, tuple(args))
    else:
        spec = figure.to_dict(validate=False)
    st.vega_lite_chart(spec, width="stretch", alt=alt_text)
    st.caption(plain(summary))
