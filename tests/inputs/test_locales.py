"""Numbers as spreadsheets in other locales write them: read exactly, or refused by cell.

tests/tables/locale/ holds real save patterns (rebuild with tests/tables/make_locale.py);
the property test writes random tables in every supported convention and checks that
reading gives back the same numbers or a refusal, never different numbers.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from connectivity.inputs.numbers import readings
from connectivity.inputs.problems import TableError
from connectivity.inputs.table import read_default, read_table
from connectivity.schema.columns import COLUMN_BY_NAME, COLUMN_NAMES, NUMBER_COLUMNS, RANGES
from tests.examples import examples

LOCALE = Path(__file__).resolve().parents[1] / "tables" / "locale"


def _default_with(**changes: float):
    table = read_default()
    for key, value in changes.items():
        option_id, column = key.split("__")
        table.loc[table["option_id"] == option_id, column] = value
    return table


def test_locale_files_have_the_byte_patterns_they_are_named_for():
    us = (LOCALE / "en-US_unicode_text.txt").read_bytes()
    assert us[:2] == codecs.BOM_UTF16_LE
    text = us[2:].decode("utf-16-le")
    assert "\t80.125\t" in text and "\t5,000\t" in text and "\t1,000\t" in text
    assert "\r\n" in text and ";" not in text.split("\r\n")[0]
    de = (LOCALE / "de-DE_semicolon_cp1252.csv").read_bytes()
    assert b";0,005;" in de and b";3.000;" in de
    ch = (LOCALE / "de-CH_semicolon_utf8.csv").read_bytes()
    assert ch[:3] == codecs.BOM_UTF8 and b";3'000;" in ch and b";0.005;" in ch
    typographic = (LOCALE / "de-CH_semicolon_cp1252_typographic.csv").read_bytes()
    assert b";3\x92000;" in typographic  # ’ in Windows-1252


@pytest.mark.parametrize("name", ["de-DE_semicolon_cp1252.csv", "de-CH_semicolon_utf8.csv",
                                  "de-CH_semicolon_cp1252_typographic.csv"])
def test_locale_file_reads_exactly_as_data_options_csv(name):
    assert_frame_equal(read_table((LOCALE / name).read_bytes()), read_default())


def test_en_us_unicode_text_reads_80_125_and_grouped_thousands_exactly():
    # Before: decimal commas were forced on every tab file, and 80.125 became 80125.
    table = read_table((LOCALE / "en-US_unicode_text.txt").read_bytes())
    assert_frame_equal(table, _default_with(leased_circuit__per_mbps_usd=80.125))
    assert table.loc[1, "setup_usd"] == 5000 and table.loc[1, "monthly_usd"] == 1000


def test_a_file_that_proves_no_decimal_mark_is_refused_naming_each_doubtful_cell():
    with pytest.raises(TableError) as caught:
        read_table((LOCALE / "en-US_unicode_text_unproven.txt").read_bytes())
    found = {(p.line, p.column): p.message for p in caught.value.problems}
    assert set(found) == {(2, "setup_usd"), (2, "monthly_usd"), (2, "per_mbps_usd"),
                          (2, "incident_cost_usd_low"), (2, "incident_cost_usd_high")}
    assert "'80.125' could be 80.125" in found[(2, "per_mbps_usd")]
    assert "or 80125" in found[(2, "per_mbps_usd")]
    assert "'5,000' could be 5 " in found[(2, "setup_usd")] and "5000" in found[(2, "setup_usd")]
    assert "'1,000' could be 1 " in found[(2, "monthly_usd")]


@pytest.mark.parametrize("text, point, comma", [
    ("80.125", 80.125, 80125), ("1,000", 1000, 1), ("0,005", None, 0.005),
    ("0.005", 0.005, None), ("3.000,5", None, 3000.5), ("1,000.5", 1000.5, None),
    ("3'000", 3000, 3000), ("3\u2019000.25", 3000.25, None), ("1\u202f000,5", None, 1000.5),
    ("1 5", None, None), ("1.0,00", None, None), ("1,5E+09", None, 1.5e9), ("-1.000", -1, -1000),
    ("12,5%", None, 12.5), ("'3000", 3000, 3000), ("1.000.000", None, 1e6),
    # Scientific notation is never grouped; a link's + may arrive as a space.
    ("1.797e+04", 17970, None), ("1.797e 04", 17970, None), ("2E5", 2e5, 2e5),
])
def test_each_cell_reads_one_way_per_decimal_mark(text, point, comma):
    assert readings(text) == {".": point, ",": comma}


# --- random tables in every convention ------------------------------------------------------

# name -> (separator, decimal mark, thousands mark or "", encoding with BOM or not)
CONVENTIONS = {
    "en-US csv": (",", ".", ",", "utf-8"),
    "en-US unicode text": ("\t", ".", ",", "utf-16"),
    "de-DE csv": (";", ",", ".", "cp1252"),
    "de-DE unicode text": ("\t", ",", ".", "utf-16"),
    "de-CH csv": (";", ".", "'", "utf-8-sig"),
    "de-CH typographic": (";", ".", "\u2019", "cp1252"),
    "fr-FR csv": (";", ",", "\u202f", "utf-8-sig"),
    "plain points": (",", ".", "", "utf-8"),
    "plain commas": (";", ",", "", "utf-8"),
}


def written(value: Decimal, decimal: str, thousands: str, group: bool, places: int) -> str:
    """A number as a spreadsheet with this convention shows it."""
    text = f"{value:,.{places}f}" if group and thousands else f"{value:.{places}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)


@st.composite
def tables(draw):
    """Rows of Decimal values inside the column rules, with how each cell is written."""
    n = draw(st.integers(1, 3))
    # Sparse tables (one number per row, zeros elsewhere) prove no mark: doubt must refuse.
    sparse = draw(st.booleans())
    rows = []
    for i in range(n):
        row = {"option_id": f"route_{i}", "name": f"Route {i}", "legal_status": "authorised",
               "reach": "hq_only", "sources": "", "notes": ""}
        for name in NUMBER_COLUMNS:
            # Three decimals, or thousands and more, are what two marks can read two ways.
            places = draw(st.sampled_from([3, 0, 1, 2, 4]))
            top = int(min(COLUMN_BY_NAME[name].high, 10**7)) * 10**places
            units = draw(st.one_of(st.integers(min(1000, top), top), st.integers(0, top),
                                   st.integers(0, min(999, top))))
            row[name] = Decimal(units) / 10**places
        if sparse:
            kept = draw(st.sampled_from(NUMBER_COLUMNS))
            row.update({name: Decimal(0) for name in NUMBER_COLUMNS if name != kept})
        for stem, _high, _text in RANGES:
            low, high = sorted((row[f"{stem}_low"], row[f"{stem}_high"]))
            row[f"{stem}_low"], row[f"{stem}_high"] = (low, high) if low else (high, high)
        rows.append(row)
    style = [[(draw(st.booleans()), draw(st.integers(0, 2))) for _ in NUMBER_COLUMNS]
             for _ in rows]
    return rows, style


def as_file(rows, style, convention: str) -> bytes:
    sep, decimal, thousands, encoding = CONVENTIONS[convention]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    for row, cells in zip(rows, style):
        numbers = {}
        for name, (group, extra) in zip(NUMBER_COLUMNS, cells):
            value = row[name]
            places = max(0, -value.normalize().as_tuple().exponent) + extra
            numbers[name] = written(value, decimal, thousands, group, places)
        writer.writerow([numbers.get(c, row.get(c, "")) for c in COLUMN_NAMES])
    return out.getvalue().encode(encoding)


@settings(max_examples=examples(150), deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(case=tables(), convention=st.sampled_from(sorted(CONVENTIONS)))
def test_any_convention_reads_back_the_same_numbers_or_refuses(case, convention):
    rows, style = case
    try:
        table = read_table(as_file(rows, style, convention))
    except TableError as refused:
        # Only doubt may refuse these valid tables, and it names the cell's two readings.
        assert all("could be" in p.message and p.column for p in refused.problems), \
            [str(p) for p in refused.problems]
        return
    for index, row in enumerate(rows):
        for name in NUMBER_COLUMNS:
            got = table.loc[index, name]
            assert math.isclose(got, float(row[name]), rel_tol=0, abs_tol=0), \
                (convention, name, row[name], got)


@pytest.mark.parametrize("convention", sorted(CONVENTIONS))
@pytest.mark.parametrize("value, group", [(Decimal("80.125"), False), (Decimal(5000), True),
                                          (Decimal("1000.5"), True), (Decimal(150000), True)])
def test_a_lone_number_reads_right_or_is_refused_as_doubtful(convention, value, group):
    # Every other cell 0: nothing in the file proves a mark.
    row = {"option_id": "route_0", "name": "Route 0", "legal_status": "authorised",
           "reach": "hq_only", "sources": "", "notes": "",
           **{name: Decimal(0) for name in NUMBER_COLUMNS}, "setup_usd": value}
    data = as_file([row], [[(group, 0)] * len(NUMBER_COLUMNS)], convention)
    text = written(value, *CONVENTIONS[convention][1:3], group, 3 if value % 1 else 0)
    two_ways = len({v for v in readings(text).values() if v is not None}) == 2
    try:
        table = read_table(data)
    except TableError as refused:
        assert two_ways, [str(p) for p in refused.problems]
        (problem,) = refused.problems
        assert (problem.line, problem.column) == (2, "setup_usd")
        assert f"'{text}' could be" in problem.message
        return
    assert not two_ways
    assert table.loc[0, "setup_usd"] == float(value)
