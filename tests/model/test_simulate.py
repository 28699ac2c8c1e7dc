"""Monte Carlo (SPEC section 4): simulated means agree with the exact model,
percentiles are ordered, the cheapest-route shares add up, and a seed fixes
every byte."""

from __future__ import annotations

import csv
import io
import math
from decimal import Decimal

import numpy as np
import pytest

from connectivity import Scenario, compare, comparison_csv, read_default
from connectivity.model.compare import round_to_sum
from harness.tables import make_table, route

COMPONENTS = ("setup", "service", "productivity_loss", "outage_loss", "incident_loss")
Z95 = 1.6448536269514722


def assert_means_within_4_se(result) -> None:
    """Each component's simulated mean sits within 4 standard errors of the exact value;
    a component that does not vary at all must equal it."""
    sim = result.simulation
    assert sim.totals == pytest.approx(sim.components.sum(axis=1), rel=1e-12)
    for i, oid in enumerate(sim.option_ids):
        for k, name in enumerate(COMPONENTS):
            x = sim.components[i, k]
            exact = result.expected.loc[oid, name]
            if np.ptp(x) == 0:
                assert x[0] == pytest.approx(exact, rel=1e-9, abs=1e-9), (oid, name)
            else:
                se = x.std(ddof=1) / math.sqrt(x.size)
                assert abs(x.mean() - exact) <= 4 * se, (oid, name, x.mean(), exact, se)


def lognormal_second_moment(low: float, high: float) -> float:
    mu = (math.log(low) + math.log(high)) / 2
    sigma = (math.log(high) - math.log(low)) / (2 * Z95)
    return math.exp(2 * mu + 2 * sigma**2)


def ranks(x: np.ndarray) -> np.ndarray:
    return np.argsort(np.argsort(x, kind="stable"), kind="stable").astype(float)


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(ranks(x), ranks(y))[0, 1])


# --- means against the exact model ------------------------------------------------

@pytest.mark.parametrize("scenario", [
    Scenario(),
    Scenario(correlation=0.0, seed=1),
    Scenario(correlation=1.0, seed=2),
    Scenario(sites=4, users=300, horizon_months=120, status_quo="approved_vpn", seed=3),
    Scenario(horizon_months=2, status_quo="leased_circuit", seed=4),
])
def test_default_table_means_within_4_se(scenario):
    assert_means_within_4_se(compare(read_default(), scenario))


# Status quo: exactly 256 disruptions a year expected on a 12-month horizon, so
# about half of the trials sum their sizes one by one and half by the gamma
# shortcut (more than 256 events). `busy`: 365 a year for 120 months, always gamma.
MANY_EVENTS = (
    route("do_nothing", productivity_loss_pct=(5, 60), outages_per_year=(256, 256),
          outage_hours=(1, 4), incidents_per_year=(12, 12), incident_cost_usd=(1000, 20000)),
    route("busy", outages_per_year=(365, 365), outage_hours=(0.5, 3),
          incidents_per_year=(300, 365), incident_cost_usd=(10, 100)),
    route("waits", lead_time_weeks=26, outages_per_year=(100, 365), outage_hours=(1, 2),
          incidents_per_year=(0.5, 2), incident_cost_usd=(100, 1000)),
)


@pytest.mark.parametrize("horizon, correlation", [(12, 0.0), (12, 1.0), (120, 0.5)])
def test_many_events_per_trial_means_within_4_se(horizon, correlation):
    table = make_table(*MANY_EVENTS)
    s = Scenario(horizon_months=horizon, correlation=correlation, seed=11)
    assert_means_within_4_se(compare(table, s))


def test_many_events_variance_is_right():
    # Fixed rate: count ~ Poisson(lam), so Var(sum of sizes) = lam x E[size^2]. The
    # gamma shortcut must keep the variance, not only the mean.
    table = make_table(*MANY_EVENTS)
    for horizon in (12, 120):
        s = Scenario(horizon_months=horizon, seed=5)
        result = compare(table, s)
        exposure = s.users * s.dependency_pct / 100 * s.hourly_usd
        sim = result.simulation
        cases = [(0, 256 * horizon / 12, (1, 4)), (1, 365 * horizon / 12, (0.5, 3))]
        for i, lam, size in cases:
            outage = sim.components[i, COMPONENTS.index("outage_loss")] / exposure
            expected_var = lam * lognormal_second_moment(*size)
            assert outage.var(ddof=1) == pytest.approx(expected_var, rel=0.06), (i, horizon)
        # Incidents of the status quo: 12 a year with a lognormal cost, summed one by one.
        incident = sim.components[0, COMPONENTS.index("incident_loss")]
        assert incident.var(ddof=1) == pytest.approx(
            12 * horizon / 12 * lognormal_second_moment(1000, 20000), rel=0.1)


def test_many_events_with_a_hairline_range():
    # low and high one floating-point step apart: not "fixed", yet without any
    # variance a computer can hold. The gamma shortcut must not divide by zero.
    low = 607830278.9710659
    high = float(np.nextafter(low, np.inf))
    table = make_table(route("do_nothing", incidents_per_year=(300, 360),
                             incident_cost_usd=(low, high)))
    result = compare(table, Scenario(horizon_months=88, trials=1000))
    assert np.all(np.isfinite(result.simulation.totals))
    assert np.isfinite(result.comparison[["p10_usd", "p50_usd", "p90_usd"]].to_numpy()).all()
    assert result.comparison["prob_lowest_cost"].tolist() == [1.0]
    assert_means_within_4_se(result)


def test_status_quo_events_are_shared_while_waiting():
    # Whatever happens to the status quo during a route's lead time happens in the
    # same trial to that route: with nothing of its own, `waits` sees exactly the
    # status quo's first months, so its losses never exceed the status quo's.
    table = make_table(route("do_nothing", outages_per_year=(6, 24), outage_hours=(2, 16),
                             incidents_per_year=(0.5, 5), incident_cost_usd=(2000, 150000),
                             productivity_loss_pct=(15, 50)),
                       route("waits", lead_time_weeks=26))
    result = compare(table, Scenario(horizon_months=12, trials=5000))
    sim = result.simulation
    for name in ("outage_loss", "incident_loss"):
        k = COMPONENTS.index(name)
        assert np.all(sim.components[1, k] <= sim.components[0, k] + 1e-9)
    k = COMPONENTS.index("productivity_loss")
    # 26 weeks = 6 months of the status quo's lost share, out of 12.
    assert sim.components[1, k] == pytest.approx(sim.components[0, k] * 6 / 12, rel=1e-9)
    assert_means_within_4_se(result)


# --- percentiles and cheapest-route shares ------------------------------------------

@pytest.mark.parametrize("seed", [0, 1, 99])
def test_percentiles_are_ordered(seed):
    for table in (read_default(), make_table(*MANY_EVENTS)):
        result = compare(table, Scenario(seed=seed, trials=2000, horizon_months=12))
        frame = result.comparison
        assert np.all(frame["p10_usd"] <= frame["p50_usd"])
        assert np.all(frame["p50_usd"] <= frame["p90_usd"])
        # They are percentiles of the simulated total.
        p50 = np.median(result.simulation.totals, axis=1)
        assert frame["p50_usd"].to_numpy() == pytest.approx(p50, abs=0.006)


def csv_rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def own_cheapest_shares(totals: np.ndarray) -> np.ndarray:
    """Share of trials each route is cheapest, ties split: a plain loop over trials."""
    shares = np.zeros(totals.shape[0])
    for t in range(totals.shape[1]):
        winners = np.flatnonzero(totals[:, t] == totals[:, t].min())
        shares[winners] += 1 / winners.size
    return shares / totals.shape[1]


@pytest.mark.parametrize("scenario", [
    Scenario(trials=1000), Scenario(trials=1001, seed=3, correlation=0.0),
    Scenario(trials=3000, horizon_months=1, seed=8), Scenario(trials=1000, users=1, seed=9),
])
def test_prob_lowest_cost_sums_to_exactly_one(scenario):
    result = compare(read_default(), scenario)
    written = [Decimal(row["prob_lowest_cost"]) for row in csv_rows(
        comparison_csv(result.comparison))]
    assert sum(written) == 1
    raw = own_cheapest_shares(result.simulation.totals)
    assert np.abs(result.comparison["prob_lowest_cost"].to_numpy() - raw).max() <= 1e-4 + 1e-12


@pytest.mark.parametrize("shares", [
    [0.33335, 0.33335, 0.3333], [1 / 3] * 3, [1 / 7] * 7, [0.99995, 0.00005],
    [0.12345, 0.12345, 0.12345, 0.6296500000000001], [1.0, 0.0, 0.0],
])
def test_rounding_keeps_the_sum_at_one(shares):
    # Rounding each share alone can add up to 0.9999 or 1.0001; the column must not.
    rounded = round_to_sum(np.array(shares))
    assert np.rint(rounded * 10_000).astype(int).sum() == 10_000
    assert np.abs(rounded - np.array(shares)).max() <= 1e-4 + 1e-12


def identical_routes(n: int) -> tuple:
    # Deterministic (fixed share, no events) and identical: every trial is a tie.
    twin = dict(monthly_usd=100, productivity_loss_pct=(10, 10))
    expensive = route("do_nothing", monthly_usd=5000, productivity_loss_pct=(5, 60),
                      outages_per_year=(1, 10), outage_hours=(1, 5))
    return (expensive, *(route(f"twin_{i}", **twin) for i in range(n)))


def test_ties_split_evenly_between_two_routes():
    result = compare(make_table(*identical_routes(2)), Scenario(trials=1000))
    assert result.comparison["prob_lowest_cost"].tolist() == [0.0, 0.5, 0.5]
    totals = result.simulation.totals
    assert np.all(totals[1] == totals[2])


def test_three_way_tie_still_sums_to_one():
    result = compare(make_table(*identical_routes(3)), Scenario(trials=1000))
    shares = result.comparison["prob_lowest_cost"].to_numpy()
    assert shares[0] == 0
    assert shares[1:] == pytest.approx([1 / 3] * 3, abs=1e-4 + 1e-12)
    written = [Decimal(r["prob_lowest_cost"]) for r in csv_rows(
        comparison_csv(result.comparison))]
    assert sum(written) == 1


def test_status_quo_can_tie_with_a_route():
    # No setup, no lead time, no term: the status quo and its twin cost the same.
    table = make_table(route("do_nothing", monthly_usd=100, productivity_loss_pct=(10, 10)),
                       route("twin", monthly_usd=100, productivity_loss_pct=(10, 10)))
    result = compare(table, Scenario(trials=1000))
    assert result.comparison["prob_lowest_cost"].tolist() == [0.5, 0.5]


# --- reproducibility ------------------------------------------------------------------

def test_same_seed_same_bytes_and_other_seed_other_percentiles():
    table = read_default()
    s = Scenario(trials=5000, seed=123)
    first = comparison_csv(compare(table, s).comparison)
    again = comparison_csv(compare(read_default(), Scenario(trials=5000, seed=123)).comparison)
    assert first == again
    other = compare(table, s.with_values(seed=124)).comparison
    same = compare(table, s).comparison
    for column in ("p10_usd", "p50_usd", "p90_usd"):
        assert not np.array_equal(other[column].to_numpy(), same[column].to_numpy())
    # The exact columns do not depend on the seed.
    for column in ("expected_total_usd", "npv_usd", "service_usd"):
        assert np.array_equal(other[column].to_numpy(), same[column].to_numpy())


# --- correlation --------------------------------------------------------------------

def twins_table():
    # Two routes with identical risk ranges and no lead time, and a status quo apart.
    risky = dict(productivity_loss_pct=(5, 25), outages_per_year=(1, 4), outage_hours=(1, 4))
    return make_table(route("do_nothing", productivity_loss_pct=(15, 50)),
                      route("left", **risky), route("right", **risky))


def lost_share(result, i: int) -> np.ndarray:
    # With no lead time, productivity loss = exposure x hours x share x H: monotone in share.
    return result.simulation.components[i, COMPONENTS.index("productivity_loss")]


def test_correlation_one_moves_routes_together():
    result = compare(twins_table(), Scenario(correlation=1.0, trials=5000))
    left, right = lost_share(result, 1), lost_share(result, 2)
    assert spearman(left, right) == pytest.approx(1.0, abs=1e-12)
    assert np.array_equal(ranks(left), ranks(right))
    # The status quo's share sits at the same percentile too.
    assert spearman(lost_share(result, 0), left) == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("c", [0.0, 0.5, 0.8])
def test_correlation_sets_rank_correlation(c):
    # For normal scores correlated by c, Spearman's rho is (6 / pi) asin(c / 2).
    result = compare(twins_table(), Scenario(correlation=c, trials=20000, seed=5))
    rho = spearman(lost_share(result, 1), lost_share(result, 2))
    assert rho == pytest.approx(6 / math.pi * math.asin(c / 2), abs=0.03)
