"""The closed-form model of SPEC section 4 against values worked out by hand.

Every expected number here is computed in the test itself with plain math
(its own lognormal helpers, its own timeline arithmetic), never with the
helpers the code uses, so a slip in the code cannot hide behind itself.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pytest

from connectivity import Scenario, compare, read_default
from connectivity.model.expected import expected_components, monthly_flows, npv
from connectivity.model.lognormal import Range90
from harness.tables import make_table, route

Z95 = NormalDist().inv_cdf(0.95)  # riskquant's convention: low = p5, high = p95
PHI = NormalDist()
COMPONENTS = ("setup", "service", "productivity_loss", "outage_loss", "incident_loss",
              "talent_loss")
RANGE_STEMS = ("productivity_loss_pct", "outages_per_year", "outage_hours",
               "incidents_per_year", "incident_cost_usd")


# --- helpers written for the tests -------------------------------------------

def ln_params(low: float, high: float) -> tuple[float, float]:
    return (math.log(low) + math.log(high)) / 2, (math.log(high) - math.log(low)) / (2 * Z95)


def ln_mean(low: float, high: float) -> float:
    if low == high:
        return low
    mu, sigma = ln_params(low, high)
    return math.exp(mu + sigma**2 / 2)


def ln_capped_mean(low: float, high: float, cap: float = 1.0) -> float:
    """E[min(X, cap)] = E[X; X < cap] + cap * P(X >= cap)."""
    if low == high:
        return min(low, cap)
    mu, sigma = ln_params(low, high)
    k = (math.log(cap) - mu) / sigma
    return math.exp(mu + sigma**2 / 2) * PHI.cdf(k - sigma) + cap * (1 - PHI.cdf(k))


def simpson(f, a: float, b: float, n: int = 40_000) -> float:
    x = np.linspace(a, b, n + 1)
    y = f(x)
    return float((b - a) / (3 * n) * (y[0] + y[-1] + 4 * y[1:-1:2].sum() + 2 * y[2:-1:2].sum()))


# --- riskquant's published case ----------------------------------------------

RISKQUANT = 0.4040012826945718


def test_riskquant_published_case_helper():
    # The test's own lognormal mean reproduces riskquant's number: 0.1/yr x mean(1..10).
    assert 0.1 * ln_mean(1, 10) == pytest.approx(RISKQUANT, rel=1e-12)


@pytest.mark.parametrize("as_status_quo", [True, False])
def test_riskquant_published_case(as_status_quo):
    case = route("case", incidents_per_year=(0.1, 0.1), incident_cost_usd=(1, 10))
    rows = [case] if as_status_quo else [route("do_nothing"), case]
    table = make_table(*rows)
    s = Scenario(horizon_months=12, status_quo="case" if as_status_quo else "do_nothing")
    exact = expected_components(table, s)
    assert exact.loc["case", "incident_loss"] == pytest.approx(RISKQUANT, rel=1e-9, abs=1e-12)
    assert exact.loc["case", "total"] == pytest.approx(RISKQUANT, rel=1e-9, abs=1e-12)
    result = compare(table, s.with_values(trials=1000))
    assert result.expected.loc["case", "incident_loss"] == pytest.approx(RISKQUANT, rel=1e-9)
    # The table shows money to the cent.
    row = result.comparison.set_index("option_id").loc["case"]
    assert row["incident_loss_usd"] == 0.40
    assert row["expected_total_usd"] == 0.40


# --- the 90% range convention -------------------------------------------------

@pytest.mark.parametrize("low, high", [(1, 10), (0.05, 0.25), (2000, 150000), (0.3, 0.31)])
def test_range_low_and_high_are_5th_and_95th_percentiles(low, high):
    r = Range90(low, high)
    assert r.at(np.array([-Z95, 0.0, Z95])) == pytest.approx([low, math.sqrt(low * high), high],
                                                            rel=1e-12)
    assert r.mean() == pytest.approx(ln_mean(low, high), rel=1e-12)
    mu, sigma = ln_params(low, high)
    assert r.variance() == pytest.approx((math.exp(sigma**2) - 1) * math.exp(2 * mu + sigma**2),
                                         rel=1e-12)


def test_range_mean_matches_numeric_integration():
    # E[X] = integral of exp(mu + sigma z) phi(z) dz, independent of the closed form.
    mu, sigma = ln_params(2000, 150000)
    integral = simpson(lambda z: np.exp(mu + sigma * z - z * z / 2) / math.sqrt(2 * math.pi),
                       -14, 14)
    assert Range90(2000, 150000).mean() == pytest.approx(integral, rel=1e-10)


@pytest.mark.parametrize("value", [0.0, 0.4, 7.0])
def test_equal_low_and_high_is_a_fixed_value(value):
    r = Range90(value, value)
    assert r.fixed
    assert r.mean() == value
    assert r.variance() == 0
    assert r.capped_mean(1.0) == min(value, 1.0)
    assert np.all(r.at(np.array([-3.0, 0.0, 3.0])) == value)


@pytest.mark.parametrize("low, high", [(0.5, 1.0), (0.15, 0.5), (0.8, 1.0), (0.05, 0.25)])
def test_capped_mean_matches_numeric_integration(low, high):
    # E[min(X, 1)]: integrate on both sides of the kink at X = 1 (z = -mu / sigma).
    mu, sigma = ln_params(low, high)
    kink = -mu / sigma

    def below(z):
        return np.exp(mu + sigma * z - z * z / 2) / math.sqrt(2 * math.pi)

    def above(z):
        return np.exp(-z * z / 2) / math.sqrt(2 * math.pi)

    integral = simpson(below, -15, kink) + simpson(above, kink, 15)
    assert Range90(low, high).capped_mean(1.0) == pytest.approx(integral, rel=1e-10)
    assert ln_capped_mean(low, high) == pytest.approx(integral, rel=1e-10)
    # The cap matters: with mass above 100% the capped mean is below the plain mean.
    assert Range90(low, high).capped_mean(1.0) < ln_mean(low, high)


@pytest.mark.parametrize("pct", [5.056378869683274, 1.2711115168446614, 50.0])
def test_hairline_range_behaves_as_fixed(pct):
    # A table range whose high is one floating-point step above its low: valid, but
    # as shares (pct / 100) the two logs can be equal, so sigma is exactly 0. It must
    # give the fixed value, not divide by zero.
    high = float(np.nextafter(pct, 100))
    r = Range90(pct / 100, high / 100)
    assert not r.fixed
    assert r.capped_mean(1.0) == pytest.approx(pct / 100, rel=1e-12)
    table = make_table(route("do_nothing", productivity_loss_pct=(pct, high)))
    e = expected_components(table, Scenario(horizon_months=12))
    assert e.loc["do_nothing", "productivity_loss"] == pytest.approx(
        25 * 0.3 * 40 * 160 * 12 * pct / 100, rel=1e-9)


def test_capped_mean_matches_huge_sample():
    rng = np.random.default_rng(7)
    mu, sigma = ln_params(0.5, 1.0)
    x = np.minimum(np.exp(mu + sigma * rng.standard_normal(4_000_000)), 1.0)
    se = x.std() / math.sqrt(x.size)
    assert abs(Range90(0.5, 1.0).capped_mean(1.0) - x.mean()) < 4 * se


# --- timeline, minimum term and status quo (SPEC section 4) -------------------

# A small team so the numbers stay easy: exposure = 10 users x 50% x $20 = $100/hour.
SMALL = Scenario(users=10, dependency_pct=50, hourly_usd=20, hours_month=100, sites=2, mbps=5,
                 horizon_months=12, trials=1000)
EXPOSURE = 10 * 0.5 * 20
STATUS_QUO = route("do_nothing", per_user_usd=7, setup_usd=999, lead_time_weeks=10,
                   min_term_months=48, productivity_loss_pct=(40, 40), outages_per_year=(24, 24),
                   outage_hours=(5, 5), incidents_per_year=(4, 4), incident_cost_usd=(3000, 3000))


def new_route(**cells) -> dict:
    base = dict(setup_usd=1000, monthly_usd=300, per_mbps_usd=10, per_user_usd=2,
                min_term_months=0, lead_time_weeks=13, productivity_loss_pct=(10, 10),
                outages_per_year=(12, 12), outage_hours=(2, 2), incidents_per_year=(1, 1),
                incident_cost_usd=(1200, 1200))
    base.update(cells)
    return route("new", **base)


# (300 + 10 x 5 Mbps) x 2 sites + 2 x 10 users = $720 a month
MONTHLY = (300 + 10 * 5) * 2 + 2 * 10
# The status quo's own charge, paid while it serves during a new route's lead time:
# $7 x 10 users = $70 a month.
SQ_MONTHLY = 7 * 10


def exact(table, s=SMALL):
    return expected_components(table, s)


def test_thirteen_weeks_lead_is_three_months():
    # L = 13 x 12 / 52 = 3, A = 12 - 3 = 9, B = max(9, 0) = 9.
    e = exact(make_table(STATUS_QUO, new_route())).loc["new"]
    assert e["setup"] == 1000 * 2
    # 9 billed months of its own plus 3 months of the status quo's $70 while waiting
    assert e["service"] == pytest.approx(MONTHLY * 9 + SQ_MONTHLY * 3, rel=1e-12)
    assert e["service"] == 6690
    # productivity = exposure x hours x (p_o A + p_q min(L, H)) = 100 x 100 x (0.1x9 + 0.4x3)
    assert e["productivity_loss"] == pytest.approx(100 * 100 * (0.1 * 9 + 0.4 * 3), rel=1e-12)
    # outages: own 12/yr x 9/12 x 2 h, status quo 24/yr x 3/12 x 5 h, all x exposure
    assert e["outage_loss"] == pytest.approx(EXPOSURE * (12 * 9 / 12 * 2 + 24 * 3 / 12 * 5),
                                             rel=1e-12)
    # incidents: own 1/yr x 9/12 x $1,200, status quo 4/yr x 3/12 x $3,000
    assert e["incident_loss"] == pytest.approx(1 * 9 / 12 * 1200 + 4 * 3 / 12 * 3000, rel=1e-12)
    assert e["total"] == pytest.approx(2000 + 6690 + 21000 + 4800 + 3900, rel=1e-12)


def test_minimum_term_bills_past_the_horizon():
    # A = 9 but a 12-month minimum term: B = 12, three months beyond the horizon.
    e = exact(make_table(STATUS_QUO, new_route(min_term_months=12))).loc["new"]
    assert e["service"] == pytest.approx(MONTHLY * 12 + SQ_MONTHLY * 3, rel=1e-12)
    # Losses still count only the months inside the horizon.
    assert e["productivity_loss"] == pytest.approx(100 * 100 * (0.1 * 9 + 0.4 * 3), rel=1e-12)


def test_minimum_term_shorter_than_active_months_changes_nothing():
    e = exact(make_table(STATUS_QUO, new_route(min_term_months=6))).loc["new"]
    assert e["service"] == pytest.approx(MONTHLY * 9 + SQ_MONTHLY * 3, rel=1e-12)


@pytest.mark.parametrize("weeks", [52, 60, 104])  # L = 12, 13.85, 24 months >= H = 12
def test_lead_time_at_or_past_horizon_bills_only_setup_and_the_status_quo(weeks):
    e = exact(make_table(STATUS_QUO, new_route(lead_time_weeks=weeks,
                                               min_term_months=24))).loc["new"]
    assert e["setup"] == 2000  # ordered, paid, never delivered within the horizon
    # A = 0, so B = 0 despite the minimum term: only the status quo, all 12 months, is paid.
    assert e["service"] == pytest.approx(SQ_MONTHLY * 12, rel=1e-12)
    # The status quo serves the whole horizon: min(L, H) = 12 months of its losses.
    assert e["productivity_loss"] == pytest.approx(100 * 100 * 0.4 * 12, rel=1e-12)
    assert e["outage_loss"] == pytest.approx(EXPOSURE * 24 * 5, rel=1e-12)
    assert e["incident_loss"] == pytest.approx(4 * 3000, rel=1e-12)


def test_status_quo_has_no_lead_setup_or_minimum_term():
    # The status quo row has setup 999, a 10-week lead and a 48-month term: all ignored.
    e = exact(make_table(STATUS_QUO, new_route())).loc["do_nothing"]
    assert e["setup"] == 0
    assert e["service"] == pytest.approx(7 * 10 * 12, rel=1e-12)  # B = H = 12
    assert e["productivity_loss"] == pytest.approx(100 * 100 * 0.4 * 12, rel=1e-12)
    assert e["outage_loss"] == pytest.approx(EXPOSURE * 24 * 5, rel=1e-12)
    assert e["incident_loss"] == pytest.approx(4 * 3000, rel=1e-12)


def test_status_quo_is_a_scenario_choice():
    # Make `new` the status quo instead: now it has no setup and no lead time, and
    # do_nothing becomes the route that waits 10 weeks (L = 30/13 months).
    table = make_table(STATUS_QUO, new_route())
    e = exact(table, SMALL.with_values(status_quo="new"))
    assert e.loc["new", "setup"] == 0
    assert e.loc["new", "service"] == pytest.approx(MONTHLY * 12, rel=1e-12)
    lead = 10 * 12 / 52
    active = 12 - lead
    assert e.loc["do_nothing", "setup"] == 999 * 2
    # Its minimum term, plus `new`'s $720 a month while do_nothing is being set up.
    assert e.loc["do_nothing", "service"] == pytest.approx(7 * 10 * 48 + MONTHLY * lead,
                                                           rel=1e-12)
    assert e.loc["do_nothing", "productivity_loss"] == pytest.approx(
        100 * 100 * (0.4 * active + 0.1 * lead), rel=1e-12)


def test_productivity_share_is_capped_at_100_percent():
    # A 50-100% range has 5% of its mass above 100%: the capped mean applies.
    table = make_table(route("do_nothing", productivity_loss_pct=(50, 100)))
    e = exact(table).loc["do_nothing"]
    assert e["productivity_loss"] == pytest.approx(100 * 100 * 12 * ln_capped_mean(0.5, 1.0),
                                                   rel=1e-12)
    assert e["productivity_loss"] < 100 * 100 * 12 * ln_mean(0.5, 1.0)


def test_uncertain_ranges_use_lognormal_means():
    table = make_table(STATUS_QUO, new_route(outages_per_year=(1, 4), outage_hours=(1, 4),
                                             incidents_per_year=(0.01, 0.1),
                                             incident_cost_usd=(1000, 20000)))
    e = exact(table).loc["new"]
    assert e["outage_loss"] == pytest.approx(
        EXPOSURE * (ln_mean(1, 4) * 9 / 12 * ln_mean(1, 4) + 24 * 3 / 12 * 5), rel=1e-12)
    assert e["incident_loss"] == pytest.approx(
        ln_mean(0.01, 0.1) * 9 / 12 * ln_mean(1000, 20000) + 4 * 3 / 12 * 3000, rel=1e-12)


# --- the default three routes at the default scenario --------------------------

def independent_expected(table, s: Scenario) -> dict[str, dict[str, float]]:
    """SPEC section 4, written out again from the table's numbers."""
    rows = {r["option_id"]: r for r in table.to_dict("records")}
    h = s.horizon_months
    exposure = s.users * s.dependency_pct / 100 * s.hourly_usd

    replace = s.replacement_months * s.hourly_usd * s.hours_month  # one person who leaves

    def per_month(r):  # expected productivity, outage, incident, talent loss a month in use
        return (exposure * s.hours_month
                * ln_capped_mean(r["productivity_loss_pct_low"] / 100,
                                 r["productivity_loss_pct_high"] / 100),
                exposure * ln_mean(r["outages_per_year_low"], r["outages_per_year_high"]) / 12
                * ln_mean(r["outage_hours_low"], r["outage_hours_high"]),
                ln_mean(r["incidents_per_year_low"], r["incidents_per_year_high"]) / 12
                * ln_mean(r["incident_cost_usd_low"], r["incident_cost_usd_high"]),
                s.users * replace / 12
                * ln_capped_mean(r.get("attrition_pct_low", 0) / 100,
                                 r.get("attrition_pct_high", 0) / 100))

    def charge(r):  # a route's monthly service charge
        return ((r["monthly_usd"] + r["per_mbps_usd"] * s.mbps) * s.sites
                + r["per_user_usd"] * s.users)

    sq = per_month(rows[s.status_quo])
    out = {}
    for oid, r in rows.items():
        monthly = charge(r)
        if oid == s.status_quo:
            lead, active, billed, setup = 0.0, h, h, 0.0
        else:
            lead = r["lead_time_weeks"] * 12 / 52
            active = max(0.0, h - lead)
            billed = max(active, r["min_term_months"]) if active > 0 else 0.0
            setup = r["setup_usd"] * s.sites
        waits = min(lead, h)
        own = per_month(r)
        service = monthly * billed + charge(rows[s.status_quo]) * waits
        comps = [setup, service] + [o * active + q * waits for o, q in zip(own, sq)]
        out[oid] = dict(zip(COMPONENTS, comps), total=sum(comps))
    return out


def test_default_table_has_the_three_routes():
    assert list(read_default()["option_id"]) == ["approved_vpn", "leased_circuit", "do_nothing"]


@pytest.mark.parametrize("scenario", [
    Scenario(),
    Scenario(sites=3, users=400, mbps=50, horizon_months=6, status_quo="approved_vpn"),
    Scenario(horizon_months=1, status_quo="leased_circuit", dependency_pct=100),
])
def test_default_routes_match_independent_computation(scenario):
    table = read_default()
    mine = independent_expected(table, scenario)
    theirs = expected_components(table, scenario)
    via_compare = compare(table, scenario.with_values(trials=1000))
    for oid, comps in mine.items():
        for name, value in comps.items():
            assert theirs.loc[oid, name] == pytest.approx(value, rel=1e-9, abs=1e-9), (oid, name)
            assert via_compare.expected.loc[oid, name] == pytest.approx(value, rel=1e-9,
                                                                        abs=1e-9)
        shown = via_compare.comparison.set_index("option_id").loc[oid]
        assert shown["expected_total_usd"] == round(comps["total"], 2)
        assert shown["usd_per_user_month"] == round(
            comps["total"] / scenario.users / scenario.horizon_months, 2)


def test_approved_vpn_pays_for_do_nothing_while_it_is_installed():
    # Defaults: 8 weeks = 8 x 12 / 52 months of lead; meanwhile do_nothing keeps serving
    # and its $15 per user reimbursement is still paid for 25 users: $692.31.
    waiting = 25 * 15 * (8 * 12 / 52)
    assert round(waiting, 2) == 692.31
    # Own charge: (800 + 50 x 10 Mbps) x 1 site for 36 - 24/13 months (above the 12 term).
    own = 1300 * (36 - 8 * 12 / 52)
    assert round(own, 2) == 44400.00
    e = expected_components(read_default(), Scenario())
    assert e.loc["approved_vpn", "service"] == pytest.approx(own + waiting, rel=1e-12)
    # The leased circuit waits 10 weeks: (1000 + 80 x 10) x (36 - 120/52) + 375 x 120/52.
    assert e.loc["leased_circuit", "service"] == pytest.approx(
        1800 * (36 - 10 * 12 / 52) + 375 * 10 * 12 / 52, rel=1e-12)
    assert e.loc["do_nothing", "service"] == 375 * 36  # the status quo pays only for itself
    row = compare(read_default(), Scenario(trials=1000)).comparison.set_index("option_id")
    assert row.loc["approved_vpn", "service_usd"] == 45092.31


def test_rank_follows_expected_total():
    result = compare(read_default(), Scenario(trials=1000))
    frame = result.comparison
    order = frame.sort_values("expected_total_usd")["option_id"].tolist()
    assert frame.set_index("option_id").loc[order, "rank"].tolist() == [1, 2, 3]


def test_leased_circuit_costs_more_than_1000_a_month():
    # The ministry: such circuits cost "more than US$1,000 a month" (1 site, 10 Mbps).
    table = read_default()
    s = Scenario()
    service = expected_components(table, s).loc["leased_circuit", "service"]
    row = table.set_index("option_id").loc["leased_circuit"]
    active = s.horizon_months - row["lead_time_weeks"] * 12 / 52
    billed = max(active, row["min_term_months"])
    assert service / billed > 1000


# --- NPV -------------------------------------------------------------------------

def monthly_rate(pct: float) -> float:
    return (1 + pct / 100) ** (1 / 12) - 1


def test_npv_at_zero_discount_equals_expected_total():
    table = read_default()
    for s in (Scenario(discount_pct=0), Scenario(discount_pct=0, horizon_months=7,
                                                  status_quo="approved_vpn")):
        result = compare(table, s.with_values(trials=1000))
        flows = monthly_flows(table, s)
        totals = expected_components(table, s)["total"].to_numpy()
        assert npv(flows.sum(axis=1), 0.0) == pytest.approx(totals, rel=1e-6)
        # Each component's flows add up to that component.
        for k, name in enumerate(COMPONENTS):
            assert flows[:, k, :].sum(axis=1) == pytest.approx(
                expected_components(table, s)[name].to_numpy(), rel=1e-9, abs=1e-9)
        shown = result.comparison
        assert (shown["npv_usd"] - shown["expected_total_usd"]).abs().max() <= 0.011


@pytest.mark.parametrize("pct", [0.5, 8, 100])
def test_npv_below_total_when_discounting(pct):
    table = read_default()
    s = Scenario(discount_pct=pct)
    values = npv(monthly_flows(table, s).sum(axis=1), pct)
    totals = expected_components(table, s)["total"].to_numpy()
    assert np.all(values < totals)
    assert np.all(values > 0)


def flat_route_table(**cells):
    # The status quo costs nothing, so only the new route's own charges flow.
    return make_table(route("do_nothing"), route("flat", **cells))


def test_npv_flat_monthly_charge_hand_computed():
    # $1,000 setup at month 0 and $500 at the end of each of 12 months, at 12% a year.
    table = flat_route_table(setup_usd=1000, monthly_usd=500)
    s = Scenario(horizon_months=12, discount_pct=12)
    r = monthly_rate(12)
    hand = 1000 + sum(500 / (1 + r) ** m for m in range(1, 13))
    # Annuity form of the same thing: 500 (1 - 1.12^-1) / r
    assert hand == pytest.approx(1000 + 500 * (1 - 1 / 1.12) / r, rel=1e-12)
    values = npv(monthly_flows(table, s).sum(axis=1), 12)
    assert values[1] == pytest.approx(hand, rel=1e-9)
    result = compare(table, s.with_values(trials=1000))
    assert result.comparison["npv_usd"].iloc[1] == round(hand, 2)
    assert result.comparison["expected_total_usd"].iloc[1] == 1000 + 500 * 12


def test_npv_includes_months_billed_past_the_horizon():
    # A 24-month minimum term on a 12-month horizon: 24 month-end payments.
    table = flat_route_table(monthly_usd=500, min_term_months=24)
    s = Scenario(horizon_months=12, discount_pct=12)
    r = monthly_rate(12)
    hand = sum(500 / (1 + r) ** m for m in range(1, 25))
    assert npv(monthly_flows(table, s).sum(axis=1), 12)[1] == pytest.approx(hand, rel=1e-9)
    # Undiscounted it is the expected total, which also counts all 24 months.
    assert expected_components(table, s).loc["flat", "total"] == 500 * 24
    assert npv(monthly_flows(table, s).sum(axis=1), 0)[1] == pytest.approx(500 * 24, rel=1e-9)


def test_npv_service_starts_after_the_lead_time():
    # 13 weeks = 3 months of lead, 12-month term: paid at the ends of months 4..15.
    table = flat_route_table(monthly_usd=500, min_term_months=12, lead_time_weeks=13)
    s = Scenario(horizon_months=12, discount_pct=12)
    r = monthly_rate(12)
    hand = sum(500 / (1 + r) ** m for m in range(4, 16))
    assert npv(monthly_flows(table, s).sum(axis=1), 12)[1] == pytest.approx(hand, rel=1e-9)


def test_npv_counts_the_status_quo_charges_while_waiting():
    # A status quo at $100 a month serves the 3-month lead (13 weeks) of a $500 route with
    # a 12-month term: $100 at the ends of months 1..3, then $500 at the ends of 4..15.
    table = make_table(route("do_nothing", monthly_usd=100),
                       route("flat", monthly_usd=500, min_term_months=12, lead_time_weeks=13))
    s = Scenario(horizon_months=12, discount_pct=12)
    r = monthly_rate(12)
    hand = (sum(100 / (1 + r) ** m for m in range(1, 4))
            + sum(500 / (1 + r) ** m for m in range(4, 16)))
    flows = monthly_flows(table, s)
    assert npv(flows.sum(axis=1), 12)[1] == pytest.approx(hand, rel=1e-9)
    assert flows[1, 1, 1:4].tolist() == [100, 100, 100]
    assert expected_components(table, s).loc["flat", "service"] == 100 * 3 + 500 * 12


def test_npv_of_setup_only_equals_total():
    # Never delivered within the horizon and a free status quo: only month-0 setup flows.
    table = flat_route_table(setup_usd=1000, monthly_usd=500, lead_time_weeks=104)
    s = Scenario(horizon_months=12, discount_pct=50)
    assert npv(monthly_flows(table, s).sum(axis=1), 50)[1] == pytest.approx(1000, rel=1e-12)
