"""Turning one cell of an options table into a checked value.

Used for uploaded files, for `<option_id>.<column>` overrides in a link and
for edits in the Assumptions editor, so every route into the table obeys the
same rules.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable

from ..schema.columns import ID_PATTERN, LEGAL_ALIASES, RANGES, Column
from .formulas import restore
from .numbers import reading


def fmt(value: float) -> str:
    """A number as people write it: 12, 0.5, 1000000."""
    if math.isfinite(value) and float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def readable(value: float) -> str:
    """A bound as a person reads it: 1,000,000,000 rather than 1000000000."""
    return f"{value:,.0f}" if float(value).is_integer() else fmt(value)


def parse_number(raw: object, decimal_comma: bool = False) -> float:
    """Read a number as a spreadsheet may have written it; ValueError says why not.

    Text is read with the decimal mark given (a point unless `decimal_comma`); which
    mark a whole file uses is decided by `numbers.decide` before this is called.
    """
    if isinstance(raw, bool):
        raise ValueError("is not a number")
    shown = str(raw) if len(str(raw)) <= 40 else str(raw)[:40] + "…"  # echo input short
    if isinstance(raw, (int, float)):
        value = float(raw)
    else:
        text = str(raw)
        if text.strip().lower().lstrip("+-").rstrip("%") in {"nan", "inf", "infinity"}:
            raise ValueError(f"'{shown}' is not allowed: enter a finite number")
        # The mark given decides a cell both marks can read (1,000); a cell only the
        # other mark can read (0,005 in a file of points) has that one meaning.
        marks = (",", ".") if decimal_comma else (".", ",")
        found = next((v for v in (reading(text, m) for m in marks) if v is not None), None)
        if found is None:
            raise ValueError(f"'{shown}' is not a number")
        value = found
    if not math.isfinite(value):  # a long string of digits, or 1e400
        raise ValueError(f"'{shown}' is not allowed: enter a finite number")
    return value


def _has_control(text: str, allow_newlines: bool) -> bool:
    allowed = {"\n", "\r", "\t"} if allow_newlines else set()
    return any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in text)


def parse_cell(column: Column, raw: object, decimal_comma: bool = False) -> object:
    """The checked value of one cell, or ValueError with a message for a manager."""
    if column.kind == "number":
        if raw is None or (isinstance(raw, float) and math.isnan(raw)) or str(raw).strip() == "":
            if column.required:
                raise ValueError("is empty: a number is required")
            return math.nan if column.absent is None else column.absent
        value = parse_number(raw, decimal_comma)
        if not column.low <= value <= column.high:
            raise ValueError(f"{fmt(value)} is out of range: allowed {readable(column.low)} "
                             f"to {readable(column.high)}")
        return value
    text = "" if raw is None or (isinstance(raw, float) and math.isnan(raw)) else str(raw).strip()
    text = restore(text)  # a cell our own download made inert for spreadsheets
    if column.kind == "id":
        if not ID_PATTERN.match(text):
            raise ValueError(
                f"'{text[:40]}' is not a valid identifier: use 1 to 40 lower-case letters, "
                "digits or _, starting with a letter (e.g. approved_vpn)"
            )
        return text
    if column.kind == "choice":
        value = text.lower().replace(" ", "_").replace("-", "_")
        value = LEGAL_ALIASES.get(value, value)
        if value not in column.choices:
            raise ValueError(f"'{text[:40]}' is not one of {', '.join(column.choices)}")
        return value
    # Free text: a display name must be one short line; notes may span lines.
    if column.required and not text:
        raise ValueError("is empty")
    if column.max_len and len(text) > column.max_len:
        raise ValueError(f"is {len(text)} characters long: at most {column.max_len} allowed")
    if _has_control(text, allow_newlines=column.name != "name"):
        raise ValueError("contains control characters")
    return text


def range_problems(row: dict, name: Callable[[str], str] = str,
                   number: Callable[[float], str] = fmt) -> list[tuple[str, str]]:
    """(column, message) for every _low/_high pair of a row that cannot be a 90% range.

    `name` words a column in the message: its code for files and links (the default),
    "the low guess" in the Assumptions grid, whose message names the figure first;
    `number` writes its values (the grid's as the browser writes them: 0,5 in German)."""
    found = []
    for stem, _high, _text in RANGES:
        low, high = row.get(f"{stem}_low"), row.get(f"{stem}_high")
        if not isinstance(low, float) or not isinstance(high, float):
            continue
        lo, hi = name(f"{stem}_low"), name(f"{stem}_high")
        if low > high:
            found.append((f"{stem}_low", _reversed(lo, hi, low, high, number)))
        elif low == 0 < high:
            found.append((f"{stem}_low", f"{lo} is 0 but {hi} is {number(high)}: a "
                          f"lognormal range cannot start at 0. Set {lo} to a small positive "
                          f"value (e.g. {number(high / 100)}), or set both to 0 for none"))
    return found


# A _low this many times its _high is more than a wrong order: a decimal mark misread
# (0.005 turned into 5, 80.125 into 80125) is the likely cause, and swapping would make it worse.
SCALE_GAP = 10


def _reversed(lo: str, hi: str, low: float, high: float,
              number: Callable[[float], str] = fmt) -> str:
    """Why a range's _low (named `lo`) is above its _high, and the fix that is likely right."""
    pair = f"{lo} ({number(low)}) is above {hi} ({number(high)})"
    if high > 0 and low / high < SCALE_GAP:
        return f"{pair}: swap the two values"
    zero = high == 0
    times = "" if zero else f", {readable(round(low / high))} times as much"
    last = (f"; if {hi} really is 0, set {lo} to 0 too" if zero
            else "")
    return (f"{pair}{times}: a decimal mark misread (e.g. 0.005 read as 5, or 80.125 as "
            f"80125) is the likely cause. Check how each cell was typed and correct the one "
            f"that is off{last}")
