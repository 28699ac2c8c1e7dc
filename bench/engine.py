"""The engine against its floor: plain numpy drawing the variates the model needs.

The floor draws as many random variates as the model of SPEC section 4 needs
for the scenario, with the same generator, and nothing else: the climate
normals, 3 normals per route per trial, one Poisson count per trial for each
route's outages and incidents and for each status-quo segment (the status
quo's events are cut at every route's switch-over month), at the expected rate
of that draw, and one normal per expected event (events whose size is fixed
need none). The count comes from the model, not from the code, so a faster
`simulate` cannot lower its own floor; a counting run of `simulate` checks it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from unittest import mock

import numpy as np
import pandas as pd

from connectivity import Scenario, compare
from connectivity.model.routes import risks, timeline
from connectivity.model.simulate import simulate

from .report import Row, progress, verdict
from .timing import interleaved, ms, us_per_trial

TRIALS = (20_000, 100_000, 200_000)
RUNS = 9
FLOOR_TARGET = 1.5
NORMALS = ("standard_normal", "normal")


@dataclass
class Plan:
    """The variates one trial set needs."""

    trials: int
    routes: int
    poisson_lams: list[float] = field(default_factory=list)  # one count per trial each
    events_per_trial: float = 0.0  # each needs one normal for its size

    @property
    def event_normals(self) -> int:
        return round(self.events_per_trial * self.trials)

    @property
    def normals(self) -> int:
        return self.trials + 3 * self.routes * self.trials + self.event_normals

    @property
    def variates(self) -> int:
        return self.normals + len(self.poisson_lams) * self.trials


def model_plan(table: pd.DataFrame, s: Scenario) -> Plan:
    """What the model draws for this table and scenario, from the expected rates."""
    rows = table.to_dict("records")
    sq_row = next(row for row in rows if row["option_id"] == s.status_quo)
    horizon = float(s.horizon_months)
    lines = [timeline(row, row is sq_row, s.horizon_months) for row in rows]
    plan = Plan(s.trials, len(rows))

    def events(row: dict, months: float) -> None:
        if months <= 0:
            return
        r = risks(row)
        for rate, size in ((r.outage_rate, r.outage_hours), (r.incident_rate, r.incident_cost)):
            plan.poisson_lams.append(rate.mean() * months / 12.0)
            if not size.fixed:
                plan.events_per_trial += plan.poisson_lams[-1]

    cuts = sorted({t.sq_months for t in lines if 0 < t.sq_months < horizon})
    edges = [0.0, *cuts, horizon]
    for a, b in zip(edges[:-1], edges[1:]):
        events(sq_row, b - a)
    for row, t in zip(rows, lines):
        if row is not sq_row:
            events(row, t.active)
    return plan


class CountingGenerator:
    """A numpy Generator that counts what it is asked to draw, by method."""

    def __init__(self, rng: np.random.Generator) -> None:
        self._rng = rng
        self.variates: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()

    def __getattr__(self, name: str):
        method = getattr(self._rng, name)
        if not callable(method):
            return method

        def counted(*args, **kwargs):
            out = method(*args, **kwargs)
            self.variates[name] += int(np.size(out))
            self.calls[name] += 1
            return out

        return counted


def counted_run(table: pd.DataFrame, s: Scenario) -> CountingGenerator | None:
    """One `simulate` run through a counting generator (None if it makes none)."""
    original = np.random.default_rng
    made: list[CountingGenerator] = []

    def counting_rng(*args, **kwargs):
        made.append(CountingGenerator(original(*args, **kwargs)))
        return made[-1]

    with mock.patch.object(np.random, "default_rng", counting_rng):
        simulate(table, s)
    return made[0] if made else None


def cross_check(plan: Plan, rng: CountingGenerator | None) -> str:
    """How the run's draws compare with the model's count."""
    if rng is None:
        return "the counting run saw no np.random.default_rng: not checked"
    normals = sum(rng.variates[m] for m in NORMALS)
    poisson = rng.variates["poisson"] / plan.trials
    other = {m: v for m, v in rng.variates.items() if m not in (*NORMALS, "poisson")}
    text = (f"the run drew {normals / plan.trials:.1f} normals/trial (model "
            f"{plan.normals / plan.trials:.1f}) and {poisson:.0f} Poisson/trial (model "
            f"{len(plan.poisson_lams)})")
    if other:
        text += "; also " + ", ".join(f"{m} {v / plan.trials:.2f}/trial" for m, v in other.items())
    return text


def floor(plan: Plan, seed: int) -> None:
    """Plain numpy: the same number of variates of the same kinds, nothing else.

    The model needs a normal climate per trial, three lognormal draws per route
    and trial (lost share, disruption rate, incident rate), the Poisson counts,
    and one lognormal size per event; numpy's own lognormal draws them.
    """
    rng = np.random.default_rng(seed)
    n = plan.trials
    rng.standard_normal(n)
    for _ in range(plan.routes):
        rng.lognormal(0.0, 1.0, (3, n))
    for lam in plan.poisson_lams:
        rng.poisson(lam, n)
    rng.lognormal(0.0, 1.0, plan.event_normals)


def run(table: pd.DataFrame, runs: int = RUNS) -> tuple[list[Row], dict[int, dict[str, float]]]:
    rows: list[Row] = []
    medians: dict[int, dict[str, float]] = {}
    for n in TRIALS:
        s = Scenario(trials=n, horizon_months=36)
        plan = model_plan(table, s)
        check = cross_check(plan, counted_run(table, s))
        progress(f"engine {n:,} trials: the model needs {plan.variates:,} variates "
                 f"({plan.normals:,} normals of which {plan.event_normals:,} for "
                 f"{plan.events_per_trial:.1f} events/trial, {len(plan.poisson_lams)}×{n:,} "
                 f"Poisson); {check}")
        m = interleaved({
            "floor": lambda plan=plan, s=s: floor(plan, s.seed),
            # As the app runs them: totals and loss statistics, no per-trial components.
            "simulate": lambda s=s: simulate(table, s, keep_components=False),
            "compare": lambda s=s: compare(table, s, keep_components=False),
        }, runs)
        medians[n] = m
        progress(f"engine {n:,} trials: floor {ms(m['floor'])}, simulate {ms(m['simulate'])}, "
                 f"compare {ms(m['compare'])} (medians of {runs})")
        rows.append(Row("engine", f"numpy floor, {n:,} trials", ms(m["floor"]),
                        us_per_trial(m["floor"], n), notes=(
                            f"{plan.variates / n:.1f} variates/trial: {plan.normals / n:.1f} "
                            f"normal or lognormal ({plan.events_per_trial:.1f} event sizes) + "
                            f"{len(plan.poisson_lams)} Poisson; {check}")))
        for name in ("simulate", "compare"):
            ratio = m[name] / m["floor"]
            cpu_ratio = m.cpu[name] / m.cpu["floor"]
            target = f"≤ {FLOOR_TARGET}× floor" if n == 100_000 else ""
            rows.append(Row("engine", f"{name}, {n:,} trials", ms(m[name]),
                            us_per_trial(m[name], n), f"{ratio:.2f}× floor", target,
                            verdict(ratio <= FLOOR_TARGET) if target else "",
                            f"median of {runs}, interleaved with the floor; by CPU time "
                            f"{cpu_ratio:.2f}× floor"))
    return rows, medians
