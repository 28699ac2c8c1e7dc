"""Added routes (`<new_id>.copy_of=<option_id>`) and `routes=` (SPEC sections 2, 5 and 6).

An added route must give exactly the numbers of the same row written into a table
of one's own; the expected service charge and setup are also worked out by hand.
"""

from __future__ import annotations

import csv
import io

import pytest

from connectivity import compare, comparison_csv, parse_query, read_default
from connectivity.inputs.provenance import ESTIMATE, SOURCED, YOUR_TABLE, YOURS, origin
from connectivity.inputs.rows import MAX_ROWS
from connectivity.inputs.tablelink import encode_table
from connectivity.model.routes import WEEKS_PER_MONTH
from harness.cli import run_cli

CN2 = "cn2.copy_of=approved_vpn&cn2.name=China%20Telecom%20CN2&cn2.monthly_usd=873"
COMPONENT_COLUMNS = ["setup_usd", "service_usd", "productivity_loss_usd", "outage_loss_usd",
                     "incident_loss_usd", "expected_total_usd", "npv_usd"]


@pytest.fixture(scope="module")
def table():
    return read_default()


def _own_table(table):
    """The default table with CN2 written in as a row of its own, as an upload would hold it."""
    row = table.set_index("option_id").loc["approved_vpn"].to_dict()
    row.update(option_id="cn2", name="China Telecom CN2", monthly_usd=873.0)
    rows = [*table.to_dict("records"), row]
    return type(table)(rows, columns=table.columns)


def test_an_added_route_equals_the_same_row_in_a_table(table) -> None:
    linked, notices = parse_query(f"users=30&mbps=20&{CN2}", table)
    assert notices == []
    own, _ = parse_query(f"users=30&mbps=20&table={encode_table(_own_table(table))}", table)
    a = compare(table, linked).comparison
    b = compare(table, own).comparison
    assert list(a["option_id"]) == ["approved_vpn", "leased_circuit", "do_nothing", "cn2"]
    # Every component and the NPV, exactly; the simulation too (same rows, same seed).
    assert a.drop(columns="scenario").equals(b.drop(columns="scenario"))
    cn2 = a.set_index("option_id").loc["cn2"]
    for column in COMPONENT_COLUMNS:
        assert cn2[column] == b.set_index("option_id").loc["cn2", column]


def test_an_added_routes_charges_by_hand(table) -> None:
    s, _ = parse_query(f"users=30&mbps=20&horizon_months=36&{CN2}", table)
    cn2 = compare(table, s).expected.loc["cn2"]
    lead = 8 / (52 / 12)  # approved_vpn's 8 weeks
    billed = max(36 - lead, 12)
    do_nothing_monthly = 15 * 30  # $15 per user, the status quo while cn2 is set up
    assert WEEKS_PER_MONTH == pytest.approx(52 / 12)
    assert cn2["setup"] == 3000
    assert cn2["service"] == pytest.approx((873 + 50 * 20) * billed + do_nothing_monthly * lead,
                                           rel=1e-12)


def test_the_copy_keeps_its_routes_risk_ranges_and_other_cells(table) -> None:
    s, _ = parse_query("cn2.copy_of=approved_vpn", table)
    result = compare(table, s)
    rows = result.table.set_index("option_id")
    copied = rows.loc["cn2"].drop(["name"])
    assert copied.equals(rows.loc["approved_vpn"].drop(["name"]).rename("cn2"))
    assert rows.loc["cn2", "name"] == "Approved VPN (cn2)"  # a copy the link does not name
    e = result.expected
    assert (e.loc["cn2"] == e.loc["approved_vpn"]).all()


@pytest.mark.parametrize("routes", [
    ["cn2", "approved_vpn", "do_nothing"],
    ["do_nothing", "cn2"],
    ["leased_circuit", "do_nothing", "cn2", "approved_vpn"],
])
def test_routes_keeps_exactly_those_routes_in_that_order(table, routes) -> None:
    s, notices = parse_query(f"{CN2}&routes={','.join(routes)}", table)
    assert notices == []
    assert list(compare(table, s).comparison["option_id"]) == routes
    assert list(compare(table, s).table["option_id"]) == routes


def test_the_status_quo_is_always_compared(table) -> None:
    s, notices = parse_query(f"{CN2}&routes=cn2,approved_vpn", table)
    assert list(compare(table, s).comparison["option_id"]) == ["cn2", "approved_vpn",
                                                                "do_nothing"]
    assert [n.name for n in notices] == ["routes"] and not notices[0].strict


def test_a_routes_subset_gives_each_route_the_numbers_it_had(table) -> None:
    every, _ = parse_query(CN2, table)
    some, _ = parse_query(f"{CN2}&routes=cn2,do_nothing", table)
    a = compare(table, every).comparison.set_index("option_id")
    b = compare(table, some).comparison.set_index("option_id")
    for route in ("cn2", "do_nothing"):
        for column in COMPONENT_COLUMNS:
            assert a.loc[route, column] == b.loc[route, column]


def test_a_link_with_added_routes_reopens_the_same_bytes(table) -> None:
    link = (f"currency=CNY&fx_rate=7.2&{CN2}&unicom.copy_of=approved_vpn&unicom.monthly_usd="
            f"861.1111&unicom.included_mbps=30&routes=unicom,cn2,do_nothing")
    s, notices = parse_query(link, table)
    assert notices == []
    again, notices = parse_query(s.query(), table)
    assert notices == [] and again == s and again.query() == s.query()
    data = comparison_csv(compare(table, s).comparison)
    scenario = next(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))["scenario"]
    reopened, _ = parse_query(scenario, table)
    assert comparison_csv(compare(table, reopened).comparison) == data
    assert "routes=unicom,cn2,do_nothing" in scenario  # ids read as they are


def test_the_query_keeps_a_fixed_order(table) -> None:
    a, _ = parse_query(f"b2.copy_of=leased_circuit&b2.setup_usd=1&{CN2}&"
                       "approved_vpn.setup_usd=5&routes=b2,cn2", table)
    pairs = a.query().split("&")
    keys = [p.split("=")[0] for p in pairs]
    assert keys[15:] == ["routes", "approved_vpn.setup_usd", "b2.copy_of", "b2.setup_usd",
                         "cn2.copy_of", "cn2.name", "cn2.monthly_usd"]


@pytest.mark.parametrize("pair, name, words", [
    ("x.copy_of=nosuch", "x.copy_of", "'nosuch' is not a route of the table"),
    ("x.copy_of=", "x.copy_of", "is not a route of the table"),
    ("approved_vpn.copy_of=leased_circuit", "approved_vpn.copy_of", "already a route"),
    ("Bad-Id.copy_of=approved_vpn", "Bad-Id.copy_of", "not a valid route id"),
    ("routes=do_nothing,nosuch", "routes", "'nosuch' is not a route"),
    ("routes=do_nothing,do_nothing", "routes", "twice"),
])
def test_bad_names_are_a_notice_in_the_app_and_exit_2_on_the_cli(table, pair, name, words):
    s, notices = parse_query(f"users=30&{pair}", table)
    assert s.users == 30 and s.added == ()
    assert [n.name for n in notices] == [name] and words in notices[0].problem
    done = run_cli("compare", "--query", f"users=30&{pair}")
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.startswith(f"error: {name}: ") and words in done.stderr


def test_the_overrides_of_a_refused_copy_say_nothing_more(table) -> None:
    _, notices = parse_query("x.copy_of=nosuch&x.monthly_usd=5&x.name=X", table)
    assert len(notices) == 1


def test_more_than_50_routes_are_refused_past_the_limit(table) -> None:
    room = MAX_ROWS - len(table)
    copies = "&".join(f"q{i}.copy_of=approved_vpn" for i in range(room + 2))
    s, notices = parse_query(copies, table)
    assert len(s.added) == room
    assert len(compare(table, s.with_values(trials=1000)).comparison) == MAX_ROWS
    assert [n.name for n in notices] == ["copy_of"]
    assert "more than 50 routes" in notices[0].problem and "last 2" in notices[0].action
    done = run_cli("compare", "--query", copies)
    assert done.returncode == 2 and "more than 50 routes" in done.stderr


def test_the_cli_takes_set_and_routes(table) -> None:
    link = f"{CN2}&routes=cn2,do_nothing"
    by_query = run_cli("compare", "--query", link)
    by_flags = run_cli("compare", "--set", "cn2.copy_of=approved_vpn",
                       "--set", "cn2.name=China Telecom CN2", "--set", "cn2.monthly_usd=873",
                       "--routes", "cn2,do_nothing")
    assert by_query.returncode == 0 and by_query.stdout == by_flags.stdout
    s, _ = parse_query(link, table)
    assert by_query.stdout == comparison_csv(compare(table, s).comparison)
    flag_wins = run_cli("compare", "--query", link, "--routes", "do_nothing,cn2")
    rows = flag_wins.stdout.decode("utf-8-sig").splitlines()[1:]
    assert [r.split(",")[0] for r in rows] == ["do_nothing", "cn2"]


def test_what_the_manager_typed_is_theirs_even_when_it_equals_the_default(table) -> None:
    s, _ = parse_query("approved_vpn.min_term_months=12&approved_vpn.lead_time_weeks=8", table)
    assert origin(s, "approved_vpn", "min_term_months") == YOURS
    assert origin(s, "approved_vpn", "lead_time_weeks") == YOURS
    assert origin(s, "approved_vpn", "setup_usd") == ESTIMATE


def test_a_copys_cells_are_its_routes_until_the_manager_types_them(table) -> None:
    s, _ = parse_query(f"{CN2}&do_nothing_b.copy_of=do_nothing", table)
    assert origin(s, "cn2", "monthly_usd") == YOURS
    assert origin(s, "cn2", "setup_usd") == ESTIMATE
    assert origin(s, "do_nothing_b", "per_mbps_usd") == SOURCED


def test_a_tables_cells_say_which_are_the_managers_and_which_the_apps(table) -> None:
    own = table.copy()
    own.loc[own["option_id"] == "approved_vpn", "monthly_usd"] = 950.0
    own = _own_table(own)
    s, _ = parse_query(f"table={encode_table(own)}", table)
    assert origin(s, "approved_vpn", "monthly_usd", table) == YOUR_TABLE  # changed in the file
    assert origin(s, "approved_vpn", "setup_usd", table) == ESTIMATE  # the app's, copied
    assert origin(s, "do_nothing", "monthly_usd", table) == SOURCED
    assert origin(s, "cn2", "setup_usd", table) == YOUR_TABLE  # a route only the file has
    assert origin(s, "approved_vpn", "setup_usd") == YOUR_TABLE  # without the app's table
    # A downloaded table uploaded again holds only the app's figures.
    again, _ = parse_query(f"table={encode_table(table)}", table)
    assert {origin(again, o, c, table) for o in table["option_id"]
            for c in ("setup_usd", "monthly_usd", "notes")} <= {ESTIMATE, SOURCED}


def test_the_compare_page_names_an_added_quote_as_the_managers(table) -> None:
    from connectivity.model.sensitivity import tornado
    from connectivity.views.compare import whose_numbers

    s, _ = parse_query(f"{CN2}&cn2.outages_per_year_low=2&cn2.outages_per_year_high=5", table)
    text = whose_numbers(compare(table, s), tornado(table, s))
    assert "your quotes for China Telecom CN2" in text
    assert "2 risk figures you set" in text  # the name is not counted as one
