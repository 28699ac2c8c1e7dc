"""Rebuild the valid spreadsheet variants of data/options.csv in tests/tables/excel/.

Each file is data/options.csv as a spreadsheet program may write it (encoding,
separator, decimal commas, line endings, trailing separators, spellings). All
must be accepted and read as the same table; the one exception is
`cp1252_cafe.csv`, whose first route is renamed to carry non-ASCII letters
(see RENAMED). Run from the project root: `python -m tests.tables.make_excel`,
again whenever data/options.csv changes.
"""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

from .corpus import load, write
from .corpus import to_text as corpus_text

OUT = Path(__file__).resolve().parent / "excel"
TEXT = ("option_id", "name", "legal_status", "reach", "sources", "notes")
# file name -> (line, new name) for variants that rename a route.
RENAMED = {"cp1252_cafe.csv": (2, "Café VPN – licensed (Zürich HQ)")}


def to_text(header: list[str], rows: list[list[str]], sep: str = ",", newline: str = "\r\n",
            quoting: int = csv.QUOTE_MINIMAL) -> str:
    """As Excel writes: CRLF line ends unless told otherwise."""
    return corpus_text(header, rows, sep, newline, quoting)


def german(value: str) -> str:
    """A number as German Excel shows it: 0,005 and 20.000 (thousands grouped)."""
    if not value:
        return value
    number = float(value)
    if number.is_integer():
        return f"{int(number):,}".replace(",", ".")
    return value.replace(".", ",")


def build() -> dict[str, bytes]:
    header, rows = load()
    files: dict[str, bytes] = {}
    files["utf8_bom.csv"] = codecs.BOM_UTF8 + to_text(header, rows).encode("utf-8")
    # Excel "Unicode Text": UTF-16 LE with BOM, tab separated, CRLF.
    files["utf16le_bom_tab.csv"] = (codecs.BOM_UTF16_LE
                                    + to_text(header, rows, sep="\t").encode("utf-16-le"))
    renamed = [r[:] for r in rows]
    line, name = RENAMED["cp1252_cafe.csv"]
    renamed[line - 2][header.index("name")] = name
    files["cp1252_cafe.csv"] = to_text(header, renamed).encode("cp1252")
    # German Excel "CSV (Trennzeichen-getrennt)": Windows-1252, semicolons, decimal commas.
    local = [[c if header[i] in TEXT else german(c) for i, c in enumerate(r)] for r in rows]
    files["semicolon_decimal_comma_cp1252.csv"] = to_text(header, local, sep=";").encode("cp1252")
    # German Excel "CSV UTF-8" with money formatted to two decimals: 3.000,00 and 0,50.
    money = [[c if header[i] in TEXT or not c else german(c) + ",00" if "." not in c
              else german(c) for i, c in enumerate(r)] for r in rows]
    files["semicolon_thousands_two_decimals_bom.csv"] = (
        codecs.BOM_UTF8 + to_text(header, money, sep=";").encode("utf-8"))
    files["crlf.csv"] = to_text(header, rows, newline="\r\n").encode("utf-8")
    files["lf_no_final_newline.csv"] = to_text(header, rows, newline="\n").rstrip("\n").encode()
    # Excel for Mac "CSV (Macintosh)" ends lines with CR alone.
    files["cr_only_mac.csv"] = to_text(header, rows, newline="\r").encode("utf-8")
    files["tab.csv"] = to_text(header, rows, sep="\t").encode("utf-8")
    files["all_cells_quoted.csv"] = to_text(header, rows, quoting=csv.QUOTE_ALL).encode()
    # Excel keeps separators for columns that were once touched, and blank rows below.
    width = len(header) + 2
    padded = [r + [""] * (width - len(r)) for r in [header, *rows]]
    padded += [[""] * width] * 3
    files["trailing_separators_blank_lines.csv"] = to_text(padded[0], padded[1:]).encode()
    spelled = [r[:] for r in rows]
    for r in spelled:
        status = r[header.index("legal_status")]
        r[header.index("legal_status")] = {"authorised": "authorized",
                                           "unauthorised": "Unauthorized"}.get(status, status)
    files["american_spelling.csv"] = to_text(header, spelled).encode()
    files["header_mixed_case_spaces.csv"] = to_text(
        [f" {c.upper()} " if i % 2 else c.title() for i, c in enumerate(header)], rows).encode()
    return files


def main() -> None:
    files = build()
    write(OUT, files)
    print(f"wrote {len(files)} spreadsheet variants to {OUT}")


if __name__ == "__main__":
    main()
