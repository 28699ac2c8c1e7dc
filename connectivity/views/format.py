"""How numbers read in sentences: $188,237, ¥1,336,483, 98%, month 4.2."""

from __future__ import annotations

from typing import Protocol

from ..schema.currency import CURRENCY_BY_CODE


class Speaks(Protocol):
    """Anything that names a currency and its rate per US dollar (a Scenario does)."""

    currency: str
    fx_rate: float


def usd(value: float) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}${abs(value):,.0f}"


def money(value_usd: float, s: Speaks) -> str:
    """A US-dollar amount in the scenario's currency, whole units: ¥1,336,483."""
    if s.currency == "USD":
        return usd(value_usd)
    value = value_usd * s.fx_rate
    sign = "-" if value < 0 else ""
    return f"{sign}{CURRENCY_BY_CODE[s.currency].symbol}{abs(value):,.0f}"


def pct(share: float) -> str:
    if 0 < share < 0.01:
        return "under 1%"
    if 0.99 < share < 1:
        return "over 99%"
    return f"{share:.0%}"


def month(value: float) -> str:
    return f"month {value:.1f}".replace(".0", "")
