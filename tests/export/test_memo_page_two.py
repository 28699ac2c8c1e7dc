"""Memo page 2 reads as page 1 does: the memo's currency, words and units for every row,
numbers rounded as people write them, the exchange rate with its source and date."""

from __future__ import annotations

import re
from datetime import date

import pytest
from pypdf import PdfReader

from connectivity import compare, parse_query, read_default, read_table
from connectivity.export.memo import build
from connectivity.schema.columns import COLUMNS
from connectivity.schema.currency import CURRENCY_BY_CODE
from connectivity.schema.params import PARAMS
from harness.memo import ROOT

DAY = date(2026, 3, 31)
# Cells a manager typed in euro come back as awkward US-dollar floats.
UGLY = ("currency=EUR&approved_vpn.setup_usd=2112.6760563380285"
        "&approved_vpn.monthly_usd=35.21126760563381"
        "&leased_circuit.productivity_loss_pct_low=3.333333"
        "&do_nothing.incident_cost_usd_high=123456.789")
# The names files and links use (with an underscore; "sites" or "name" are plain words).
CODES = sorted(n for n in {c.name for c in COLUMNS} | {p.name for p in PARAMS} if "_" in n)


def _page_two(query: str, table=None) -> tuple[str, str]:
    table = read_default() if table is None else table
    scenario, notices = parse_query(query, table)
    assert not [n for n in notices if n.strict]
    result = compare(table, scenario)
    pdf = build(result, f"https://calculator.example/?{scenario.query()}", day=DAY).pdf
    pages = [p.extract_text() or "" for p in PdfReader(__import__("io").BytesIO(pdf)).pages]
    return pages[0].replace("\x00", ""), pages[1].replace("\x00", "")


def _long_decimals(text: str) -> list[str]:
    # Thousands separators (1,817) are not decimals: only a point followed by 3+ digits.
    return re.findall(r"\d\.\d{3,}", text)


@pytest.mark.parametrize("query", [UGLY, "currency=CNY", ""])
def test_page_two_has_no_column_codes_and_no_long_decimals(query):
    _, two = _page_two(query)
    table_part = two.split("Sources and notes")[0]
    assert not [c for c in CODES if c in table_part], table_part
    assert not _long_decimals(table_part), table_part


def test_six_routes_page_two_is_plain_too():
    table = read_table((ROOT / "data" / "options_extended.csv").read_bytes())
    _, two = _page_two("currency=HKD", table)
    table_part = two.split("Sources and notes")[0]
    assert not [c for c in CODES if c in table_part]
    assert not _long_decimals(table_part)
    assert "(HKD)" in table_part and "(USD)" not in table_part.replace(
        "(USD, as in the CSV)", "")


def test_amounts_are_in_the_memos_currency_with_the_rate_source_and_date():
    one, two = _page_two(UGLY)
    flat_one, flat_two = " ".join(one.split()), " ".join(two.split())
    eur = CURRENCY_BY_CODE["EUR"]
    assert "€34.40 an hour" in flat_one  # 40 USD at 0.86, cents kept
    for flat in (flat_one, flat_two):
        assert "0.86 per US dollar" in flat and "28 November 2025" in flat
        assert eur.rate_source in flat
    assert "Setup per office (EUR)" in flat_two
    assert "1,817 *" in flat_two  # 2112.68 USD at 0.86
    assert "Approved VPN: Setup per office = €1,817" in flat_two
    assert "Lost share of work, low end = 3.33%" in flat_two


def test_a_rate_of_ones_own_is_named_as_such():
    one, _ = _page_two("currency=CNY&fx_rate=7.25")
    assert "7.25 per US dollar, the rate you set" in " ".join(one.split())
