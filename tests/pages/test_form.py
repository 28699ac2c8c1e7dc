"""The sidebar form proposes changes; the scenario lives outside the widgets.

Streamlit drops the state of every widget a run did not draw: a click on another
page before the sidebar was drawn ends the run early, and the form's widgets then
have no state. The scenario must come back as the link had it, not as the widgets'
defaults (every minimum, US dollars).
"""

from harness.apptest import assert_healthy, run

LINK = {"sites": "3", "users": "60", "mbps": "50", "horizon_months": "24",
        "currency": "CNY", "fx_rate": "7.2", "trials": "2000"}


def test_another_page_clicked_before_the_form_was_drawn_keeps_the_scenario():
    at = run(LINK)
    at.text_input(key="mbps").input("40").run()  # one change, then two more runs
    at.run()
    # The browser had not drawn the sidebar yet: its widgets are not reported with the
    # page change, and Streamlit drops their state (AppTest reports what its tree holds).
    sidebar = next(i for i, block in at._tree.children.items() if block.type == "sidebar")
    del at._tree.children[sidebar]
    at.switch_page("pages/risk.py").run()
    assert_healthy(at)
    query = dict(at.query_params.items())
    assert {k: query[k] for k in LINK} == {**LINK, "mbps": "40"}
    assert at.text_input(key="users").value == "60"
    assert at.text_input(key="sites").value == "3"
    assert at.selectbox(key="currency").value == "CNY"
    # And a value changed afterwards changes only itself.
    at.text_input(key="users").input("61").run()
    query = dict(at.query_params.items())
    assert query["users"] == "61" and query["sites"] == "3" and query["currency"] == "CNY"
    assert query["mbps"] == "40"


def test_a_new_currency_starts_from_its_reference_rate_and_reset_keeps_the_table_edits():
    at = run({"users": "70", "approved_vpn.setup_usd": "900", "trials": "2000"})
    at.selectbox(key="currency").set_value("EUR").run()
    assert_healthy(at)
    query = dict(at.query_params.items())
    assert query["currency"] == "EUR" and float(query["fx_rate"]) not in (1.0, 7.2)
    assert query["users"] == "70"
    next(b for b in at.button if b.label == "Reset to defaults").click().run()
    query = dict(at.query_params.items())
    assert query["users"] == "25" and query["currency"] == "USD"
    assert query["approved_vpn.setup_usd"] == "900"


def _sidebar_says(at) -> list[str]:
    return [e.value for e in at.sidebar.error] + [c.value for c in at.sidebar.caption]


def test_typed_numbers_are_read_as_written_or_refused_and_nothing_is_lost():
    at = run({"users": "60", "hours_month": "160", "trials": "2000"})
    at.text_input(key="hours_month").input("150,5").run()  # only a decimal comma reads it
    assert dict(at.query_params.items())["hours_month"] == "150.5"
    # Two conventions read 7.800 differently, both in range; the test browser names no locale.
    at.text_input(key="mbps").input("7.800").run()
    assert_healthy(at)
    assert dict(at.query_params.items())["mbps"] == "10"
    assert at.text_input(key="mbps").value == "7.800"  # kept for the manager to correct
    said = " ".join(_sidebar_says(at))
    assert "7.800 could be 7.8 or 7,800. Type 7.8 or 7800" in said.replace("\\", "")
    at.text_input(key="mbps").input("7800").run()
    assert dict(at.query_params.items())["mbps"] == "7800"
    assert not at.sidebar.error
    # Staff are whole people: 1.500 can only be 1500, and the sidebar says how it was read.
    at.text_input(key="users").input("1.500").run()
    assert dict(at.query_params.items())["users"] == "1500"
    assert any("Read '1.500' as 1500: 1.5 is not a whole number" in t.replace("\\", "")
               for t in _sidebar_says(at))
    # Emptied: the value stays, and the sidebar says so.
    at.text_input(key="users").input("").run()
    assert dict(at.query_params.items())["users"] == "1500"
    assert at.text_input(key="users").value == "1500"
    assert any("empty, so it keeps 1500" in t.replace("\\", "") for t in _sidebar_says(at))
    # Out of range: refused, naming the range.
    at.text_input(key="sites").input("-3").run()
    assert dict(at.query_params.items())["sites"] == "1"
    assert any("from 1 to 500" in t for t in _sidebar_says(at))


def test_the_staff_hour_out_of_range_names_the_range_in_the_currency():
    at = run({"currency": "CNY", "fx_rate": "7.1", "trials": "2000"})
    at.text_input(key="hourly_in_currency").input("¥80000").run()
    assert_healthy(at)
    said = " ".join(_sidebar_says(at)).replace("\\", "")
    assert "¥0 to ¥71,000" in said
    at.text_input(key="hourly_in_currency").input("¥300").run()
    assert float(dict(at.query_params.items())["hourly_usd"]) == 300 / 7.1


def test_an_rmb_rate_with_three_decimals_is_read_as_a_rate_and_says_why():
    # 7.245 or 7245 yuan per US dollar: only one is near the reference rate (7.1).
    at = run({"currency": "CNY", "fx_rate": "7.1", "trials": "2000"})
    at.text_input(key="fx_rate").input("7.245").run()
    assert_healthy(at)
    assert dict(at.query_params.items())["fx_rate"] == "7.245"
    said = " ".join(_sidebar_says(at)).replace("\\", "")
    assert "Read '7.245' as 7.245: 7245 is far from the reference rate (7.1)" in said
    # Typed so that nothing can misread it, a rate far from the reference is the manager's.
    at.text_input(key="fx_rate").input("7245").run()
    assert dict(at.query_params.items())["fx_rate"] == "7245"
