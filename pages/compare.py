"""Compare: which route costs least, by how much, and how sure we are."""

import streamlit as st

from connectivity import Result, comparison_csv
from connectivity.export.xlsx import XLSX_MIME, comparison_xlsx
from connectivity.views.compare import (
    breakdown_chart,
    breakdown_summary,
    caveat,
    comparison_frame,
    cost_risk_chart,
    cost_risk_summary,
    cumulative_chart,
    cumulative_summary,
    headline,
    regret_line,
    whose_numbers,
)
from connectivity.views.format import figure, money, money_range, pct, short_money
from connectivity.views.key_table import (
    KEY_NOTE,
    ROUTE,
    key_frame,
    key_styles,
)
from connectivity.views.story import moves_most
from connectivity.views.talent import NO_TALENT, counts_no_talent
from pages import _memo, _short, _ui

_ui.require_entrypoint()

def answer(result: Result) -> None:
    """The headline first, whose numbers it rests on, then each route's total."""
    s = result.scenario
    st.title("Compare the routes")
    st.markdown(f"#### {_ui.plain(headline(result))}")
    tornado = _ui.scenario_tornado()
    with st.container(key="whose_numbers"):
        st.info(_ui.plain(whose_numbers(result, tornado)), icon=":material/person_check:")
        top = moves_most(tornado)  # the input the sentence above names
        quotes, estimate = st.columns(2)
        quotes.page_link("pages/quotes.py", label="Enter your quotes",
                         icon=":material/request_quote:")
        if (top is not None and top.option_id
                and top.columns[0].startswith(("productivity_loss", "outage"))):
            estimate.page_link("pages/estimate.py",
                               label="Set that estimate from what you see",
                               icon=":material/timer:")
    warning = caveat(result)
    if warning:
        st.warning(_ui.plain(warning), icon=":material/warning:")

    c = result.comparison
    shown = _ui.computed(comparison_frame, result)
    ranked = list(shown.index)[:4]
    for column, i in zip(st.columns(len(ranked)), ranked):
        with column:
            st.metric(f"#{c.at[i, 'rank']} {_ui.plain(shown.at[i, 'name'])}",
                      money(c.at[i, "expected_total_usd"], s),
                      help=f"Expected total over {s.horizon_months} months. 80% range "
                           f"{money_range(c.at[i, 'p10_usd'], c.at[i, 'p90_usd'], s)} "
                           f"(8 simulated futures in 10 cost this much). NPV (today's value "
                           f"at your discount rate) {money(c.at[i, 'npv_usd'], s)}; cheapest "
                           f"in {pct(c.at[i, 'prob_lowest_cost'])} of simulated futures; "
                           f"expected regret {money(c.at[i, 'expected_regret_usd'], s)} (what "
                           "it costs on average against always picking each future's "
                           "cheapest route).")
            # The key figures under each total, so a phone shows them without the table.
            st.caption(f"80% range "
                       f"{money_range(c.at[i, 'p10_usd'], c.at[i, 'p90_usd'], s, True)}"
                       f" · cheapest in {pct(c.at[i, 'prob_lowest_cost'])} · NPV "
                       f"{short_money(c.at[i, 'npv_usd'], s)}")

    if len(c) > 1:
        with st.container(key="regret_line"):
            st.caption(_ui.plain(regret_line(result)))
            st.page_link("pages/decide.py", label="What is worth finding out first",
                         icon=":material/lightbulb:")

def comparison_tables(result: Result) -> None:
    """The key table (five figures per route, fits a phone) and, in an expander, every
    column."""
    s = result.scenario
    # st.table reads each cell as Markdown: route names are the manager's text.
    key = key_frame(result).map(_ui.plain)
    marks = key_styles(result, key)
    # A plain table wraps its cells to the page's width. Route names in their chart
    # colours.
    with st.container(key="key_table"):
        st.table(key.style.apply(lambda col: marks, subset=[ROUTE]), hide_index=True)
        st.caption(KEY_NOTE)
    shown = _ui.computed(comparison_frame, result)
    config = _ui.output_columns(s)
    config["name"] = st.column_config.TextColumn("Route", pinned=True)
    with st.expander("Every column: costs by component, percentiles, legal status, reach"):
        rest = ["name", "legal_status", "reach", "setup_usd", "service_usd",
                "productivity_loss_usd", "outage_loss_usd", "incident_loss_usd",
                "expected_total_usd", "npv_usd", "p10_usd", "p50_usd", "p90_usd",
                "prob_lowest_cost", "usd_per_user_month", "rank"]
        rest += [name for name in shown.columns if name not in rest + ["option_id"]]
        st.dataframe(shown[rest], hide_index=True, width="stretch", column_config=config,
                     key="comparison_all")
        st.caption(f"Amounts in {s.currency} at {figure(s.fx_rate)} per US dollar, rounded to "
                   "whole units; the CSV below keeps US dollars to the cent.")


result = _ui.result()
# Drawn once per scenario; a rerun with nothing changed replays them.
_ui.drawn(answer, result)
_ui.drawn(comparison_tables, result)

_ui.chart((breakdown_chart, result), (breakdown_summary, result),
          "Stacked bars of each route's expected cost by component")
if counts_no_talent(result.table):
    st.caption(NO_TALENT)
left, right = st.columns(2)
with left:
    _ui.chart((cost_risk_chart, result), (cost_risk_summary, result),
              "Each route's direct cost against its expected losses")
with right:
    _ui.chart((cumulative_chart, result), (cumulative_summary, result),
              "Cumulative expected cost of each route month by month")

st.subheader("Take it with you")
download, share = st.columns([1, 2])
base = (st.context.url or "").split("?", 1)[0]
c = result.comparison


def export_link() -> str:
    """Asked only when a workbook or memo is built: the short link, stored then."""
    return _short.export_link(result.scenario, base)


with download:
    st.download_button("Download the comparison (CSV)", _ui.computed(comparison_csv, c),
                       file_name="connectivity-comparison.csv", mime="text/csv",
                       on_click="ignore", icon=":material/download:", type="primary")
    # Built only when clicked: the workbook takes longer to write than the CSV.
    st.download_button("Download the comparison (Excel)",
                       lambda: comparison_xlsx(c, result.table, result.scenario, export_link()),
                       file_name="connectivity-comparison.xlsx", mime=XLSX_MIME,
                       on_click="ignore", icon=":material/table_view:")
    st.caption("Both open in Excel; the scenario column reopens this comparison. The "
               "workbook adds formats, the scenario in words with its link, and sources.")
    _memo.memo_download(result, export_link)
with share:
    _short.share_box(result.scenario, base)
