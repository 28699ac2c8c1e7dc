"""Currency only changes what a person reads: figures are the US-dollar ones times the rate.

Every money figure in the sentences, the Compare table and the charts' data in
a currency equals the US-dollar figure times fx_rate (to display rounding);
rankings, probabilities and the CSV (but its scenario string) never move.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from connectivity import Scenario, compare, comparison_csv, read_default
from connectivity.model.sensitivity import tornado
from connectivity.schema.outputs import OUTPUTS
from connectivity.views.compare import (
    breakdown_chart,
    comparison_frame,
    cost_risk_summary,
    headline,
    whose_numbers,
)
from connectivity.views.key_table import RANGE, key_frame
from connectivity.views.risk import distribution_summary, loss_spread_summary
from tests.examples import examples

DEFAULT = read_default()
SENTENCES = (headline, cost_risk_summary, distribution_summary, loss_spread_summary)
SYMBOL = {"CNY": "¥", "HKD": "HK$", "EUR": "€"}
SETTINGS = settings(max_examples=examples(8), deadline=None, derandomize=True, database=None)


def amounts(text: str, symbol: str) -> list[float]:
    return [float(n.replace(",", "")) for n in
            re.findall(re.escape(symbol) + r"(-?[\d,]+)(?![\d.]*[kMb])", text)]


def _csv_without_scenario(data: bytes) -> list[dict]:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    return [{k: v for k, v in r.items() if k != "scenario"} for r in rows]


@SETTINGS
@given(currency=st.sampled_from(["CNY", "HKD", "EUR"]),
       rate=st.floats(0.05, 500, allow_nan=False, allow_infinity=False),
       users=st.integers(1, 2000), sites=st.integers(1, 20), seed=st.integers(0, 1000))
def test_a_currency_is_the_dollar_figures_times_the_rate(currency, rate, users, sites, seed):
    base = Scenario(users=users, sites=sites, seed=seed, trials=1000)
    there = base.with_values(currency=currency, fx_rate=rate)
    usd, local = compare(DEFAULT, base), compare(DEFAULT, there)
    # Rankings, probabilities and every number of the CSV stay as they were.
    assert list(local.comparison["rank"]) == list(usd.comparison["rank"])
    assert list(local.comparison["prob_lowest_cost"]) == list(usd.comparison["prob_lowest_cost"])
    a, b = comparison_csv(usd.comparison), comparison_csv(local.comparison)
    assert _csv_without_scenario(a) == _csv_without_scenario(b)
    assert a != b  # the scenario string names the currency
    # Sentences: each amount is the US-dollar amount (itself rounded) times the rate.
    for sentence in SENTENCES:
        dollars, there_ = amounts(sentence(usd), "$"), amounts(sentence(local), SYMBOL[currency])
        assert len(dollars) == len(there_) > 0, sentence.__name__
        for d, x in zip(dollars, there_):
            assert x == pytest.approx(d * rate, abs=0.5 * rate + 1), sentence.__name__
    # The Compare table: whole units of the currency.
    shown = comparison_frame(local)
    for o in OUTPUTS:
        if o.unit == "money":
            exact = local.comparison.loc[shown.index, o.name] * rate
            assert (shown[o.name] - exact).abs().max() <= 0.5 + 1e-6, o.name
    # The charts' data.
    spec = breakdown_chart(local).to_dict()
    rows = list(spec["datasets"].values())[0]
    assert sum(r["usd"] for r in rows) == pytest.approx(local.expected["total"].sum() * rate)
    assert spec["config"]["locale"]["number"]["currency"] == [SYMBOL[currency], ""]
    assert f"({currency})" in spec["encoding"]["x"]["title"]


def test_the_table_reads_in_rank_order_and_in_words():
    result = compare(DEFAULT, Scenario(trials=1000))
    shown = comparison_frame(result)
    assert list(shown["rank"]) == sorted(shown["rank"])
    assert "hq_only" not in set(shown["reach"]) and "Head office only" in set(shown["reach"])
    assert set(shown["legal_status"]) <= {"Licensed (authorised)", "Not authorised",
                                          "Pilot scheme"}
    assert all(" to " in r for r in key_frame(result)[RANGE])


def test_whose_numbers_says_whose_figures_and_the_estimate_that_matters_most():
    s = Scenario(trials=1000)
    plain = whose_numbers(compare(DEFAULT, s), tornado(DEFAULT, s))
    assert plain.startswith("Every price and risk here is the app's estimate")
    assert "Approved VPN: lost share of work (5% to 25%)" in plain
    quoted = s.with_values(overrides=(("leased_circuit", "monthly_usd", 900.0),
                                      ("approved_vpn", "productivity_loss_pct_low", 6.0),
                                      ("approved_vpn", "productivity_loss_pct_high", 12.0)))
    mine = whose_numbers(compare(DEFAULT, quoted), tornado(DEFAULT, quoted))
    assert "your quotes for Leased private circuit" in mine
    assert "2 risk figures you set" in mine
    assert "Approved VPN: lost share of work" not in mine  # now the manager's own
