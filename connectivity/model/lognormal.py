"""A quantity known only as a 90% range: lognormal with low = p5, high = p95.

The convention of riskquant, Guesstimate and Squiggle. low == high is a fixed
value (0 means none).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

Z95 = 1.6448536269514722  # the standard normal's 95th percentile


def normal_cdf(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2.0))


@dataclass(frozen=True)
class Range90:
    low: float
    high: float

    @property
    def fixed(self) -> bool:
        return self.low == self.high

    @property
    def mu(self) -> float:
        return 0.5 * (math.log(self.low) + math.log(self.high))

    @property
    def sigma(self) -> float:
        return (math.log(self.high) - math.log(self.low)) / (2.0 * Z95)

    def mean(self) -> float:
        if self.fixed:
            return self.low
        return math.exp(self.mu + self.sigma**2 / 2.0)

    def variance(self) -> float:
        if self.fixed:
            return 0.0
        s2 = self.sigma**2
        return (math.exp(s2) - 1.0) * math.exp(2.0 * self.mu + s2)

    def capped_mean(self, cap: float) -> float:
        """E[min(X, cap)]: the truncated mean plus cap times the tail probability."""
        if self.fixed:
            return min(self.low, cap)
        mu, s = self.mu, self.sigma
        if s == 0:  # low and high too close for their logs to differ: a fixed value
            return min(math.exp(mu), cap)
        below = math.exp(mu + s * s / 2.0) * normal_cdf((math.log(cap) - mu - s * s) / s)
        return below + cap * (1.0 - normal_cdf((math.log(cap) - mu) / s))

    def at(self, z: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """The value at standard-normal score z (vectorised); z = 0 is the median.

        With `out` (which may be z itself) no temporary array is made.
        """
        if out is None:
            out = np.empty(np.shape(z))
        if self.fixed:
            out.fill(self.low)
            return out
        np.multiply(z, self.sigma, out=out)
        out += self.mu
        return np.exp(out, out=out)
