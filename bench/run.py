"""`python -m bench.run`: every figure, then one Markdown table (also in bench/results.md).

Sections: engine (simulate and compare against the numpy floor), decide (what regret,
EVPI and EVPPI add to a cold comparison, and their cache entries), peers
(pyfair, squigglepy), apptest (script runs), browser (link to headline shown and to charts drawn),
memory (server RSS per open session), uploads (reading CSV and .xlsx, refusing a
zip bomb, writing the comparison workbook), memo (time to build the decision
memo) and links (creating a short link, opening one against the full link). A
section that cannot run says why in the table; the benchmark always exits 0: it
reports, it does not fail.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from .report import Row, progress, publish

RESULTS = Path(__file__).resolve().parent / "results.md"
REQUIREMENTS = Path(__file__).resolve().parents[1] / "requirements.txt"
SECTIONS = ("engine", "decide", "peers", "apptest", "browser", "memory", "uploads", "memo",
            "links")


def pins() -> tuple[bool, str]:
    """Whether every pin of requirements.txt is what is installed."""
    wrong = []
    for line in REQUIREMENTS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" not in line:
            continue
        name, wanted = (part.strip() for part in line.split("==", 1))
        try:
            have = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            have = "missing"
        if have != wanted:
            wrong.append(f"{name} {have} (pinned {wanted})")
    return not wrong, "; ".join(wrong) or "every pin of requirements.txt as installed"


def _section(name: str, fn: Callable[[], list[Row]]) -> list[Row]:
    progress(f"--- {name} ---")
    start = time.perf_counter()
    try:
        rows = fn()
    except Exception as error:  # a benchmark reports what it could not measure
        reason = traceback.format_exception_only(type(error), error)[-1].strip()
        progress(f"{name}: could not run: {reason}")
        rows = [Row(name, "could not run", "n/a", notes=reason[:300])]
    progress(f"{name} took {time.perf_counter() - start:.0f} s")
    return rows


def _targets_last(rows: list[Row]) -> list[Row]:
    """Target verdicts move to a summary at the end of the table."""
    summary = []
    for row in rows:
        if row.target:
            summary.append(Row("TARGET", f"{row.group}: {row.measurement}", row.median,
                               row.per_trial, row.ratio, row.target, row.verdict))
            row.target = row.verdict = ""
    return rows + summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections, of: {', '.join(SECTIONS)}")
    args = parser.parse_args(argv)
    chosen = [s for s in args.only.split(",") if s]
    unknown = sorted(set(chosen) - set(SECTIONS))
    if unknown:
        parser.error(f"unknown section(s): {', '.join(unknown)}")

    started = time.perf_counter()
    load_before = os.getloadavg()
    ok, pin_text = pins()
    progress(f"requirements.txt pins intact: {ok} ({pin_text})")

    import connectivity  # after the pin check: it imports numpy and pandas

    table = connectivity.read_default()
    rows: list[Row] = [Row("setup", "requirements.txt pins intact", "yes" if ok else "NO",
                           notes=pin_text)]
    if "engine" in chosen:
        from . import engine
        rows += _section("engine", lambda: engine.run(table)[0])
    if "decide" in chosen:
        from . import decide
        rows += _section("decide", lambda: decide.run(table))
    if "peers" in chosen:
        from . import peers
        rows += _section("peers", lambda: peers.run(table))
    if "apptest" in chosen:
        from . import app
        rows += _section("apptest", app.run)
    if "browser" in chosen:
        from . import browser
        rows += _section("browser", browser.run)
    if "memory" in chosen:
        from . import memory
        rows += _section("memory", memory.run)
    if "uploads" in chosen:
        from . import uploads
        rows += _section("uploads", uploads.run)
    if "memo" in chosen:
        from . import memo
        rows += _section("memo", memo.run)
    if "links" in chosen:
        from . import links
        rows += _section("links", links.run)

    load_after = os.getloadavg()
    versions = ", ".join(f"{p} {importlib.metadata.version(p)}"
                         for p in ("numpy", "pandas", "streamlit"))
    header = (f"# Benchmark ({time.strftime('%Y-%m-%d %H:%M')})\n\n"
              f"Python {platform.python_version()}, {versions}; {os.cpu_count()} cores; "
              f"load average {load_before[0]:.1f} at the start, {load_after[0]:.1f} at the "
              f"end; the whole run took {time.perf_counter() - started:.0f} s. Times are "
              f"medians; ratios come from figures measured side by side in this run.")
    publish(_targets_last(rows), header, RESULTS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
