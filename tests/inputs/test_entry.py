"""Typed numbers: read exactly, or refused saying why; never a different number.

The corpus writes random amounts the way people in each browser locale write them
(grouped or not, with currency signs and codes, k and 万) and checks the reading
gives back the same number; without a locale, the same text is read exactly or
refused with both readings.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from babel.numbers import get_decimal_symbol, get_group_symbol
from hypothesis import given, settings
from hypothesis import strategies as st

from connectivity.inputs.entry import decimal_mark, read_number
from tests.examples import examples

LOCALES = ("en-US", "de-DE", "zh-CN", "fr-FR", "de-CH", "en-IN")


@pytest.mark.parametrize(("text", "locale", "value"), [
    ("250,50", None, 250.5),  # only a decimal comma reads it
    ("250,50", "en-US", 250.5),
    ("1.234,5", "en-US", 1234.5),
    ("7.800", "de-DE", 7800.0),
    ("1,500", "en-US", 1500.0),
    ("1.500", "de-DE", 1500.0),
    ("0.125", "en-US", 0.125),  # a leading 0 never groups thousands
    ("7.8", "en-US", 7.8),
    ("7.80", "en-US", 7.8),
    ("1,500.5", "en-US", 1500.5),
    ("1.500,5", "de-DE", 1500.5),
    ("7,800", "zh-CN", 7800.0),
    ("¥7,800", "zh-CN", 7800.0),
    ("RMB 7,800", "zh-CN", 7800.0),
    ("7800元", None, 7800.0),
    ("1.5万", None, 15000.0),
    ("1,5万", None, 15000.0),
    ("2万元", None, 20000.0),
    ("7.8k", None, 7800.0),
    ("12 000", None, 12000.0),
    ("12\u202f000,5", "fr-FR", 12000.5),
    ("１２３", None, 123.0),  # full-width digits, as a Chinese keyboard types them
    ("-7800", None, -7800.0),  # read: the field's range refuses it, saying the range
    ("−5", None, -5.0),
    ("7.5", "de-DE", 7.5),  # its own evidence: 7.5 cannot be grouped thousands
])
def test_entries_are_read_as_written(text, locale, value):
    got = read_number(text, locale, currency="CNY")
    assert (got.value, got.problem) == (value, "")


@pytest.mark.parametrize(("text", "kwargs", "problem"), [
    ("7.800", {}, "7.800 could be 7.8 or 7,800. Type 7.8 or 7800"),
    ("1,000", {}, "1,000 could be 1 or 1,000. Type 1 or 1000"),
    ("80.125", {}, "80.125 could be 80.125 or 80,125. Type 80.1250 or 80125"),
    ("abc", {}, "'abc' is not a number"),
    ("1,2,3", {}, "'1,2,3' is not a number"),
    ("¥", {"currency": "CNY"}, "'¥' is not a number"),
    ("--5", {}, "'--5' is not a number"),
    ("$500", {"currency": "CNY"}, "'$500' is in US dollars, and this field is in CNY"),
    ("€5", {"currency": "USD"}, "'€5' is in euros"),
    ("¥60", {}, "'¥60' is an amount of money; this field takes a plain number"),
    ("60.5", {"whole": True}, "'60.5' is not a whole number"),
    ("30%", {}, "'30%' has a % sign"),
    ("1e400", {}, "'1e400' is too large"),
    ("9" * 80, {}, "is too long to be a number"),
])
def test_entries_nothing_decides_are_refused_saying_why(text, kwargs, problem):
    got = read_number(text, None, **kwargs)
    assert got.value is None and problem in got.problem


def test_an_empty_field_is_no_number_and_no_problem():
    for text in ("", "   ", "\u3000"):
        assert read_number(text, "en-US").empty


def test_the_locale_names_its_decimal_mark():
    assert [decimal_mark(x) for x in ("en-US", "de-DE", "zh-CN", "de-CH", "fr")] == \
        [".", ",", ".", ".", ","]
    assert decimal_mark(None) is None and decimal_mark("xx-nonsense") is None


def test_a_reading_the_locale_decided_says_how_it_was_read():
    assert read_number("7.800", "de-DE").note.startswith("Read '7.800' as 7800")
    assert read_number("1,500", "en-US").note.startswith("Read '1,500' as 1500")
    assert read_number("7800", "en-US").note == ""


@pytest.mark.parametrize(("text", "locale", "problem"), [
    # The locale's own decimal mark before three digits may be a foreigner's grouping.
    ("7.800", "en-US", "7.800 could be 7.8 or 7,800. Type 7.8 or 7800"),
    ("7.800", "zh-CN", "7.800 could be 7.8 or 7,800. Type 7.8 or 7800"),
    ("1,500", "de-DE", "1,500 could be 1,5 or 1.500. Type 1,5 or 1500"),
    ("12,345", "fr-FR", "12,345 could be 12,345 or 12 345. Type 12,3450 or 12345"),
    ("¥7.800", "en-US", "¥7.800 could be 7.8 or 7,800. Type 7.8 or 7800"),
    ("7.805k", "en-US", "7.805k could be 7,805 or 7,805,000. Type 7.8050k or 7805k"),
])
def test_a_locale_that_would_read_a_decimal_mark_is_no_evidence(text, locale, problem):
    got = read_number(text, locale, currency="CNY")
    assert (got.value, got.problem) == (None, problem)


@pytest.mark.parametrize(("text", "locale", "kwargs", "value", "note"), [
    ("7.800", "en-US", {"whole": True}, 7800.0, "Read '7.800' as 7800: 7.8 is not a whole number."),
    ("1,500", "de-DE", {"whole": True}, 1500.0, "Read '1,500' as 1500: 1,5 is not a whole number."),
    ("7.245", "en-US", {"within": (0.71, 71)}, 7.245,
     "Read '7.245' as 7.245: 7245 is outside 0.71 to 71."),
    ("7.245", None, {"within": (0.71, 71), "beyond": "is far from the reference rate (7.1)"},
     7.245, "Read '7.245' as 7.245: 7245 is far from the reference rate (7.1)."),
    # The field's values outrank the locale: a German typing a rate the English way.
    ("7.245", "de-DE", {"within": (0.71, 71)}, 7.245,
     "Read '7.245' as 7,245: 7245 is outside 0,71 to 71."),
    ("2.500", "en-US", {"within": (10, 10_000)}, 2500.0,
     "Read '2.500' as 2500: 2.5 is outside 10 to 10,000."),
])
def test_the_fields_values_decide_where_they_rule_one_reading_out(text, locale, kwargs, value,
                                                                 note):
    got = read_number(text, locale, **kwargs)
    assert (got.value, got.problem, got.note) == (value, "", note)


def test_where_the_field_allows_both_readings_or_neither_nothing_is_guessed():
    both = read_number("7.800", "en-US", within=(1, 10_000)).problem
    assert both.startswith("7.800 could be 7.8 or"), both
    neither = read_number("7.800", "en-US", within=(10_000, 20_000)).problem
    assert neither.startswith("7.800 could be"), neither
    # A locale that groups with the mark still reads it when the range allows both.
    assert read_number("7.800", "de-DE", within=(1, 10_000)).value == 7800.0


amounts = st.integers(min_value=0, max_value=10**11).map(lambda n: Decimal(n) / 100)


def _written(amount: Decimal, locale: str, grouped: bool, sign: str, scale: str) -> str:
    amount = amount / {"": 1, "k": 1000, "万": 10_000}[scale]
    name = locale.replace("-", "_")
    whole, _, fraction = f"{amount:f}".partition(".")
    fraction = fraction.rstrip("0")
    if grouped:
        whole = f"{int(whole):,}".replace(",", get_group_symbol(name))
    text = whole + (get_decimal_symbol(name) + fraction if fraction else "")
    return {"": text + scale, "¥": f"¥{text}{scale}", "RMB": f"RMB {text}{scale}",
            "元": f"{text}{scale}元"}[sign]


@settings(max_examples=examples(300), deadline=None)
@given(amounts, st.sampled_from(LOCALES), st.booleans(), st.sampled_from(["", "¥", "RMB", "元"]),
       st.sampled_from(["", "k", "万"]))
def test_amounts_as_each_locale_writes_them_are_read_exactly(amount, locale, grouped, sign,
                                                             scale):
    text = _written(amount, locale, grouped, sign, scale)
    expected = float(amount)
    got = read_number(text, locale, currency="CNY")
    if _decimal_before_three(text, locale):  # a foreigner's grouping too: refused
        assert got.value is None and " or " in got.problem, text
    else:
        assert (got.value, got.problem) == (expected, ""), text
    # Without a locale: the same number, or refused with both readings; never another.
    alone = read_number(text, None, currency="CNY")
    assert alone.value is None and " or " in alone.problem or \
        alone.value == expected, text
    # A field whose values hold the amount, and so rule out any other reading, reads it.
    ranged = read_number(text, locale, currency="CNY", within=(expected, expected))
    assert (ranged.value, ranged.problem) == (expected, ""), text


def _body(text: str) -> str:
    """The digits and marks of a written amount, without its sign and scale."""
    return text.removeprefix("¥").removeprefix("RMB ").removesuffix("元").rstrip("k万")


def _decimal_before_three(text: str, locale: str) -> bool:
    """One mark, the locale's decimal one, before exactly three digits, after 1-3 digits
    that do not start with 0: the one entry a locale cannot decide."""
    mark = decimal_mark(locale)
    return re.fullmatch(rf"[1-9]\d{{0,2}}{re.escape(mark)}\d{{3}}", _body(text)) is not None


@settings(max_examples=examples(200), deadline=None)
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999),
       st.sampled_from(LOCALES), st.sampled_from([".", ","]), st.booleans())
def test_one_mark_before_three_digits_is_read_only_on_evidence(whole, three, locale, mark,
                                                              decimal_meant):
    """Written with either mark, meant either way: read as meant, or refused."""
    text = f"{whole}{mark}{three:03d}"
    meant = float(f"{whole}.{three:03d}") if decimal_meant else float(whole * 1000 + three)
    other = float(whole * 1000 + three) if decimal_meant else float(f"{whole}.{three:03d}")
    for within in (None, (meant, meant), (min(meant, other), max(meant, other))):
        got = read_number(text, locale, within=within)
        assert got.value is None and " or " in got.problem or got.value in (meant, other)
        if within == (meant, meant):  # only the meant reading fits: it is read, and said
            assert got.value == meant and got.note.startswith(f"Read '{text}'"), text
        if got.value is not None and got.value != meant:  # the locale read the mark
            assert mark != decimal_mark(locale) and within != (meant, meant), text


@settings(max_examples=examples(200), deadline=None)
@given(st.text(alphabet="0123456789.,  '-+kK万元¥$€eE%RMBHK\u202f", max_size=16),
       st.sampled_from((None,) + LOCALES), st.booleans())
def test_any_text_is_read_or_refused_never_raises(text, locale, whole):
    got = read_number(text, locale, currency="CNY", whole=whole, percent=True)
    assert (got.value is None) or got.problem == ""
    if got.value is not None and whole:
        assert float(got.value).is_integer()
