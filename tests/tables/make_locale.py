"""Rebuild tests/tables/locale/: tables as spreadsheets in other locales save them.

Each file carries the byte pattern of one real save: Excel en-US "Unicode Text"
(UTF-16 LE with BOM, tabs, CRLF, money shown with #,##0 as `5,000`), Excel de-DE
"CSV (Trennzeichen-getrennt)" (Windows-1252, semicolons, `0,005`, `3.000`), Excel
de-CH "CSV UTF-8" (BOM, semicolons, decimal points, `3'000`) and the same in
Windows-1252 with the typographic apostrophe (`3’000`) newer Windows writes. What each
must give is in tests/test_locales.py. Run from the project root:
`python tests/tables/make_locale.py`, again whenever data/options.csv changes.
"""

from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "locale"
DEFAULT = ROOT / "data" / "options.csv"
TEXT = ("option_id", "name", "legal_status", "reach", "sources", "notes")
MONEY = ("setup_usd", "monthly_usd", "per_mbps_usd", "per_user_usd", "incident_cost_usd_low",
         "incident_cost_usd_high")
# The per-Mbps charge the leased circuit was misread from (80.125 -> 80125).
LEASED_PER_MBPS = "80.125"


def load() -> tuple[list[str], list[list[str]]]:
    records = list(csv.reader(io.StringIO(DEFAULT.read_text(encoding="utf-8"), newline="")))
    return records[0], records[1:]


def shown(value: str, column: str, thousands: str, decimal: str) -> str:
    """A cell as the spreadsheet displays (and so saves) it: money grouped, decimals as typed."""
    if column in TEXT or not value:
        return value
    whole, _, fraction = value.partition(".")
    if column in MONEY or len(whole) > 3:
        whole = f"{int(whole):,}".replace(",", thousands)
    return whole + (decimal + fraction if fraction else "")


def save(header: list[str], rows: list[list[str]], sep: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="\r\n").writerows([header, *rows])
    return out.getvalue()


def build() -> dict[str, bytes]:
    header, rows = load()
    files: dict[str, bytes] = {}

    def local(thousands: str, decimal: str, source: list[list[str]] = rows) -> list[list[str]]:
        return [[shown(c, header[i], thousands, decimal) for i, c in enumerate(r)]
                for r in source]

    leased = [r[:] for r in rows]
    leased[1][header.index("per_mbps_usd")] = LEASED_PER_MBPS
    files["en-US_unicode_text.txt"] = codecs.BOM_UTF16_LE + save(
        header, local(",", ".", leased), "\t").encode("utf-16-le")
    # A manager's own one-route table: whole numbers and 80.125, nothing proves the mark.
    own = [r[:] for r in leased[1:2]]
    for column, value in {"incidents_per_year_low": "1", "incidents_per_year_high": "2",
                          "outages_per_year_low": "1", "outage_hours_low": "1",
                          "attrition_pct_low": "1"}.items():
        own[0][header.index(column)] = value
    files["en-US_unicode_text_unproven.txt"] = codecs.BOM_UTF16_LE + save(
        header, local(",", ".", own), "\t").encode("utf-16-le")
    files["de-DE_semicolon_cp1252.csv"] = save(header, local(".", ","), ";").encode("cp1252")
    files["de-CH_semicolon_utf8.csv"] = codecs.BOM_UTF8 + save(
        header, local("'", "."), ";").encode("utf-8")
    files["de-CH_semicolon_cp1252_typographic.csv"] = save(
        header, local("\u2019", "."), ";").encode("cp1252")
    return files


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    files = build()
    for old in OUT.iterdir():
        if old.name not in files:
            old.unlink()
    for name, data in files.items():
        (OUT / name).write_bytes(data)
    print(f"wrote {len(files)} locale variants to {OUT}")


if __name__ == "__main__":
    main()
