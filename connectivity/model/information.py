"""The value of information for one scenario: regret per route, EVPI, and each uncertain
input's EVPPI, labelled the way the tornado labels them. Holds no per-trial arrays, so a
cached entry stays small."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..inputs.scenario import Scenario, table_in_use
from ..schema.columns import words
from .expected import components_frame
from .regret import bin_count, evpi, evppi, expected_regret, noise_floor
from .routes import plan
from .simulate import INPUTS, simulate_plan


@dataclass(frozen=True)
class InputValue:
    route: int  # index in the table in use
    stem: str  # the range's column stem, e.g. "productivity_loss_pct"
    label: str  # "Approved VPN: lost share of work"
    value: float  # EVPPI, USD


@dataclass(frozen=True)
class Information:
    names: tuple[str, ...]  # route display names, in the table's order
    expected_totals: tuple[float, ...]  # exact
    regrets: tuple[float, ...]  # simulated expected regret per route
    evpi: float
    noise: float  # what the estimator gives an input that tells nothing
    inputs: tuple[InputValue, ...]  # every uncertain range, largest EVPPI first
    trials: int
    bins: int

    @property
    def winner(self) -> int:
        """The route with the lowest exact expected total (the first one on a tie)."""
        return int(np.argmin(self.expected_totals))


LEAST = 1.0  # USD: a value that rounds to nothing is not worth naming


def worth_learning(info: Information) -> list[int]:
    """Indices of the inputs worth more than the estimate's noise (and than a dollar)."""
    floor = max(info.noise, LEAST)
    return [k for k, v in enumerate(info.inputs) if v.value > floor]


def first_to_find_out(info: Information) -> int | None:
    """The input worth finding out first: the largest EVPPI above the noise, or None."""
    real = worth_learning(info)
    return real[0] if real and len(info.names) > 1 else None


def input_words(stem: str) -> str:
    """The tornado's words for a range without their unit: "lost share of work"."""
    return words(stem, unit=False, first_capital=False)


def value_of_information(default_table: pd.DataFrame, s: Scenario) -> Information:
    """Simulate once keeping each input's per-trial draw, then value every input."""
    table = table_in_use(default_table, s)
    rows = table.to_dict("records")
    routes = plan(rows, s)
    sim = simulate_plan(routes, keep_components=False, keep_inputs=True)
    assert sim.inputs is not None
    names = tuple(str(r["name"]) for r in rows)
    bins = bin_count(s.trials)
    values = []
    for i, row in enumerate(rows):
        for k, stem in enumerate(INPUTS):
            if row[f"{stem}_low"] == row[f"{stem}_high"]:
                continue  # a fixed value: nothing to learn
            values.append(InputValue(i, stem, f"{names[i]}: {input_words(stem)}",
                                     evppi(sim.totals, sim.inputs[i, k], bins)))
    values.sort(key=lambda v: -v.value)  # stable: the table's order among equals
    totals = components_frame(routes)["total"]
    return Information(names, tuple(float(t) for t in totals),
                       tuple(float(r) for r in expected_regret(sim.totals)),
                       evpi(sim.totals), noise_floor(sim.totals, s.seed, bins), tuple(values),
                       s.trials, bins)
