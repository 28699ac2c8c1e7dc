"""The Assumptions grids' number cells read as the sidebar reads numbers (pages._grid).

What the grid hands over ({row: {column: text}}) is read with the browser's locale:
exactly, or refused naming the route, the figure and why, the typed text kept in its
cell; the comparison's figure never changes to another number.
"""

from __future__ import annotations

import pytest

from connectivity import read_default
from connectivity.inputs.scenario import merge_edits
from pages import _entry, _grid


class _State:
    grid_said: list = []


@pytest.fixture
def grid(monkeypatch):
    """pages._grid with the browser's locale settable and a state of its own."""
    own = _State()
    own.grid_said = []
    monkeypatch.setattr(_grid, "state", own)

    def at(locale: str | None) -> None:
        monkeypatch.setattr(_entry, "locale", lambda: locale)
    at(None)
    _grid.at = at
    return _grid


TABLE = read_default()
ROW = {oid: i for i, oid in enumerate(TABLE["option_id"])}


def _one(grid, locale, column, text, route="approved_vpn"):
    grid.at(locale)
    read, said = grid.read_edits(TABLE, {ROW[route]: {column: text}})
    return read.get(ROW[route], {}).get(column), said


@pytest.mark.parametrize("locale, column, text, value", [
    ("de-DE", "monthly_usd", "250,50", 250.5),
    ("de-DE", "setup_usd", "7.800", 7800.0),
    ("en-US", "setup_usd", "$1.2k", 1200.0),
    ("en-US", "setup_usd", "US$ 1,250", 1250.0),
    ("zh-CN", "setup_usd", "1.2万", 12000.0),
    ("en-US", "productivity_loss_pct_low", "5%", 5.0),
    ("en-US", "min_term_months", "1.500", 1.5),  # 1500 months is beyond the column's 120
    ("en-US", "outage_hours_high", "１２", 12.0),  # full-width digits, as an IME types them
])
def test_a_typed_cell_is_read_as_people_write_it(grid, locale, column, text, value):
    got, said = _one(grid, locale, column, text)
    assert got == value
    assert not [s for s in said if s.refused]


@pytest.mark.parametrize("locale, column, text, words", [
    ("en-US", "setup_usd", "7.800", "could be 7.8 or 7,800"),
    ("de-DE", "monthly_usd", "2,500", "could be 2,5 or 2.500"),
    ("en-US", "monthly_usd", "¥800", "Your quotes"),
    ("en-US", "monthly_usd", "-7", "from $0 to $1,000,000,000"),
    ("en-US", "productivity_loss_pct_high", "150", "from 0 to 100"),
    ("en-US", "lead_time_weeks", "five", "is not a number"),
])
def test_a_cell_two_readings_or_none_fit_is_refused_naming_route_and_figure(
        grid, locale, column, text, words):
    got, said = _one(grid, locale, column, text)
    assert got is None
    [refusal] = said
    assert refusal.refused and refusal.text == text
    assert refusal.kept == _entry.text_of(float(TABLE.loc[0, column]))  # still in use
    assert refusal.words.startswith(f"Approved VPN, {_grid.COLUMN_WORDS[column]}: ")
    assert words in refusal.words, refusal.words


def test_a_refused_cell_keeps_its_text_in_the_grid_until_edited_again(grid):
    grid.at("en-US")
    _, said = grid.read_edits(TABLE, {0: {"setup_usd": "7.800"}})
    grid.state.grid_said = said
    shown = grid.shown(TABLE)
    assert shown.loc[0, "setup_usd"] == "7.800"
    assert shown.loc[1, "setup_usd"] == _entry.text_of(float(TABLE.loc[1, "setup_usd"]))
    # Another cell's edit leaves the refusal standing; typing the cell again ends it.
    _, said = grid.read_edits(TABLE, {1: {"monthly_usd": "900"}})
    assert [(s.option_id, s.text) for s in said] == [("approved_vpn", "7.800")]
    grid.state.grid_said = said
    read, said = grid.read_edits(TABLE, {0: {"setup_usd": "7800"}})
    assert read == {0: {"setup_usd": 7800.0}} and said == []


def test_an_emptied_cell_keeps_its_figure_and_says_so(grid):
    got, said = _one(grid, "en-US", "monthly_usd", "")
    assert got is None
    [note] = said
    assert not note.refused
    assert note.words == ("Approved VPN, Monthly charge per office (USD): the cell was "
                          f"emptied, so it keeps {_entry.text_of(TABLE.loc[0, 'monthly_usd'])}.")


def test_cells_shown_in_the_browsers_writing(grid):
    grid.at("de-DE")
    shown = grid.shown(TABLE)
    assert TABLE.loc[1, "outages_per_year_low"] == 0.5
    assert shown.loc[1, "outages_per_year_low"] == "0,5"
    assert shown.loc[1, "monthly_usd"] == _entry.text_of(float(TABLE.loc[1, "monthly_usd"]))
    assert list(shown["option_id"]) == ["Approved VPN", "Leased private circuit", "Do nothing"]


def test_a_range_turned_round_is_refused_in_words_with_the_text_kept(grid):
    grid.at("en-US")
    edits = {0: {"productivity_loss_pct_low": "50"}}
    read, said = grid.read_edits(TABLE, edits)
    kept, notices = merge_edits(TABLE, (), read, name=grid.end_words)
    assert kept == ()
    [refusal] = grid.range_said(TABLE, notices, edits)
    high = _entry.text_of(TABLE.loc[0, "productivity_loss_pct_high"])
    assert refusal.words == (f"Approved VPN, Lost share of work (%): the low guess (50) is "
                             f"above the high guess ({high}): swap the two values.")
    assert refusal.refused and refusal.text == "50"


def test_a_text_cell_refused_by_the_tables_rules_names_route_and_figure(grid):
    edits = {1: {"name": "x" * 95}}
    read, said = grid.read_edits(TABLE, edits)
    assert read == edits and said == []  # text cells go to the table's own rules as typed
    kept, notices = merge_edits(TABLE, (), read, name=grid.end_words)
    [refusal] = grid.range_said(TABLE, notices, edits)
    assert refusal.words == ("Leased private circuit, Display name: is 95 characters long: "
                             "at most 80 allowed.")
    assert refusal.text == "x" * 95 and refusal.kept == "'Leased private circuit'"


def test_a_range_refusal_writes_its_values_as_the_browser_does(grid):
    grid.at("de-DE")
    edits = {1: {"outages_per_year_high": "0,25"}}  # below the low guess of 0,5
    read, _ = grid.read_edits(TABLE, edits)
    assert read == {1: {"outages_per_year_high": 0.25}}
    _, notices = merge_edits(TABLE, (), read, name=grid.end_words, number=_entry.text_of)
    [refusal] = grid.range_said(TABLE, notices, edits)
    assert refusal.words == ("Leased private circuit, Disruptions a year: the low guess (0,5) "
                             "is above the high guess (0,25): swap the two values.")
