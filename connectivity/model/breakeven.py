"""Where one route's cumulative expected cost crosses another's."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Crossing:
    month: float  # interpolated within the month
    cheaper: int  # index of the route that is cheaper from here on
    dearer: int


def cumulative(flows: np.ndarray) -> np.ndarray:
    """(routes, components, months + 1) flows → (routes, months + 1) running totals."""
    return np.cumsum(flows.sum(axis=1), axis=1)


def crossings(curves: np.ndarray) -> list[Crossing]:
    """Every month at which one curve falls below another, in time order."""
    found = []
    routes = curves.shape[0]
    for a in range(routes):
        for b in range(routes):
            if a == b:
                continue
            diff = curves[a] - curves[b]  # a dearer while > 0
            for m in np.flatnonzero((diff[:-1] > 0) & (diff[1:] <= 0)):
                step = diff[m] - diff[m + 1]
                found.append(Crossing(float(m + diff[m] / step), a, b))
    return sorted(found, key=lambda c: (c.month, c.cheaper, c.dearer))
