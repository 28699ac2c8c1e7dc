"""The memo of five routes (four quotes in yuan and doing nothing): readable, and its long
link still printed as a code a phone reads (at error correction L when M is too dense)."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
import segno

from connectivity import compare, parse_query, read_default
from connectivity.export.memo import build, qr
from connectivity.views.format import money
from harness.memo import read_qr, squeezed, text_of

RATE = 7.1
QUOTES = (
    "currency=CNY&fx_rate=7.1&sites=2&users=40&mbps=50"
    "&approved_vpn.name=China Unicom SD-WAN&approved_vpn.monthly_usd={a}"
    "&approved_vpn.per_mbps_usd=0&approved_vpn.setup_usd={b}"
    "&leased_circuit.name=Shenzhen-Hong Kong IPLC&leased_circuit.monthly_usd={c}"
    "&leased_circuit.per_mbps_usd={d}&leased_circuit.setup_usd={e}"
    "&leased_circuit.min_term_months=24"
    "&cn2.copy_of=approved_vpn&cn2.name=China Telecom CN2 SD-WAN&cn2.monthly_usd={f}"
    "&cn2.per_mbps_usd={g}&cn2.included_mbps=30&cn2.setup_usd={h}"
    "&mobile.copy_of=approved_vpn&mobile.name=China Mobile VPN&mobile.monthly_usd={i}"
    "&mobile.per_mbps_usd=0&mobile.lead_time_weeks=6"
    "&routes=approved_vpn,cn2,mobile,leased_circuit,do_nothing"
).format(**{k: repr(v / RATE) for k, v in dict(
    a=7800, b=12000, c=14500, d=160, e=20000, f=6200, g=90, h=8000, i=7000).items()})
NAMES = ("China Unicom SD-WAN", "China Telecom CN2 SD-WAN", "China Mobile VPN",
         "Shenzhen-Hong Kong IPLC", "Do nothing")
BASE = "https://calculator.example/"


@pytest.fixture(scope="module")
def five():
    table = read_default()
    scenario, notices = parse_query(QUOTES, table)
    assert notices == []
    result = compare(table, scenario)
    link = f"{BASE}?{scenario.query()}"
    return result, link, build(result, link, day=date(2026, 3, 31))


# More of the manager's figures: the link outgrows a code at M within the densest version.
MORE = (f"&mobile.setup_usd={9000 / RATE!r}&mobile.min_term_months=24&cn2.min_term_months=24"
        "&cn2.lead_time_weeks=10&leased_circuit.lead_time_weeks=12")


def test_a_link_too_long_for_m_gets_a_code_at_l() -> None:
    table = read_default()
    scenario, notices = parse_query(QUOTES + MORE, table)
    assert notices == []
    link = f"{BASE}?{scenario.query()}"
    assert 1000 < len(link) < 1500
    with pytest.raises(segno.DataOverflowError):
        segno.make(link, error="m", micro=False, boost_error=False, version=qr.MAX_VERSION)
    code = qr.qr_code(link)
    assert code is not None and code.error == "L" and code.version <= qr.MAX_VERSION
    assert qr.qr_code(BASE).error == "M"  # a short link keeps the sturdier code
    memo = build(compare(table, scenario), link, day=date(2026, 3, 31))
    assert memo.qr_box is not None
    if shutil.which("zbarimg"):
        assert read_qr(memo, "memo_long_link") == link


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbar-tools not installed")
def test_the_five_routes_code_reads_back_as_the_link(five) -> None:
    _, link, memo = five
    assert len(link) < 1500  # four quotes and doing nothing: 982 characters as a full link
    assert read_qr(memo, "memo_five_routes") == link


def test_every_route_is_named_in_yuan(five) -> None:
    result, _, memo = five
    flat = squeezed(text_of(memo.pdf))
    for name in NAMES:
        assert squeezed(name) in flat
    for value in result.comparison["expected_total_usd"]:
        assert squeezed(money(value, result.scenario)) in flat
    assert money(1, result.scenario).startswith("¥")
