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


def symbol(s: Speaks) -> str:
    """What an amount in the scenario's currency starts with: $, ¥, HK$, €."""
    return "$" if s.currency == "USD" else CURRENCY_BY_CODE[s.currency].symbol


def money(value_usd: float, s: Speaks) -> str:
    """A US-dollar amount in the scenario's currency, whole units: ¥1,336,483."""
    if s.currency == "USD":
        return usd(value_usd)
    value = value_usd * s.fx_rate
    sign = "-" if value < 0 else ""
    return f"{sign}{symbol(s)}{abs(value):,.0f}"


def short_money(value_usd: float, s: Speaks) -> str:
    """An amount in a narrow cell: ¥4.1M, ¥830k, ¥950."""
    value = value_usd * s.fx_rate
    sign, value = ("-" if value < 0 else ""), abs(value)
    for size, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if value >= size:
            return f"{sign}{symbol(s)}{value / size:.3g}{suffix}"
    return f"{sign}{symbol(s)}{value:,.0f}"


def money_range(low_usd: float, high_usd: float, s: Speaks, short: bool = False) -> str:
    """The one way every page states a range: ¥1,200 to ¥3,400 (short: ¥1.2k to ¥3.4k)."""
    say = short_money if short else money
    return f"{say(low_usd, s)} to {say(high_usd, s)}"


def pct(share: float) -> str:
    if 0 < share < 0.01:
        return "under 1%"
    if 0.99 < share < 1:
        return "over 99%"
    return f"{share:.0%}"


def month(value: float) -> str:
    return f"month {value:.1f}".replace(".0", "")


def number(value: float, decimals: int = 2) -> str:
    """A number as people write it in a table: 1,000, 0.5, 2.25 (at most `decimals`
    decimals, trailing zeros dropped); an empty optional cell (NaN) reads "–"."""
    value = float(value)
    if value != value:
        return "–"
    rounded = round(value, decimals)
    if float(rounded).is_integer():
        return f"{int(rounded):,}"
    return f"{rounded:,.{decimals}f}".rstrip("0")


def fixed(value: float, decimals: int) -> str:
    """A number with exactly `decimals` decimals, as a constant or a factor is quoted:
    2.920 (Student's t), 1.6449, 4.345."""
    return f"{value:,.{decimals}f}"


def figure(value: float) -> str:
    """A figure read back as it was typed in the sidebar or a table: 7.2, 1,300, 12.345,
    30, 0.0001 (up to six decimals; never an exponent: the highest exchange rate the
    sidebar takes read "1e+06")."""
    return number(value, 6)


def price(value_usd: float, s: Speaks) -> str:
    """An amount as a price is written, cents kept below 1,000: €34.40, €1,816, $15."""
    value = value_usd * (1.0 if s.currency == "USD" else s.fx_rate)
    sign, value = ("-" if value < 0 else ""), abs(value)
    cents = round(value, 2)
    if cents >= 1000 or float(cents).is_integer():
        return f"{sign}{symbol(s)}{value:,.0f}"
    return f"{sign}{symbol(s)}{cents:,.2f}"


def amount(value_usd: float, s: Speaks) -> str:
    """A US-dollar amount in the scenario's currency as a bare number for a table whose
    row names the unit: 1,817, 34.40, 0."""
    return price(value_usd, s).replace(symbol(s), "", 1)
