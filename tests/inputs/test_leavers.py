"""Attrition from last year's leavers: the share, its 90% range, refusals."""

import math

import pytest

from connectivity.inputs.leavers import attrition, count_range
from connectivity.views.estimate_words import attrition_words


def poisson_cdf(k: int, lam: float) -> float:
    """Every term, each in log space (lam**i and i! overflow a float long before 1,000)."""
    return math.fsum(math.exp(i * math.log(lam) - lam - math.lgamma(i + 1))
                     for i in range(k + 1))


@pytest.mark.parametrize("k", [1, 2, 3, 5, 10, 30, 700, 1234, 5000])
def test_the_range_is_garwoods_90_percent_interval(k):
    low, high = count_range(k)
    # At the low end seeing k or more is 5% likely; at the high end k or fewer is 5%.
    assert 1 - poisson_cdf(k - 1, low) == pytest.approx(0.05, abs=1e-9)
    assert poisson_cdf(k, high) == pytest.approx(0.05, abs=1e-9)


def test_three_of_forty_is_seven_and_a_half_percent_inside_its_range():
    e = attrition(40, 6, 3)
    low, high = e.cells["attrition_pct_low"], e.cells["attrition_pct_high"]
    assert low < 7.5 < high
    lo_count, hi_count = count_range(3)
    assert low == round(lo_count / 40 * 100, 2) and high == round(hi_count / 40 * 100, 2)
    assert e.share == 7.5 and (e.low_count, e.high_count) == (lo_count, hi_count)
    assert "3 ÷ 40 people = 7.5% of the staff a year" in attrition_words(e)


def test_nobody_naming_the_internet_counts_none():
    assert attrition(40, 5, 0).cells == {"attrition_pct_low": 0.0, "attrition_pct_high": 0.0}


def test_a_small_office_is_capped_at_everyone():
    e = attrition(2, 2, 2)
    assert e.cells["attrition_pct_high"] == 100.0
    assert 0 < e.cells["attrition_pct_low"] <= 100.0


@pytest.mark.parametrize("args, phrase", [
    ((0, 0, 0), "at least 1"), ((10, 11, 1), "headcount is 10"), ((10, 2, 3), "only 2 left"),
    ((10, 2.5, 1), "whole number"), ((10, 2, -1), "whole number"),
])
def test_impossible_counts_are_refused_saying_why(args, phrase):
    with pytest.raises(ValueError, match=phrase):
        attrition(*args)


@pytest.mark.parametrize("k", [10_000, 1_000_000])
def test_a_large_count_has_the_normal_range(k):
    # For a large count Garwood's range is k ± 1.645 √k, give or take a count or two.
    low, high = count_range(k)
    half = 1.6448536 * math.sqrt(k)
    assert low == pytest.approx(k - half, abs=2) and high == pytest.approx(k + half, abs=2)
