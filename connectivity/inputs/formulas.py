"""Text a spreadsheet would run as a formula, and how to make it inert."""

from __future__ import annotations

# What makes Excel, LibreOffice or Google Sheets run a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def is_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) or text.lstrip(" ").startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """Prefix a text cell a spreadsheet would run as a formula with an apostrophe."""
    return "'" + text if is_formula(text) else text


def restore(text: str) -> str:
    """Undo `neutralise` on a cell read back from one of our own files."""
    return text[1:] if text.startswith("'") and is_formula(text[1:]) else text
