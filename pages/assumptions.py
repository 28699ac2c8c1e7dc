"""Assumptions: the options table in use: read it, edit it, replace it."""

import streamlit as st

from connectivity import TableError, read_table
from connectivity.export.xlsx import XLSX_MIME, table_xlsx, template_xlsx
from connectivity.inputs.cells import readable
from connectivity.inputs.scenario import merge_edits, table_in_use
from connectivity.inputs.table import table_to_csv, template_csv
from connectivity.inputs.tablelink import MAX_LINK, encode_table
from connectivity.schema.columns import COLUMNS
from connectivity.views.format import number
from connectivity.views.labels import (
    COLUMN_GROUPS,
    COLUMN_WORDS,
    LEGAL_WORDS,
    REACH_WORDS,
    group_of,
)
from pages import _entry, _grid, _ui
from pages._state import state

_ui.require_entrypoint()


def _column_config() -> dict:
    """Labels and units instead of codes; help in words; bounds are checked by the server."""
    config = {}
    for c in COLUMNS:
        label = COLUMN_WORDS.get(c.name, c.name)
        if c.kind == "number":
            # Text, read by the sidebar's own reader (pages._grid): the grid's number
            # cells misread a decimal comma and drop a minus sign without a word.
            config[c.name] = st.column_config.TextColumn(
                label, help=f"{c.help} From {readable(c.low)} to {readable(c.high)}.",
                max_chars=60, alignment="right")
        elif c.kind == "choice":
            words = {**LEGAL_WORDS, **REACH_WORDS}
            config[c.name] = st.column_config.SelectboxColumn(
                label, help=c.help, options=list(c.choices), required=True,
                format_func=lambda v, w=words: w.get(v, v))
        else:
            config[c.name] = st.column_config.TextColumn(
                label, help=c.help, max_chars=c.max_len or None, required=c.required)
    config["option_id"] = st.column_config.TextColumn("Route", help=COLUMNS[0].help,
                                                      disabled=True, pinned=True)
    return config


def _editor_key(group: int) -> str:
    return f"editor-{group}-{state.editor_version}"


def _redraw_editor() -> None:
    """A new key, so the grid is drawn afresh from the table in use (refused edits vanish)."""
    state.editor_version += 1


def _apply_edits(group: int) -> None:
    """Read every edit as typed, check it with the table's rules; keep the good, and
    refuse the bad with the typed text left in its cell."""
    edits = state.widget(_editor_key(group), {}).get("edited_rows", {})
    table = _in_use()
    read, said = _grid.read_edits(table, edits)
    kept, notices = merge_edits(_ui.base_table(), _ui.scenario().overrides, read,
                                name=_grid.end_words, number=_entry.text_of)
    _ui.set_overrides(kept)
    refused = _grid.range_said(table, notices, edits)
    done = {(s.option_id, s.column) for s in refused}
    state.grid_said = [s for s in said if (s.option_id, s.column) not in done] + refused
    _redraw_editor()


def _in_use():
    """Every route of the table in use, as `base_table` orders them (the grid's rows)."""
    return table_in_use(_ui.base_table(), _ui.scenario().with_values(routes=()))


def _say(group: int) -> None:
    """Under a grid: its refused cells (until corrected) and its notes (once)."""
    for said in state.grid_said:
        if said.column and group_of(said.column) == group:
            if said.refused:
                st.error(f"Not in use. {_ui.plain(said.words)} The cell shows what you "
                         f"typed; every page still uses {_ui.plain(said.kept)}.",
                         icon=":material/block:")
            else:
                st.caption(_ui.plain(said.words))


def _upload() -> None:
    uploaded = state.widget("upload")
    if uploaded is None:
        return
    try:
        table = read_table(uploaded.getvalue())
    except TableError as exc:
        state.upload_problems = (uploaded.name, [str(p) for p in exc.problems])
        return
    state.upload_problems = None
    _ui.set_table(encode_table(table))
    state.grid_said = []
    state.upload_done = (uploaded.name, len(table))
    _redraw_editor()


def _reset_table() -> None:
    _ui.set_table("")
    state.grid_said = []
    state.upload_problems = None
    _redraw_editor()


scenario = _ui.scenario()
base = _ui.base_table()
table = _in_use()

st.title("Assumptions")
st.markdown("Every number the comparison uses comes from this table. Edit a cell to try "
            "your own figures: each edit is checked with the same rules as a file, travels "
            "in the link, and changes every page. A low and a high guess make a 90% range "
            "(the 5th to the 95th percentile: 1 future in 20 falls below the low guess, 1 in "
            "20 above the high one); equal values mean a fixed number.")
source = "your uploaded table" if scenario.table else "the default table (data/options.csv)"
edited = len(scenario.overrides)
st.caption(f"In use: {_ui.plain(source)}, {len(base)} routes, "
           f"{edited} edited cell{'' if edited == 1 else 's'}.")

for said in state.grid_said:
    if not said.column:  # a figure the link held, refused when the table changed
        st.error(f"Edit refused. {_ui.plain(said.words)}", icon=":material/block:")

if scenario.currency != "USD":
    st.caption(f"Prices in this table are in US dollars, the table's unit. To type a quote in "
               f"{scenario.currency}, use Your quotes.")
config = _column_config()
# The pinned first column shows each route's name (it is never edited; edits are
# matched to routes by row).
grid = _grid.shown(table)
for group, (title, columns) in enumerate(COLUMN_GROUPS):
    st.markdown(f"**{title}**")
    st.data_editor(grid, key=_editor_key(group), on_change=_apply_edits,
                   args=(group,), hide_index=True, num_rows="fixed", width="stretch",
                   column_config=config, column_order=("option_id", *columns))
    _say(group)
state.grid_said = [s for s in state.grid_said if s.refused]  # notes are said once

if scenario.overrides:
    st.subheader("Your figures")
    _ui.your_figures(scenario, base)
    if st.button("Undo all edits", icon=":material/undo:"):
        _ui.set_overrides(())
        state.grid_said = []
        _redraw_editor()
        st.rerun()

with st.expander("Sources and notes for each route", expanded=False):
    for _, row in table.iterrows():
        st.markdown(f"**{_ui.plain(row['name'])}** "
                    f"({_ui.plain(LEGAL_WORDS.get(row['legal_status'], row['legal_status']))}; "
                    f"reaches {_ui.plain(REACH_WORDS.get(row['reach'], row['reach']).lower())})")
        st.caption("Sources: " + _ui.plain(row["sources"] or "none given"))
        st.caption("Notes: " + _ui.plain(row["notes"] or "none"))

st.subheader("Use your own table")
st.file_uploader("Upload an options table (an Excel .xlsx workbook, or CSV: comma, semicolon "
                 "or tab; up to 1 MB and 50 routes)", type=["xlsx", "csv", "txt", "tsv"],
                 key="upload",
                 on_change=_upload)
problems = state.upload_problems
if problems:
    name, lines = problems
    st.error(f"{_ui.plain(name)} was not loaded; the table in use is unchanged. "
             f"{len(lines)} problem(s):\n" + "\n".join(f"- {_ui.plain(p)}" for p in lines[:50]),
             icon=":material/error:")
done, state.upload_done = state.upload_done, None
if done:
    st.success(f"Loaded {_ui.plain(done[0])}: {done[1]} routes. Every page now uses it.",
               icon=":material/check_circle:")
if scenario.table and not _ui.link_fits(scenario):
    st.warning(f"This table is too large to travel in a link ({number(len(scenario.query()))} "
               f"characters; the limit is {number(MAX_LINK)}). The address bar now holds the "
               "scenario without it: send the table file below as well, to be uploaded here.",
               icon=":material/link_off:")

left, middle, right = st.columns(3)
with left:
    st.download_button("Download the table in use", table_to_csv(table, for_spreadsheet=True),
                       file_name="options-in-use.csv", mime="text/csv", on_click="ignore",
                       icon=":material/download:")
    st.download_button("Table in use as Excel (.xlsx)", lambda: table_xlsx(table),
                       file_name="options-in-use.xlsx", mime=XLSX_MIME, on_click="ignore",
                       icon=":material/table_view:")
with middle:
    st.download_button("Download a blank template", template_csv(),
                       file_name="options-template.csv", mime="text/csv", on_click="ignore",
                       icon=":material/description:")
    st.download_button("Blank template as Excel (.xlsx)", template_xlsx,
                       file_name="options-template.xlsx", mime=XLSX_MIME, on_click="ignore",
                       icon=":material/table_view:")
with right:
    st.button("Back to the default table", on_click=_reset_table,
              icon=":material/restart_alt:", disabled=not (scenario.table or scenario.overrides))
