"""Monte Carlo: one shared future per trial, every route costed in it.

Each trial draws one "climate" (how tense the year is). Every route's lost
share, disruption rate, incident rate and yearly leaving share sit at a percentile that blends the
climate with the route's own draw: z = sqrt(c)·climate + sqrt(1 - c)·own, so
two routes' scores correlate by exactly c and each marginal stays standard
normal (the expected values are untouched by c). Counts are Poisson given the
rate; sizes are drawn per event. All work is vectorised over trials.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..inputs.scenario import Scenario
from .lognormal import Range90
from .routes import COMPONENTS, Plan, plan, replacement_usd

# Above this many events in one trial, the sum of their sizes is drawn as a
# gamma with the same mean and variance, so memory stays bounded.
EXACT_EVENTS = 256
# Event sizes are drawn and summed in blocks of whole trials that fit in the
# CPU cache; the random stream is the same as one large draw.
BLOCK_EVENTS = 65_536
LOSSES = COMPONENTS[2:]
LOSS_STATS = ("mean", "p10", "p90")
# The uncertain inputs of a route, in the order of Risks and of the table's ranges.
INPUTS = ("productivity_loss_pct", "outages_per_year", "outage_hours", "incidents_per_year",
          "incident_cost_usd", "attrition_pct")


@dataclass(frozen=True)
class Simulation:
    option_ids: tuple[str, ...]
    totals: np.ndarray  # (routes, trials)
    loss_stats: np.ndarray  # (routes, 3 losses, LOSS_STATS)
    # Every component of every trial, (routes, 6, trials): kept only on request,
    # since the app's cache needs just the totals and the statistics above.
    components: np.ndarray | None = None
    # Each route's uncertain inputs in each trial, (routes, INPUTS, trials), for the value
    # of information: kept only on request. Lost share and rates are the trial's draws;
    # event sizes the trial's average size (see simulate).
    inputs: np.ndarray | None = None

    def component(self, name: str) -> np.ndarray:
        if self.components is None:
            raise ValueError("simulate(..., keep_components=True) keeps the components")
        return self.components[:, COMPONENTS.index(name), :]


def compound_sums(rng: np.random.Generator, counts: np.ndarray, size: Range90) -> np.ndarray:
    """Per trial, the sum of `counts` independent draws of `size`."""
    if size.fixed:
        return counts * size.low
    out = np.zeros(counts.shape)
    big = counts > EXACT_EVENTS
    if big.any():
        m, v = size.mean(), size.variance()
        # A range too narrow to have a variance in floating point is a fixed size.
        out[big] = rng.gamma(counts[big] * m * m / v, v / m) if v > 0 else counts[big] * m
    small = np.flatnonzero((counts > 0) & ~big)
    if small.size == 0:
        return out
    n = counts[small]
    ends = np.cumsum(n)
    buf = np.empty(min(int(ends[-1]), BLOCK_EVENTS))
    first, done = 0, 0  # first trial of the block, events drawn so far
    while first < small.size:
        last = max(first + 1, int(np.searchsorted(ends, done + buf.size, side="right")))
        block = buf[: int(ends[last - 1]) - done]
        rng.standard_normal(out=block)
        size.at(block, out=block)
        out[small[first:last]] = np.add.reduceat(block, ends[first:last] - n[first:last] - done)
        first, done = last, int(ends[last - 1])
    return out


def _scores(rng: np.random.Generator, shared: np.ndarray, c: float) -> np.ndarray:
    """Three standard-normal scores per trial: sqrt(c)·climate + sqrt(1 - c)·own."""
    z = rng.standard_normal((3, shared.size))
    z *= math.sqrt(1.0 - c)
    z += shared
    return z


def _events(rng: np.random.Generator, rate: np.ndarray, months: float, size: Range90,
            ) -> tuple[np.ndarray, np.ndarray]:
    """Per trial, the sum of the event sizes and the number of events."""
    if months <= 0:
        return np.zeros(rate.shape), np.zeros(rate.shape, dtype=np.int64)
    counts = rng.poisson(rate * (months / 12.0))
    return compound_sums(rng, counts, size), counts


def average_sizes(rng: np.random.Generator, sums: np.ndarray, counts: np.ndarray,
                  size: Range90) -> np.ndarray:
    """A trial's average event size; a trial without events gets a fresh draw of one size.

    Sizes are drawn per event, so a trial has no single size to learn: its average is
    what a perfect measurement of "the" size would have told. Where nothing happened,
    the size had no effect on the cost, and an independent draw says exactly that
    (a fixed value, say, would instead reveal that no event happened).
    """
    out = size.at(rng.standard_normal(sums.shape))
    seen = counts > 0
    out[seen] = sums[seen] / counts[seen]
    return out


def _attrition(a: Range90, shared: np.ndarray, s: Scenario, route: int) -> np.ndarray:
    """Route `route`'s yearly leaving share per trial, capped at 1, moving with the climate.

    Its own part comes from a stream of its own (one per route position), so adding the
    talent component left every earlier draw, and so every earlier figure, as it was.
    """
    if a.fixed:
        return np.full(shared.shape, min(a.low, 1.0))
    z = np.random.default_rng([s.seed, 2, route]).standard_normal(shared.size)
    z *= math.sqrt(1.0 - s.correlation)
    z += shared
    return np.minimum(a.at(z, out=z), 1.0, out=z)


def simulate(table: pd.DataFrame, s: Scenario, keep_components: bool = True,
             keep_inputs: bool = False) -> Simulation:
    """simulate_plan for a table in use and a scenario."""
    return simulate_plan(plan(table.to_dict("records"), s), keep_components, keep_inputs)


def simulate_plan(p: Plan, keep_components: bool = True,
                  keep_inputs: bool = False) -> Simulation:
    """Every route in the same s.trials futures.

    keep_inputs also keeps each route's uncertain inputs per trial; its extra draws (for
    trials without events) come from their own stream, so the totals do not change.
    """
    s, routes = p.scenario, p.routes
    n = s.trials
    rng = np.random.default_rng(s.seed)
    shared = rng.standard_normal(n)
    shared *= math.sqrt(s.correlation)  # the climate's part of every score
    e = p.exposure
    sq_index = p.sq
    lines = [route.timeline for route in routes]
    draws = []
    for route in routes:
        r = route.risks
        z = _scores(rng, shared, s.correlation)
        share = np.minimum(r.lost_share.at(z[0], out=z[0]), 1.0, out=z[0])
        draws.append((share, r.outage_rate.at(z[1], out=z[1]),
                      r.incident_rate.at(z[2], out=z[2])))
    attrition = [_attrition(route.risks.attrition, shared, s, i) for i, route in enumerate(routes)]
    inputs = np.empty((len(routes), len(INPUTS), n)) if keep_inputs else None
    fill = np.random.default_rng([s.seed, 1])  # only for inputs: the main stream is untouched

    # The status quo's events, cut at each route's switch-over month, so that
    # every route lives through the same status-quo future while it waits.
    sq_risks = routes[sq_index].risks
    cuts = sorted({t.sq_months for t in lines if 0 < t.sq_months < s.horizon_months})
    edges = [0.0, *cuts, float(s.horizon_months)]
    years = (np.diff(edges) / 12.0)[:, None]  # one row per segment
    sq_outage_counts = rng.poisson(draws[sq_index][1] * years).ravel()
    sq_outages = compound_sums(rng, sq_outage_counts, sq_risks.outage_hours).reshape(
        len(years), n)
    sq_incident_counts = rng.poisson(draws[sq_index][2] * years).ravel()
    sq_incidents = compound_sums(rng, sq_incident_counts, sq_risks.incident_cost).reshape(
        len(years), n)

    def sq_part(upto: float) -> tuple[np.ndarray, np.ndarray]:
        """The status quo's outage and incident losses over months [0, upto]."""
        k = sum(1 for end in edges[1:] if end <= upto + 1e-12)
        return sq_outages[:k].sum(axis=0), sq_incidents[:k].sum(axis=0)

    sq_service = routes[sq_index].service
    # Everyone who leaves costs R; a yearly share over months in use, like the lost share.
    per_leaver_year = s.users * replacement_usd(s) / 12.0
    totals = np.empty((len(routes), n))
    stats = np.empty((len(routes), len(LOSSES), len(LOSS_STATS)))
    components = np.empty((len(routes), len(COMPONENTS), n)) if keep_components else None
    for i, (route, t) in enumerate(zip(routes, lines)):
        share, outage_rate, incident_rate = draws[i]
        r = route.risks
        if i == sq_index:
            outage, incident = sq_part(float(s.horizon_months))
            prod = share * t.active
            leave = attrition[i] * t.active
            own_outage, own_incident = outage, incident
            outages = sq_outage_counts.reshape(len(years), n).sum(axis=0)
            incidents = sq_incident_counts.reshape(len(years), n).sum(axis=0)
        else:
            sq_outage, sq_incident = sq_part(t.sq_months)
            own_outage, outages = _events(rng, outage_rate, t.active, r.outage_hours)
            own_incident, incidents = _events(rng, incident_rate, t.active, r.incident_cost)
            outage, incident = own_outage + sq_outage, own_incident + sq_incident
            prod = share * t.active + draws[sq_index][0] * t.sq_months
            leave = attrition[i] * t.active + attrition[sq_index] * t.sq_months
        if inputs is not None:
            inputs[i] = (share, outage_rate,
                         average_sizes(fill, own_outage, outages, r.outage_hours),
                         incident_rate,
                         average_sizes(fill, own_incident, incidents, r.incident_cost),
                         attrition[i])
        setup = route.setup
        # The status quo's own charges while it still serves during the lead time.
        service = route.service * t.billed + sq_service * t.sq_months
        losses = (e * s.hours_month * prod, e * outage, incident, per_leaver_year * leave)
        totals[i] = setup + service + losses[0] + losses[1] + losses[2] + losses[3]
        stacked = np.stack(losses)
        stats[i, :, 0] = stacked.mean(axis=1)
        stats[i, :, 1:] = np.percentile(stacked, [10, 90], axis=1).T
        if components is not None:
            components[i, 0], components[i, 1] = setup, service
            components[i, 2:] = losses
    return Simulation(tuple(route.option_id for route in routes), totals, stats, components,
                      inputs)
