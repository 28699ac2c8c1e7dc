"""The Decide page's frames, sentences and chart, from hand-made Information values."""

from __future__ import annotations

import pandas as pd
import pytest

from connectivity import Scenario, read_default
from connectivity.model.information import Information, InputValue, value_of_information
from connectivity.views.decide import (
    decide_summary,
    evpi_share,
    evppi_chart,
    evppi_frame,
    evppi_summary,
    regret_frame,
    regret_summary,
)
from connectivity.views.labels import route_labels

LABELS = ["Approved VPN", "Leased private circuit", "Do nothing"]
USD = Scenario()
CNY = Scenario(currency="CNY", fx_rate=7.0)


def info(values: list[tuple[int, str, float]], evpi: float = 10_000.0, noise: float = 0.0,
         totals=(300_000.0, 200_000.0, 600_000.0)) -> Information:
    inputs = tuple(InputValue(r, stem, f"{LABELS[r]}: {stem}", v) for r, stem, v in values)
    regrets = tuple(t - min(totals) + evpi for t in totals)
    return Information(tuple(LABELS[:len(totals)]), tuple(totals), regrets, evpi, noise,
                       inputs, 20_000, 141)


MANY = [(0, "productivity_loss_pct", 6_000.0), (2, "productivity_loss_pct", 2_500.0),
        (1, "outages_per_year", 900.0), (0, "incident_cost_usd", 0.0)]


def test_a_decision_worth_studying_names_the_input_and_what_a_pilot_may_cost():
    text = decide_summary(info(MANY), LABELS, USD)
    assert text == (
        "Deciding now, you expect to overpay by $10,000 against a perfectly informed choice "
        "(EVPI, 5% of Leased private circuit's expected cost). Most of that comes from not "
        "knowing Approved VPN: lost share of work: learning it is worth up to $6,000, so a "
        "pilot or survey that measures it is worth running if it costs less than that. "
        "Nothing else is worth more than $2,500 to find out.")


def test_sentences_speak_the_scenarios_currency():
    text = decide_summary(info(MANY), LABELS, CNY)
    assert "¥70,000" in text and "¥42,000" in text and "¥17,500" in text and "$" not in text
    assert "¥" in evppi_summary(info(MANY), LABELS, CNY)
    assert "¥70,000" in regret_summary(info(MANY), LABELS, CNY)


def test_no_single_input_explaining_most_of_it_is_said_so():
    text = decide_summary(info([(2, "outages_per_year", 3_000.0)]), LABELS, USD)
    assert "No single input explains most of it" in text
    assert "Do nothing: disruptions a year, worth up to $3,000" in text
    assert "Nothing else" not in text  # there is nothing else


def test_a_robust_choice_says_so():
    robust = info([(0, "productivity_loss_pct", 300.0)], evpi=1_000.0)  # 0.5% of 200,000
    text = decide_summary(robust, LABELS, USD)
    assert text.startswith("The choice is robust: even perfect information would save less "
                           "than 1% of the expected cost ($1,000 against $200,000 for Leased "
                           "private circuit).")
    assert "Approved VPN: lost share of work, is worth up to $300" in text


def test_inputs_within_the_noise_are_not_recommended():
    noisy = info([(0, "productivity_loss_pct", 400.0), (1, "outages_per_year", 300.0)],
                 noise=500.0)
    text = decide_summary(noisy, LABELS, USD)
    assert "No single input stands out" in text and "$500" in text
    summary = evppi_summary(noisy, LABELS, USD)
    assert summary == ("Learning any one of the 2 uncertain inputs on its own is worth no more "
                       "than an input that tells nothing would get ($500, the estimate's "
                       "noise).")


def test_nothing_to_learn_when_evpi_is_zero_or_one_route():
    zero = info([(0, "productivity_loss_pct", 0.0)], evpi=0.0)
    assert "even perfect information would save nothing (EVPI $0)" in decide_summary(
        zero, LABELS, USD)
    one = info([], evpi=0.0, totals=(100.0,))
    assert "there is nothing to choose between" in decide_summary(one, LABELS[:1], USD)
    assert evppi_summary(one, LABELS[:1], USD).startswith("Every range in the table is fixed")


def test_evppi_summary_counts_what_is_worth_next_to_nothing():
    text = evppi_summary(info(MANY), LABELS, USD)
    assert text == ("Learning Approved VPN: lost share of work exactly is worth up to $6,000; "
                    "the next, Do nothing: lost share of work, $2,500. 1 of 4 uncertain "
                    "inputs is worth next to nothing.")


def test_frames():
    frame = evppi_frame(info(MANY), LABELS, CNY, top=3)
    assert list(frame["input"]) == ["Approved VPN: lost share of work",
                                    "Do nothing: lost share of work",
                                    "Leased private circuit: disruptions a year"]
    assert list(frame["value"]) == [42_000.0, 17_500.0, 6_300.0]
    assert list(frame["share_of_evpi"]) == [0.6, 0.25, 0.09]
    assert list(evppi_frame(info(MANY), LABELS, CNY)["worth_learning"]) == [True, True, True,
                                                                           False]
    regrets = regret_frame(info(MANY), LABELS)
    assert list(regrets["chosen_now"]) == [False, True, False]
    assert list(regrets["expected_regret_usd"]) == [110_000.0, 10_000.0, 410_000.0]
    assert evpi_share(info(MANY)) == 0.05


def test_chart_bars_largest_first_top_ten_with_evpi_line():
    table = read_default()
    values = [(i % 3, "outages_per_year", 100.0 * (i + 1)) for i in range(12)][::-1]
    chart = evppi_chart(info(values, evpi=2_000.0), table, USD).to_dict()
    bars, lines, _names = chart["layer"]
    rows = chart["datasets"][bars["data"]["name"]]
    assert len(rows) == 10
    assert [r["usd"] for r in rows] == [1200.0 - 100 * k for k in range(10)]
    assert bars["encoding"]["y"]["sort"] == [r["input"] for r in rows]
    assert bars["encoding"]["x"]["scale"]["domain"] == [0, 2000.0]
    assert [v["x"] for v in lines["data"]["values"]] == [2000.0]  # no noise line at 0
    noisy = evppi_chart(info(values, evpi=2_000.0, noise=150.0), table, USD).to_dict()
    assert [v["x"] for v in noisy["layer"][1]["data"]["values"]] == [2000.0, 150.0]
    assert bars["encoding"]["color"]["scale"]["domain"] == route_labels(table)


def test_chart_in_another_currency_is_scaled_and_titled():
    chart = evppi_chart(info(MANY), read_default(), CNY).to_dict()
    bars = chart["layer"][0]
    assert bars["encoding"]["x"]["title"] == "Value of learning it (CNY)"
    rows = chart["datasets"][bars["data"]["name"]]
    assert rows[0]["value"] == 42_000.0


def test_the_real_default_scenario_renders_every_piece():
    s = Scenario(trials=2000)
    table = read_default()
    value = value_of_information(table, s)
    labels = route_labels(table)
    for text in (decide_summary(value, labels, s), evppi_summary(value, labels, s),
                 regret_summary(value, labels, s)):
        assert text and "nan" not in text
    assert isinstance(evppi_chart(value, table, s).to_dict(), dict)
    assert isinstance(regret_frame(value, labels), pd.DataFrame)


@pytest.mark.parametrize("users, dependency", [(5, 30), (8, 10)])
def test_a_close_call_through_the_model_is_not_called_robust(users, dependency):
    # Few users: the loss ranges stop dwarfing the charges and the routes come close.
    s = Scenario(trials=2000, users=users, dependency_pct=dependency)
    value = value_of_information(read_default(), s)
    text = decide_summary(value, route_labels(read_default()), s)
    assert evpi_share(value) > 0.01
    assert text.startswith("Deciding now, you expect to overpay by")
