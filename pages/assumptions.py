"""Assumptions: the options table in use: read it, edit it, replace it."""

import pandas as pd
import streamlit as st

from connectivity import TableError, read_table
from connectivity.export.xlsx import XLSX_MIME, table_xlsx, template_xlsx
from connectivity.inputs.cells import fmt
from connectivity.inputs.scenario import merge_edits, table_in_use
from connectivity.inputs.table import table_to_csv, template_csv
from connectivity.inputs.tablelink import MAX_LINK, encode_table
from connectivity.schema.columns import COLUMN_NAMES, COLUMNS
from pages import _ui

_ui.require_entrypoint()


def _column_config() -> dict:
    config = {}
    for c in COLUMNS:
        if c.kind == "number":
            # No min/max here: the grid would silently drop a typed minus sign;
            # the server's check refuses the value and says why instead.
            config[c.name] = st.column_config.NumberColumn(
                c.name, help=f"{c.help} Allowed {fmt(c.low)} to {fmt(c.high)}.",
                required=c.required, format="%g")
        elif c.kind == "choice":
            config[c.name] = st.column_config.SelectboxColumn(
                c.name, help=c.help, options=list(c.choices), required=True)
        else:
            config[c.name] = st.column_config.TextColumn(
                c.name, help=c.help, max_chars=c.max_len or None, required=c.required)
    config["option_id"] = st.column_config.TextColumn("option_id", help=COLUMNS[0].help,
                                                      disabled=True, pinned=True)
    return config


def _editor_key() -> str:
    return f"editor-{st.session_state.get('editor_version', 0)}"


def _redraw_editor() -> None:
    """A new key, so the grid is drawn afresh from the table in use (refused edits vanish)."""
    st.session_state["editor_version"] = st.session_state.get("editor_version", 0) + 1


def _apply_edits() -> None:
    """Check every edit with the table's rules; keep the good, refuse the bad."""
    edits = st.session_state[_editor_key()].get("edited_rows", {})
    kept, notices = merge_edits(_ui.base_table(), st.session_state.get("overrides", ()), edits)
    st.session_state["overrides"] = kept
    st.session_state["edit_problems"] = [str(n) for n in notices]
    _redraw_editor()


def _upload() -> None:
    uploaded = st.session_state.get("upload")
    if uploaded is None:
        return
    try:
        table = read_table(uploaded.getvalue())
    except TableError as exc:
        st.session_state["upload_problems"] = (uploaded.name, [str(p) for p in exc.problems])
        return
    st.session_state["upload_problems"] = None
    st.session_state["table_code"] = encode_table(table)
    st.session_state["overrides"] = ()
    st.session_state["edit_problems"] = []
    st.session_state["upload_done"] = (uploaded.name, len(table))
    _redraw_editor()


def _reset_table() -> None:
    st.session_state["overrides"] = ()
    st.session_state["table_code"] = ""
    st.session_state["edit_problems"] = []
    st.session_state["upload_problems"] = None
    _redraw_editor()


scenario = _ui.scenario()
base = _ui.base_table()
table = table_in_use(base, scenario)

st.title("Assumptions")
st.markdown("Every number the comparison uses comes from this table. Edit a cell to try "
            "your own figures: each edit is checked with the same rules as a file, travels "
            "in the link, and changes every page. A `_low`/`_high` pair is a 90% range "
            "(5th to 95th percentile); equal values mean a fixed number.")
source = "your uploaded table" if scenario.table else "the default table (data/options.csv)"
edited = len(scenario.overrides)
st.caption(f"In use: {_ui.plain(source)}, {len(base)} routes, "
           f"{edited} edited cell{'' if edited == 1 else 's'}.")

for problem in st.session_state.get("edit_problems", []):
    st.error(f"Edit refused. {_ui.plain(problem)}.", icon=":material/block:")

st.data_editor(table[list(COLUMN_NAMES)], key=_editor_key(), on_change=_apply_edits,
               hide_index=True, num_rows="fixed", width="stretch",
               column_config=_column_config())

if scenario.overrides:
    st.subheader("Your edits")
    changes = pd.DataFrame([
        {"route": o, "column": c, "table value": fmt(v) if isinstance(v, float) else str(v),
         "your value": fmt(new) if isinstance(new, float) else str(new)}
        for o, c, new in scenario.overrides
        for v in [base.loc[base["option_id"] == o, c].iloc[0]]
    ])
    st.dataframe(changes, hide_index=True)
    if st.button("Undo all edits", icon=":material/undo:"):
        st.session_state["overrides"] = ()
        _redraw_editor()
        st.rerun()

with st.expander("Sources and notes for each route", expanded=False):
    for _, row in table.iterrows():
        st.markdown(f"**{_ui.plain(row['name'])}** ({_ui.plain(row['legal_status'])}, "
                    f"reaches {_ui.plain(row['reach'])})")
        st.caption("Sources: " + _ui.plain(row["sources"] or "none given"))
        st.caption("Notes: " + _ui.plain(row["notes"] or "none"))

st.subheader("Use your own table")
st.file_uploader("Upload an options table (an Excel .xlsx workbook, or CSV: comma, semicolon "
                 "or tab; up to 1 MB and 50 routes)", type=["xlsx", "csv", "txt", "tsv"],
                 key="upload",
                 on_change=_upload)
problems = st.session_state.get("upload_problems")
if problems:
    name, lines = problems
    st.error(f"{_ui.plain(name)} was not loaded; the table in use is unchanged. "
             f"{len(lines)} problem(s):\n" + "\n".join(f"- {_ui.plain(p)}" for p in lines[:50]),
             icon=":material/error:")
done = st.session_state.pop("upload_done", None)
if done:
    st.success(f"Loaded {_ui.plain(done[0])}: {done[1]} routes. Every page now uses it.",
               icon=":material/check_circle:")
if scenario.table and not _ui.link_fits(scenario):
    st.warning(f"This table is too large to travel in a link ({len(scenario.query()):,} "
               f"characters; the limit is {MAX_LINK:,}). The address bar now holds the "
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
