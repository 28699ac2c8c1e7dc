"""Property tests over random valid tables and scenarios.

Tables are generated inside the column rules of SPEC section 3 (low <= high,
never low == 0 < high). To keep a 4-standard-error check statistically sound
with only a few thousand trials, the generator also stays where a sample mean
behaves: ranges span at most a factor of 20, every non-zero event rate is at
least 1 a year, and a route waits either not at all or at least a month and is
then in use for either none or at least a month of the horizon. Examples are
derandomised, so a run is repeatable.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from connectivity import Scenario, compare, comparison_csv, parse_query
from connectivity.cli import run
from connectivity.inputs.table import check_records, read_table, table_to_csv
from connectivity.inputs.tablelink import encode_table
from connectivity.model.expected import expected_components
from tests.examples import examples

COMPONENTS = ("setup", "service", "productivity_loss", "outage_loss", "incident_loss")
SETTINGS = settings(max_examples=examples(50), deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

NAME_CHARS = "abcXYZ 019-=+@,;\"'&%#?éü中文"


def finite(low: float, high: float):
    return st.floats(low, high, allow_nan=False, allow_infinity=False, allow_subnormal=False)


def money():
    return st.one_of(st.just(0), st.integers(0, 100_000), finite(0, 1e9))


@st.composite
def ranges(draw, floor: float, top: float):
    """A valid (low, high) pair: none, a fixed value, or a lognormal 90% range."""
    kind = draw(st.sampled_from(["none", "fixed", "range", "range"]))
    if kind == "none":
        return 0, 0
    if kind == "fixed":
        value = draw(finite(floor, top))
        return value, value
    low = draw(finite(floor, top))
    return low, draw(finite(low, min(top, low * 20)))


@st.composite
def routes(draw, option_id: str, horizon: int) -> dict:
    weeks = draw(st.one_of(st.just(0), st.integers(5, 104), finite(5, 104)))
    lead = weeks * 12 / 52
    assume(lead == 0 or lead >= horizon or horizon - lead >= 1)
    row = dict(
        option_id=option_id,
        name=draw(st.text(NAME_CHARS, min_size=1, max_size=80).filter(lambda t: t.strip())),
        legal_status=draw(st.sampled_from(["authorised", "unauthorised", "pilot", "authorized"])),
        reach=draw(st.sampled_from(["hq_only", "open_internet", "domestic_only"])),
        setup_usd=draw(money()), monthly_usd=draw(money()), per_mbps_usd=draw(money()),
        per_user_usd=draw(money()),
        min_term_months=draw(st.integers(0, 120)),
        lead_time_weeks=weeks,
        latency_ms=draw(st.one_of(st.just(""), st.integers(0, 5000))),
        sources="", notes="",
    )
    for stem, floor, top in (("productivity_loss_pct", 1, 100), ("outages_per_year", 1, 365),
                             ("outage_hours", 0.1, 744), ("incidents_per_year", 1, 365),
                             ("incident_cost_usd", 1, 1e9)):
        row[f"{stem}_low"], row[f"{stem}_high"] = draw(ranges(floor, top))
    return row


@st.composite
def cases(draw, max_trials: int = 4000):
    """(table, scenario): the table as read back from the CSV it writes."""
    horizon = draw(st.integers(1, 120))
    n = draw(st.integers(2, 5))
    ids = draw(st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True),
                        min_size=n, max_size=n, unique=True))
    rows = [draw(routes(oid, horizon)) for oid in ids]
    frame, problems = check_records(list(enumerate(rows, start=2)))
    assert not problems, [str(p) for p in problems]
    table = read_table(table_to_csv(frame))
    s = Scenario(
        sites=draw(st.integers(1, 500)), users=draw(st.integers(1, 100_000)),
        mbps=draw(finite(1, 10_000)), hourly_usd=draw(finite(0, 10_000)),
        hours_month=draw(finite(1, 744)), dependency_pct=draw(finite(0, 100)),
        horizon_months=horizon, discount_pct=draw(finite(0, 100)),
        status_quo=draw(st.sampled_from(ids)), correlation=draw(finite(0, 1)),
        trials=draw(st.integers(1000, max_trials)), seed=draw(st.integers(0, 2**32 - 1)),
    )
    return table, s


# --- the simulation agrees with the exact model ---------------------------------------

@SETTINGS
@given(cases())
def test_simulated_means_within_4_se_of_exact(case):
    table, s = case
    result = compare(table, s)
    sim = result.simulation
    for i, oid in enumerate(sim.option_ids):
        for k, name in enumerate(COMPONENTS):
            x = sim.components[i, k]
            exact = result.expected.loc[oid, name]
            if np.ptp(x) == 0:  # nothing random in it: must be the exact value
                assert x[0] == pytest.approx(exact, rel=1e-9, abs=1e-9), (oid, name)
            else:  # scaled first, so that tiny money amounts do not underflow the variance
                scale = np.abs(x).max()
                se = (x / scale).std(ddof=1) / math.sqrt(x.size)
                assert abs((x / scale).mean() - exact / scale) <= 4 * se, (oid, name, exact)


@SETTINGS
@given(cases())
def test_percentiles_ordered_and_shares_sum_to_one(case):
    table, s = case
    frame = compare(table, s).comparison
    assert np.all(frame["p10_usd"] <= frame["p50_usd"])
    assert np.all(frame["p50_usd"] <= frame["p90_usd"])
    units = np.rint(frame["prob_lowest_cost"].to_numpy() * 10_000).astype(int)
    assert units.sum() == 10_000
    assert np.all(units >= 0)
    assert sorted(frame["rank"]) == list(range(1, len(frame) + 1))


# --- monotone in users and in the horizon ---------------------------------------------

@SETTINGS
@given(cases(max_trials=1000), st.integers(1, 5000), st.integers(1, 24))
def test_more_users_or_longer_horizon_never_cost_less(case, more_users, more_months):
    table, s = case
    base = expected_components(table, s)["total"]
    bigger = s.with_values(users=min(s.users + more_users, 100_000))
    longer = s.with_values(horizon_months=min(s.horizon_months + more_months, 120))
    for other in (bigger, longer):
        totals = expected_components(table, other)["total"]
        assert np.all(totals.to_numpy() >= base.to_numpy() * (1 - 1e-12))


# --- reproducible to the byte ---------------------------------------------------------

@SETTINGS
@given(cases())
def test_same_scenario_and_seed_same_bytes(case):
    table, s = case
    assert comparison_csv(compare(table, s).comparison) == comparison_csv(
        compare(table.copy(), Scenario(**s.values())).comparison)


@settings(max_examples=examples(10), deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(cases(max_trials=1500), st.data())
def test_cli_reproduces_the_exported_scenario(case, data):
    table, s = case
    # Sometimes also override one cell, as a shared link may.
    if data.draw(st.booleans()):
        oid = data.draw(st.sampled_from(list(table["option_id"])))
        value = data.draw(st.integers(0, 10**6))
        s, notices = parse_query(f"{s.query()}&{oid}.monthly_usd={value}", table)
        assert not notices
    # The scenario cell alone reopens the same scenario.
    assert parse_query(s.query(), table) == (s, [])
    cell = compare(table, s).comparison["scenario"].iloc[0]
    # An export from --options carries the file's table in its link (SPEC 5), so the CLI's
    # bytes are those of the same scenario with that table, and its link reopens them.
    expected = comparison_csv(compare(table, s.with_values(table=encode_table(table))).comparison)
    with tempfile.TemporaryDirectory() as tmp:
        options, out = Path(tmp) / "options.csv", Path(tmp) / "out.csv"
        options.write_bytes(table_to_csv(table))
        assert run(["compare", "--options", str(options), "--query", cell,
                    "--out", str(out)]) == 0
        assert out.read_bytes() == expected
