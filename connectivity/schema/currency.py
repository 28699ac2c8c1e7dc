"""The currencies a manager can read and type in, with dated default rates.

Money inside the model, the options table and the CSV stays in US dollars;
a currency only changes what a person reads and types. Each default rate is
a rounded published reference rate, dated, so a manager can check it against
the day's fixing and type their own.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Currency:
    code: str
    symbol: str  # what a page prints before an amount
    name: str
    default_rate: float  # units per US dollar
    rate_source: str
    rate_date: str  # ISO date of the reference rate


CURRENCIES: tuple[Currency, ...] = (
    Currency("USD", "US$", "US dollar", 1.0, "the model's own unit", ""),
    Currency("CNY", "¥", "Chinese yuan (RMB)", 7.1,
             "People's Bank of China central parity rate, rounded", "2025-11-28"),
    Currency("HKD", "HK$", "Hong Kong dollar", 7.78,
             "Hong Kong Monetary Authority linked rate (band 7.75–7.85), rounded", "2025-11-28"),
    Currency("EUR", "€", "euro", 0.86, "European Central Bank reference rate, rounded",
             "2025-11-28"),
)
CURRENCY_BY_CODE: dict[str, Currency] = {c.code: c for c in CURRENCIES}
CODES: tuple[str, ...] = tuple(CURRENCY_BY_CODE)
