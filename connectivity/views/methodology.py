"""The Methodology page's content: Markdown under docs/methodology/, filled in from the code.

Every `*.md` file of that folder is one part of the page, in file-name order (hence the
number in front: `10-compared.md`, `20-timeline.md`, …); a new file simply appears. In a
file:

- `# `, `## `, `### ` start a line with the page title, a section or a subsection;
- a formula on display stands between two lines that are just `$$`;
- a line `{{table:NAME}}` places a table generated from the code (TABLES);
- `{{value:NAME}}` anywhere is a number the code defines (VALUES), so the prose
  cannot drift from what the model does;
- everything else is Markdown. Money is written "USD 1,000": a dollar sign starts
  a formula.

The tables come from PARAMS, COLUMNS, OUTPUTS and SOURCES, so the names, limits and
meanings shown are those the code enforces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..model.lognormal import Z95
from ..model.routes import WEEKS_PER_MONTH
from ..model.simulate import EXACT_EVENTS
from ..schema.columns import BIG, COLUMNS, ID_PATTERN, LEGAL_ALIASES, Column
from ..schema.currency import CODES
from ..schema.outputs import OUTPUTS
from ..schema.params import PARAM_BY_NAME, PARAMS, Param
from .format import fixed, number
from .sources import SOURCES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "methodology"
HEADINGS = {"#": "title", "##": "header", "###": "subheader"}
_HEADING = re.compile(r"^(#{1,3}) (.+)$")
_TABLE = re.compile(r"^\{\{table:(\w+)\}\}$")
_MARKER = re.compile(r"\{\{(\w+):(\w+)\}\}")


def _limit(x: float) -> str:
    """A limit or a default, to four decimals: the finest is fx_rate's 0.0001."""
    return number(x, 4)


def param_row(p: Param) -> dict[str, str]:
    if p.kind == "choice":
        allowed = "the `option_id` of a route in the options table"
    elif p.kind == "currency":
        allowed = ", ".join(f"`{code}`" for code in CODES)
    else:
        whole = "whole number, " if p.kind == "int" else ""
        allowed = f"{whole}{_limit(p.low)} to {_limit(p.high)}"
    default = p.default if isinstance(p.default, str) else _limit(p.default)
    return {"Name": f"`{p.name}`", "On the form": p.label, "Default": f"`{default}`",
            "Allowed": allowed, "What it means": p.help}


def column_row(c: Column) -> dict[str, str]:
    if c.kind == "id":
        allowed = f"`{ID_PATTERN.pattern}`, unique in the table"
    elif c.kind == "text":
        allowed = f"up to {_limit(c.max_len)} characters"
    elif c.kind == "choice":
        allowed = ", ".join(f"`{choice}`" for choice in c.choices)
        aliases = [alias for alias, meant in LEGAL_ALIASES.items() if meant in c.choices]
        if aliases:
            allowed += " (" + ", ".join(f"`{a}`" for a in aliases) + " accepted and normalised)"
    else:
        high = "1 billion" if c.high == BIG else _limit(c.high)
        allowed = f"{_limit(c.low)} to {high}"
    return {"Column": f"`{c.name}`", "Required": "yes" if c.required else "optional",
            "Allowed": allowed, "What it means": c.help}


TABLES: dict[str, Callable[[], list[dict[str, str]]]] = {
    "params": lambda: [param_row(p) for p in PARAMS],
    "columns": lambda: [column_row(c) for c in COLUMNS],
    "outputs": lambda: [{"Column": f"`{o.name}`", "Heading on the pages": o.label,
                         "Meaning": o.meaning} for o in OUTPUTS],
    "sources": lambda: [{"Source": s, "Date": d, "Tag": t, "Used for": u}
                        for s, d, t, u in SOURCES],
}
VALUES: dict[str, str] = {
    "weeks_per_month": fixed(WEEKS_PER_MONTH, 3),
    "z95": fixed(Z95, 4),
    "exact_events": number(EXACT_EVENTS),
    "trials_default": _limit(PARAM_BY_NAME["trials"].default),
}


@dataclass(frozen=True)
class Block:
    """One element of the page: kind is title, header, subheader, markdown, latex or table."""

    kind: str
    text: str = ""
    rows: tuple[dict[str, str], ...] = ()


class DocError(ValueError):
    """A methodology file the page cannot draw: names the file, the line and why."""


def parse(text: str, source: str = "<text>", values: Mapping[str, str] = VALUES,
          tables: Mapping[str, Callable[[], list[dict[str, str]]]] = TABLES) -> list[Block]:
    """One Markdown file's blocks, markers filled in; DocError on an unknown marker."""
    blocks: list[Block] = []
    prose: list[str] = []
    formula: list[str] | None = None

    def fill(line: str, lineno: int) -> str:
        def one(match: re.Match) -> str:
            kind, name = match.groups()
            if kind != "value" or name not in values:
                raise DocError(f"{source}, line {lineno}: unknown marker {match.group(0)} "
                               f"(values: {', '.join(sorted(values))}; a table marker "
                               "stands alone on its line)")
            return values[name]
        return _MARKER.sub(one, line)

    def flush() -> None:
        if "".join(prose).strip():
            blocks.append(Block("markdown", "\n".join(prose).strip("\n")))
        prose.clear()

    for lineno, line in enumerate(text.splitlines(), start=1):
        if formula is not None:
            if line.strip() == "$$":
                blocks.append(Block("latex", "\n".join(formula).strip()))
                formula = None
            else:
                formula.append(fill(line, lineno))
            continue
        heading, table = _HEADING.match(line), _TABLE.match(line.strip())
        if line.strip() == "$$":
            flush()
            formula = []
        elif heading:
            flush()
            blocks.append(Block(HEADINGS[heading.group(1)], fill(heading.group(2), lineno)))
        elif table:
            flush()
            if table.group(1) not in tables:
                raise DocError(f"{source}, line {lineno}: unknown table {table.group(1)!r} "
                               f"(tables: {', '.join(sorted(tables))})")
            blocks.append(Block("table", rows=tuple(tables[table.group(1)]())))
        else:
            prose.append(fill(line, lineno))
    if formula is not None:
        raise DocError(f"{source}: a formula opened with $$ is never closed")
    flush()
    return blocks


def files(folder: Path = DOCS) -> list[Path]:
    """The page's parts, in file-name order."""
    return sorted(folder.glob("*.md"), key=lambda path: path.name)


def methodology(folder: Path = DOCS) -> list[Block]:
    """Every block of the Methodology page, file after file; DocError when there is none
    (a folder left out of an install must not draw an empty page)."""
    parts = files(folder)
    if not parts:
        raise DocError(f"no Methodology part (*.md) in {folder.name}/")
    return [block for path in parts
            for block in parse(path.read_text(encoding="utf-8"), path.name)]
