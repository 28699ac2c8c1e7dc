"""Reading uploads and writing workbooks: time, and the memory a zip bomb costs to refuse.

The bomb is a workbook of under 1 MB that unpacks to about 1 GB; refusing it must
take well under a second and hold nothing near its unpacked size (tracemalloc peak).
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from pathlib import Path

from .report import Row, progress, verdict

ROOT = Path(__file__).resolve().parents[1]
REPEATS = 5
BOMB_SECONDS = 0.5
BOMB_MB = 20.0
READ_SECONDS = 1.0


def _median_s(fn) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> list[Row]:
    from connectivity import compare, parse_query, read_default, read_table
    from connectivity.export.xlsx import comparison_xlsx
    from connectivity.inputs.problems import TableError
    from harness import xlsx as xlsxkit

    extended = ROOT / "data" / "options_extended.csv"
    workbook = xlsxkit.options_workbook(extended, title="options")
    locale = (ROOT / "tests" / "tables" / "locale" / "en-US_unicode_text.txt").read_bytes()
    rows = []
    for name, data in (("CSV (options_extended.csv)", extended.read_bytes()),
                       ("UTF-16 tab, en-US marks", locale),
                       (".xlsx (options_extended as a workbook)", workbook)):
        seconds = _median_s(lambda data=data: read_table(data))
        progress(f"read {name}: {seconds * 1000:.0f} ms")
        target = name.startswith(".xlsx")
        rows.append(Row("uploads", f"read {name}", f"{seconds * 1000:.0f} ms",
                        target=f"< {READ_SECONDS:g} s" if target else "",
                        verdict=verdict(seconds < READ_SECONDS) if target else ""))

    bomb = xlsxkit.zip_bomb()

    def refuse() -> None:
        try:
            read_table(bomb)
        except TableError:
            return
        raise AssertionError("the zip bomb was read")

    seconds = _median_s(refuse)
    tracemalloc.start()
    refuse()
    peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    progress(f"zip bomb refused in {seconds * 1000:.1f} ms, peak {peak_mb:.2f} MB")
    rows.append(Row("uploads", f"refuse a zip bomb ({len(bomb):,} bytes, ~1 GB unpacked)",
                    f"{seconds * 1000:.1f} ms", target=f"< {BOMB_SECONDS:g} s",
                    verdict=verdict(seconds < BOMB_SECONDS)))
    rows.append(Row("uploads", "zip bomb: peak Python memory while refusing",
                    f"{peak_mb:.2f} MB", target=f"< {BOMB_MB:g} MB",
                    verdict=verdict(peak_mb < BOMB_MB)))

    table = read_default()
    scenario, _ = parse_query("trials=20000", table)
    result = compare(table, scenario)
    seconds = _median_s(lambda: comparison_xlsx(result.comparison, result.table, scenario,
                                                "http://localhost:8501/?" + scenario.query()))
    progress(f"comparison workbook written in {seconds * 1000:.0f} ms")
    rows.append(Row("uploads", "write the comparison workbook (.xlsx)",
                    f"{seconds * 1000:.0f} ms"))
    return rows
