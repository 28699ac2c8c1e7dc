"""The app's script runs under streamlit.testing's AppTest: cold, warm, after one change.

- cold: a new session with every st.cache_data emptied (the comparison is
  computed), after one untimed run that pays for the imports;
- warm rerun: the same session run again, nothing changed (the cache answers);
- after one change: a new session's first run, then the sidebar's `users` set
  to a value not seen before (so the comparison is computed), then the rerun.
  The change is made right after the first run: under st.navigation the sidebar
  widgets vanish from AppTest's element tree after a rerun.

The figure is the wall time of `.run()`; the default scenario has 20,000 trials.
"""

from __future__ import annotations

import contextlib
import logging
import statistics

import streamlit as st

from harness.apptest import assert_healthy as _healthy
from harness.apptest import new_app as _new

from .report import Row, progress, verdict
from .timing import ms, wall

RUNS = 7
CHANGE_TARGET_S = 0.300


@contextlib.contextmanager
def _quiet():
    """Streamlit warns about a missing runtime outside a server; nothing to see here."""
    logging.disable(logging.WARNING)
    try:
        yield
    finally:
        logging.disable(logging.NOTSET)


def run(runs: int = RUNS) -> list[Row]:
    with _quiet():
        return _run(runs)


def _run(runs: int) -> list[Row]:
    st.cache_data.clear()
    at = _new()
    first = wall(at.run)
    _healthy(at)
    progress(f"apptest: first run in this process (imports included) {ms(first)}")

    cold, warm, changed = [], [], []
    for i in range(runs):
        st.cache_data.clear()
        at = _new()
        cold.append(wall(at.run))
        _healthy(at)
        warm.append(wall(at.run))
        _healthy(at)

        at = _new()
        at.run()
        users = 1000 + i
        at.text_input(key="users").input(str(users))
        changed.append(wall(at.run))
        _healthy(at)
        if at.session_state["users"] != str(users):
            raise RuntimeError("the sidebar change did not reach the session")
        progress(f"apptest run {i + 1}/{runs}: cold {ms(cold[-1])}, warm rerun "
                 f"{ms(warm[-1])}, rerun after users={users} {ms(changed[-1])}")

    c, w, x = (statistics.median(v) for v in (cold, warm, changed))
    return [
        Row("apptest", "first run in a fresh process", ms(first),
            notes="imports and first compile included; one run"),
        Row("apptest", "cold run (new session, caches emptied)", ms(c),
            notes=f"Compare page, 20,000 trials; median of {runs}"),
        Row("apptest", "warm rerun (nothing changed)", ms(w),
            notes=f"comparison from st.cache_data; median of {runs}"),
        Row("apptest", "rerun after one sidebar change (users)", ms(x),
            ratio=f"{x / CHANGE_TARGET_S:.2f}× the 300 ms budget",
            target=f"< {CHANGE_TARGET_S * 1e3:.0f} ms", verdict=verdict(x < CHANGE_TARGET_S),
            notes=f"20,000 trials, comparison computed (a value not seen before); "
                  f"median of {runs}"),
    ]
