"""A number field that reads what people write, and says what it did with it.

Streamlit's number input drops a typed comma (250,50 became 25050); this is a text
input read by `connectivity.inputs.entry` with the browser's locale. A refused entry
stays in its field with the reason under it, and the value in use is unchanged; an
emptied field keeps its value and says so; a value out of range names the range in
the manager's currency.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st
from babel.numbers import format_decimal

from connectivity.inputs.cells import readable
from connectivity.inputs.entry import Reading, read_number
from connectivity.views.format import money_range
from pages._state import state
from pages._text import plain


@dataclass(frozen=True)
class Field:
    """What a number field takes: its words, its bounds (in the field's own units)."""

    label: str
    low: float
    high: float
    whole: bool = False
    percent: bool = False
    currency: str | None = None  # an amount typed in this currency ...
    rate: float = 1.0  # ... at this many units per US dollar (for the range's words)
    # The values it expects, narrower than its bounds: they decide an entry two
    # conventions read differently (7.245 as an RMB rate, not 7245), with the words why.
    likely: tuple[float, float] | None = None
    unlikely: str = ""
    # What to do with an amount in another currency (the grid's stays in US dollars).
    other_currency: str = "change the currency in the sidebar"

    def bounds(self) -> str:
        if self.currency:
            return money_range(self.low / self.rate, self.high / self.rate, self)
        return f"{readable(self.low)} to {readable(self.high)}"

    # money_range speaks the field's currency (it takes anything with these two names).
    @property
    def fx_rate(self) -> float:
        return self.rate


def locale() -> str | None:
    """The browser's locale (None in tests and before the browser has told)."""
    try:
        return st.context.locale
    except Exception:  # no script run (a bare call): no locale
        return None


def text_of(value: float | None, whole: bool = False) -> str:
    """A value as its field shows it: plain digits, the browser's decimal mark."""
    if value is None:
        return ""
    if whole or float(value).is_integer():
        return str(int(round(value)))
    where = (locale() or "en").replace("-", "_")
    try:
        return format_decimal(value, "0.##########", locale=where)
    except Exception:  # a locale Babel does not know: a decimal point
        return format_decimal(value, "0.##########", locale="en")


@dataclass(frozen=True)
class Typed:
    """A field's text as read: a value in range, nothing (empty), or a problem."""

    value: float | None = None
    problem: str = ""
    note: str = ""

    @property
    def empty(self) -> bool:
        return self.value is None and not self.problem


def read(field: Field, text: object) -> Typed:
    """The field's text read, checked against its bounds."""
    got: Reading = read_number(str(text or ""), locale(), currency=field.currency,
                               whole=field.whole, percent=field.percent,
                               within=field.likely or (field.low, field.high),
                               beyond=field.unlikely if field.likely else "",
                               other_currency=field.other_currency)
    if got.problem:
        return Typed(problem=f"{field.label}: {got.problem}.")
    if got.value is None:
        return Typed()
    if not field.low <= got.value <= field.high:
        return Typed(problem=f"{field.label}: {str(text).strip()} is outside what this "
                             f"field takes; type a number from {field.bounds()}.")
    return Typed(value=int(got.value) if field.whole else got.value, note=got.note)


def number_field(field: Field, key: str, value: float | None, *, help: str = "",
                 placeholder: str | None = None, redraw: bool = False,
                 on_change: Callable[..., None] | None = None, args: tuple = (),
                 disabled: bool = False) -> None:
    """A text input showing `value` (None: empty, `placeholder` greyed in it).

    `redraw`: written from `value` on every run (the sidebar's fields, which stand for
    the scenario), unless the field holds a refused entry the manager is to correct.
    Otherwise the value seeds the field once: its key must change with the value.
    """
    shown = text_of(value, field.whole)
    if redraw:
        if key not in state.entry_problems:
            state.set_widget(key, shown)
        st.text_input(field.label, key=key, help=help or None, placeholder=placeholder,
                      on_change=on_change, args=args, disabled=disabled)
    else:
        st.text_input(field.label, value=shown, key=key, help=help or None,
                      placeholder=placeholder, on_change=on_change, args=args,
                      disabled=disabled)


def typed_into(key: str, field: Field, kept: float | None) -> Typed:
    """Read a redrawn field after a change; remember what to say under it."""
    typed = read(field, state.widget(key))
    problems, notes = dict(state.entry_problems), dict(state.entry_notes)
    problems.pop(key, None)
    notes.pop(key, None)
    if typed.problem:
        problems[key] = typed.problem
    elif typed.empty:
        notes[key] = (f"{field.label}: the field was empty, so it keeps "
                      f"{text_of(kept, field.whole)}.")
    elif typed.note:
        notes[key] = typed.note
    state.entry_problems, state.entry_notes = problems, notes
    return typed


def say(key: str) -> None:
    """What the field's last entry came to: a refusal (until corrected) or a note (once)."""
    problem = state.entry_problems.get(key)
    if problem:
        st.error(plain(problem), icon=":material/block:")
    note = state.entry_notes.get(key)
    if note:
        st.caption(plain(note))
        state.entry_notes = {k: v for k, v in state.entry_notes.items() if k != key}


def forget() -> None:
    """A new scenario from elsewhere (reset, a link): the fields' messages are stale."""
    state.entry_problems, state.entry_notes = {}, {}


def number_value(field: Field, key: str, value: float, *, help: str = "") -> float | None:
    """A field outside the form, read on every run: its number, or None when refused
    (the reason under it). Emptied, it stands for `value` and says so."""
    number_field(field, key, value, help=help)
    typed = read(field, state.widget(key, text_of(value, field.whole)))
    if typed.problem:
        st.error(plain(typed.problem), icon=":material/block:")
        return None
    if typed.empty:
        st.caption(plain(f"Empty: {text_of(value, field.whole)} is used."))
        return value
    if typed.note:
        st.caption(plain(typed.note))
    return typed.value
