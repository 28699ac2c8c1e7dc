"""What every page shares: the scenario form, the link, the cached comparison.

The sidebar widgets hold the scenario; `scenario()` reads them into one
Scenario object that flows to the model, the charts, the export and the URL.
A link is read once, when a session opens it: `connectivity.parse_query`
cleans it and the page names every change it made.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections.abc import Callable, Hashable

import altair as alt
import pandas as pd
import streamlit as st

from connectivity import Result, Scenario, compare, parse_query, read_default
from connectivity.inputs.cells import fmt
from connectivity.inputs.scenario import TABLE_KEY, Notice, apply_overrides, cap_trials
from connectivity.inputs.tablelink import MAX_LINK, table_for
from connectivity.model.sensitivity import Tornado, tornado
from connectivity.schema.columns import COLUMN_BY_NAME
from connectivity.schema.currency import CODES, CURRENCY_BY_CODE
from connectivity.schema.outputs import OUTPUTS
from connectivity.schema.params import PARAMS, Param, app_trial_cap
from connectivity.views.format import symbol
from connectivity.views.labels import COLUMN_WORDS, route_labels
from pages._state import state

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


# A scenario in a cache key: its repr names every field exactly (floats in full, the
# overrides, the table), at a hundredth of the cost of Streamlit's generic hashing.
BY_SCENARIO = {Scenario: repr}


@st.cache_data(max_entries=4, show_spinner=False)
def default_table() -> pd.DataFrame:
    return read_default()


# The cached functions below take the process's default table with a leading underscore,
# so Streamlit leaves it out of the cache key: it never changes while the server runs, and
# the scenario names any other table (scenario.table). Hashing the frame cost ~2 ms a
# call, several calls a rerun.

# Bounded: an entry holds every simulated total (at most ~10 MB, see app_trial_cap).
@st.cache_data(max_entries=16, ttl=3600, show_spinner=False, hash_funcs=BY_SCENARIO)
def cached_compare(_table: pd.DataFrame, scenario: Scenario) -> Result:
    return compare(_table, scenario, keep_components=False)


@st.cache_data(max_entries=16, show_spinner=False, hash_funcs=BY_SCENARIO)
def cached_tornado(_table: pd.DataFrame, scenario: Scenario) -> Tornado:
    return tornado(_table, scenario)


def scenario_tornado() -> Tornado:
    """What moves the answer for this run's scenario (exact, no simulation)."""
    return cached_tornado(default_table(), scenario())


def base_table() -> pd.DataFrame:
    """The table in use before overrides: the default, or the manager's upload."""
    return table_for(state.table_code, default_table())


def _pairs() -> list[tuple[str, str]]:
    return [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]


def open_link() -> None:
    """Once per session: seed the form from the link it was opened with."""
    if state.opened:
        return
    scenario, notices = parse_query(_pairs(), default_table())
    scenario, capped = cap_trials(scenario, len(table_for(scenario.table, default_table())))
    set_scenario(scenario)
    state.notices = notices + capped
    state.opened = True


def set_scenario(scenario: Scenario) -> None:
    """Write a scenario into the form (only before the widgets are drawn)."""
    for name, value in scenario.values().items():
        state.set_widget(name, value)
    state.overrides = scenario.overrides
    state.table_code = scenario.table


def _form_scenario() -> Scenario:
    """The scenario the form holds now (the sidebar reads it once per run)."""
    values = {p.name: state.widget(p.name, p.default) for p in PARAMS}
    return Scenario(**values, overrides=state.overrides, table=state.table_code)


def scenario() -> Scenario:
    """The scenario of this run, as the sidebar passed it on."""
    return state.scenario or _form_scenario()


def set_overrides(overrides: tuple) -> None:
    """New overrides for the whole app: the form, the link and every page follow."""
    state.overrides = overrides
    state.scenario = _form_scenario()


def _number_input(p: Param, high: float | None = None, disabled: bool = False) -> None:
    whole = p.kind == "int"
    cast = int if whole else float
    st.number_input(p.label, min_value=cast(p.low), max_value=cast(high or p.high),
                    step=cast(p.step or 1), key=p.name, help=p.help,
                    format=None if whole else "%g", disabled=disabled)


def _hourly_in_currency(p: Param) -> None:
    """The staff hour typed in the scenario's currency; the scenario keeps US dollars.

    The field's key names the dollar value it shows, so it redraws from the
    scenario whenever that changes, and a typed 284.99 reads back as 284.99.
    """
    code, rate = state.widget("currency"), state.widget("fx_rate")
    usd = state.widget(p.name, p.default)
    state.set_widget(p.name, usd)  # kept while its own (dollar) field is not drawn
    key = f"{p.name}-in-{code}-{rate!r}-{usd!r}"
    st.number_input(p.label.replace("(USD)", f"({code})"), min_value=0.0,
                    max_value=float(p.high) * rate, value=round(usd * rate, 2), step=1.0,
                    format="%.2f", key=key, on_change=_hourly_typed, args=(p.name, key),
                    help=f"{p.help} Typed in {code}; the link keeps US dollars.")


def _hourly_typed(name: str, key: str) -> None:
    state.set_widget(name, state.widget(key) / state.widget("fx_rate"))


def _default_rate() -> None:
    """A newly chosen currency starts from its dated reference rate."""
    state.set_widget("fx_rate", CURRENCY_BY_CODE[state.widget("currency")].default_rate)


def scenario_of_this_run() -> Scenario:
    """The scenario every page reads this run, from the link or the form's values.

    Runs before the page and before the form is drawn: a widget's value may still be
    corrected here (a route the table no longer has, trials over the cap).
    """
    open_link()
    table = base_table()
    ids = list(table["option_id"])
    if state.widget("status_quo") not in ids:
        state.set_widget("status_quo", ids[0])
    cap = app_trial_cap(len(table))
    if state.widget("trials", 0) > cap:
        state.set_widget("trials", cap)
    current = _form_scenario()
    state.scenario = current
    sync_url(current)
    return current


def sidebar(current: Scenario) -> None:
    """The scenario form, drawn after the page: what a manager reads first comes first."""
    table = base_table()
    by_name = {p.name: p for p in PARAMS}
    with st.sidebar:
        st.header("Your scenario")
        st.caption("Every page uses these numbers; the address bar always holds them, so "
                   "the link reopens this exact comparison.")
        for name in ("sites", "users", "mbps"):
            _number_input(by_name[name])
        st.subheader("Cost of people's time")
        if state.widget("currency", "USD") == "USD":
            _number_input(by_name["hourly_usd"])
        else:
            _hourly_in_currency(by_name["hourly_usd"])
        for name in ("hours_month", "dependency_pct"):
            _number_input(by_name[name])
        st.subheader("Comparison")
        for name in ("horizon_months", "discount_pct"):
            _number_input(by_name[name])
        ids = list(table["option_id"])
        named = apply_overrides(table, state.overrides)
        labels = dict(zip(ids, route_labels(named)))
        sq = by_name["status_quo"]
        st.selectbox(sq.label, ids, key="status_quo", help=sq.help,
                     format_func=lambda oid: labels.get(oid, oid))
        currency = by_name["currency"]
        st.selectbox(currency.label, CODES, key="currency", help=currency.help,
                     format_func=lambda code: f"{code}: {CURRENCY_BY_CODE[code].name}",
                     on_change=_default_rate)
        _number_input(by_name["fx_rate"], disabled=state.widget("currency") == "USD")
        with st.expander("Simulation settings"):
            st.caption("The risk figures come from simulated futures (trials): possible "
                       "years drawn at random from every range. The seed fixes that draw, "
                       "so a link always gives the same numbers. How much the routes' "
                       "risks move together: 0 = independent, 1 = a tense year hits all.")
            _number_input(by_name["correlation"])
            _number_input(by_name["trials"], high=app_trial_cap(len(table)))
            _number_input(by_name["seed"])
        st.button("Reset to defaults", on_click=_reset, use_container_width=True)
    _close_sidebar_on_phone(current)


# Streamlit keeps an opened sidebar open across runs; on a phone it then covers the
# answer. This fixed script (no user text in it) closes it once the scenario changes.
_CLOSE_ON_PHONE = """<script>
const top_ = window.parent, doc = top_.document;
const bar = doc.querySelector("[data-testid='stSidebar']");
if (top_.innerWidth <= 768 && bar && bar.getAttribute("data-collapsed") === "false") {
  const close = doc.querySelector("[data-testid='stSidebarCollapseButton'] button");
  if (close) close.click();
}
</script><!-- %s -->"""


def _close_sidebar_on_phone(current: Scenario) -> None:
    """A new frame per scenario (the digest changes), so the script runs after a change only."""
    digest = hashlib.sha256(current.query().encode()).hexdigest()[:16]
    with st.sidebar, st.container(key="phone_closer"):
        st.iframe(_CLOSE_ON_PHONE % digest, height=1, tab_index=-1)


def _reset() -> None:
    """Back to the default scenario; the table in use (and its edits) stay."""
    default = parse_query([], base_table())[0]
    current = _form_scenario()
    set_scenario(default.with_values(overrides=current.overrides, table=current.table))
    state.notices = []


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


# Streamlit's own currency formats, where it has one for the currency (whole units: step 1).
_PRESETS = {"USD": "dollar", "EUR": "euro", "CNY": "yen"}
_HELP = {
    "npv_usd": " NPV (net present value): money spent later counts for less, at your "
               "discount rate a year.",
    "p10_usd": " A percentile: the share of simulated futures that cost less.",
    "p90_usd": " A percentile: the share of simulated futures that cost less.",
}


def money_column(label: str, s: Scenario, help_text: str) -> object:
    """A table column of whole amounts in the scenario's currency."""
    preset = _PRESETS.get(s.currency)
    return st.column_config.NumberColumn(
        label if preset else f"{label} ({symbol(s)})", format=preset or "localized",
        help=help_text, step=1)


def output_columns(s: Scenario) -> dict[str, object]:
    """The comparison table's column_config, from the output schema (OUTPUTS)."""
    config: dict[str, object] = {}
    for o in OUTPUTS:
        text = o.meaning + _HELP.get(o.name, "")
        if o.unit == "money":
            config[o.name] = money_column(o.label, s, text)
        elif o.unit == "share":
            config[o.name] = st.column_config.NumberColumn(o.label, format="percent",
                                                           help=text)
        elif o.unit == "count":
            config[o.name] = st.column_config.NumberColumn(o.label, help=text)
        else:
            config[o.name] = st.column_config.TextColumn(o.label, help=text)
    config["option_id"] = None
    return config


def your_figures(s: Scenario, base: pd.DataFrame) -> None:
    """The cells the manager changed: route, what, the table's value, theirs."""
    names = dict(zip(base["option_id"], base["name"]))
    rows = []
    for o, c, new in s.overrides:
        old = base.loc[base["option_id"] == o, c].iloc[0]
        rows.append({"Route": names.get(o, o), "Figure": COLUMN_WORDS.get(c, c),
                     "Table's value": fmt(old) if isinstance(old, float) else str(old),
                     "Your value": fmt(new) if isinstance(new, float) else str(new),
                     "In the link as": f"{o}.{c}"})
    # A plain table: short, readable on a phone, and its text is the page's text.
    st.table(pd.DataFrame(rows), hide_index=True)
    if any(COLUMN_BY_NAME[c].name.endswith("_usd") for _, c, _ in s.overrides):
        st.caption("Money figures are kept in US dollars, the table's unit.")


def result() -> Result:
    """The comparison for the current scenario and table, from the cache when possible."""
    current = scenario()
    with st.spinner(f"Simulating {current.trials:,} futures…"):
        return cached_compare(default_table(), current)


ChartBuilder = Callable[..., alt.TopLevelMixin]


def _name(function: Callable) -> str:
    """A function's name in a cache key. Streamlit runs each page as `__main__`, so a
    page's own functions are told apart by their file."""
    code = getattr(function, "__code__", None)
    where = f" in {code.co_filename}" if function.__module__ == "__main__" and code else ""
    return f"{function.__module__}.{function.__qualname__}{where}"


# One cache for what a page computes or draws once per scenario. Streamlit records the
# elements a cached function draws and, on a hit, sends the recorded messages again
# without running it: a table or chart is then neither rebuilt nor converted to Arrow.
# Bounded: an entry is a small frame or a drawn element (a chart's message holds its
# data, some 100 kB at most).
@st.cache_data(max_entries=192, ttl=3600, show_spinner=False, hash_funcs=BY_SCENARIO)
def _once(name: str, current: Scenario, key: Hashable, _function: Callable,
          _args: tuple) -> object:
    return _function(*_args)


def computed(compute: Callable, *args: object, key: Hashable = ()) -> object:
    """`compute(*args)`, once per scenario and `key` (args must follow from the scenario)."""
    return _once(_name(compute), scenario(), key, compute, args)


def drawn(draw: Callable[..., None], *args: object, key: Hashable = ()) -> None:
    """Draw `draw(*args)` once per scenario and `key`; reruns replay what it drew.

    The args must follow from the current scenario; `key` names whatever else they
    depend on (a slider's value, a page's own text). Only elements: no widgets.
    """
    computed(draw, *args, key=key)


def _draw_chart(build: ChartBuilder, args: tuple, summary: str | tuple, alt_text: str) -> None:
    # Specs skip Altair's schema validation (tens of milliseconds a chart); the chart
    # tests validate every builder.
    st.vega_lite_chart(build(*args).to_dict(validate=False), width="stretch", alt=alt_text)
    if isinstance(summary, tuple):
        words, *more = summary
        summary = words(*more)
    st.caption(plain(summary))


def chart(figure: tuple, summary: str | tuple, alt_text: str, key: Hashable = ()) -> None:
    """A chart, `(builder, *args)`, with its one-sentence summary in words under it.

    Built, serialised and drawn once per scenario and `key` (what else the args depend
    on, e.g. a slider's value); every rerun after replays the drawn chart: building and
    converting the charts was most of the cost of a rerun in which nothing changed. The
    summary is a sentence or `(function, *args)` making one (then made only when drawn);
    its args, too, must follow from the scenario and `key`.
    """
    build, *args = figure
    said = summary if isinstance(summary, str) else _name(summary[0])
    drawn(_draw_chart, build, tuple(args), summary, alt_text,
          key=(_name(build), key, said, alt_text))
