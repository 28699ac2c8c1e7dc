"""The Compare page's key table: five figures per route, in rank order, in the currency."""

from __future__ import annotations

import re

import pytest

from connectivity import Scenario, compare, read_default
from connectivity.views.key_table import KEY_COLUMNS, key_frame, key_styles
from connectivity.views.labels import route_inks
from harness.apptest import run

SHORT = {"k": 1e3, "M": 1e6, "bn": 1e9}


def read_short(text: str, symbol: str) -> float:
    """'¥6.45M' -> 6450000.0: the short form read back."""
    match = re.fullmatch(re.escape(symbol) + r"(-?[\d.,]+)(k|M|bn)?", text)
    assert match, text
    return float(match[1].replace(",", "")) * SHORT.get(match[2] or "", 1.0)


@pytest.mark.parametrize("scenario, symbol", [
    (Scenario(), "$"),
    (Scenario(currency="CNY", fx_rate=7.1, users=120, sites=3, mbps=20), "¥"),
    (Scenario(currency="EUR", fx_rate=0.9, status_quo="approved_vpn", horizon_months=12), "€"),
])
def test_each_row_holds_its_routes_figures_in_rank_order(scenario: Scenario, symbol: str):
    result = compare(read_default(), scenario)
    c, rate = result.comparison, scenario.fx_rate
    frame = key_frame(result)
    assert tuple(frame.columns) == KEY_COLUMNS
    ranked = c.sort_values("rank")
    assert list(frame["Route"]) == list(ranked["name"])
    for i, row in frame.iterrows():
        total = float(row["Expected total"].removeprefix(symbol).replace(",", ""))
        assert total == pytest.approx(c.at[i, "expected_total_usd"] * rate, abs=0.5)
        # Short forms keep three significant figures: within 0.5% of the figure.
        npv = c.at[i, "npv_usd"] * rate
        assert read_short(row["NPV"], symbol) == pytest.approx(npv, rel=5e-3)
        low, high = row["80% range"].split(" to ")
        assert read_short(low, symbol) == pytest.approx(c.at[i, "p10_usd"] * rate, rel=5e-3)
        assert read_short(high, symbol) == pytest.approx(c.at[i, "p90_usd"] * rate, rel=5e-3)
        share = c.at[i, "prob_lowest_cost"]
        assert row["Cheapest in"] == f"{share:.0%}" or share < 0.01 or share > 0.99


def test_route_names_take_their_chart_colours():
    result = compare(read_default(), Scenario())
    frame = key_frame(result)
    inks = route_inks(result.table)
    ids = result.comparison["option_id"]
    styles = key_styles(result, frame)
    assert styles == [f"color: {inks[ids[i]]}; font-weight: bold" for i in frame.index]
    assert len(set(styles)) == len(styles)


def test_the_page_shows_the_key_table_first_with_the_winner_on_top():
    at = run({"currency": "CNY", "fx_rate": "7"})
    tables = [t.value for t in at.table]
    key = next(t for t in tables if tuple(t.columns) == KEY_COLUMNS)
    result = compare(read_default(), Scenario(currency="CNY", fx_rate=7.0))
    best = result.comparison.sort_values("rank").iloc[0]
    assert key.iloc[0]["Route"] == best["name"]
    assert key.iloc[0]["Expected total"] == f"¥{best['expected_total_usd'] * 7:,.0f}"
    # Every column stays one click away, in the grid below.
    assert any("npv_usd" in d.value.columns and "setup_usd" in d.value.columns
               for d in at.dataframe)
