"""Numbers as spreadsheets write them, and which decimal mark a whole file uses.

A cell is read under each decimal mark ("." and ","). A cell that only one mark
can read (`0,005`, `3.000,5`, `1.5`) proves that mark; a cell both can read
differently (`80.125`, `1,000`) is taken with the mark the file proves, and is
refused (naming both readings) where the file proves none or both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MARKS = (".", ",")
# Marks that only ever group thousands: spaces (fr-FR, sv-SE), apostrophes (de-CH).
_GROUPERS = " \u00a0\u202f\u2009'\u2019"
_DIGITS = re.compile(r"^\d+$")
# A space after the e is a + that a link's encoding turned into one (1.797e+04).
_EXPONENT = re.compile(r"^(.+?)[eE](?:[-+]|\s+)?(\d{1,4})$")
_MINUS = "\u2212"  # the typographic minus some locales write


def _other(mark: str) -> str:
    return MARKS[1] if mark == MARKS[0] else MARKS[0]


def _plain(text: str, decimal: str) -> str | None:
    """`text` as Python's float() reads it, with `decimal` as the decimal mark, or None."""
    whole, _, fraction = text.partition(decimal) if decimal in text else (text, "", "")
    if fraction and not _DIGITS.match(fraction):
        return None
    if not whole:
        return "0." + fraction if fraction else None
    if _DIGITS.match(whole):
        return f"{whole}.{fraction or 0}"
    groupers = [mark for mark in _GROUPERS + _other(decimal) if mark in whole]
    if len(groupers) != 1:
        return None
    groups = whole.split(groupers[0])
    # A grouped number never starts with a 0 group: 0,005 is a decimal, not 5.
    if not re.match(r"^[1-9]\d{0,2}$", groups[0]) or not all(
            re.match(r"^\d{3}$", g) for g in groups[1:]):
        return None
    return f"{''.join(groups)}.{fraction or 0}"


def reading(raw: str, decimal: str) -> float | None:
    """The value of a number cell with `decimal` as the file's decimal mark, or None."""
    text = raw.strip().replace(_MINUS, "-")
    if text.startswith("'"):  # the text marker a spreadsheet user may have typed
        text = text[1:].strip()
    if text.endswith("%"):
        text = text[:-1].rstrip()
    sign = ""
    if text[:1] in ("+", "-"):
        sign, text = text[0], text[1:].lstrip()
    exponent = ""
    match = _EXPONENT.match(text)
    if match:  # scientific notation (1E+09, 1,5E-03): never grouped
        minus = "-" if "-" in text[len(match.group(1)):] else ""
        text, exponent = match.group(1), "e" + minus + match.group(2)
        if any(mark in text for mark in _GROUPERS + _other(decimal)) or text.count(decimal) > 1:
            return None
    plain = _plain(text, decimal) if text else None
    if plain is None:
        return None
    return float(sign + plain + exponent)  # may be inf (1e400): the caller says why not


def readings(raw: str) -> dict[str, float | None]:
    return {mark: reading(raw, mark) for mark in MARKS}


def _unambiguous(value: float, mark: str) -> str:
    """A way to write `value` that no decimal mark can misread."""
    if float(value).is_integer():
        return _shown(value)
    text = repr(float(value)).replace(".", mark)
    # 80.125 -> 80.1250: four decimals cannot be a thousands group.
    return text + "0" if re.search(r"[.,]\d{3}$", text) else text


def _shown(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(value)


@dataclass
class Convention:
    """The decimal mark a file's number cells prove, and the cells that stay in doubt."""

    proven: dict[str, tuple[object, str]] = field(default_factory=dict)  # mark -> (where, text)
    doubtful: dict[object, str] = field(default_factory=dict)  # where -> message

    @classmethod
    def known(cls, mark: str) -> Convention:
        """The convention of a file whose writer is known (ours write decimal points)."""
        return cls(proven={mark: (None, "")})

    def mark_for(self, raw: str) -> str:
        """The decimal mark to read this (not doubtful) cell with."""
        if len(self.proven) == 1:
            return next(iter(self.proven))
        found = readings(raw)
        return MARKS[1] if found[MARKS[0]] is None and found[MARKS[1]] is not None else MARKS[0]


def decide(cells: list[tuple[object, str]], describe=str) -> Convention:
    """The convention of a file from all of its number cells, given as (where, text).

    `describe(where)` names a cell in a message (e.g. "line 3, column setup_usd").
    """
    convention = Convention()
    both = []
    for where, raw in cells:
        found = readings(raw)
        valid = [mark for mark in MARKS if found[mark] is not None]
        if len(valid) == 1:
            convention.proven.setdefault(valid[0], (where, raw.strip()))
        elif len(valid) == 2 and found[MARKS[0]] != found[MARKS[1]]:
            both.append((where, raw, found))
    for where, raw, found in both:
        if len(convention.proven) == 1:
            continue
        mark = next(m for m in MARKS if m in raw)
        other = _other(mark)
        name = "point" if mark == "." else "comma"
        options = (f"{_shown(found[mark])} (a decimal {name}) or {_shown(found[other])} "
                   f"(the {name} grouping thousands)")
        if convention.proven:
            evidence = "; ".join(f"{describe(w)} has '{t}'" for w, t in
                                 convention.proven.values())
            why = f"this file uses both decimal marks ({evidence})"
        else:
            why = f"nothing else in the file shows what its {name}s mean"
        fixes = f"{_unambiguous(found[mark], mark)} or {_unambiguous(found[other], mark)}"
        convention.doubtful[where] = (f"'{raw.strip()}' could be {options}: {why}, so it was "
                                      f"not guessed. Write it as {fixes}")
    return convention
