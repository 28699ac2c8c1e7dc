"""The model speaks numbers, the views words: a tornado's swings carry the swung input's
identity and numeric ends, and no view, page or export reads a number back out of one."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from connectivity import Scenario, read_default
from connectivity.model.sensitivity import Swing, tornado
from connectivity.schema.columns import COLUMN_BY_NAME, WORDS
from connectivity.schema.params import PARAM_BY_NAME
from connectivity.views.format import price
from connectivity.views.story import swing_words

ROOT = Path(__file__).resolve().parents[2]
NUMBERS = ("low", "high", "low_margin", "high_margin")


@pytest.mark.parametrize("s", [Scenario(), Scenario(users=40, sites=2, currency="CNY",
                                                     fx_rate=7.1, status_quo="approved_vpn")])
def test_every_swing_holds_numbers_and_the_inputs_identity(s):
    table = read_default()
    t = tornado(table, s)
    assert t.swings
    rows = {r["option_id"]: r for r in table.to_dict("records")}
    for w in t.swings:
        for name in NUMBERS:
            assert type(getattr(w, name)) is float, (w, name)
        assert w.low < w.high
        if w.option_id:  # a table cell (or a range's two cells) of one route
            assert w.route == rows[w.option_id]["name"]
            assert w.name in WORDS
            assert all(c in COLUMN_BY_NAME for c in w.columns)
            if len(w.columns) == 1:
                assert w.columns == (w.name,)
            else:
                assert w.columns == (f"{w.name}_low", f"{w.name}_high")
        else:  # a scenario parameter
            assert w.name in PARAM_BY_NAME and w.columns == (w.name,) and w.route == ""
            assert w.low == getattr(s.with_values(**{w.name: w.low}), w.name)


def test_views_write_the_ends_in_the_scenarios_currency():
    s = Scenario(currency="CNY", fx_rate=7.1)
    t = tornado(read_default(), s)
    w = next(w for w in t.swings if w.name == "monthly_usd")
    label, low, high = swing_words(w, s)
    assert label == f"{w.route}: monthly charge per office (CNY)"
    assert (low, high) == (price(w.low, s), price(w.high, s))
    assert low == f"¥{w.low * 7.1:,.0f}"
    share = next(w for w in t.swings if w.name == "productivity_loss_pct")
    assert swing_words(share, s)[1:] == (f"{share.low:g}%", f"{share.high:g}%")


def _read_back(path: Path) -> list[str]:
    """Each float(...) of a swing's old text ends, and each look at a label's unit: the
    ways views once read numbers and units back out of the model's words."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in {"low_value", "high_value"}:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "endswith" and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "label"):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_a_swing_holds_no_text_but_identities():
    text = {f.name for f in dataclasses.fields(Swing) if f.type in ("str", str)}
    assert text == {"name", "option_id", "route"}  # the input, the route's id and its name


def test_no_view_page_or_export_reads_a_number_back_from_a_swing():
    files = [p for folder in ("connectivity/views", "connectivity/export", "pages")
             for p in sorted((ROOT / folder).rglob("*.py"))]
    assert len(files) > 20
    assert [hit for p in files for hit in _read_back(p)] == []


def test_swing_ends_read_as_people_write_them():
    # 19.7 hours x 1.5 is 29.549999999999997 in floating point; a reader sees 29.55.
    w = Swing(name="outage_hours", low=9.85, high=19.7 * 1.5, low_margin=1.0,
              high_margin=2.0, option_id="approved_vpn", route="Approved VPN",
              columns=("outage_hours",))
    assert w.high == 29.549999999999997
    assert swing_words(w)[1:] == ("9.85", "29.55")
    many = dataclasses.replace(w, low=1000.0, high=12500.0)
    assert swing_words(many)[1:] == ("1,000", "12,500")


def test_a_ranges_dollar_cells_are_written_in_the_scenarios_currency():
    s = Scenario(currency="CNY", fx_rate=7.1)
    swings = [w for w in tornado(read_default(), s).swings
              if w.columns and w.columns[0].startswith("incident_cost_usd")]
    assert swings, "the default table swings each route's cost per incident"
    for w in swings:
        assert w.columns == ("incident_cost_usd_low", "incident_cost_usd_high")
        label, low, high = swing_words(w, s)
        assert "(CNY)" in label and "USD" not in label, label
        assert (low, high) == (price(w.low, s), price(w.high, s))
        assert low.startswith("¥") and high == f"¥{w.high * 7.1:,.0f}"
