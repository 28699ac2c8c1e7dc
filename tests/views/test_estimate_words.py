"""The Estimate losses page's sentences, now written in views/estimate_words.py from the
figures inputs/ works out: the same words as when inputs/ wrote them (the expected strings
are that code's output for these cases, as reviewed on screen)."""

from __future__ import annotations

import pytest

from connectivity.inputs.estimate import Refused, disruptions, lost_share, poll
from connectivity.inputs.leavers import attrition
from connectivity.views.estimate_words import (
    attrition_words,
    disruption_words,
    poll_words,
    refusal,
    share_words,
)

POLLS = [
    ("10, 25 5;40",
     "4 answers: on average 20 minutes a day, spread (standard deviation) 15.81 minutes. "
     "The office's average is within 20 ± 2.353 × 15.81 ÷ √4 = 1.4 to 38.6 minutes a day, "
     "9 times in 10 (a 90% range)."),
    ("15",
     "One answer, 15 minutes a day: both ends of the range. A range needs two answers or more."),
    ("0 0 1",
     "3 answers: on average 0.33 minutes a day, spread (standard deviation) 0.58 minutes. "
     "The office's average is within 0.33 ± 2.920 × 0.58 ÷ √3 = 0 to 1.31 minutes a day, 9 "
     "times in 10 (a 90% range, cut at zero)."),
    # (No answer above the 1,440 minutes of a day is taken any more: 1200, not 2500.)
    ("1200 1200.5",
     "2 answers: on average 1,200.25 minutes a day, spread (standard deviation) 0.35 "
     "minutes. The office's average is within 1,200.25 ± 6.314 × 0.35 ÷ √2 = 1,198.67 to "
     "1,201.83 minutes a day, 9 times in 10 (a 90% range)."),
]
SHARES = [
    ((18, 36, 8, 30),
     "8 hours a day × 60 minutes × 30% of work that needs services abroad = 144 minutes a "
     "day depend on them. 18 ÷ 144 = 12.5% and 36 ÷ 144 = 25% of that time is lost."),
    ((10, 30, 8, 30),
     "8 hours a day × 60 minutes × 30% of work that needs services abroad = 144 minutes a "
     "day depend on them. 10 ÷ 144 = 6.94% and 30 ÷ 144 = 20.83% of that time is lost."),
    ((0.333, 1.005, 7.75, 33.3),
     "7.75 hours a day × 60 minutes × 33.3% of work that needs services abroad = 154.84 "
     "minutes a day depend on them. 0.33 ÷ 154.84 = 0.22% and 1 ÷ 154.84 = 0.65% of that "
     "time is lost."),
    ((1234.5, 1300, 24, 100),
     "24 hours a day × 60 minutes × 100% of work that needs services abroad = 1,440 "
     "minutes a day depend on them. 1,234.5 ÷ 1,440 = 85.73% and 1,300 ÷ 1,440 = 90.28% of "
     "that time is lost."),
]
DISRUPTIONS = [
    ((2, 6, 1.5, 8),
     "2 to 6 disruptions a year × 1.5 to 8 working hours each = 3 to 48 hours a year per "
     "person, at the two ends."),
    ((0.5, 12.25, 0.1, 744),
     "0.5 to 12.25 disruptions a year × 0.1 to 744 working hours each = 0.05 to 9,114 "
     "hours a year per person, at the two ends."),
    ((1.005, 2.675, 3.333, 4.4444),
     "1 to 2.67 disruptions a year × 3.33 to 4.44 working hours each = 3.35 to 11.89 hours "
     "a year per person, at the two ends."),
]
LEAVERS = [
    ((40, 6, 3),
     "3 of 6 who left named the internet or tools; 3 ÷ 40 people = 7.5% of the staff a "
     "year. One year's count is uncertain: the 90% range of the yearly count behind 3 is "
     "0.82 to 7.75 people, so 2.04% to 19.38% a year."),
    ((40, 5, 0),
     "None of the 5 who left named the internet or tools: no talent loss is counted for "
     "this route (0% to 0%)."),
    ((2, 2, 2),
     "2 of 2 who left named the internet or tools; 2 ÷ 2 people = 100% of the staff a "
     "year. One year's count is uncertain: the 90% range of the yearly count behind 2 is "
     "0.36 to 6.3 people, so 17.77% to 100% a year."),
    # Head counts grouped as people write them; the range around 1,234 as Garwood's gives
    # it (it read 742.57 to 745.13 when exp(-lam) underflowed past lam = 745).
    ((1000000, 5000, 1234),
     "1,234 of 5,000 who left named the internet or tools; 1,234 ÷ 1,000,000 people = "
     "0.12% of the staff a year. One year's count is uncertain: the 90% range of the yearly "
     "count behind 1,234 is 1,176.79 to 1,293.37 people, so 0.12% to 0.13% a year."),
]
REFUSED = [
    (lost_share, (12.5, 7.25, 8, 30),
     "the low guess of minutes lost a day (12.5) is above the high guess (7.25)"),
    (lost_share, (10, 200, 8, 30),
     "200 minutes is more than the 144 minutes a day that depend on services abroad"),
    (disruptions, (6, 2, 1, 8),
     "the low guess of disruptions a year (6) is above the high guess (2)"),
    (disruptions, (1, 400, 1, 8), "400 is above the most the table allows (365)"),
    (lost_share, (10, 20, 8, 0),
     "no working time depends on services abroad (the sidebar's share is 0%), so no share "
     "of it can be lost"),
    (lost_share, (-1, 20, 8, 30), "minutes lost a day cannot be below zero"),
]


@pytest.mark.parametrize("text, words", POLLS)
def test_a_poll_reads_as_before(text, words):
    assert poll_words(poll(text)) == words


@pytest.mark.parametrize("args, words", SHARES)
def test_a_lost_share_reads_as_before(args, words):
    assert share_words(lost_share(*args)) == words


@pytest.mark.parametrize("args, words", DISRUPTIONS)
def test_disruptions_read_as_before(args, words):
    assert disruption_words(disruptions(*args)) == words


@pytest.mark.parametrize("args, words", LEAVERS)
def test_leavers_read_as_before(args, words):
    assert attrition_words(attrition(*args)) == words


@pytest.mark.parametrize("estimate, args, words", REFUSED)
def test_a_refusal_reads_as_before(estimate, args, words):
    with pytest.raises(ValueError) as refused:
        estimate(*args)
    assert refusal(refused.value) == words


def test_a_refusal_keeps_its_figures_as_numbers():
    with pytest.raises(Refused) as refused:
        lost_share(1200.5, 1300, 20, 100)  # 1,300 minutes against 1,200 dependent ones
    assert refused.value.figures == (1300, 1200.0)
    assert refusal(refused.value) == ("1,300 minutes is more than the 1,200 minutes a day "
                                      "that depend on services abroad")
    assert str(refused.value).startswith("1300 minutes is more than the 1200 minutes")
