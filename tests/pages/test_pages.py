"""Risk, Sensitivity, Assumptions and Methodology pages through AppTest."""

import pytest

from connectivity import Scenario, read_default
from connectivity.inputs.tablelink import encode_table
from connectivity.views.risk import exceedance_summary
from harness.apptest import assert_healthy, new_app, run, unescape
from harness.server import ROOT
from pages._ui import FAILURE_TEXT

EDGES = [
    {},
    {"users": "100000", "sites": "500", "trials": "1000"},
    {"users": "1", "horizon_months": "1", "dependency_pct": "0", "trials": "1000"},
    {"status_quo": "leased_circuit", "correlation": "0", "trials": "1000"},
]


@pytest.mark.parametrize("page", ["risk", "decide", "sensitivity", "assumptions", "methodology"])
@pytest.mark.parametrize("query", EDGES)
def test_every_page_runs_for_default_and_edge_scenarios(page, query):
    at = run(query, page)
    assert at.title[0].value.lower() == page
    # The scenario form is drawn by the entrypoint on every page.
    assert len(at.sidebar.text_input) == 13


def test_risk_page_has_its_four_charts_and_the_appetite_sentence():
    at = run({"trials": "2000"}, "risk")
    assert len(at.get("vega_lite_chart")) == 4
    slider = at.slider[0]
    captions = [unescape(c.value) for c in at.caption]
    assert any(c.startswith("Chance the total exceeds") for c in captions)
    slider.set_value(slider.max).run()
    assert_healthy(at)
    assert any(unescape(c.value).startswith("Chance the total exceeds") for c in at.caption)


def test_risk_sentence_matches_the_core_at_the_slider_value():
    from connectivity import compare

    at = run({"trials": "2000"}, "risk")
    value = at.slider[0].value
    expected = exceedance_summary(compare(read_default(), Scenario(trials=2000)), value)
    assert expected in [unescape(c.value) for c in at.caption]


def test_sensitivity_page_has_tornado_and_two_break_even_charts():
    at = run({}, "sensitivity")
    assert len(at.get("vega_lite_chart")) == 3
    text = " ".join(unescape(c.value) for c in at.caption)
    assert "beats" in text and "Break-even" in text


def _edits_table(at):
    return next(d.value for d in at.table if "Your value" in d.value.columns)


def test_an_edit_in_the_link_is_applied_and_listed():
    at = run({"approved_vpn.monthly_usd": "900"}, "assumptions")
    edits = _edits_table(at)
    assert list(edits["In the link as"]) == ["approved_vpn.monthly_usd"]
    assert list(edits["Figure"]) == ["Monthly charge per office (USD)"]
    assert list(edits["Your value"]) == ["900"]
    editor = next(d.value for d in at.dataframe if "option_id" in d.value.columns)
    # Number cells are text, written as the browser writes numbers (pages._grid).
    assert editor.loc[editor["option_id"] == "Approved VPN", "monthly_usd"].item() == "900"


def test_a_bad_edit_in_the_link_is_refused_and_the_table_value_kept():
    at = run({"approved_vpn.productivity_loss_pct_low": "90"}, "assumptions")
    notice = unescape(at.warning[0].value)
    assert "approved_vpn.productivity_loss_pct_low" in notice and "kept" in notice
    editor = next(d.value for d in at.dataframe if "option_id" in d.value.columns)
    default = read_default()
    assert [float(v) for v in editor["productivity_loss_pct_low"]] == \
        default["productivity_loss_pct_low"].tolist()
    assert "approved_vpn.productivity_loss_pct_low" not in at.query_params


def test_an_uploaded_table_in_the_link_is_in_use_on_every_page():
    from connectivity.inputs.table import read_table

    table = read_table((ROOT / "data" / "options_extended.csv").read_bytes())
    code = encode_table(table)
    at = run({"table": code}, "assumptions")
    caption = unescape(" ".join(c.value for c in at.caption))
    assert "your uploaded table, 6 routes" in caption
    at = run({"table": code})
    assert len(at.selectbox(key="status_quo").options) == 6


@pytest.mark.parametrize("page", ["compare", "quotes", "estimate", "risk", "decide",
                                  "sensitivity", "assumptions", "methodology"])
def test_six_routes_draw_every_page(page):
    # The users sweep of six routes once had more rows than a chart may carry, and the
    # Sensitivity page showed its failure box.
    from connectivity.inputs.table import read_table

    table = read_table((ROOT / "data" / "options_extended.csv").read_bytes())
    run({"table": encode_table(table), "trials": "2000"}, page)  # asserts no failure box


def test_a_damaged_table_in_the_link_falls_back_with_a_notice():
    at = run({"table": "z1.not-a-table"}, "assumptions")
    assert "table" in unescape(at.warning[0].value)
    caption = unescape(" ".join(c.value for c in at.caption))
    assert "the default table" in caption


def test_a_page_that_fails_shows_a_sentence_and_still_draws_the_form(monkeypatch, caplog):
    import connectivity.views.compare as views

    def broken(result):
        raise RuntimeError("a view broken on purpose")

    monkeypatch.setattr(views, "headline", broken)
    at = new_app()
    at.query_params["users"] = "4321"  # a scenario no other test drew: nothing to replay
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [FAILURE_TEXT]
    # The form comes after the page, and still comes: the manager can change a value.
    assert at.text_input(key="users").value == "4321"
    assert "a page failed" in caplog.text and "a view broken on purpose" in caplog.text
