"""The Decide page through AppTest: default and edge scenarios, and what it says."""

from connectivity import Scenario, read_default
from connectivity.inputs.tablelink import encode_table
from connectivity.model.information import value_of_information
from connectivity.views.decide import decide_summary, worth_learning
from connectivity.views.format import money
from connectivity.views.labels import route_labels
from harness.apptest import run, unescape
from harness.server import ROOT
from harness.tables import make_table, route

STEMS = ("productivity_loss_pct", "outages_per_year", "outage_hours", "incidents_per_year",
         "attrition_pct",
         "incident_cost_usd")


def sentence(at) -> str:
    return unescape(at.markdown[0].value)


def test_default_scenario_shows_metrics_chart_sentence_and_regrets():
    at = run({"trials": "2000"}, "decide")
    assert at.title[0].value == "Decide"
    s = Scenario(trials=2000)
    info = value_of_information(read_default(), s)
    assert sentence(at) == decide_summary(info, route_labels(read_default()), s)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Perfect information is worth (EVPI)"] == money(info.evpi, s)
    regrets = at.table[0].value
    assert list(regrets["Route"]) == ["Approved VPN", "Leased private circuit", "Do nothing"]
    assert list(regrets["Chosen now"]) == ["", "yes", ""]
    # st.table reads cells as Markdown, so each is escaped ("\\$107,962" shows "$107,962").
    assert [unescape(v) for v in regrets["Expected regret"]] == [money(r, s)
                                                                  for r in info.regrets]


def test_a_close_call_in_another_currency():
    at = run({"trials": "2000", "users": "5", "currency": "CNY", "fx_rate": "7"}, "decide")
    text = sentence(at)
    assert text.startswith("Deciding now, you expect to overpay by ¥")
    assert "worth running if it costs less than that" in text and "$" not in text
    assert at.metric[0].value.startswith("¥")
    assert len(at.get("vega_lite_chart")) == 1


def test_one_route_table_says_there_is_nothing_to_choose():
    one = make_table(route("do_nothing", name="Carry on", productivity_loss_pct=(5, 50)))
    at = run({"table": encode_table(one), "trials": "1000"}, "decide")
    assert "there is nothing to choose between" in sentence(at)
    assert at.metric[0].value == "$0"
    assert not at.get("vega_lite_chart")


def test_all_ranges_fixed_gives_evpi_zero_and_says_so():
    # Every range fixed and no events: each future costs the same, nothing to learn.
    fixed = make_table(route("do_nothing", per_user_usd=15, productivity_loss_pct=(20, 20)),
                       route("vpn", name="Licensed VPN", monthly_usd=900,
                             productivity_loss_pct=(5, 5)))
    at = run({"table": encode_table(fixed), "trials": "1000"}, "decide")
    assert at.metric[0].value == "$0"
    assert sentence(at) == ("Licensed VPN is the cheapest in every simulated future, so even "
                            "perfect information would save nothing (EVPI $0): no input is "
                            "worth measuring before you decide.")
    captions = [unescape(c.value) for c in at.caption]
    assert "Every range in the table is fixed: there is no uncertain input to learn." in captions
    assert not at.get("vega_lite_chart")


def test_default_table_with_every_range_fixed_has_nothing_to_learn():
    # Fixed at their highs: event counts still vary, so only luck remains.
    table = read_default().set_index("option_id")
    query = {f"{oid}.{stem}_low": str(table.loc[oid, f"{stem}_high"])
             for oid in table.index for stem in STEMS}
    at = run({**query, "trials": "1000"}, "decide")
    captions = " ".join(unescape(c.value) for c in at.caption)
    assert "Every range in the table is fixed: there is no uncertain input to learn." in captions
    assert not at.get("vega_lite_chart")
    assert sentence(at).startswith(("The choice is robust", "Leased private circuit is the "
                                    "cheapest in every simulated future"))


def test_nothing_worth_learning_shows_no_empty_chart():
    at = run({"trials": "2000"}, "decide")  # the default choice is robust
    s = Scenario(trials=2000)
    info = value_of_information(read_default(), s)
    assert info.evpi > 0 and not worth_learning(info)
    assert not at.get("vega_lite_chart")
    assert ("Learning any one of the 18 uncertain inputs on its own is worth next to nothing."
            in [unescape(c.value) for c in at.caption])


def test_decide_sits_after_risk_in_the_navigation():
    source = (ROOT / "app.py").read_text()
    assert source.index('"pages/risk.py"') < source.index('"pages/decide.py"') < source.index(
        '"pages/sensitivity.py"')
