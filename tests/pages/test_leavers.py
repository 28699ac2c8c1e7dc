"""Estimate losses: a route's attrition from last year's leavers, through AppTest."""

from __future__ import annotations

import pytest

from connectivity.inputs.leavers import attrition
from harness.apptest import assert_healthy, run, unescape

KEYS = ("leavers_headcount", "leavers_left", "leavers_named")


def _route(at):
    return next(b for b in at.selectbox if "observations" in b.label)


def _type(at, headcount: str, left: str, named: str):
    for key, text in zip(KEYS, (headcount, left, named)):
        at.text_input(key=key).input(text)
    return at.run()


def _buttons(at):
    return [b for b in at.button if b.key == "use_attrition"]


def test_applying_sets_exactly_that_routes_attrition_and_the_link():
    at = run({"trials": "2000", "status_quo": "approved_vpn"}, "estimate")
    assert _route(at).value == "approved_vpn"  # starts on the route in use today
    _route(at).set_value("leased_circuit").run()
    before = dict(at.query_params.items())
    _type(at, "40", "6", "2")
    assert_healthy(at)
    expected = attrition(40, 6, 2)
    # The arithmetic is shown: 2 of 6 named it, 2 ÷ 40 = 5% of the staff a year.
    assert any("2 of 6 who left" in unescape(m.value) and "2 ÷ 40 people = 5%"
               in unescape(m.value) for m in at.markdown)
    [button] = _buttons(at)
    low, high = expected.cells["attrition_pct_low"], expected.cells["attrition_pct_high"]
    assert button.label == f"Use {low:g}% to {high:g}% a year for Leased private circuit"
    button.click().run()
    assert_healthy(at)
    after = dict(at.query_params.items())
    changed = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    assert changed == {"leased_circuit.attrition_pct_low", "leased_circuit.attrition_pct_high"}
    assert float(after["leased_circuit.attrition_pct_low"]) == low
    assert float(after["leased_circuit.attrition_pct_high"]) == high
    assert _route(at).value == "leased_circuit"
    assert any("Now in use for Leased private circuit" in unescape(i.value) for i in at.info)
    # The scenario in use took it too: the caption now states the applied range.
    assert any(f"Now: {low:g}% to {high:g}% of the staff" in unescape(c.value)
               for c in at.caption)


def test_nobody_naming_the_internet_sets_zero_to_zero_for_that_route():
    at = run({"trials": "2000"}, "estimate")
    assert _route(at).value == "do_nothing"
    _type(at, "25", "3", "0")
    [button] = _buttons(at)
    assert button.label == "Use 0% to 0% a year for Do nothing"
    button.click().run()
    q = dict(at.query_params.items())
    assert q["do_nothing.attrition_pct_low"] == "0" and q["do_nothing.attrition_pct_high"] == "0"


@pytest.mark.parametrize(("typed", "says"), [
    (("30", "31", "1"), "31 people left but the headcount is 30"),
    (("30", "4", "5"), "5 named the internet or tools but only 4 left"),
    (("30", "4", ""), "Of them, named the internet or tools is empty"),
    (("", "4", "1"), "People in the office (headcount) is empty"),
    (("30", "2.5", "1"), "People who left last year"),
    (("0", "0", "0"), "People in the office (headcount): 0 is outside"),
], ids=["more-left-than-staff", "more-named-than-left", "named-empty", "headcount-empty",
        "a-fraction-of-a-person", "no-staff"])
def test_bad_leavers_input_is_refused_with_a_reason_and_changes_nothing(typed, says):
    at = run({"trials": "2000"}, "estimate")
    before = dict(at.query_params.items())
    _type(at, *typed)
    assert_healthy(at)
    assert any(says in unescape(e.value) for e in at.error), [e.value for e in at.error]
    assert not _buttons(at)
    assert dict(at.query_params.items()) == before
    assert not at.info  # nothing was applied


def test_the_section_starts_with_the_headcount_and_asks_for_the_rest():
    at = run({"trials": "2000", "users": "40"}, "estimate")
    assert at.text_input(key="leavers_headcount").value == "40"
    assert any("to see the arithmetic" in c.value for c in at.caption)
    assert not _buttons(at) and not at.error
