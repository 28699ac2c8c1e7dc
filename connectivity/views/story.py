"""The sentences every page, the memo and the workbook share, worded once.

Two measures name "the input that matters", and they answer different questions, so each
sentence says which it is: the tornado's widest swing *moves the margin most* (how far the
winner's lead moves as one input goes across its range, exact), and the input with the
largest value of information is the one *worth finding out first* (what knowing it before
choosing would save, simulated). Break-even has one definition (model/breakeven.py).
"""

from __future__ import annotations

import datetime

from ..model.breakeven import Breakeven
from ..model.information import Information, first_to_find_out, input_words
from ..model.sensitivity import Swing, Tornado
from ..schema.columns import words
from ..schema.currency import CURRENCY_BY_CODE
from ..schema.params import PARAM_BY_NAME
from .format import Speaks, money, number, price

SWING_DECIMALS = 3  # a correlation of 0.125 keeps its digits; hours and counts have fewer


class Dollars:
    currency = "USD"
    fx_rate = 1.0


def swing_label(w: Swing) -> str:
    """What was swung, as the form or the table words it: "Approved VPN: lost share of
    work (%)", "Staff who need services abroad"."""
    if w.option_id:
        return f"{w.route}: {words(w.name, first_capital=False)}"
    return PARAM_BY_NAME[w.name].label


def swing_words(w: Swing, s: Speaks | None = None) -> tuple[str, str, str]:
    """A swing's label and ends as a person reads them, money in the scenario's currency."""
    s = s or Dollars()
    label = swing_label(w)
    if w.in_usd:  # US-dollar cells and parameters, in the scenario's currency
        return (label.replace("(USD)", f"({s.currency})"), price(w.low, s),
                price(w.high, s))
    # People numbers: a swing end of 19.7 x 1.5 reads 29.55, not 29.549999999999997.
    low, high = number(w.low, SWING_DECIMALS), number(w.high, SWING_DECIMALS)
    if label.endswith(" (%)"):
        return label[:-4], f"{low}%", f"{high}%"
    return label, low, high


MOVES_MOST = "moves the margin most"
WORTH_FIRST = "worth finding out first"
BREAKEVEN_LISTED = 5


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def breakeven_sentence(found: tuple[Breakeven, ...], labels: list[str], horizon: int) -> str:
    """The winner's break-even month against each other route, latest first."""
    if not found:
        return ""
    ordered = sorted(found, key=lambda b: (-b.month, b.against))
    shown, more = ordered[:BREAKEVEN_LISTED], len(ordered) - BREAKEVEN_LISTED
    later = [b for b in shown if b.month > 1]
    parts = [labels[b.against] + (" on any horizon" if k == 0 else "")
             + f" from {b.month} months" for k, b in enumerate(later)]
    always = [labels[b.against] for b in shown if b.month <= 1]
    if always:
        parts.append(_join(always) + " on every horizon")
    return (f"Break-even: {labels[found[0].winner]}, the cheapest over {horizon} months, "
            "costs less than " + _join(parts) + (f" (and {more} more)" if more > 0 else "")
            + f" (up to {horizon} months; set-up, minimum terms and lead times counted).")


def moves_most(t: Tornado) -> Swing | None:
    """The input that moves the winner's margin most: the tornado's widest swing."""
    return t.swings[0] if t.swings else None


def mover_sentence(t: Tornado, s: Speaks, whose: str = "") -> str:
    """The input that moves the margin most, with its range; `whose` says whose figure."""
    top = moves_most(t)
    if top is None:
        return ""
    label, low, high = swing_words(top, s)
    flips = min(top.low_margin, top.high_margin) < 0
    return (f"The input that {MOVES_MOST}: {label} ({low} to {high})" + whose
            + (", which alone could reverse the answer." if flips else "."))


def finding_out_sentence(info: Information, labels: list[str], s: Speaks) -> str:
    """The input worth finding out first, and what knowing it is worth."""
    k = first_to_find_out(info)
    if k is None:
        return (f"No input is {WORTH_FIRST}: knowing any one of them before choosing is "
                "worth no more than the estimate's noise.")
    v = info.inputs[k]
    return (f"The input {WORTH_FIRST}: {labels[v.route]}: {input_words(v.stem)}, worth up "
            f"to {money(v.value, s)} to know before choosing.")


def _day(iso: str) -> str:
    """2025-11-28 → 28 November 2025."""
    return datetime.date.fromisoformat(iso).strftime("%-d %B %Y") if iso else ""


def rate_sentence(s: Speaks) -> str:
    """Which rate turns US dollars into the scenario's currency, with its source and date;
    "" for US dollars."""
    if s.currency == "USD":
        return ""
    c = CURRENCY_BY_CODE[s.currency]
    reference = f"{c.rate_source}, {_day(c.rate_date)}"
    if s.fx_rate == c.default_rate:
        return f"Amounts in {c.name} at {number(s.fx_rate, 4)} per US dollar ({reference})."
    return (f"Amounts in {c.name} at {number(s.fx_rate, 4)} per US dollar, the rate you set "
            f"(the {reference}: {number(c.default_rate, 4)}).")
