"""The loss-estimate helper against sums done by hand."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from connectivity.inputs.estimate import disruptions, lost_share, poll
from connectivity.views.estimate_words import disruption_words, poll_words, share_words
from tests.examples import examples


def test_minutes_lost_become_a_share_of_the_dependent_time():
    # 8 h × 60 × 30% = 144 dependent minutes; 18/144 = 12.5%, 36/144 = 25%.
    e = lost_share(18, 36, 8, 30)
    assert e.cells == {"productivity_loss_pct_low": 12.5, "productivity_loss_pct_high": 25.0}
    assert e.dependent == 144
    words = share_words(e)
    assert "144 minutes" in words and "18 ÷ 144 = 12.5%" in words
    assert "36 ÷ 144 = 25%" in words


def test_another_hand_computed_case():
    # 7.5 h × 60 × 40% = 180 minutes; 9/180 = 5%, 45/180 = 25%.
    e = lost_share(9, 45, 7.5, 40)
    assert e.cells == {"productivity_loss_pct_low": 5.0, "productivity_loss_pct_high": 25.0}
    # 10/144 = 6.944…% rounds to 6.94; 30/144 = 20.833…% to 20.83.
    assert lost_share(10, 30, 8, 30).cells["productivity_loss_pct_high"] == 20.83


@pytest.mark.parametrize("args, words", [
    ((40, 10, 8, 30), "above the high guess"),
    ((10, 200, 8, 30), "more than the 144 minutes"),
    ((10, 20, 8, 0), "0%"),
    ((10, 20, 0, 30), "hours worked a day"),
    ((-1, 20, 8, 30), "below zero"),
])
def test_impossible_answers_are_refused_with_a_reason(args, words):
    with pytest.raises(ValueError, match=words):
        lost_share(*args)


def test_a_staff_poll_counts_every_answer():
    # 25 of 60 staff lose 30 minutes, 35 lose 10: mean 18.33, sd 9.94 (closed forms).
    many = poll(" ".join(["30"] * 25 + ["10"] * 35))
    mean = (25 * 30 + 35 * 10) / 60
    sd = math.sqrt((25 * (30 - mean) ** 2 + 35 * (10 - mean) ** 2) / 59)
    half = 1.6711 * sd / math.sqrt(60)  # Student's t, 59 degrees of freedom, 95th
    assert many.low == pytest.approx(mean - half, abs=0.01)
    assert many.high == pytest.approx(mean + half, abs=0.01)
    # 1 and 59 used to give the same range (the lowest and highest answer): no longer.
    few = poll(" ".join(["30"] * 1 + ["10"] * 59))
    assert few.high < many.low
    assert (many.n, many.t) == (60, pytest.approx(1.6711, abs=1e-4))
    assert many.mean == pytest.approx(mean) and many.sd == pytest.approx(sd)
    assert "18.33 ± 1.671 × 9.94 ÷ √60" in poll_words(many)
    small = poll("10, 25 5;40")  # t with 3 degrees of freedom: 2.353
    assert (small.low, small.high) == (round(20 - 2.353 * 15.8114 / 2, 2),
                                       round(20 + 2.353 * 15.8114 / 2, 2))
    one = poll("15")
    assert (one.low, one.high) == (15.0, 15.0) and "two answers or more" in poll_words(one)
    assert poll("0 0 1").low == 0.0  # never below zero
    with pytest.raises(ValueError, match="no answers"):
        poll(" , ")
    with pytest.raises(ValueError, match="'ten' is not a number"):
        poll("5 ten")
    with pytest.raises(ValueError, match="below zero"):
        poll("5 -3")


def test_disruptions_land_in_their_four_cells_with_the_hours_a_year():
    e = disruptions(2, 6, 1.5, 8)
    assert e.cells == {"outages_per_year_low": 2, "outages_per_year_high": 6,
                       "outage_hours_low": 1.5, "outage_hours_high": 8}
    assert e.yearly == (3, 48)  # 2 × 1.5 and 6 × 8
    assert "= 3 to 48 hours a year" in disruption_words(e)
    with pytest.raises(ValueError, match="above the high guess"):
        disruptions(6, 2, 1, 8)
    with pytest.raises(ValueError, match="at most|allows"):
        disruptions(1, 400, 1, 8)


@pytest.mark.parametrize("text, locale, answers", [
    ("10, 25 5;40", None, (10.0, 25.0, 5.0, 40.0)),
    ("10 ,25, 5,", "en-US", (10.0, 25.0, 5.0)),  # a comma not between digits parts answers
    ("12.5; 30", "de-DE", (12.5, 30.0)),  # a lone point before one digit is a decimal
    ("1.000 20", "de-DE", (1000.0, 20.0)),  # German thousands
    ("１５ 20", "zh-CN", (15.0, 20.0)),  # full-width digits
])
def test_a_poll_is_read_as_people_type_it(text, locale, answers):
    assert poll(text, locale).answers == answers


@pytest.mark.parametrize("text, locale, words", [
    # A comma between digits: one decimal number, or answers missing their space? Refused.
    ("12,5; 30", "de-DE", "'12,5' could be one number or 2 answers (12, 5)"),
    ("10,25,5,40", "en-US", "could be one number or 4 answers (10, 25, 5, 40)"),
    ("1.000 20", "en-US", "1.000 could be 1 or 1,000"),
    ("20 2000", None, "'2000' is more than the 1,440 minutes in a day"),
    ("20 ¥5", None, "is an amount of money"),
])
def test_a_poll_answer_two_readings_fit_is_refused(text, locale, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        poll(text, locale)


@settings(max_examples=examples(200), deadline=None)
@given(answers=st.lists(st.integers(0, 144_000), min_size=1, max_size=12),
       parts=st.lists(st.sampled_from([" ", "; ", ", ", " , ", ";", "\n"]), min_size=12,
                      max_size=12),
       locale=st.sampled_from([None, "en-US", "de-DE", "zh-CN"]))
def test_a_poll_as_people_type_it_is_read_exactly(answers, parts, locale):
    # Minutes to the hundredth (never a point before three digits, which reads two
    # ways), parted as people part a list: every answer comes back as typed, whatever
    # the browser's language.
    minutes = [a / 100 for a in answers]
    text = "".join(f"{m:g}" + part for m, part in zip(minutes, parts))
    assert poll(text, locale).answers == tuple(minutes), text
