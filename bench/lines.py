"""`python -m bench.lines [TRIALS]`: where `simulate`'s time goes, line by line.

A line tracer times every line of connectivity/simulate.py and
connectivity/lognormal.py (a line's time includes what it calls), over a few
runs of the default table at 36 months, and prints the lines that take the
most, with the numpy floor of the same scenario for scale.
"""

from __future__ import annotations

import linecache
import sys
import time
from collections import defaultdict
from pathlib import Path

from connectivity import Scenario, read_default
from connectivity.model.simulate import simulate

from .engine import floor, model_plan
from .timing import interleaved

WATCHED = ("simulate.py", "lognormal.py")
RUNS = 5


def line_times(fn, runs: int) -> dict[tuple[str, int], float]:
    totals: dict[tuple[str, int], float] = defaultdict(float)
    clock = time.perf_counter

    def tracer(frame, event, arg):
        if event != "call" or not frame.f_code.co_filename.endswith(WATCHED):
            return None
        state = [frame.f_lineno, clock()]

        def local(frame, event, arg):
            if event in ("line", "return"):
                now = clock()
                totals[(frame.f_code.co_filename, state[0])] += now - state[1]
                state[0], state[1] = frame.f_lineno, clock()
            return local

        return local

    for _ in range(runs):
        sys.settrace(tracer)
        try:
            fn()
        finally:
            sys.settrace(None)
    return {key: value / runs for key, value in totals.items()}


def main(argv: list[str]) -> int:
    trials = int(argv[0]) if argv else 100_000
    table = read_default()
    s = Scenario(trials=trials, horizon_months=36)
    plan = model_plan(table, s)
    m = interleaved({"floor": lambda: floor(plan, s.seed),
                     "simulate": lambda: simulate(table, s)}, RUNS)
    print(f"{trials:,} trials: simulate {m['simulate'] * 1e3:.1f} ms, numpy floor "
          f"{m['floor'] * 1e3:.1f} ms ({m['simulate'] / m['floor']:.2f}×), medians of {RUNS}")
    times = line_times(lambda: simulate(table, s), RUNS)
    print(f"\nline times, mean of {RUNS} traced runs (inclusive of calls; tracing adds a little):")
    print(f"{'ms':>8}  {'line':<22} code")
    for (path, line), seconds in sorted(times.items(), key=lambda kv: -kv[1])[:25]:
        code = linecache.getline(path, line).strip()
        print(f"{seconds * 1e3:8.1f}  {Path(path).name + ':' + str(line):<22} {code[:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
