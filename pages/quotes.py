"""Your quotes: a carrier's written quote per route, typed in your currency.

Each saved field becomes the same `<option_id>.<column>` override the
Assumptions grid writes (US dollars in the link), so there is no second state.
"""

import hashlib

import streamlit as st

from connectivity.inputs.provenance import origin, origin_words
from connectivity.inputs.quotes import (
    BANDWIDTH_CHOICES,
    PER_MBPS,
    QUOTE_FIELDS,
    bandwidth_choice,
    field_value,
    quote_changes,
)
from connectivity.inputs.scenario import check_overrides, routes_table
from connectivity.schema.columns import BIG, COLUMN_BY_NAME
from connectivity.views.format import figure, symbol
from connectivity.views.labels import route_labels
from pages import _added, _entry, _ui, _unsaved
from pages._state import state

_ui.require_entrypoint()


def _version(s) -> str:
    """Part of every field's key: the form redraws from the link whenever it changes."""
    text = repr((s.overrides, s.currency, s.fx_rate, s.table))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _field(f, s) -> _entry.Field:
    """A quote's field: money in the scenario's currency, or a plain count."""
    column = COLUMN_BY_NAME[f.column]
    if f.money:
        return _entry.Field(f"{f.label} ({symbol(s)})", 0.0, float(BIG * s.fx_rate),
                            currency=s.currency, rate=s.fx_rate)
    return _entry.Field(f.label, float(column.low), float(column.high))


def _key(option_id: str, column: str, version: str) -> str:
    return f"quote-{option_id}-{column}-{version}"


def _save(option_id: str, version: str) -> None:
    """The submitted fields of one route, checked with the table's rules, into the link."""
    s = _ui.scenario()
    row = _added.every_route(s).set_index("option_id").loc[option_id].to_dict()
    yours = {c for o, c, _ in s.overrides if o == option_id}
    typed, refused = {}, []
    for f in QUOTE_FIELDS:  # a field left empty keeps the figure in use, and its source
        read = _entry.read(_field(f, s), state.widget(_key(option_id, f.column, version)))
        refused += [read.problem] if read.problem else []
        if not read.empty:
            typed[f.column] = read.value
    if refused:
        state.quote_problems = [f"{row['name']}: {p}" for p in refused]
        return
    bandwidth = state.widget(_key(option_id, "bandwidth", version))
    changes, problem = quote_changes(row, typed, bandwidth, s, yours)
    if problem:
        state.quote_problems = [f"{row['name']}: {problem}."]
        return
    if not changes:
        state.quote_problems = []
        state.quote_unchanged = (f"Nothing changed for {row['name']}: "
                                 + ("no field was typed into, so every figure stays as "
                                    "it was." if not typed else "every figure typed is "
                                    "the one already in use."))
        return
    proposed = {(o, c): v for o, c, v in s.overrides}
    proposed.update({(option_id, c): v for c, v in changes.items()})
    kept, notices = check_overrides(routes_table(_ui.default_table(), s), proposed.items())
    state.quote_problems = [f"{row['name']}: {n}." for n in notices]
    if not notices:
        _ui.set_overrides(kept)
        state.quote_saved = (f"Saved {row['name']}: {len(changes)} figure"
                             f"{'' if len(changes) == 1 else 's'} changed. Every page and "
                             "the link now use them.")


s = _ui.scenario()
table = _added.every_route(s)  # hidden routes too: their quotes can still be typed
labels = route_labels(table)
version = _version(s)

st.title("Your quotes")
st.markdown(f"Type each carrier's written quote as it reads, in **{s.currency}** "
            f"({figure(s.fx_rate)} per US dollar; change both in the sidebar). Leave a field "
            "empty to keep the figure greyed in it (the table's, marked as the app's "
            "estimate or as sourced); a figure you type is yours, even when it equals the "
            "table's. Saved figures go into the link and every page.")
for problem in state.quote_problems:
    st.error(f"Not saved. {_ui.plain(problem)}", icon=":material/block:")
if state.quote_unchanged:
    st.info(_ui.plain(state.quote_unchanged), icon=":material/info:")
    state.quote_unchanged = ""
if state.quote_saved:
    st.success(_ui.plain(state.quote_saved), icon=":material/check_circle:")
    state.quote_saved = ""
_added.add_and_choose(s)

for label, row in zip(labels, table.to_dict("records")):
    oid = row["option_id"]
    yours = {c for o, c, _ in s.overrides if o == oid}
    with st.form(f"quote-{oid}", border=True):
        st.subheader(_ui.plain(label))
        left, right = st.columns(2)
        for k, f in enumerate(QUOTE_FIELDS):
            mark = origin_words(origin(s, oid, f.column, _ui.default_table()))
            column = COLUMN_BY_NAME[f.column]
            with (left if k < len(QUOTE_FIELDS) // 2 else right):
                now = field_value(f, row[f.column], s)
                # The manager's own figure stands in the field; the table's is greyed.
                _entry.number_field(
                    _field(f, s), _key(oid, f.column, version),
                    now if f.column in yours else None, placeholder=_entry.text_of(now),
                    help=f"{column.help.replace('(USD)', '').strip()} Now: {mark}.")
                st.caption(mark)
        start = bandwidth_choice(row, yours)
        st.radio("Bandwidth in this quote", BANDWIDTH_CHOICES, horizontal=True,
                 index=None if start is None else BANDWIDTH_CHOICES.index(start),
                 key=_key(oid, "bandwidth", version),
                 help="An all-in quote includes the bandwidth: choose the first and the price "
                      f"per Mbps becomes 0. Choose '{PER_MBPS}' to keep or type that price.")
        st.form_submit_button(f"Save the quote for {label}", on_click=_save,
                              args=(oid, version), icon=":material/save:")
        _unsaved.caption()
_unsaved.guard()
