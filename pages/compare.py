"""Compare: which route costs least, by how much, and how sure we are."""

import streamlit as st

from connectivity import comparison_csv
from connectivity.views.compare import (
    breakdown_chart,
    breakdown_summary,
    caveat,
    cost_risk_chart,
    cost_risk_summary,
    cumulative_chart,
    cumulative_summary,
    headline,
)
from connectivity.views.format import pct, usd
from connectivity.views.labels import route_colors, route_labels
from pages import _memo, _ui

_ui.require_entrypoint()

result = _ui.result()
c = result.comparison
labels = route_labels(result.table)

st.title("Compare the routes")
st.markdown(f"#### {_ui.plain(headline(result))}")
warning = caveat(result)
if warning:
    st.info(_ui.plain(warning), icon=":material/warning:")

ranked = list(c.sort_values("rank").index)[:4]
for column, i in zip(st.columns(len(ranked)), ranked):
    with column:
        st.metric(f"#{c.at[i, 'rank']} {_ui.plain(labels[i])}",
                  usd(c.at[i, "expected_total_usd"]),
                  help=f"Expected total over the horizon. NPV {usd(c.at[i, 'npv_usd'])}; "
                       f"cheapest in {pct(c.at[i, 'prob_lowest_cost'])} of futures.")

colors = route_colors(result.table)
shown = c.drop(columns=["scenario"]).assign(name=labels)
styled = shown.style.apply(
    lambda col: [f"color: {colors[oid]}; font-weight: bold" for oid in shown["option_id"]],
    subset=["name"])
money = st.column_config.NumberColumn(format="dollar")
st.dataframe(
    styled, hide_index=True, width="stretch",
    column_config={
        "option_id": None,
        "name": st.column_config.TextColumn("Route"),
        "legal_status": "Legal status", "reach": "Reach",
        "setup_usd": st.column_config.NumberColumn("Setup", format="dollar"),
        "service_usd": st.column_config.NumberColumn("Service", format="dollar"),
        "productivity_loss_usd": st.column_config.NumberColumn("Lost productivity",
                                                               format="dollar"),
        "outage_loss_usd": st.column_config.NumberColumn("Outages", format="dollar"),
        "incident_loss_usd": st.column_config.NumberColumn("Incidents", format="dollar"),
        "expected_total_usd": st.column_config.NumberColumn(
            "Expected total", format="dollar", help="Undiscounted, over the horizon"),
        "npv_usd": st.column_config.NumberColumn(
            "NPV", format="dollar", help="Expected cash flows discounted at your rate"),
        "p10_usd": st.column_config.NumberColumn("10th pct", format="dollar"),
        "p50_usd": st.column_config.NumberColumn("Median", format="dollar"),
        "p90_usd": st.column_config.NumberColumn("90th pct", format="dollar"),
        "prob_lowest_cost": st.column_config.NumberColumn(
            "Cheapest in", format="percent", help="Share of simulated futures"),
        "usd_per_user_month": st.column_config.NumberColumn(
            "Per user-month", format="dollar"),
        "rank": st.column_config.NumberColumn("Rank", help="1 = lowest expected total"),
    },
)

_ui.chart(breakdown_chart(result), breakdown_summary(result),
          "Stacked bars of each route's expected cost by component")
left, right = st.columns(2)
with left:
    _ui.chart(cost_risk_chart(result), cost_risk_summary(result),
              "Each route's direct cost against its expected losses")
with right:
    _ui.chart(cumulative_chart(result), cumulative_summary(result),
              "Cumulative expected cost of each route month by month")

st.subheader("Take it with you")
download, share = st.columns([1, 2])
link = f"{(st.context.url or '').split('?', 1)[0]}?{result.scenario.query()}"
with download:
    st.download_button("Download the comparison (CSV)", comparison_csv(c),
                       file_name="connectivity-comparison.csv", mime="text/csv",
                       on_click="ignore", icon=":material/download:", type="primary")
    st.caption("Opens in Excel; the scenario column reopens this comparison.")
    _memo.memo_download(result, link)
with share:
    st.code(link, language=None, wrap_lines=True)
    st.caption("Copy this link (button at its right) to share this exact comparison.")
