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
    at.number_input(key="mbps").set_value(40).run()  # one change, then two more runs
    at.run()
    # The browser had not drawn the sidebar yet: its widgets are not reported with the
    # page change, and Streamlit drops their state (AppTest reports what its tree holds).
    sidebar = next(i for i, block in at._tree.children.items() if block.type == "sidebar")
    del at._tree.children[sidebar]
    at.switch_page("pages/risk.py").run()
    assert_healthy(at)
    query = dict(at.query_params.items())
    assert {k: query[k] for k in LINK} == {**LINK, "mbps": "40"}
    assert at.number_input(key="users").value == 60
    assert at.number_input(key="sites").value == 3
    assert at.selectbox(key="currency").value == "CNY"
    # And a value changed afterwards changes only itself.
    at.number_input(key="users").set_value(61).run()
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
