"""One story everywhere: each break-even month and each "input that matters" the pages,
the memo and the workbook print is the same value from the same model function."""

from __future__ import annotations

import io
import random
from datetime import date
from urllib.parse import parse_qsl

import numpy as np
import pytest
from openpyxl import load_workbook

from connectivity import Scenario, compare, read_default, read_table
from connectivity.export.memo import build
from connectivity.export.xlsx import comparison_xlsx
from connectivity.inputs.scenario import table_in_use
from connectivity.inputs.tablelink import encode_table
from connectivity.model.breakeven import breakevens
from connectivity.model.information import value_of_information
from connectivity.model.sensitivity import sweep, tornado
from connectivity.views.labels import route_labels
from connectivity.views.story import (
    MOVES_MOST,
    breakeven_sentence,
    finding_out_sentence,
    moves_most,
    swing_words,
)
from harness.apptest import run, unescape
from harness.memo import squeezed, text_of
from harness.server import ROOT

DEFAULT = read_default()
EXTENDED = read_table((ROOT / "data" / "options_extended.csv").read_bytes())
DAY = date(2026, 3, 31)


def _random_scenarios(count: int, seed: int) -> list[tuple[str, Scenario]]:
    draw = random.Random(seed)
    out = []
    for k in range(count):
        table = (DEFAULT, EXTENDED)[k % 2]
        ids = list(table["option_id"])
        currency = draw.choice(["USD", "CNY", "EUR"])
        s = Scenario(sites=draw.randint(1, 5), users=draw.randint(1, 400),
                     hourly_usd=float(draw.randint(5, 200)),
                     dependency_pct=float(draw.randint(0, 100)),
                     horizon_months=draw.randint(1, 120), status_quo=draw.choice(ids),
                     trials=2000, seed=draw.randint(0, 10_000), currency=currency,
                     fx_rate={"USD": 1.0, "CNY": 7.1, "EUR": 0.92}[currency],
                     table="" if table is DEFAULT else encode_table(EXTENDED))
        out.append((f"random{k}", s))
    return out


CASES = [("default", Scenario()),
         ("six_routes", Scenario(table=encode_table(EXTENDED), trials=2000)),
         *_random_scenarios(4, seed=21)]
IDS = [name for name, _ in CASES]


def _expected(s: Scenario) -> tuple[str, str | None]:
    """The break-even sentence and the input that moves the margin most, from the model."""
    table = table_in_use(DEFAULT, s)
    found = breakevens(table, s)
    top = moves_most(tornado(DEFAULT, s))
    mover = None
    if top is not None:
        label, low, high = swing_words(top, s)
        mover = f"{MOVES_MOST}: {label} ({low} to {high})"
    return breakeven_sentence(found, route_labels(table), s.horizon_months), mover


def _query(s: Scenario) -> dict[str, str]:
    return dict(parse_qsl(s.query(), keep_blank_values=True))


def _page_text(at) -> str:
    parts = [*at.caption, *at.markdown, *at.info, *at.warning]
    return unescape(" ".join(p.value for p in parts))


@pytest.mark.parametrize(("name", "s"), CASES, ids=IDS)
def test_breakeven_is_the_horizon_sweeps_crossing_and_the_winner_is_rank_one(name, s):
    result = compare(DEFAULT, s)
    assert result.breakeven == breakevens(result.table, s)  # one function, one value
    months = list(range(1, s.horizon_months + 1))
    curves = sweep(DEFAULT, s, "horizon_months", np.array(months))
    rank_one = int(result.comparison["rank"].idxmin())
    for b in result.breakeven:
        assert b.winner == rank_one
        gap = curves[:, b.winner] - curves[:, b.against]
        assert (gap[b.month - 1:] <= 1e-6 * np.abs(curves[b.month - 1:, b.against]).max()
                ).all()
        if b.month > 1:
            assert gap[b.month - 2] > 0  # dearer the month before


@pytest.mark.parametrize(("name", "s"), CASES, ids=IDS)
def test_memo_and_workbook_print_the_pages_sentences(name, s):
    breakeven, mover = _expected(s)
    result = compare(DEFAULT, s)
    memo = squeezed(text_of(build(result, f"https://calculator.example/?{s.query()}",
                                  day=DAY).pdf))
    book = load_workbook(io.BytesIO(comparison_xlsx(result.comparison, result.table, s,
                                                    "https://calculator.example/")))
    cells = " ".join(str(c.value) for row in book["Scenario"].iter_rows() for c in row
                     if c.value is not None)
    if breakeven:
        assert squeezed(breakeven) in memo
        assert breakeven in cells
    if mover:
        assert squeezed(mover) in memo
        assert mover in cells


@pytest.mark.parametrize(("name", "s"), CASES[:4], ids=IDS[:4])
def test_compare_and_sensitivity_pages_print_the_same_sentences(name, s):
    breakeven, mover = _expected(s)
    for page in ("compare", "sensitivity"):
        text = _page_text(run(_query(s), page))
        if breakeven:
            assert breakeven in text, page
        if mover:
            assert mover in text, page


@pytest.mark.parametrize(("name", "s"), CASES[1:3], ids=IDS[1:3])
def test_decide_names_the_input_worth_finding_out_first(name, s):
    info = value_of_information(DEFAULT, s)
    expected = finding_out_sentence(info, route_labels(table_in_use(DEFAULT, s)), s)
    text = _page_text(run(_query(s), "decide"))
    assert expected in text
