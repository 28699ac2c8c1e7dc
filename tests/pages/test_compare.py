"""The app through Streamlit's AppTest: the Compare page and the link handling."""

import pytest
from streamlit.testing.v1 import AppTest

from connectivity import Scenario, compare, read_default
from connectivity.schema.params import PARAMS
from harness.apptest import assert_healthy, run, unescape


def headline(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("####"))


def test_default_page_runs_and_headline_names_rank_one():
    at = run()
    assert_healthy(at)
    assert at.title[0].value == "Compare the routes"
    best = compare(read_default(), Scenario()).comparison.sort_values("rank").iloc[0]
    assert unescape(headline(at)).startswith(f"#### {best['name']} costs least")
    assert len(at.get("vega_lite_chart")) == 3


def test_url_holds_the_full_scenario():
    at = run({"users": "40"})
    assert dict(at.query_params.items()) == Scenario(users=40).query_dict()


NUMBERS = [p.name for p in PARAMS if p.kind in ("int", "float") and p.name != "fx_rate"]


@pytest.mark.parametrize("name", NUMBERS)
def test_query_string_sets_the_form(name):
    param = next(p for p in PARAMS if p.name == name)
    value = int(param.low + 1) if param.kind == "int" else float(param.low) + 0.5
    at = run({name: str(value)})
    assert_healthy(at)
    assert float(at.text_input(key=name).value) == value


def test_query_string_sets_status_quo_and_an_override_changes_the_numbers():
    at = run({"status_quo": "approved_vpn", "leased_circuit.monthly_usd": "1"})
    assert_healthy(at)
    assert at.selectbox(key="status_quo").value == "approved_vpn"
    s = Scenario(status_quo="approved_vpn", overrides=(("leased_circuit", "monthly_usd", 1.0),))
    expected = compare(read_default(), s).comparison
    shown = [m.value for m in at.metric]
    winner = expected.sort_values("rank").iloc[0]
    assert shown[0] == f"${winner['expected_total_usd']:,.0f}"


@pytest.mark.parametrize("query, named", [
    ({"sites": "inf", "users": "-5"}, ["sites", "users"]),
    ({"trials": "abc", "seed": "nan"}, ["trials", "seed"]),
    ({"foo": "<script>alert(1)</script>"}, ["foo"]),
    ({"approved_vpn.monthly_usd": "-1", "nope.setup_usd": "1"},
     ["approved_vpn.monthly_usd", "nope.setup_usd"]),
    ({"status_quo": "nowhere"}, ["status_quo"]),
])
def test_tampered_links_are_cleaned_and_named(query, named):
    at = run(query)
    assert_healthy(at)
    notice = unescape(at.warning[0].value)
    for name in named:
        assert name in notice


def test_clamped_values_show_in_the_form():
    at = run({"sites": "100000", "users": "0", "horizon_months": "7.6"})
    assert at.text_input(key="sites").value == "500"
    assert at.text_input(key="users").value == "1"
    assert at.text_input(key="horizon_months").value == "8"


@pytest.mark.parametrize("query", [
    {"users": "100000", "sites": "500", "mbps": "10000", "trials": "1000"},
    {"users": "1", "horizon_months": "1", "dependency_pct": "0", "hourly_usd": "0"},
    {"correlation": "0", "discount_pct": "100", "trials": "1000"},
    {"status_quo": "leased_circuit", "horizon_months": "120", "trials": "1000"},
])
def test_edge_scenarios_run_without_exception(query):
    at = run(query)
    assert_healthy(at)
    assert headline(at)


def test_changing_the_form_changes_share_link_and_numbers():
    # AppTest drops the entrypoint's sidebar from its element tree on reruns
    # under st.navigation, so the URL itself is checked in the browser tests.
    at = run()
    before = [m.value for m in at.metric]
    at.text_input(key="users").input("437").run()
    assert_healthy(at)
    assert "users=437" in at.code[0].value
    after = compare(read_default(), Scenario(users=437)).comparison.sort_values("rank")
    assert [m.value for m in at.metric] == [f"${v:,.0f}" for v in after["expected_total_usd"]]
    assert [m.value for m in at.metric] != before


def test_share_box_holds_the_link_to_this_exact_scenario():
    at = run({"users": "40", "approved_vpn.setup_usd": "10"})
    s = Scenario(users=40, overrides=(("approved_vpn", "setup_usd", 10.0),))
    assert at.code[0].value.endswith("?" + s.query())
    assert at.get("download_button")[0].proto.label.startswith("Download")


def test_a_table_without_attrition_says_once_that_no_talent_loss_is_counted():
    from connectivity import read_default
    from connectivity.inputs.table import table_to_csv
    from connectivity.inputs.tablelink import encode_table
    from connectivity.views.talent import NO_TALENT

    old = read_default().assign(attrition_pct_low=0.0, attrition_pct_high=0.0)
    assert b"attrition" not in table_to_csv(old)  # written as a table made before them
    at = run({"table": encode_table(old), "trials": "1000"})
    assert_healthy(at)
    said = [c.value for c in at.caption if "no attrition figures" in c.value]
    assert len(said) == 1 and said[0] == NO_TALENT
    with_talent = run({"trials": "1000"})
    assert not [c.value for c in with_talent.caption if "no attrition figures" in c.value]
