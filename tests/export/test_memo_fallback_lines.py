"""A wrapped line that follows a line opened in the CJK face draws in its own face.

fpdf2 2.8.9 recorded the text face as set for the page when only the first line's
text object had it; the memo's bold headline with Chinese route names then printed
"t600rt86," where "runner-up," belongs (Document.multi_cell works around it).
"""

from __future__ import annotations

from datetime import date

import pytest

from connectivity import compare, parse_query, read_default
from connectivity.export.memo import build
from connectivity.views.compare import caveat, headline
from harness.memo import squeezed, text_of

NAMES = {"approved_vpn": "获批跨境专用VPN", "leased_circuit": "国际专线（IPLC）"}


@pytest.mark.parametrize("query", ["currency=CNY", "currency=EUR&users=300", "sites=4"])
def test_every_sentence_of_page_one_reads_back_with_chinese_names(query: str) -> None:
    table = read_default()
    table["name"] = [NAMES.get(oid, name) for oid, name in zip(table["option_id"],
                                                                 table["name"])]
    scenario, _ = parse_query(query, table)
    result = compare(table, scenario)
    text = squeezed(text_of(build(result, "https://calculator.example/?" + scenario.query(),
                                  day=date(2026, 3, 31)).pdf))
    assert squeezed(headline(result)) in text
    assert squeezed(caveat(result) or "") in text
