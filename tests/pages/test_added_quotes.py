"""Another quote for a kind of route, its removal and the routes compared, through AppTest."""

from __future__ import annotations

from connectivity import compare, parse_query, read_default
from connectivity.inputs.quoted import add_route, fit_routes, fresh_id
from connectivity.inputs.tablelink import encode_table
from harness.apptest import assert_healthy, run


def _button(at, key_start: str):
    return next(b for b in at.button if b.key and b.key.startswith(key_start))


def _add(at, kind: str, name: str):
    at.selectbox(key="add-quote-kind").set_value(kind)
    at.text_input(key="add-quote-name").input(name)
    _button(at, "FormSubmitter:add-quote").click().run()
    assert_healthy(at)
    return at


def test_an_added_quote_reaches_the_link_every_page_and_can_be_removed():
    at = _add(run({"currency": "CNY"}, "quotes"), "approved_vpn", "China Telecom CN2")
    q = dict(at.query_params.items())
    assert q["china_telecom_cn2.copy_of"] == "approved_vpn"
    assert q["china_telecom_cn2.name"] == "China Telecom CN2"
    assert any(w.key.startswith("quote-china_telecom_cn2-monthly_usd-")
               for w in [*at.number_input, *at.text_input])
    assert "Added China Telecom CN2" in " ".join(s.value for s in at.success)
    # The comparison of the link: four routes, the copy priced like the route it copies.
    s, notices = parse_query(list(q.items()), read_default())
    assert notices == []
    assert list(compare(read_default(), s).comparison["option_id"]) == [
        "approved_vpn", "leased_circuit", "do_nothing", "china_telecom_cn2"]
    for page in ("compare", "risk", "decide", "sensitivity", "assumptions"):
        other = run(q, page)
        assert_healthy(other)
    _button(at, "remove-china_telecom_cn2").click().run()
    assert_healthy(at)
    assert not any(k.startswith("china_telecom_cn2.") for k in at.query_params)


def test_a_quote_needs_a_name():
    at = _add(run({}, "quotes"), "leased_circuit", "  ")
    assert "Name the new quote" in " ".join(e.value for e in at.error)
    assert not any(k.endswith(".copy_of") for k in at.query_params)


def test_choosing_the_routes_compared_keeps_the_route_in_use_today():
    at = run({"cn2.copy_of": "approved_vpn", "cn2.name": "CN2"}, "quotes")
    chooser = next(w for w in at.multiselect if w.key.startswith("routes-shown-"))
    chooser.set_value(["cn2", "approved_vpn"]).run()
    assert_healthy(at)
    assert at.query_params["routes"] == "cn2,approved_vpn,do_nothing"
    compared = run(dict(at.query_params.items()), "compare")
    assert_healthy(compared)


def test_fresh_ids_and_a_changed_table():
    assert fresh_id("China Telecom CN2", set()) == "china_telecom_cn2"
    assert fresh_id("中国电信", set()) == "quote"
    assert fresh_id("3 Mobile", {"quote_3_mobile"}) == "quote_3_mobile_2"
    table = read_default()
    s, _ = parse_query("", table)
    s, problem = add_route(s, table, "leased_circuit", "Shenzhen-Hong Kong IPLC")
    assert problem is None and s.added == (("shenzhen_hong_kong_iplc", "leased_circuit"),)
    # An upload without that route drops the copy instead of failing.
    smaller = table[table["option_id"] != "leased_circuit"].reset_index(drop=True)
    fitted = fit_routes(s.with_values(table=encode_table(smaller)), table)
    assert fitted.added == () and not [o for o in fitted.overrides if o[0].startswith("sh")]
