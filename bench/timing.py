"""Timing helpers: wall time, medians, and side-by-side (interleaved) runs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def wall(fn: Callable[[], object]) -> float:
    """Seconds one call of fn takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def cpu(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds (this process) of one call of fn."""
    start, start_cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - start_cpu


class Medians(dict):
    """Median wall seconds by name; `.cpu` holds the median CPU seconds by name."""

    cpu: dict[str, float]


def interleaved(fns: dict[str, Callable[[], object]], runs: int,
                warmup: bool = True) -> Medians:
    """Median seconds of each fn, the fns taking turns in every round.

    Taking turns means a slow moment of the machine hits all of them alike,
    so their ratios are measured side by side. CPU time is kept too: on a
    machine that others load, it moves less than wall time.
    """
    if warmup:
        for fn in fns.values():
            fn()
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            times[name].append(cpu(fn))
    out = Medians({name: statistics.median(w for w, _ in v) for name, v in times.items()})
    out.cpu = {name: statistics.median(c for _, c in v) for name, v in times.items()}
    return out


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms"


def us_per_trial(seconds: float, trials: int) -> str:
    return f"{seconds / trials * 1e6:.2f} µs"
