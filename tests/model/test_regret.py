"""Regret, EVPI and EVPPI against closed forms, and their properties.

Closed forms are written here from textbook formulas (the normal loss integral, the
lognormal "put" of Black and Scholes), never with the code's own helpers.
"""

from __future__ import annotations

import math
from itertools import combinations
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from connectivity import Scenario, compare, comparison_csv, read_default
from connectivity.model.information import value_of_information
from connectivity.model.regret import bin_count, evpi, evppi, expected_regret, noise_floor
from connectivity.model.simulate import simulate
from harness.tables import make_table, route
from tests.examples import examples

N = NormalDist()
Z95 = N.inv_cdf(0.95)


def normal_evpi(mu: float, sigma: float) -> float:
    """E[max(0, -D)] for the better-on-average route when D ~ N(mu, sigma^2)."""
    m = abs(mu)
    return sigma * N.pdf(m / sigma) - m * N.cdf(-m / sigma)


# --- two routes, difference normal ---------------------------------------------------------

@pytest.mark.parametrize("mu, sigma, seed", [(0.0, 1000.0, 1), (300.0, 1000.0, 2),
                                             (-1500.0, 800.0, 3), (25.0, 10.0, 4)])
def test_two_routes_with_a_normal_difference_match_the_closed_form(mu, sigma, seed):
    rng = np.random.default_rng(seed)
    trials = 40_000
    x = 5000.0 + 2000.0 * rng.standard_normal(trials)  # a shared part that cancels
    d = rng.normal(mu, sigma, trials)
    totals = np.stack([x, x + d])
    exact = normal_evpi(mu, sigma)
    chosen = int(np.argmin(totals.mean(axis=1)))
    per_trial = totals[chosen] - totals.min(axis=0)
    se = per_trial.std(ddof=1) / math.sqrt(trials)
    assert abs(evpi(totals) - exact) <= 4 * se, (evpi(totals), exact, se)
    regret = expected_regret(totals)
    assert regret.min() == pytest.approx(evpi(totals), rel=1e-12, abs=1e-9)
    assert regret.argmin() == chosen


def test_two_routes_through_the_model_match_the_lognormal_put():
    # "fixed" costs K for sure; "unsure" (the status quo) costs X = k x p with p lognormal:
    # only one input is uncertain. "fixed" is cheaper on average, and its regret is a put
    # option on a lognormal: E[(K - X)+] = K N(-d2) - E[X] N(-d1).
    s = Scenario(users=10, dependency_pct=50, hourly_usd=20, hours_month=100,
                 horizon_months=12, trials=40_000, seed=9, status_quo="unsure")
    k = 10 * 0.5 * 20 * 100 * 12  # exposure x hours x months: $120,000 per unit share
    table = make_table(route("unsure", productivity_loss_pct=(5, 25)),
                       route("fixed", monthly_usd=1000))
    fixed = 1000 * 12
    mu = (math.log(0.05) + math.log(0.25)) / 2 + math.log(k)
    sig = (math.log(0.25) - math.log(0.05)) / (2 * Z95)
    mean_x = math.exp(mu + sig**2 / 2)
    assert fixed < mean_x  # "fixed" is chosen now; its regret is the put
    d1 = (mu + sig**2 - math.log(fixed)) / sig
    d2 = (mu - math.log(fixed)) / sig
    put = fixed * N.cdf(-d2) - mean_x * N.cdf(-d1)
    result = compare(table, s)
    totals = result.simulation.totals
    per_trial = totals[1] - totals.min(axis=0)
    se = per_trial.std(ddof=1) / math.sqrt(s.trials)
    assert abs(evpi(totals) - put) <= 4 * se, (evpi(totals), put, se)
    info = value_of_information(table, s)
    assert info.evpi == pytest.approx(evpi(totals), rel=1e-12)
    # The comparison's column: its minimum is the EVPI, to the cent.
    column = result.comparison["expected_regret_usd"]
    assert column.min() == round(info.evpi, 2)
    assert column.tolist() == [round(r, 2) for r in info.regrets]
    # One uncertain input in the whole table: learning it is learning everything.
    assert [v.label for v in info.inputs] == ["unsure: lost share of work"]
    assert info.inputs[0].value == pytest.approx(info.evpi, rel=0.01)
    assert info.inputs[0].value <= info.evpi + 1e-9


# --- the estimator's properties -------------------------------------------------------------

@settings(max_examples=examples(30), deadline=None)
@given(seed=st.integers(0, 2**32 - 1), routes=st.integers(2, 4),
       trials=st.integers(200, 3000), spread=st.floats(0.1, 10.0))
def test_evppi_lies_between_zero_and_evpi_and_regret_is_never_negative(seed, routes, trials,
                                                                       spread):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(trials)
    slopes = rng.normal(0, 1, (routes, 1))
    totals = 100 + slopes * x + spread * rng.standard_normal((routes, trials))
    value_all = evpi(totals)
    regret = expected_regret(totals)
    assert regret.min() >= -1e-9
    assert regret.min() == pytest.approx(value_all, abs=1e-9)
    for values in (x, rng.standard_normal(trials), totals[0]):
        v = evppi(totals, values)
        assert 0.0 <= v <= value_all + 1e-9
    assert 0.0 <= noise_floor(totals, seed) <= value_all + 1e-9


@settings(max_examples=examples(30), deadline=None)
@given(seed=st.integers(0, 2**32 - 1), trials=st.integers(2000, 6000),
       margin=st.floats(1.0, 2.0), extra=st.integers(0, 2))
def test_an_input_that_cannot_change_the_choice_is_worth_nothing(seed, trials, margin, extra):
    # Route 0 is cheaper by `margin` standard deviations of the difference on average, so
    # no bin of ~sqrt(T) trials can make another route cheaper by its own luck. The input
    # y moves only the dearest route, which never wins.
    rng = np.random.default_rng(seed)
    x, y = rng.standard_normal(trials), rng.standard_normal(trials)
    others = [margin + rng.standard_normal(trials) for _ in range(extra)]
    dearest = 50 + y  # never cheapest
    totals = np.stack([np.zeros(trials), margin + x, *others, dearest])
    assert evpi(totals) > 0  # single futures do flip ...
    assert evppi(totals, y) == 0.0  # ... but learning y never changes the choice
    assert evppi(totals, x) > 0  # x does tell something


@settings(max_examples=examples(30), deadline=None)
@given(seed=st.integers(0, 2**32 - 1), routes=st.integers(2, 4),
       trials=st.integers(1000, 5000))
def test_with_one_uncertain_input_its_evppi_is_the_evpi(seed, routes, trials):
    # Every total is a straight line in the one input x: knowing x is knowing everything,
    # except inside the few bins where two lines cross.
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, trials)
    a, b = rng.normal(0, 1, (routes, 1)), rng.normal(0, 1, (routes, 1))
    totals = a + b * x
    k = bin_count(trials)
    crossing_loss = sum(abs(float(b[i, 0] - b[j, 0]))
                        for i, j in combinations(range(routes), 2)) * 4 / k**2
    value_all = evpi(totals)
    assert value_all - crossing_loss <= evppi(totals, x) <= value_all + 1e-9


# --- through the model ----------------------------------------------------------------------

def test_keeping_inputs_changes_no_total():
    table, s = read_default(), Scenario(trials=5000, seed=7)
    plain = simulate(table, s, keep_components=False)
    kept = simulate(table, s, keep_components=False, keep_inputs=True)
    assert plain.inputs is None
    assert np.array_equal(plain.totals, kept.totals)
    assert kept.inputs.shape == (3, 6, 5000)


def test_kept_inputs_are_the_draws_that_made_the_totals():
    # One route, only its lost share uncertain: the total is exposure x hours x H x share.
    s = Scenario(horizon_months=12, trials=2000)
    table = make_table(route("do_nothing", productivity_loss_pct=(5, 60), outages_per_year=(2, 2),
                             outage_hours=(1, 9), incidents_per_year=(1, 1),
                             incident_cost_usd=(10, 1000)))
    sim = simulate(table, s, keep_components=True, keep_inputs=True)
    exposure = 25 * 0.3 * 40
    share = sim.inputs[0, 0]
    assert share.max() <= 1.0
    assert sim.component("productivity_loss")[0] == pytest.approx(
        exposure * 160 * 12 * share, rel=1e-12)
    # Rates fixed: their "draws" are the fixed value.
    assert np.all(sim.inputs[0, 1] == 2) and np.all(sim.inputs[0, 3] == 1)
    # Sizes: the trial's average event size, within the range's plausible span.
    hours, cost = sim.inputs[0, 2], sim.inputs[0, 4]
    assert hours.min() > 0 and cost.min() > 0
    outage = sim.component("outage_loss")[0] / exposure
    with_events = outage > 0
    assert with_events.mean() > 0.8
    # An average of k >= 1 events is at most their sum ...
    assert np.all(hours[with_events] <= outage[with_events] + 1e-9)
    # ... and averages (or, without events, fresh draws) are unbiased for one size's mean.
    for kept, (low, high) in ((hours, (1, 9)), (cost, (10, 1000))):
        mu, sig = (math.log(low) + math.log(high)) / 2, (math.log(high / low)) / (2 * Z95)
        se = kept.std(ddof=1) / math.sqrt(kept.size)
        assert abs(kept.mean() - math.exp(mu + sig**2 / 2)) <= 4 * se


@pytest.mark.parametrize("s", [Scenario(trials=2000), Scenario(trials=3000, seed=5,
                                                               status_quo="approved_vpn",
                                                               correlation=0.2)])
def test_regret_column_minimum_is_the_evpi_and_bytes_repeat(s):
    table = read_default()
    result = compare(table, s)
    info = value_of_information(table, s)
    column = result.comparison["expected_regret_usd"]
    assert (column >= 0).all()
    assert column.min() == pytest.approx(info.evpi, abs=0.006)
    assert column.tolist() == [round(r, 2) for r in info.regrets]
    # Same scenario and seed: the same bytes and the same values.
    assert comparison_csv(compare(table, s).comparison) == comparison_csv(result.comparison)
    assert value_of_information(table, s) == info
    assert all(0 <= v.value <= info.evpi + 1e-9 for v in info.inputs)
    assert [v.value for v in info.inputs] == sorted((v.value for v in info.inputs),
                                                    reverse=True)


def test_every_uncertain_range_is_valued_and_fixed_ones_are_not():
    table = read_default()
    info = value_of_information(table, Scenario(trials=1000))
    assert len(info.inputs) == 18  # 3 routes x 6 ranges, none fixed in the default table
    assert "Approved VPN: lost share of work" in [v.label for v in info.inputs]
    fixed = value_of_information(table, Scenario(trials=1000, overrides=(
        ("approved_vpn", "productivity_loss_pct_low", 25.0),)))
    labels = [v.label for v in fixed.inputs]
    assert "Approved VPN: lost share of work" not in labels and len(labels) == 17


def test_one_route_and_all_ranges_fixed_are_worth_nothing():
    one = make_table(route("do_nothing", productivity_loss_pct=(5, 50)))
    info = value_of_information(one, Scenario(trials=1000))
    assert info.evpi == 0 and info.regrets == (0.0,)
    assert [v.value for v in info.inputs] == [0.0]
    fixed = make_table(route("do_nothing", productivity_loss_pct=(10, 10)),
                       route("vpn", monthly_usd=900, productivity_loss_pct=(5, 5)))
    info = value_of_information(fixed, Scenario(trials=1000))
    assert info.evpi == 0 and info.inputs == () and min(info.regrets) == 0
