"""Talent loss (SPEC section 4): users × R × (a_o·A + a_q·min(L, H)) / 12, R the cost of
replacing one person, a a yearly share drawn from the route's attrition range, capped at 1.

Expected values are worked out here with the test's own lognormal helpers (imported from
test_expected, which never uses the code's helpers), by hand for the simple cases.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from connectivity import Scenario, compare, read_default
from connectivity.model.expected import expected_components, monthly_flows, npv
from connectivity.model.information import value_of_information
from connectivity.model.simulate import simulate
from harness.tables import make_table, route
from tests.model.test_expected import independent_expected, ln_capped_mean

# 10 people at $20 an hour, 100 hours a month: replacing one at 3 months costs $6,000.
S = Scenario(users=10, hourly_usd=20, hours_month=100, replacement_months=3, horizon_months=12,
             trials=4000)
R = 3 * 20 * 100


def talent(table, s=S):
    return expected_components(table, s)["talent_loss"]


def test_status_quo_alone_pays_its_own_attrition_over_the_horizon():
    table = make_table(route("do_nothing", attrition_pct=(10, 10)), route("other"))
    # 10 people × $6,000 × 0.1 a year × 12 months / 12
    assert talent(table)["do_nothing"] == pytest.approx(10 * R * 0.1 * 12 / 12, abs=1e-9)
    assert talent(table)["do_nothing"] == 6000


def test_during_the_lead_time_the_status_quo_still_loses_people():
    # 13 weeks = 3 months of waiting on the status quo's 12%, then 9 months at 2%.
    table = make_table(route("do_nothing", attrition_pct=(12, 12)),
                       route("new", lead_time_weeks=13, attrition_pct=(2, 2)))
    assert talent(table)["new"] == pytest.approx(10 * R * (0.02 * 9 + 0.12 * 3) / 12, abs=1e-9)


def test_a_horizon_shorter_than_the_lead_time_is_all_status_quo():
    table = make_table(route("do_nothing", attrition_pct=(12, 12)),
                       route("new", lead_time_weeks=52, attrition_pct=(2, 2)))
    s = S.with_values(horizon_months=6)
    assert talent(table, s)["new"] == pytest.approx(10 * R * 0.12 * 6 / 12, abs=1e-9)
    assert talent(table, s)["new"] == talent(table, s)["do_nothing"]


def test_the_share_is_capped_at_everyone():
    fixed = make_table(route("do_nothing", attrition_pct=(100, 100)), route("other"))
    assert talent(fixed)["do_nothing"] == pytest.approx(10 * R * 1.0, abs=1e-9)
    # A range whose top half is above 100%: the mean of min(a, 1), not of a.
    wide = make_table(route("do_nothing", attrition_pct=(40, 100)), route("other"))
    capped = ln_capped_mean(0.4, 1.0)
    assert capped < math.sqrt(0.4 * 1.0) * math.exp((math.log(2.5) / 3.29) ** 2 / 2)
    assert talent(wide)["do_nothing"] == pytest.approx(10 * R * capped, rel=1e-9, abs=1e-9)


def test_default_table_matches_the_independent_model_to_1e_9():
    table = read_default()
    assert (table["attrition_pct_high"] > 0).all()  # every default route has a range
    for s in (Scenario(), Scenario(users=400, replacement_months=9, horizon_months=6,
                                   status_quo="approved_vpn")):
        mine = independent_expected(table, s)
        theirs = expected_components(table, s)
        for oid, comps in mine.items():
            assert comps["talent_loss"] > 0
            assert theirs.loc[oid, "talent_loss"] == pytest.approx(comps["talent_loss"],
                                                                   rel=1e-9, abs=1e-9)
            assert theirs.loc[oid, "total"] == pytest.approx(comps["total"], rel=1e-9)


def test_no_replacement_cost_means_no_talent_loss():
    table = read_default()
    assert (talent(table, Scenario(replacement_months=0)) == 0).all()


def test_simulated_mean_is_within_4_standard_errors_for_every_route():
    table = read_default()
    s = Scenario(trials=20000, seed=3)
    sim = simulate(table, s)
    exact_values = expected_components(table, s)["talent_loss"].to_numpy()
    draws = sim.component("talent_loss")
    se = draws.std(axis=1, ddof=1) / math.sqrt(s.trials)
    assert np.all(se > 0)
    assert np.all(np.abs(draws.mean(axis=1) - exact_values) <= 4 * se)


def test_the_draw_moves_with_the_climate():
    """At correlation 1 two routes' leaving shares sit at the same percentile."""
    table = make_table(route("do_nothing", attrition_pct=(2, 12)),
                       route("other", attrition_pct=(1, 6)))
    together = simulate(table, S.with_values(correlation=1.0)).component("talent_loss")
    apart = simulate(table, S.with_values(correlation=0.0)).component("talent_loss")
    assert np.corrcoef(together)[0, 1] > 0.999
    assert abs(np.corrcoef(apart)[0, 1]) < 0.1


def test_talent_draws_leave_every_other_component_as_it_was():
    with_talent = read_default()
    without = with_talent.assign(attrition_pct_low=0.0, attrition_pct_high=0.0)
    s = Scenario(trials=3000)
    a, b = simulate(with_talent, s), simulate(without, s)
    for name in ("setup", "service", "productivity_loss", "outage_loss", "incident_loss"):
        assert np.array_equal(a.component(name), b.component(name))
    assert np.allclose(a.totals - b.totals, a.component("talent_loss"), rtol=1e-12)


def test_npv_at_discount_0_equals_the_expected_total_talent_included():
    table = read_default()
    s = Scenario(discount_pct=0)
    flows = monthly_flows(table, s)
    expected = expected_components(table, s)
    assert np.allclose(flows.sum(axis=2)[:, -1], expected["talent_loss"], rtol=1e-12)
    assert np.allclose(npv(flows.sum(axis=1), 0.0), expected["total"], rtol=1e-12)
    shown = compare(table, s.with_values(trials=1000)).comparison
    assert np.allclose(shown["npv_usd"], shown["expected_total_usd"], atol=0.011)


def test_talent_is_spread_evenly_over_the_months_in_use():
    table = make_table(route("do_nothing", attrition_pct=(12, 12)),
                       route("new", lead_time_weeks=13, attrition_pct=(2, 2)))
    flows = monthly_flows(table, S)[1, -1]
    assert flows[0] == 0
    assert np.allclose(flows[1:4], 10 * R * 0.12 / 12)  # waiting on the status quo
    assert np.allclose(flows[4:13], 10 * R * 0.02 / 12)


def test_evppi_of_an_attrition_range_that_cannot_change_the_choice_is_about_zero():
    # The cheap route wins by far more than its attrition range could ever cost.
    table = make_table(route("do_nothing", per_user_usd=5000, attrition_pct=(1, 5)),
                       route("cheap", attrition_pct=(0.1, 1)))
    info = value_of_information(table, S.with_values(trials=4000))
    leaving = [v for v in info.inputs if v.stem == "attrition_pct"]
    assert len(leaving) == 2
    assert all(abs(v.value) <= max(info.noise, 1e-9) for v in leaving)
    assert info.evpi == pytest.approx(0.0, abs=1e-6)


def test_evppi_of_attrition_that_decides_is_most_of_the_evpi():
    # Two routes alike but for who leaves: learning the attrition is what is worth knowing.
    table = make_table(route("do_nothing", attrition_pct=(1, 10)),
                       route("other", per_user_usd=R * 0.04 / 12, attrition_pct=(2, 3)))
    info = value_of_information(table, S.with_values(trials=20000, correlation=0.0))
    top = info.inputs[0]
    assert top.stem == "attrition_pct" and top.route == 0
    assert top.value > 0.5 * info.evpi > 0
