"""A number as a person types it into a field: read exactly, or refused saying why.

The entry's own evidence decides its decimal mark first (`250,50` can only be 250.5,
`1.234,5` only 1234.5), as `numbers` does for a file's cells. Where two conventions
read it differently (one mark before exactly three digits: `7.800`, 7.8 or 7800), the
field's own values decide when they rule one reading out (a whole number, a range);
otherwise the locale may read the mark as grouping thousands (`7.800` in de-DE), but
never as a decimal mark: a German on an English laptop means 7,800 by `7.800`, so
the entry is refused with both readings rather than guessed. Currency signs and codes of the
field's currency, spaces and thousands marks, `k` (a thousand) and 万 (ten thousand,
as Chinese managers write amounts) are accepted. An empty field is no number: the
caller keeps the value it had.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal, get_decimal_symbol

from connectivity.inputs.numbers import MARKS, _unambiguous, readings

# What may stand before or after an amount, and the currency it names ("$" names
# either dollar). Longest first, so "HK$" is not read as "$" after an "HK".
_SIGNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("HK$", ("HKD",)), ("US$", ("USD",)), ("CN¥", ("CNY",)), ("RMB", ("CNY",)),
    ("CNY", ("CNY",)), ("USD", ("USD",)), ("HKD", ("HKD",)), ("EUR", ("EUR",)),
    ("元", ("CNY",)), ("圆", ("CNY",)), ("¥", ("CNY",)), ("€", ("EUR",)),
    ("$", ("USD", "HKD")),
)
_NAMES = {"USD": "US dollars", "CNY": "yuan (RMB)", "HKD": "Hong Kong dollars",
          "EUR": "euros"}
_SCALES = (("万", 10_000.0), ("k", 1_000.0), ("K", 1_000.0))
_LONGEST = 60


@dataclass(frozen=True)
class Reading:
    """What a field's text says: a number, nothing (empty), or a refusal."""

    value: float | None = None
    problem: str = ""  # why it was not read, naming the text; "" when read or empty
    note: str = ""  # how the locale decided an entry two conventions read differently

    @property
    def empty(self) -> bool:
        return self.value is None and not self.problem


@lru_cache(maxsize=64)
def _babel(locale: str | None) -> Locale | None:
    if not locale:
        return None
    try:
        return Locale.parse(str(locale).replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return None


def decimal_mark(locale: str | None) -> str | None:
    """The decimal mark a browser locale writes ("en-US" -> ".", "de-DE" -> ","), or None."""
    known = _babel(locale)
    mark = get_decimal_symbol(known) if known else None
    return mark if mark in MARKS else None


def _refuse(text: str, why: str) -> Reading:
    return Reading(problem=f"'{text}' {why}")


def _strip_currency(text: str) -> tuple[str, set[str]]:
    """The text without currency signs and codes at either end, and the currencies named."""
    named: set[str] = set()
    changed = True
    while changed:
        changed = False
        for sign, codes in _SIGNS:
            for at_start in (True, False):
                found = (text[:len(sign)] if at_start else text[-len(sign):]).upper()
                if text and found == sign.upper():
                    text = (text[len(sign):] if at_start else text[:-len(sign)]).strip()
                    named.add("|".join(codes))
                    changed = True
    return text, named


def _people(value: float, locale: str | None, grouped: bool = True) -> str:
    """A value as the manager's locale writes it (en without a locale)."""
    pattern = "#,##0.##########" if grouped else "0.##########"
    return format_decimal(value, pattern, locale=_babel(locale) or "en")


def _scaled(value: float, sign: str, scale: float) -> float:
    """The entry's value with its sign and scale, in decimal: 7.8k is 7800 exactly, as a
    person means it."""
    return float(Decimal(sign + repr(value)) * Decimal(int(scale)))


def _both(raw: str, sign: str, decimal: float, grouped: float, word: str, scale: float,
          locale: str | None) -> str:
    """Why an entry two conventions read differently was refused, with both readings
    (`decimal`, `grouped`) in the locale's own writing, and a way to type each that
    nothing can misread."""
    own = decimal_mark(locale) or "."
    # No colon of its own: pages put the field's name and a colon before it.
    return (f"{raw} could be {sign}{_people(decimal * scale, locale)} or "
            f"{sign}{_people(grouped * scale, locale)}. "
            f"Type {sign}{_unambiguous(decimal, own)}{word} or {sign}{int(grouped)}{word}")


def _two_ways(raw: str, sign: str, body: str, found: dict[str, float], word: str,
              locale: str | None, whole: bool, within: tuple[float, float] | None,
              beyond: str = "") -> tuple[float, str] | str:
    """An entry one mark before three digits reads two ways: (value, note), or why not.

    The field's values decide first; then a locale that groups thousands with that
    mark; a locale that writes it as its decimal mark is no evidence (refused).
    """
    mark = "." if "." in body else ","
    grouping = MARKS[1] if mark == "." else MARKS[0]  # the reading where `mark` groups
    scale = dict(_SCALES).get(word, 1.0)

    def final(value: float) -> float:
        return _scaled(value, sign, scale)

    def why_not(value: float) -> str:
        if whole and not final(value).is_integer():
            return "is not a whole number"
        if within and not within[0] <= final(value) <= within[1]:
            return beyond or (f"is outside {_people(within[0], locale)} to "
                              f"{_people(within[1], locale)}")
        return ""

    fits = [m for m in (mark, grouping) if not why_not(found[m])]
    if len(fits) == 1:
        kept, other = fits[0], grouping if fits[0] == mark else mark
        shown = _people(final(found[other]), locale, grouped=False)
        return found[kept], (f"Read '{raw}' as {_people(final(found[kept]), locale, False)}"
                             f": {shown} {why_not(found[other])}.")
    if decimal_mark(locale) == grouping:  # the locale groups thousands with this mark
        name = "point" if grouping == "." else "comma"
        read_as = _people(final(found[grouping]), locale, grouped=False)
        return found[grouping], f"Read '{raw}' as {read_as} (your browser writes a decimal {name})."
    return _both(raw, sign, found[mark], found[grouping], word, scale, locale)


def read_number(text: str, locale: str | None = None, *, currency: str | None = None,
                whole: bool = False, percent: bool = False,
                within: tuple[float, float] | None = None, beyond: str = "",
                other_currency: str = "change the currency in the sidebar") -> Reading:
    """The number in a field's `text`.

    `currency`: the field's currency code when it takes an amount of money (its signs
    and codes are then accepted, another currency's refused); `whole`: only whole
    numbers; `percent`: a trailing % is accepted; `within`: the values the field
    takes (low, high), which decide an entry two conventions read differently when
    only one reading falls inside (`beyond`: what a reading outside is, in words, e.g.
    "is far from the reference rate"); `other_currency`: what to do about an amount
    in another currency, besides typing it in this one. The caller still checks the
    value's range.
    """
    raw = str(text).strip()
    typed = unicodedata.normalize("NFKC", raw).strip()
    if not typed:
        return Reading()
    if len(typed) > _LONGEST:
        return _refuse(raw[:_LONGEST] + "…", "is too long to be a number")
    body = typed.replace("\u2212", "-")
    sign = ""
    if body[:1] in ("+", "-"):
        sign, body = body[0], body[1:].strip()
    body, named = _strip_currency(body)
    if body[:1] in ("+", "-") and not sign:  # ¥-500 as well as -¥500
        sign, body = body[0], body[1:].strip()
    if named:
        if currency is None:
            return _refuse(raw, "is an amount of money; this field takes a plain number")
        wrong = [codes for codes in named if currency not in codes.split("|")]
        if wrong:
            other = _NAMES.get(wrong[0].split("|")[0], wrong[0])
            return _refuse(raw, f"is in {other}, and this field is in {currency}: type the "
                                f"amount in {currency}, or {other_currency}")
    if body.endswith("%"):
        if not percent:
            return _refuse(raw, "has a % sign; this field is not a percentage")
        body = body[:-1].strip()
    scale, word = 1.0, ""
    for suffix, factor in _SCALES:
        if body.endswith(suffix):
            body, scale, word = body[:-len(suffix)].strip(), factor, suffix
            break
    if not body or body[:1] in ("+", "-") or ("e" in body.lower() and scale != 1.0):
        return _refuse(raw, "is not a number")
    found = {mark: value for mark, value in readings(body).items() if value is not None}
    values = set(found.values())
    if not found:
        return _refuse(raw, "is not a number")
    note = ""
    if len(values) > 1:
        decided = _two_ways(raw, sign, body, found, word, locale, whole, within, beyond)
        if isinstance(decided, str):
            return Reading(problem=decided)
        value, note = decided
    else:
        value = values.pop()
    value = _scaled(value, sign, scale)
    if not math.isfinite(value):
        return _refuse(raw, "is too large to be a number here")
    if whole and not value.is_integer():
        return _refuse(raw, "is not a whole number")
    return Reading(value=value, note=note)
