"""Regret, EVPI and EVPPI: what they add to a cold comparison, and what a cache entry holds.

Side by side at the default 20,000 trials, for the default table (15 uncertain inputs)
and the extended one (6 routes, 30): the app's cold comparison (`compare` without
per-trial components) against the Decide page's cold run (`value_of_information`: one
simulation that keeps each input's draw, then EVPI, regret and every EVPPI). What the
value of information adds on top of a simulation is measured against `simulate` in the
same rounds. The Decide page is also run under AppTest, cold and then warm (a warm rerun
reads the values from st.cache_data and computes nothing). Memory:
the pickled size of each cached entry (what st.cache_data stores), with and without the
regret column, and whether the comparison's entry holds any per-trial input draws.
"""

from __future__ import annotations

import dataclasses
import pickle
import statistics
from pathlib import Path

import pandas as pd
import streamlit as st

from connectivity import Scenario, compare, read_table
from connectivity.model.information import value_of_information
from connectivity.model.regret import expected_regret
from connectivity.model.simulate import simulate

from .app import _healthy, _new, _quiet
from .report import Row, progress, verdict
from .timing import interleaved, ms, wall

RUNS = 9
PAGE_RUNS = 5
TRIALS = 20_000
ADDED_TARGET_MS = 150.0
EXTENDED = Path(__file__).resolve().parents[1] / "data" / "options_extended.csv"


def _kb(value: object) -> float:
    return len(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)) / 1e3


def _timing_rows(name: str, table: pd.DataFrame, s: Scenario, runs: int) -> list[Row]:
    inputs = int(sum((table[f"{stem}_low"] != table[f"{stem}_high"]).sum()
                     for stem in ("productivity_loss_pct", "outages_per_year", "outage_hours",
                                  "incidents_per_year", "incident_cost_usd")))
    sim = simulate(table, s, keep_components=False)
    m = interleaved({
        "compare": lambda: compare(table, s, keep_components=False),
        "simulate": lambda: simulate(table, s, keep_components=False),
        "value": lambda: value_of_information(table, s),
        "regret": lambda: expected_regret(sim.totals),
    }, runs)
    added, added_cpu = m["value"] - m["simulate"], m.cpu["value"] - m.cpu["simulate"]
    progress(f"decide {name}: compare {ms(m['compare'])}, simulate {ms(m['simulate'])}, "
             f"value of information {ms(m['value'])}, regret column {ms(m['regret'])}")
    where = f"{name} table, {len(table)} routes, {inputs} uncertain inputs, {TRIALS:,} trials"
    return [
        Row("decide", f"cold comparison, {where}", ms(m["compare"]),
            notes=f"compare(keep_components=False), as the app caches it; median of {runs}"),
        Row("decide", f"regret column alone, {where}", ms(m["regret"]),
            ratio=f"{m['regret'] / m['compare']:.4f}× the comparison",
            notes="expected_regret on the simulated totals, inside every comparison"),
        Row("decide", f"value of information, {where}", ms(m["value"]),
            ratio=f"{m['value'] / m['compare']:.2f}× the comparison",
            notes=("the Decide page's cold run: one simulation keeping the inputs, EVPI, "
                   f"regret and {inputs} EVPPIs; by CPU time "
                   f"{m.cpu['value'] / m.cpu['compare']:.2f}× the comparison")),
        Row("decide", f"added by EVPI, regret and EVPPI, {where}", ms(added),
            ratio=f"{added / m['compare']:.2f}× the comparison",
            target=f"< {ADDED_TARGET_MS:.0f} ms", verdict=verdict(added * 1e3 < ADDED_TARGET_MS),
            notes=(f"value of information − simulate, side by side (by CPU time "
                   f"{added_cpu * 1e3:,.1f} ms); keeping the draws plus every estimate")),
    ]


def _memory_rows(table: pd.DataFrame, s: Scenario) -> list[Row]:
    result = compare(table, s, keep_components=False)
    # Both frames copied the same way, so that only the column differs in the pickle.
    without = result.comparison.drop(columns=["expected_regret_usd"]).copy()
    entry = _kb(dataclasses.replace(result, comparison=result.comparison.copy()))
    before = _kb(dataclasses.replace(result, comparison=without))
    info = value_of_information(table, s)
    kept = simulate(table, s, keep_components=False, keep_inputs=True)
    return [
        Row("decide", "cached comparison entry, default table", f"{entry:,.1f} kB",
            ratio=f"{entry / before:.4f}× without the regret column",
            notes=(f"pickled Result; holds per-trial inputs: "
                   f"{'yes' if result.simulation.inputs is not None else 'no'}; "
                   f"{before:,.1f} kB without the regret column")),
        Row("decide", "cached value-of-information entry, default table", f"{_kb(info):,.2f} kB",
            notes=(f"pickled Information (no per-trial arrays); the per-trial input draws it "
                   f"was made from ({kept.inputs.nbytes / 1e6:,.1f} MB) are dropped")),
    ]


def _page_rows(runs: int) -> list[Row]:
    """The Decide page under AppTest: a cold run (caches emptied), then a warm rerun."""
    cold, warm = [], []
    with _quiet():
        for _ in range(runs + 1):  # the first pays for the imports and is not counted
            st.cache_data.clear()
            at = _new()
            at.switch_page("pages/decide.py")
            cold.append(wall(at.run))
            _healthy(at)
            warm.append(wall(at.run))
            _healthy(at)
    c, w = statistics.median(cold[1:]), statistics.median(warm[1:])
    progress(f"decide page: cold {ms(c)}, warm rerun {ms(w)}")
    return [
        Row("decide", "Decide page, cold run (caches emptied)", ms(c),
            notes=f"AppTest, default scenario, 20,000 trials; median of {runs}"),
        Row("decide", "Decide page, warm rerun (nothing changed)", ms(w),
            ratio=f"{w / c:.2f}× its cold run",
            notes=f"the values from st.cache_data, nothing recomputed; median of {runs}"),
    ]


def run(table: pd.DataFrame, runs: int = RUNS) -> list[Row]:
    s = Scenario(trials=TRIALS)
    rows = _timing_rows("default", table, s, runs)
    rows += _timing_rows("extended", read_table(EXTENDED.read_bytes()), s, runs)
    return rows + _memory_rows(table, s) + _page_rows(PAGE_RUNS)
