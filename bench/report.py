"""The one results table: rows of figures, printed and written as Markdown."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

COLUMNS = ("group", "measurement", "median", "per trial", "ratio", "target", "verdict", "notes")


@dataclass
class Row:
    group: str
    measurement: str
    median: str = ""
    per_trial: str = ""
    ratio: str = ""
    target: str = ""
    verdict: str = ""
    notes: str = ""

    def cells(self) -> list[str]:
        return [self.group, self.measurement, self.median, self.per_trial, self.ratio,
                self.target, self.verdict, self.notes]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def progress(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(rows: list[Row]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_cell(c) for c in row.cells()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# The hand-written part of the results file, kept under each new table: figures the
# code's choices rest on, which code comments would let go stale.
NOTES = "## Figures behind the code"


def kept_notes(path: Path) -> str:
    """The NOTES section of the file at `path` (from its heading to the end), or ""."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    start = old.find("\n" + NOTES + "\n")
    return old[start:] if start >= 0 else ""


def publish(rows: list[Row], header: str, path: Path) -> None:
    """Print the table (after a header line) and write the same to `path`, above the
    notes the file already holds."""
    text = f"{header}\n\n{markdown(rows)}"
    sys.stdout.write("\n" + text)
    sys.stdout.flush()
    path.write_text(text + kept_notes(path), encoding="utf-8")
