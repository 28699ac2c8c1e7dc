"""How numbers read in sentences: $188,237, 98%, month 4.2."""

from __future__ import annotations


def usd(value: float) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.0f}"


def pct(share: float) -> str:
    if 0 < share < 0.01:
        return "under 1%"
    if 0.99 < share < 1:
        return "over 99%"
    return f"{share:.0%}"


def month(value: float) -> str:
    return f"month {value:.1f}".replace(".0", "")
