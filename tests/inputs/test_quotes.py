"""The quote form's core: typed in a currency, carried in US dollars, shown back as typed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from connectivity import Scenario, parse_query, read_default
from connectivity.inputs.provenance import ESTIMATE, SOURCED, YOUR_TABLE, YOURS, origin
from connectivity.inputs.quotes import (
    INCLUDED,
    PER_MBPS,
    QUOTE_FIELDS,
    bandwidth_choice,
    field_value,
    quote_changes,
    shown,
    typed_to_usd,
)
from connectivity.inputs.scenario import check_overrides, table_in_use
from connectivity.schema.columns import BIG
from connectivity.schema.currency import CURRENCY_BY_CODE
from tests.examples import examples

DEFAULT = read_default()
ROW = DEFAULT.set_index("option_id").loc["approved_vpn"].to_dict()
FIELD = {f.column: f for f in QUOTE_FIELDS}


def _reopened(typed: float, currency: str, rate: float) -> float:
    """Type an amount, save it as an override, put it in a link, reopen, show it again."""
    s = Scenario(currency=currency, fx_rate=rate)
    usd = typed_to_usd(typed, s)
    s = s.with_values(overrides=(("approved_vpn", "monthly_usd", usd),))
    again, notices = parse_query(s.query(), DEFAULT)
    assert notices == []
    value = dict(((o, c), v) for o, c, v in again.overrides).get(("approved_vpn", "monthly_usd"),
                                                                ROW["monthly_usd"])
    return shown(value, again)


@settings(max_examples=examples(400), deadline=None, derandomize=True, database=None)
@given(cents=st.integers(0, 10**11), currency=st.sampled_from(["CNY", "HKD", "EUR", "USD"]),
       rate=st.one_of(st.sampled_from([7.1, 7.78, 0.86, 7.0, 7.25]),
                      st.floats(0.01, 1000, allow_nan=False, allow_infinity=False)))
def test_what_is_typed_reopens_exactly_as_typed(cents, currency, rate):
    rate = 1.0 if currency == "USD" else rate
    typed = cents / 100
    if typed / rate > BIG:
        return  # above the table's limit: refused, not stored (checked below)
    assert _reopened(typed, currency, rate) == typed


@pytest.mark.parametrize("typed", [279.99, 4999.99, 0.01, 700, 123456.78, 1e-2])
def test_named_cases_reopen_exactly(typed):
    for currency, c in CURRENCY_BY_CODE.items():
        assert _reopened(typed, currency, c.default_rate) == typed


def test_an_amount_above_the_tables_limit_is_refused_not_clipped():
    s = Scenario(currency="CNY", fx_rate=7.1)
    proposed = {("approved_vpn", "monthly_usd"): typed_to_usd(BIG * 7.1 * 2, s)}
    kept, notices = check_overrides(DEFAULT, proposed.items())
    assert kept == () and "out of range" in str(notices[0])


ALL = frozenset(f.column for f in QUOTE_FIELDS)  # every cell already the manager's


def test_fields_left_empty_change_nothing():
    s = Scenario(currency="CNY", fx_rate=7.1)
    assert quote_changes(ROW, {}, None, s) == ({}, None)
    assert quote_changes(ROW, {}, PER_MBPS, s) == ({}, None)


def test_a_typed_figure_equal_to_the_tables_is_the_managers():
    s = Scenario(currency="CNY", fx_rate=7.1)
    typed = {"min_term_months": float(ROW["min_term_months"])}
    assert quote_changes(ROW, typed, None, s) == (typed, None)
    # Typed again into a cell already theirs, the same figure changes nothing.
    assert quote_changes(ROW, typed, None, s, yours={"min_term_months"}) == ({}, None)
    again = {f.column: field_value(f, ROW[f.column], s) for f in QUOTE_FIELDS}
    assert quote_changes(ROW, again, PER_MBPS, s, yours=ALL) == ({}, None)


def test_an_all_in_quote_sets_the_per_mbps_price_to_zero():
    s = Scenario(currency="CNY", fx_rate=7.1)
    changes, problem = quote_changes(ROW, {"monthly_usd": 4970.0}, INCLUDED, s)  # US$700
    assert problem is None
    assert changes == {"monthly_usd": 4970.0 / 7.1, "per_mbps_usd": 0.0}


def test_a_new_monthly_charge_needs_a_bandwidth_answer():
    s = Scenario()
    typed = {"monthly_usd": 700.0}
    changes, problem = quote_changes(ROW, typed, None, s)
    assert changes == {} and "bandwidth" in problem
    changes, problem = quote_changes(ROW, typed, PER_MBPS, s)
    assert changes == {"monthly_usd": 700.0} and problem is None
    # A table that prices no bandwidth has no default to keep silently.
    free = dict(ROW, per_mbps_usd=0.0)
    assert quote_changes(free, typed, None, s) == ({"monthly_usd": 700.0}, None)


def test_counts_are_not_converted():
    s = Scenario(currency="EUR", fx_rate=0.86)
    assert quote_changes(ROW, {"lead_time_weeks": 3.0}, PER_MBPS, s) == (
        {"lead_time_weeks": 3.0}, None)
    assert field_value(FIELD["lead_time_weeks"], 8.0, s) == 8.0
    assert field_value(FIELD["setup_usd"], 1000.0, s) == 860.0


def test_the_bandwidth_answer_reopens_only_when_it_was_given():
    assert bandwidth_choice(ROW, set()) is None
    assert bandwidth_choice(dict(ROW, per_mbps_usd=0.0), {"per_mbps_usd"}) == INCLUDED
    assert bandwidth_choice(ROW, {"per_mbps_usd"}) == PER_MBPS


def test_whose_figure_each_cell_is():
    s = Scenario(overrides=(("approved_vpn", "monthly_usd", 900.0),))
    assert origin(s, "approved_vpn", "monthly_usd") == YOURS
    assert origin(s, "approved_vpn", "setup_usd") == ESTIMATE
    assert origin(s, "do_nothing", "per_user_usd") == SOURCED
    assert origin(s.with_values(table="x"), "approved_vpn", "setup_usd") == YOUR_TABLE
    assert table_in_use(DEFAULT, s).loc[0, "monthly_usd"] == 900.0
