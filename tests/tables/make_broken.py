"""Rebuild the corpus of broken options tables in tests/tables/broken/.

Each file is a small variant of data/options.csv with one fault (or, for
`three_faults.csv`, three), named for what is wrong. EXPECTED.json beside the
files says what a refusal must name: the line (header = line 1) and column of
every fault, or a keyword for faults of the whole file (size, binary, empty).

Run from the project root: `python -m tests.tables.make_broken`. The output is
deterministic, so a rebuild leaves an unchanged corpus unchanged.
"""

from __future__ import annotations

import codecs
import io
import json
import random
import zipfile
from pathlib import Path

from .corpus import DEFAULT, load, to_text, write

OUT = Path(__file__).resolve().parent / "broken"


def edited(changes: dict[tuple[int, str], str]) -> bytes:
    """The default table with cells changed: {(line, column): text}."""
    header, rows = load()
    for (line, column), value in changes.items():
        rows[line - 2][header.index(column)] = value
    return to_text(header, rows).encode("utf-8")


def at(line: int, column: str | None, keyword: str | None = None) -> dict:
    found: dict = {"line": line}
    if column:
        found["column"] = column
    if keyword:
        found["keyword"] = keyword
    return found


# One wrong cell in an otherwise good table: file, line, column, the text put there,
# what the refusal must say beside line and column, and whether it is the only problem.
CELL_FAULTS = [
    ("text_in_number_setup_usd.csv", 2, "setup_usd", "three thousand", None, True),
    ("text_in_number_latency_ms.csv", 3, "latency_ms", "fast", None, True),
    ("low_zero_high_positive_incidents_per_year.csv", 4, "incidents_per_year_low", "0",
     "small positive value", True),
    ("negative_monthly_usd.csv", 3, "monthly_usd", "-5", "out of range", True),
    ("productivity_loss_pct_high_150.csv", 2, "productivity_loss_pct_high", "150",
     "out of range", True),
    ("lead_time_weeks_above_104.csv", 2, "lead_time_weeks", "200", "104", True),
    ("outages_per_year_high_above_365.csv", 4, "outages_per_year_high", "400", "365", True),
    ("setup_usd_above_1e9.csv", 3, "setup_usd", "2e9", "out of range", True),
    ("nan_per_mbps_usd.csv", 2, "per_mbps_usd", "NaN", "finite", True),
    ("inf_monthly_usd.csv", 3, "monthly_usd", "inf", "finite", True),
    ("minus_inf_incident_cost_usd_high.csv", 4, "incident_cost_usd_high", "-inf", "finite", True),
    ("overflow_1e400_setup_usd.csv", 2, "setup_usd", "1e400", "finite", True),
    ("option_id_uppercase.csv", 2, "option_id", "Approved_VPN", "identifier", False),
    ("option_id_starts_with_digit.csv", 3, "option_id", "1leased_circuit", "identifier", False),
    ("option_id_41_chars.csv", 4, "option_id", "d" + "o" * 40, "identifier", False),
    ("duplicate_option_id.csv", 3, "option_id", "approved_vpn", "twice", True),
    ("bad_legal_status.csv", 4, "legal_status", "grey", "grey", True),
    ("bad_reach.csv", 2, "reach", "everywhere", "everywhere", True),
    ("empty_name.csv", 3, "name", "", "empty", True),
    ("name_81_chars.csv", 2, "name", "N" * 81, "80", True),
    ("name_with_control_character.csv", 2, "name", "Approved\x07VPN", "control", True),
    ("sources_over_2000_chars.csv", 4, "sources", "S" * 2001, "2000", True),
    ("notes_200k_chars.csv", 3, "notes", "N" * 200_000, "2000", True),
    ("bad_reach_with_line_break.csv", 3, "reach", "hq\nonly", "not one of", True),
    ("empty_required_per_user_usd.csv", 4, "per_user_usd", "", "empty", True),
]


def build() -> dict[str, tuple[bytes, dict]]:
    header, rows = load()
    files: dict[str, tuple[bytes, dict]] = {}

    def add(name: str, data: bytes, *problems: dict, keyword: str | None = None,
            count: int | None = None) -> None:
        spec: dict = {}
        if problems:
            spec["problems"] = list(problems)
        if keyword:
            spec["keyword"] = keyword
        if count is not None:
            spec["count"] = count
        files[name] = (data, spec)

    # Cell faults: one wrong cell in an otherwise good table.
    for name, line, column, text, keyword, only in CELL_FAULTS:
        add(name, edited({(line, column): text}), at(line, column, keyword),
            count=1 if only else None)
    add("low_above_high_outage_hours.csv",
        edited({(3, "outage_hours_low"): "8", (3, "outage_hours_high"): "4"}),
        at(3, "outage_hours_low", "swap"), count=1)
    add("three_faults.csv",
        edited({(2, "setup_usd"): "n/a", (3, "reach"): "worldwide",
                (4, "outages_per_year_low"): "30"}),
        at(2, "setup_usd"), at(3, "reach"), at(4, "outages_per_year_low"), count=3)

    # Header faults.
    drop = header.index("monthly_usd")
    add("missing_column_monthly_usd.csv",
        to_text([c for i, c in enumerate(header) if i != drop],
                [[c for i, c in enumerate(r) if i != drop] for r in rows]).encode(),
        at(1, "monthly_usd", "missing"), count=1)
    add("duplicate_column_reach.csv",
        to_text(header + ["reach"], [r + [r[header.index("reach")]] for r in rows]).encode(),
        at(1, "reach", "twice"), count=1)
    add("unknown_column_colour.csv",
        to_text(header + ["colour"], [r + ["blue"] for r in rows]).encode(),
        at(1, "colour", "unknown column"), count=1)

    add("unknown_column_with_line_break.csv",
        to_text(header[:-1] + ["no\ntes"], rows).encode(),
        at(1, None, "unknown column"), count=1)

    # Shape faults.
    add("ragged_too_few_cells.csv",
        to_text(header, [rows[0], rows[1][:-3], rows[2]]).encode(),
        at(3, None, "cells"), count=1)
    add("ragged_too_many_cells.csv",
        to_text(header, [rows[0], rows[1], rows[2] + ["extra", "more"]]).encode(),
        at(4, None, "cells"), count=1)
    lines = to_text(header, rows).splitlines(keepends=True)
    start = lines[2].index(",") + 1  # line 3, the start of the name cell
    lines[2] = lines[2][:start] + '"' + lines[2][start:]
    add("unbalanced_quotes.csv", "".join(lines).encode(), at(3, None, "quote"), count=1)
    many = [rows[0][:]]
    for n in range(51):
        row = rows[n % 3][:]
        row[0] = f"route_{n:02d}"
        many.append(row)
    add("rows_51.csv", to_text(header, many[1:]).encode(), keyword="limit is 50", count=1)
    padded = [r[:] for r in rows]
    padded[2][header.index("notes")] = "padding " * 125_001
    add("over_1mb.csv", to_text(header, padded).encode(), keyword="1 MB", count=1)

    # Whole-file faults.
    add("empty_0_bytes.csv", b"", keyword="empty", count=1)
    add("blank_lines_only.csv", b"\r\n\r\n  \r\n", keyword="empty", count=1)
    add("header_only.csv", to_text(header, []).encode(), keyword="no routes", count=1)
    rng = random.Random(20170725)
    garbage = bytearray(rng.randbytes(4096))
    for i in range(0, len(garbage), 7):
        garbage[i] = 0
    add("binary_garbage.csv", bytes(garbage), keyword="binary", count=1)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("xl/worksheets/sheet1.xml", date_time=(2017, 7, 25, 0, 0, 0))
        archive.writestr(info, DEFAULT.read_text(encoding="utf-8"))
    add("zip_renamed.csv", buffer.getvalue(), keyword="zip", count=1)

    # Faults in files a non-English Excel writes.
    semi = [r[:] for r in rows]
    for r in semi:
        for i, c in enumerate(header):
            if c not in ("option_id", "name", "legal_status", "reach", "sources", "notes"):
                r[i] = r[i].replace(".", ",")
    semi[1][header.index("monthly_usd")] = "1.0,00"
    add("semicolon_broken_number_monthly_usd.csv",
        to_text(header, semi, sep=";", newline="\r\n").encode("cp1252"),
        at(3, "monthly_usd", "not a number"), count=1)
    utf16 = [r[:] for r in rows]
    utf16[1][header.index("reach")] = "anywhere"
    add("utf16_tab_bad_reach.csv",
        codecs.BOM_UTF16_LE + to_text(header, utf16, sep="\t", newline="\r\n")
        .encode("utf-16-le"),
        at(3, "reach", "anywhere"), count=1)
    return files


def main() -> None:
    files = build()
    write(OUT, {name: data for name, (data, _spec) in files.items()})
    expected = {name: spec for name, (_data, spec) in sorted(files.items())}
    (OUT / "EXPECTED.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n",
                                       encoding="utf-8")
    print(f"wrote {len(files)} broken tables to {OUT}")


if __name__ == "__main__":
    main()
