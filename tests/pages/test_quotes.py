"""The quote form and the loss-estimate page through AppTest."""

from __future__ import annotations

from connectivity import read_default
from connectivity.inputs.quotes import INCLUDED
from harness.apptest import assert_healthy, run, unescape


def _field(at, option_id: str, column: str):
    return next(w for w in at.text_input if w.key.startswith(f"quote-{option_id}-{column}-"))


def _radio(at, option_id: str):
    return next(w for w in at.radio if w.key.startswith(f"quote-{option_id}-bandwidth-"))


def _save(at, option_id: str):
    return next(b for b in at.button if b.key and b.key.startswith("FormSubmitter:quote-"
                                                                    + option_id))


def _reopen(at, page: str):
    """A fresh session on the link the first one holds now."""
    return run(dict(at.query_params.items()), page)


def test_an_all_in_quote_in_yuan_lands_in_the_link_and_reopens_as_typed():
    at = run({"currency": "CNY"}, "quotes")
    _field(at, "approved_vpn", "monthly_usd").input("4999.99")
    _field(at, "approved_vpn", "setup_usd").input("¥12345.67")
    _radio(at, "approved_vpn").set_value(INCLUDED)
    _save(at, "approved_vpn").click().run()
    assert_healthy(at)
    q = dict(at.query_params.items())
    assert float(q["approved_vpn.monthly_usd"]) == 4999.99 / 7.1
    assert float(q["approved_vpn.setup_usd"]) == 12345.67 / 7.1
    assert q["approved_vpn.per_mbps_usd"] == "0"
    again = _reopen(at, "quotes")
    assert _field(again, "approved_vpn", "monthly_usd").value == "4999.99"
    assert _field(again, "approved_vpn", "setup_usd").value == "12345.67"
    assert _radio(again, "approved_vpn").value == INCLUDED
    # Fields left alone stay empty, the table's value greyed in them.
    default = read_default().set_index("option_id")
    alone = _field(again, "leased_circuit", "monthly_usd")
    assert alone.value == ""
    assert float(alone.placeholder) == round(default.at["leased_circuit", "monthly_usd"] * 7.1, 2)


def test_a_new_monthly_charge_without_a_bandwidth_answer_is_refused_and_kept():
    at = run({}, "quotes")
    _field(at, "approved_vpn", "monthly_usd").input("700")
    _save(at, "approved_vpn").click().run()
    assert_healthy(at)
    assert "approved_vpn.monthly_usd" not in dict(at.query_params.items())
    assert any("bandwidth" in unescape(e.value) for e in at.error)
    assert _field(at, "approved_vpn", "monthly_usd").value == "700"  # what was typed stays


def test_a_negative_or_doubtful_quote_is_refused_and_nothing_is_saved():
    at = run({"currency": "CNY"}, "quotes")
    _field(at, "approved_vpn", "setup_usd").input("-7800")
    _field(at, "approved_vpn", "monthly_usd").input("7.800")
    _radio(at, "approved_vpn").set_value(INCLUDED)
    _save(at, "approved_vpn").click().run()
    assert_healthy(at)
    assert not [k for k in dict(at.query_params.items()) if k.startswith("approved_vpn.")]
    said = [unescape(e.value) for e in at.error]
    assert any("-7800 is outside" in t and "¥0 to ¥" in t for t in said), said
    assert any("7.800 could be 7.8 or 7,800. Type 7.8 or 7800" in t for t in said), said
    assert not at.success
    assert _field(at, "approved_vpn", "setup_usd").value == "-7800"  # kept to correct


def test_saving_an_unchanged_quote_says_nothing_changed():
    at = run({}, "quotes")
    _radio(at, "do_nothing").set_value(INCLUDED)
    _save(at, "do_nothing").click().run()
    assert_healthy(at)
    assert not at.success
    assert any("Nothing changed for Do nothing" in unescape(i.value) for i in at.info)
    assert not [k for k in dict(at.query_params.items()) if "." in k]


def test_saving_with_nothing_typed_says_nothing_changed():
    at = run({}, "quotes")
    assert all(w.value == "" and w.placeholder for w in at.text_input
               if w.key.startswith("quote-"))
    _save(at, "leased_circuit").click().run()
    assert_healthy(at)
    assert not at.success and not at.error
    said = [unescape(i.value) for i in at.info]
    assert any("Nothing changed for Leased private circuit: no field was typed" in t
               for t in said), said
    assert not [k for k in dict(at.query_params.items()) if "." in k]


def test_a_typed_figure_equal_to_the_tables_becomes_the_managers():
    at = run({}, "quotes")
    term = _field(at, "leased_circuit", "min_term_months")
    assert term.value == "" and term.placeholder == "12"
    assert any("the app's estimate" in unescape(c.value) for c in at.caption)
    term.input("12")
    _save(at, "leased_circuit").click().run()
    assert_healthy(at)
    assert dict(at.query_params.items())["leased_circuit.min_term_months"] == "12"
    assert any("1 figure changed" in unescape(s.value) for s in at.success)
    again = _reopen(at, "quotes")
    kept = _field(again, "leased_circuit", "min_term_months")
    assert kept.value == "12"  # now the manager's figure stands in the field
    form = [unescape(c.value) for c in again.caption]
    assert "your figure" in form
    # Saved again unchanged: nothing changed, the link stays as it was.
    before = dict(again.query_params.items())
    _save(again, "leased_circuit").click().run()
    assert dict(again.query_params.items()) == before
    assert any("Nothing changed" in unescape(i.value) for i in again.info)


def test_a_quote_in_wan_and_yuan_is_read_as_written():
    at = run({"currency": "CNY"}, "quotes")
    _field(at, "approved_vpn", "setup_usd").input("1.2万元")
    _save(at, "approved_vpn").click().run()
    assert float(dict(at.query_params.items())["approved_vpn.setup_usd"]) == 12000 / 7.1


def test_a_quote_changes_the_whose_numbers_line_on_compare():
    at = run({}, "quotes")
    _field(at, "leased_circuit", "lead_time_weeks").input("4")
    _save(at, "leased_circuit").click().run()
    compare = _reopen(at, "compare")
    line = unescape(compare.info[0].value)
    assert line.startswith("Your figures: your quotes for Leased private circuit")


def _route(at):
    return next(b for b in at.selectbox if "observations" in b.label)


def test_the_estimate_helper_writes_the_lost_share_into_the_link():
    at = run({"dependency_pct": "30", "status_quo": "approved_vpn"}, "estimate")
    assert_healthy(at)
    assert _route(at).value == "approved_vpn"  # the route in use today
    at.text_input(key="estimate_good_day").input("18")
    at.text_input(key="estimate_bad_day").input("45")
    at.run()
    # 8 h × 60 × 30% = 144 minutes: 18/144 = 12.5%, 45/144 = 31.25%.
    assert any("18 ÷ 144 = 12.5%" in unescape(m.value) for m in at.markdown)
    button = next(b for b in at.button if b.key == "use_share")
    assert button.label.endswith(" for Approved VPN")
    button.click().run()
    assert_healthy(at)
    q = dict(at.query_params.items())
    assert q["approved_vpn.productivity_loss_pct_low"] == "12.5"
    assert q["approved_vpn.productivity_loss_pct_high"] == "31.25"
    # Applying changed what the answer depends on most; the route stays the manager's.
    assert _route(at).value == "approved_vpn"


def test_the_estimate_page_starts_on_the_route_in_use_and_keeps_the_one_chosen():
    at = run({"trials": "2000"}, "estimate")
    assert _route(at).value == "do_nothing"
    _route(at).set_value("leased_circuit").run()
    next(r for r in at.radio if r.key == "estimate_how").set_value("A quick staff poll").run()
    poll_box = next(t for t in at.text_input if "each person" in t.label)
    poll_box.input(" ".join(["30"] * 25 + ["10"] * 35)).run()
    assert_healthy(at)
    assert any("60 answers: on average 18.33" in unescape(m.value) for m in at.markdown)
    button = next(b for b in at.button if b.key == "use_share")
    assert "Leased private circuit" in button.label
    button.click().run()
    assert _route(at).value == "leased_circuit"
    assert "leased_circuit.productivity_loss_pct_low" in dict(at.query_params.items())


def test_a_refused_estimate_field_says_why_and_offers_no_button():
    at = run({"trials": "2000"}, "estimate")
    at.text_input(key="estimate_bad_day").input("1.200").run()  # 1.2 or 1200 minutes
    assert_healthy(at)
    assert any("1.200 could be 1.2 or 1,200." in unescape(e.value) for e in at.error)
    assert not [b for b in at.button if b.key == "use_share"]


def test_the_staff_hour_is_typed_in_the_currency_and_reopens_as_typed():
    at = run({"currency": "CNY", "hourly_usd": "40"}, "compare")
    hour = at.text_input(key="hourly_in_currency")
    assert hour.label == "Loaded cost of one staff hour (CNY)" and hour.value == "284"
    hour.input("284.99").run()
    assert_healthy(at)
    assert float(dict(at.query_params.items())["hourly_usd"]) == 284.99 / 7.1
    again = _reopen(at, "compare")
    assert again.text_input(key="hourly_in_currency").value == "284.99"
    # Another run (any change) keeps the hour: its dollar field is not drawn meanwhile.
    again.text_input(key="users").input("30").run()
    assert float(dict(again.query_params.items())["hourly_usd"]) == 284.99 / 7.1


def test_every_quote_form_says_typing_is_not_saved_until_save():
    at = run({}, "quotes")
    notes = [unescape(c.value) for c in at.caption if "Not saved yet" in unescape(c.value)]
    saves = [b for b in at.button if b.key and b.key.startswith("FormSubmitter:quote-")]
    assert len(notes) == len(saves) >= 3
    # A refused entry is not dropped: it stays in its field, the caption still true.
    _field(at, "leased_circuit", "setup_usd").input("12,34,5")
    _save(at, "leased_circuit").click().run()
    assert at.error and not at.success
    assert _field(at, "leased_circuit", "setup_usd").value == "12,34,5"
