"""Reading a shared link (SPEC section 2): lenient, never failing, and saying
what it changed. Expected values are written from the SPEC, not from the code's
own parameter table."""

from __future__ import annotations

import pytest

from connectivity import Scenario, compare, parse_query, read_default
from connectivity.inputs.table import check_records
from connectivity.schema.columns import COLUMNS

# SPEC section 2: name -> (default, low, high, integer?)
SPEC_PARAMS = {
    "sites": (1, 1, 500, True),
    "users": (25, 1, 100000, True),
    "mbps": (10, 1, 10000, False),
    "hourly_usd": (40, 0, 10000, False),
    "hours_month": (160, 1, 744, False),
    "dependency_pct": (30, 0, 100, False),
    "horizon_months": (36, 1, 120, True),
    "discount_pct": (8, 0, 100, False),
    "correlation": (0.8, 0, 1, False),
    "trials": (20000, 1000, 200000, True),
    "seed": (42, 0, 4294967295, True),
    "replacement_months": (4, 0, 60, False),
}
SPEC_ORDER = ["sites", "users", "mbps", "hourly_usd", "hours_month", "dependency_pct",
              "horizon_months", "discount_pct", "status_quo", "correlation", "trials", "seed",
              "currency", "fx_rate", "replacement_months"]
# A value inside the bounds and away from the default, for every parameter.
OTHER = {"sites": 3, "users": 40, "mbps": 25.5, "hourly_usd": 62.25, "hours_month": 150,
         "dependency_pct": 45, "horizon_months": 24, "discount_pct": 6.5,
         "status_quo": "approved_vpn", "correlation": 0.35, "trials": 5000, "seed": 7,
         "currency": "HKD", "fx_rate": 7.5, "replacement_months": 2.5}
# A rate belongs to a currency other than US dollars (whose rate is always 1).
CONTEXT = {"fx_rate": {"currency": "CNY"}, "currency": {"fx_rate": 7.78}}


@pytest.fixture(scope="module")
def table():
    return read_default()


def parse(query, table):
    return parse_query(query, table)


def names(notices) -> list[str]:
    return [n.name for n in notices]


def route(option_id: str, **cells) -> dict:
    row = {c.name: 0 for c in COLUMNS if c.kind == "number"}
    row.update(option_id=option_id, name=option_id, legal_status="pilot", reach="hq_only",
               latency_ms="", sources="", notes="")
    row.update(cells)
    return row


# --- defaults and round trips ----------------------------------------------------

@pytest.mark.parametrize("query", ["", "?", "http://host/", "http://host/?#frag"])
def test_empty_link_gives_the_defaults(table, query):
    s, notices = parse(query, table)
    assert notices == []
    for name, (default, *_rest) in SPEC_PARAMS.items():
        assert getattr(s, name) == default, name
    assert s.status_quo == "do_nothing"
    assert s.overrides == ()
    assert s == Scenario()


def test_query_lists_every_parameter_in_spec_order(table):
    keys = [pair.split("=")[0] for pair in Scenario().query().split("&")]
    assert keys == SPEC_ORDER


@pytest.mark.parametrize("name", SPEC_ORDER)
def test_each_parameter_round_trips(table, name):
    s = Scenario().with_values(**CONTEXT.get(name, {}), **{name: OTHER[name]})
    assert f"{name}={OTHER[name]}" in s.query().split("&")
    again, notices = parse(s.query(), table)
    assert notices == []
    assert again == s
    assert getattr(again, name) == OTHER[name]
    # Alone in a link, the parameter has the same effect.
    context = "".join(f"{k}={v}&" for k, v in CONTEXT.get(name, {}).items())
    alone, notices = parse(f"{context}{name}={OTHER[name]}", table)
    assert notices == []
    assert alone == s


def test_all_parameters_at_once_round_trip(table):
    s = Scenario().with_values(**OTHER)
    again, notices = parse(s.query(), table)
    assert (again, notices) == (s, [])


def test_query_string_is_url_safe():
    s = Scenario(overrides=(("approved_vpn", "name", "VPN & co #1 =x 中"),))
    query = s.query()
    assert " " not in query and "#" not in query and "中" not in query
    assert query.count("&") == len(SPEC_ORDER)  # the name's own '&' is escaped


# --- bad values: clamped or defaulted, always with a notice --------------------------

CLAMPS = [(name, raw, bound) for name, (_d, low, high, is_int) in SPEC_PARAMS.items()
          for raw, bound in (
              (str(low - 1 if is_int else low - 0.5), low),
              (str(high + 1 if is_int else high * 2 + 1), high))]


@pytest.mark.parametrize("name, raw, bound", CLAMPS)
def test_out_of_range_is_clamped_with_a_notice(table, name, raw, bound):
    s, notices = parse(f"{name}={raw}", table)
    assert getattr(s, name) == bound
    assert names(notices) == [name]
    assert name in str(notices[0])
    # Everything else stays at its default.
    assert s.with_values(**{name: SPEC_PARAMS[name][0]}) == Scenario()


@pytest.mark.parametrize("raw", ["abc", "NaN", "nan", "", "12abc", "1..2", "--3", "0x10"])
@pytest.mark.parametrize("name", ["users", "mbps", "correlation", "seed"])
def test_unparseable_falls_back_to_default_with_a_notice(table, name, raw):
    s, notices = parse(f"{name}={raw}", table)
    assert getattr(s, name) == SPEC_PARAMS[name][0]
    assert names(notices) == [name]


@pytest.mark.parametrize("raw", ["inf", "Infinity", "+inf", "INF"])
@pytest.mark.parametrize("name", ["users", "hourly_usd", "trials", "correlation"])
def test_infinity_is_clamped_to_the_maximum(table, name, raw):
    s, notices = parse(f"{name}={raw}", table)
    assert getattr(s, name) == SPEC_PARAMS[name][2]
    assert names(notices) == [name]


def test_minus_infinity_is_clamped_to_the_minimum(table):
    s, notices = parse("hourly_usd=-inf&sites=-Infinity", table)
    assert (s.hourly_usd, s.sites) == (0, 1)
    assert sorted(names(notices)) == ["hourly_usd", "sites"]


@pytest.mark.parametrize("name, raw, rounded", [
    ("users", "40.4", 40), ("users", "40.6", 41), ("sites", "2.5", 3),
    ("horizon_months", "12.6", 13), ("trials", "1500.5", 1501), ("seed", "7.2", 7),
])
def test_fractions_of_integer_parameters_are_rounded(table, name, raw, rounded):
    s, notices = parse(f"{name}={raw}", table)
    assert getattr(s, name) == rounded
    assert isinstance(getattr(s, name), int)
    assert names(notices) == [name]


def test_whole_numbers_written_as_decimals_need_no_notice(table):
    s, notices = parse("users=40.0&trials=2e3", table)
    assert (s.users, s.trials, notices) == (40, 2000, [])


def test_repeated_key_is_named_and_one_value_used(table):
    s, notices = parse("users=40&users=50", table)
    assert names(notices) == ["users"]
    assert s.users == 40  # the first one, as the notice says


def test_unknown_keys_are_named_and_ignored(table):
    s, notices = parse("users=40&colour=red&Users=3", table)
    assert s.users == 40
    assert sorted(names(notices)) == ["Users", "colour"]
    assert s == Scenario(users=40)


def test_a_whole_link_works(table):
    s, notices = parse("http://host/?users=40#x", table)
    assert (s.users, notices) == (40, [])
    s, notices = parse("https://example.org/app/compare?sites=2&users=9&mbps=5", table)
    assert (s.sites, s.users, s.mbps, notices) == (2, 9, 5, [])


def test_many_problems_each_get_a_notice(table):
    s, notices = parse("sites=0&users=abc&correlation=2&nope=1&trials=10.5", table)
    assert sorted(names(notices)) == ["correlation", "nope", "sites", "trials", "users"]
    assert (s.sites, s.users, s.correlation, s.trials) == (1, 25, 1, 1000)


# --- status quo ----------------------------------------------------------------------

def test_status_quo_not_in_table_falls_back(table):
    s, notices = parse("status_quo=vpn_of_my_cousin", table)
    assert s.status_quo == "do_nothing"
    assert names(notices) == ["status_quo"]


def test_table_without_do_nothing_uses_its_first_route():
    own, problems = check_records([(2, route("cloud_link")), (3, route("iplc"))])
    assert not problems
    s, notices = parse_query("users=10", own)
    assert s.status_quo == "cloud_link"
    assert names(notices) == ["status_quo"]
    s, notices = parse_query("status_quo=iplc", own)
    assert (s.status_quo, notices) == ("iplc", [])


# --- overrides of one table cell -------------------------------------------------------

def test_override_is_applied_by_compare(table):
    s, notices = parse("approved_vpn.monthly_usd=900&trials=1000", table)
    assert notices == []
    assert s.overrides == (("approved_vpn", "monthly_usd", 900.0),)
    result = compare(table, s)
    vpn = table.set_index("option_id").loc["approved_vpn"]
    assert result.table.set_index("option_id").loc["approved_vpn", "monthly_usd"] == 900
    # Service = (900 + per Mbps x 10 Mbps) x 1 site x billed months, plus the status quo's
    # charges (do_nothing: per user x 25 users) while it serves the lead time (SPEC 4).
    lead = vpn["lead_time_weeks"] * 12 / 52
    billed = max(36 - lead, vpn["min_term_months"])
    monthly = 900 + vpn["per_mbps_usd"] * 10 + vpn["per_user_usd"] * 25
    waiting = table.set_index("option_id").loc["do_nothing", "per_user_usd"] * 25 * lead
    assert result.expected.loc["approved_vpn", "service"] == pytest.approx(
        monthly * billed + waiting, rel=1e-12)
    # The other routes and the caller's table are untouched.
    plain = compare(table, Scenario(trials=1000))
    for oid in ("leased_circuit", "do_nothing"):
        assert result.expected.loc[oid, "total"] == plain.expected.loc[oid, "total"]
    assert table.set_index("option_id").loc["approved_vpn", "monthly_usd"] == vpn["monthly_usd"]
    # The scenario cell carries the override so the link reopens it.
    assert "approved_vpn.monthly_usd=900" in result.comparison["scenario"].iloc[0].split("&")


def test_text_and_choice_overrides_are_checked_and_normalised(table):
    s, notices = parse("leased_circuit.legal_status=Authorized&do_nothing.name=Status%20quo",
                       table)
    assert notices == []
    # normalised, and kept: what a link sets is the manager's even where the table agrees
    assert ("leased_circuit", "legal_status", "authorised") in s.overrides
    assert ("do_nothing", "name", "Status quo") in s.overrides


@pytest.mark.parametrize("pair", [
    "nosuch.monthly_usd=1",  # no such route
    "approved_vpn.colour=red",  # no such column
    "approved_vpn.option_id=x",  # the identifier cannot change
    "approved_vpn.monthly_usd=abc",  # not a number
    "approved_vpn.monthly_usd=-5",  # below the column's range
    "approved_vpn.monthly_usd=2e9",  # above it
    "approved_vpn.monthly_usd=nan",
    "approved_vpn.legal_status=legal",  # not one of the choices
    "approved_vpn.name=",  # a name is required
])
def test_bad_overrides_are_refused_and_the_table_kept(table, pair):
    s, notices = parse(f"users=30&{pair}", table)
    assert s.overrides == ()
    assert s.users == 30
    assert names(notices) == [pair.split("=")[0]]
    result = compare(table, s.with_values(trials=1000))
    assert result.table.equals(table)


def test_override_making_low_above_high_is_refused(table):
    high = table.set_index("option_id").loc["approved_vpn", "outages_per_year_high"]
    key = "approved_vpn.outages_per_year_low"
    s, notices = parse(f"{key}={high + 5}", table)
    assert s.overrides == ()
    assert names(notices) == [key]
    assert "swap" in notices[0].problem  # the message suggests the fix


def test_override_making_low_zero_below_positive_high_is_refused(table):
    key = "do_nothing.incident_cost_usd_low"
    s, notices = parse(f"{key}=0", table)
    assert s.overrides == ()
    assert names(notices) == [key]


def test_moving_both_ends_of_a_range_together_is_accepted(table):
    # Raising both ends above the table's high: fine as a pair, though the new low
    # alone would sit above the old high.
    high = table.set_index("option_id").loc["approved_vpn", "outages_per_year_high"]
    low_key, high_key = "approved_vpn.outages_per_year_low", "approved_vpn.outages_per_year_high"
    s, notices = parse(f"{high_key}={high + 10}&{low_key}={high + 5}", table)
    assert notices == []
    assert set(s.overrides) == {("approved_vpn", "outages_per_year_low", high + 5),
                                ("approved_vpn", "outages_per_year_high", high + 10)}
    # And a pair that is itself the wrong way round is refused whole.
    s, notices = parse(f"{low_key}={high + 10}&{high_key}={high + 5}", table)
    assert s.overrides == ()
    assert sorted(names(notices)) == [high_key, low_key]


def test_overrides_come_in_a_fixed_order(table):
    a, _ = parse("leased_circuit.setup_usd=1&approved_vpn.per_mbps_usd=2"
                 "&approved_vpn.monthly_usd=3", table)
    b, _ = parse("approved_vpn.monthly_usd=3&leased_circuit.setup_usd=1"
                 "&approved_vpn.per_mbps_usd=2", table)
    assert a == b
    assert a.query() == b.query()
    tail = a.query().split("&")[len(SPEC_ORDER):]
    assert tail == ["approved_vpn.monthly_usd=3", "approved_vpn.per_mbps_usd=2",
                    "leased_circuit.setup_usd=1"]


def test_the_apps_trial_cap_bites_only_past_its_budget():
    from connectivity.inputs.scenario import cap_trials
    from connectivity.schema.params import APP_CELL_BUDGET, app_trial_cap

    assert app_trial_cap(3) == 200_000 and app_trial_cap(50) == 24_000
    for routes in (1, 3, 6, 7, 12, 50):
        assert app_trial_cap(routes) * routes <= max(APP_CELL_BUDGET, 1000 * routes)
    same, notices = cap_trials(Scenario(trials=200_000), 3)
    assert same.trials == 200_000 and notices == []
    capped, notices = cap_trials(Scenario(trials=200_000), 50)
    assert capped.trials == 24_000
    assert [n.name for n in notices] == ["trials"] and "24,000" in notices[0].action
