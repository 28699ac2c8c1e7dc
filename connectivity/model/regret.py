"""Regret and the value of information, from the simulated futures (costs: lower is better).

- Expected regret of a route: the mean over trials of (its total − the lowest total in
  that trial), what choosing it costs against always picking that future's cheapest.
- EVPI, the expected value of perfect information: min_o E[total_o] − E[min_o total_o],
  which is the smallest expected regret.
- EVPPI of one input: what learning that input alone, before choosing, is worth. The
  estimator is Strong & Oakley's (2013) single-parameter one: sort the trials by the
  input, cut them into K bins of (nearly) equal size, and in each bin take the route with
  the lowest mean total; EVPPI = min_o E[total_o] − the trial-weighted mean of those
  bin minima. In the sample, 0 <= EVPPI <= EVPI holds exactly, with no clipping.
"""

from __future__ import annotations

import math

import numpy as np


def expected_regret(totals: np.ndarray) -> np.ndarray:
    """Per route, the mean over trials of its total minus the trial's lowest total."""
    return totals.mean(axis=1) - totals.min(axis=0).mean()


def evpi(totals: np.ndarray) -> float:
    """min over routes of the mean total − the mean of the per-trial minimum (>= 0)."""
    return max(0.0, float(totals.mean(axis=1).min() - totals.min(axis=0).mean()))


def bin_count(trials: int) -> int:
    """K = floor(sqrt(T)) bins of about sqrt(T) trials: 141 bins of 141-142 at 20,000."""
    return max(1, math.isqrt(trials))


def binned_minimum(sorted_totals: np.ndarray, bins: int) -> float:
    """Trial-weighted mean over consecutive bins of the lowest route mean in each bin."""
    n = sorted_totals.shape[1]
    starts = (np.arange(min(bins, n)) * n) // min(bins, n)  # strictly increasing: no empty bin
    # Sum over bins of (bin size / n) x the lowest bin mean = the lowest bin sum / n.
    return float(np.add.reduceat(sorted_totals, starts, axis=1).min(axis=0).sum() / n)


def evppi(totals: np.ndarray, values: np.ndarray, bins: int | None = None) -> float:
    """Strong & Oakley's binned estimate of the value of learning `values` exactly.

    totals: (routes, trials); values: the input's draw in each trial. numpy's default
    sort is deterministic, so the estimate is repeatable (and faster than a stable one).
    """
    k = bins or bin_count(values.size)
    order = np.argsort(values)
    best_now = float(totals.mean(axis=1).min())
    return max(0.0, best_now - binned_minimum(totals[:, order], k))


def noise_floor(totals: np.ndarray, seed: int, bins: int | None = None) -> float:
    """The estimate for an input that carries no information (trials in a random order).

    Its expected value is zero; what the estimator returns is its upward bias from the
    noise of the bin means, a yardstick for which EVPPIs are real.
    """
    n = totals.shape[1]
    order = np.random.default_rng([seed, 2]).permutation(n)
    best_now = float(totals.mean(axis=1).min())
    return max(0.0, best_now - binned_minimum(totals[:, order], bins or bin_count(n)))
