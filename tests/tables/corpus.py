"""What the two corpus builders share: data/options.csv as rows, rows as CSV, writing out."""

from __future__ import annotations

import csv
import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT / "data" / "options.csv"


def load() -> tuple[list[str], list[list[str]]]:
    """data/options.csv: its header and its rows, every cell as written."""
    records = list(csv.reader(io.StringIO(DEFAULT.read_text(encoding="utf-8"), newline="")))
    return records[0], records[1:]


def to_text(header: list[str], rows: list[list[str]], sep: str = ",", newline: str = "\n",
            quoting: int = csv.QUOTE_MINIMAL) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator=newline, quoting=quoting)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def write(out: Path, files: dict[str, bytes]) -> None:
    """The corpus into `out`: every file written, any .csv no longer built removed."""
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.csv"):
        if old.name not in files:
            old.unlink()
    for name, data in files.items():
        (out / name).write_bytes(data)
