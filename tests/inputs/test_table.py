"""Reading options tables: the broken corpus is refused, Excel's variants are accepted.

The corpus lives in tests/tables/: `broken/` (one fault per file, except
three_faults.csv; EXPECTED.json says what each refusal must name) and `excel/`
(data/options.csv as spreadsheet programs write it). Rebuild both with
`python -m tests.tables.make_broken` and `python -m tests.tables.make_excel`.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from connectivity.inputs.cells import parse_number
from connectivity.inputs.problems import TableError
from connectivity.inputs.table import check_frame, read_default, read_table, table_to_csv
from connectivity.schema.columns import COLUMN_BY_NAME
from harness.cli import Done, run_cli
from harness.server import ROOT

BROKEN = ROOT / "tests" / "tables" / "broken"
EXCEL = ROOT / "tests" / "tables" / "excel"
DEFAULT = ROOT / "data" / "options.csv"
EXTENDED = ROOT / "data" / "options_extended.csv"
EXPECTED: dict[str, dict] = json.loads((BROKEN / "EXPECTED.json").read_text(encoding="utf-8"))
BROKEN_FILES = sorted(p.name for p in BROKEN.glob("*.csv"))
EXCEL_FILES = sorted(p.name for p in EXCEL.glob("*.csv"))
# Variants that rename a route to carry non-ASCII letters: file -> (row index, name).
RENAMED = {"cp1252_cafe.csv": (0, "Café VPN – licensed (Zürich HQ)")}
DEFAULT_IDS = ["approved_vpn", "leased_circuit", "do_nothing"]


def refusal(name: str) -> TableError:
    with pytest.raises(TableError) as caught:
        read_table((BROKEN / name).read_bytes())
    return caught.value


def validate(path) -> Done:
    """`python -m connectivity validate path`, in-process (tests/test_cli.py starts a real one)."""
    return run_cli("validate", str(path))


# --- the broken corpus -------------------------------------------------------------------


def test_corpus_is_complete_and_described():
    assert len(BROKEN_FILES) >= 30
    assert set(BROKEN_FILES) == set(EXPECTED), "EXPECTED.json and the files disagree"
    for name, spec in EXPECTED.items():
        assert spec.get("problems") or spec.get("keyword"), name


def test_corpus_files_have_the_faults_they_are_named_for():
    sizes = {n: (BROKEN / n).stat().st_size for n in BROKEN_FILES}
    assert sizes["empty_0_bytes.csv"] == 0
    assert sizes["over_1mb.csv"] > 1_000_000
    assert b"\x00" in (BROKEN / "binary_garbage.csv").read_bytes()
    assert (BROKEN / "zip_renamed.csv").read_bytes()[:4] == b"PK\x03\x04"
    assert (BROKEN / "utf16_tab_bad_reach.csv").read_bytes()[:2] == b"\xff\xfe"
    rows = list(csv.reader(io.StringIO((BROKEN / "rows_51.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 52


def _matches(problem, expected: dict) -> bool:
    text = str(problem)
    if problem.line != expected["line"] or f"line {expected['line']}" not in text:
        return False
    column = expected.get("column")
    if column is not None:
        if column in COLUMN_BY_NAME and problem.column != column:
            return False
        if column not in text:
            return False
    keyword = expected.get("keyword")
    return keyword is None or keyword.lower() in text.lower()


@pytest.mark.parametrize("name", BROKEN_FILES)
def test_read_table_refuses_naming_line_and_column(name):
    spec = EXPECTED[name]
    problems = refusal(name).problems
    assert problems, "a refusal must carry at least one problem"
    for expected in spec.get("problems", []):
        assert any(_matches(p, expected) for p in problems), (expected, [str(p) for p in problems])
    if spec.get("keyword") and not spec.get("problems"):
        assert any(spec["keyword"].lower() in str(p).lower() for p in problems), \
            [str(p) for p in problems]
    if "count" in spec:
        assert len(problems) == spec["count"], [str(p) for p in problems]
    for problem in problems:
        assert problem.message.strip()
        assert "Traceback" not in problem.message


@pytest.mark.parametrize("name", BROKEN_FILES)
def test_validate_refuses_with_one_line_per_problem(name):
    run = validate(BROKEN / name)
    assert "Traceback" not in run.stderr
    assert run.returncode == 2, run.stderr
    assert run.stdout == b""
    lines = run.stderr.splitlines()
    assert len(lines) == len(refusal(name).problems), run.stderr
    assert all(line.startswith("error: ") for line in lines), run.stderr
    spec = EXPECTED[name]
    for expected in spec.get("problems", []):
        wanted = [f"line {expected['line']}", expected.get("column"), expected.get("keyword")]
        assert any(all(w.lower() in line.lower() for w in wanted if w) for line in lines), \
            (wanted, run.stderr)
    if spec.get("keyword") and not spec.get("problems"):
        assert any(spec["keyword"].lower() in line.lower() for line in lines), run.stderr


def test_all_problems_of_a_file_are_listed_at_once():
    problems = refusal("three_faults.csv").problems
    assert [(p.line, p.column) for p in problems] == [
        (2, "setup_usd"), (3, "reach"), (4, "outages_per_year_low")]


def test_low_zero_below_high_message_suggests_a_fix():
    (problem,) = refusal("low_zero_high_positive_incidents_per_year.csv").problems
    high = read_default().set_index("option_id").loc["do_nothing", "incidents_per_year_high"]
    suggested = re.search(r"e\.g\. ([0-9.eE+-]+)", problem.message)
    assert suggested, problem.message
    assert 0 < float(suggested.group(1)) < high
    assert "both to 0" in problem.message


def test_low_above_high_message_suggests_swapping():
    (problem,) = refusal("low_above_high_outage_hours.csv").problems
    assert "swap" in problem.message
    assert "outage_hours_high" in problem.message


def test_validate_names_an_unreadable_path_without_traceback(tmp_path):
    run = validate(tmp_path / "no_such_file.csv")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert "no_such_file.csv" in run.stderr
    assert len(run.stderr.splitlines()) == 1


# --- what Excel writes -------------------------------------------------------------------


def test_excel_corpus_is_present():
    assert len(EXCEL_FILES) >= 8
    assert (EXCEL / "utf16le_bom_tab.csv").read_bytes()[:2] == b"\xff\xfe"
    assert (EXCEL / "utf8_bom.csv").read_bytes()[:3] == b"\xef\xbb\xbf"
    assert b"\r\n" in (EXCEL / "crlf.csv").read_bytes()
    assert b"0,005" in (EXCEL / "semicolon_decimal_comma_cp1252.csv").read_bytes()
    assert b"20.000,00" in (EXCEL / "semicolon_thousands_two_decimals_bom.csv").read_bytes()
    assert "Café".encode("cp1252") in (EXCEL / "cp1252_cafe.csv").read_bytes()


@pytest.mark.parametrize("name", EXCEL_FILES)
def test_excel_variant_gives_the_default_table(name):
    default = read_default()
    table = read_table((EXCEL / name).read_bytes())
    if name in RENAMED:
        row, new_name = RENAMED[name]
        assert table.loc[row, "name"] == new_name
        table.loc[row, "name"] = default.loc[row, "name"]
    # When data/options.csv changes, rebuild with `python -m tests.tables.make_excel`.
    assert_frame_equal(table, default)


@pytest.mark.parametrize("name", EXCEL_FILES)
def test_validate_accepts_excel_variant(name):
    run = validate(EXCEL / name)
    assert (run.returncode, run.stdout, run.stderr) == (0, b"ok: 3 options\n", "")


def test_american_spellings_are_normalised():
    table = read_table((EXCEL / "american_spelling.csv").read_bytes())
    assert list(table["legal_status"]) == ["authorised", "authorised", "unauthorised"]


def _default_as_semicolon_file(changes: dict[tuple[int, str], str],
                               decimal: str = ",") -> bytes:
    rows = list(csv.reader(io.StringIO(DEFAULT.read_text(encoding="utf-8"))))
    numbers = [i for i, c in enumerate(rows[0]) if COLUMN_BY_NAME[c].kind == "number"]
    for row in rows[1:]:
        for i in numbers:
            row[i] = row[i].replace(".", decimal)
    for (index, column), value in changes.items():
        rows[index + 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8")


def test_semicolon_file_reads_grouped_thousands_and_decimal_commas():
    # The rest of the file writes decimal commas (0,005), which proves what 20.000 means.
    table = read_table(_default_as_semicolon_file({
        (0, "setup_usd"): "1.000,5", (0, "incident_cost_usd_high"): "20.000",
        (1, "outages_per_year_low"): "0,5", (2, "incident_cost_usd_high"): "150.000,00",
    }))
    assert table.loc[0, "setup_usd"] == 1000.5
    assert table.loc[0, "incident_cost_usd_high"] == 20000
    assert table.loc[1, "outages_per_year_low"] == 0.5
    assert table.loc[2, "incident_cost_usd_high"] == 150000


def test_a_file_with_both_decimal_marks_refuses_a_cell_it_cannot_read_one_way():
    # Before, a semicolon file was taken to mean decimal commas, whatever its cells said:
    # here 0.01 proves decimal points and 1.000,5 decimal commas, so 20.000 is in doubt.
    with pytest.raises(TableError) as caught:
        read_table(_default_as_semicolon_file(
            {(0, "setup_usd"): "1.000,5", (0, "incident_cost_usd_high"): "20.000"}, "."))
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (2, "incident_cost_usd_high")
    for shown in ("'20.000'", "20 (a decimal point)", "20000", "both decimal marks",
                  "'1.000,5'", "'0.01'"):
        assert shown in problem.message, problem.message


@pytest.mark.parametrize("text, decimal_comma, value", [
    ("0.005", True, 0.005),  # a decimal point in a tab/semicolon file is not a thousands dot
    ("0,005", True, 0.005),
    ("1.000,5", True, 1000.5),
    ("1,000", False, 1000.0),
    ("1e-3", False, 0.001),
])
def test_parse_number_reads_what_excel_writes(text, decimal_comma, value):
    assert math.isclose(parse_number(text, decimal_comma), value)


# --- in memory: round trip and edits ------------------------------------------------------


def test_table_to_csv_round_trips_the_default_table():
    default = read_default()
    assert_frame_equal(read_table(table_to_csv(default)), default)


def test_table_to_csv_round_trips_awkward_text():
    table = read_default()
    table.loc[0, "name"] = 'Café "Zürich", 北京'
    table.loc[1, "notes"] = "two lines,\nwith a comma; and a semicolon\tand a tab"
    table.loc[2, "sources"] = "=not a formula here, just text"
    table.loc[0, "incidents_per_year_low"] = 0.005
    assert_frame_equal(read_table(table_to_csv(table)), table)


def test_check_frame_accepts_the_default_table_unchanged():
    default = read_default()
    frame, problems = check_frame(default)
    assert problems == []
    assert_frame_equal(frame, default)


def test_check_frame_flags_an_edited_bad_cell():
    table = read_default()
    table.loc[1, "monthly_usd"] = -5.0
    table.loc[0, "outages_per_year_low"] = 10.0  # above its _high of 4
    table["setup_usd"] = table["setup_usd"].astype(object)
    table.loc[2, "setup_usd"] = "lots"
    _frame, problems = check_frame(table)
    found = {(p.line, p.column) for p in problems}
    assert found == {(3, "monthly_usd"), (2, "outages_per_year_low"), (4, "setup_usd")}, \
        [str(p) for p in problems]


def test_check_frame_flags_a_duplicate_id_and_a_blank_name():
    table = read_default()
    table.loc[2, "option_id"] = "approved_vpn"
    table.loc[1, "name"] = "  "
    _frame, problems = check_frame(table)
    assert {(p.line, p.column) for p in problems} == {(4, "option_id"), (3, "name")}


# --- the extended table --------------------------------------------------------------------


def test_extended_table_validates_and_keeps_the_default_routes_unchanged():
    run = validate(EXTENDED)
    extended = read_table(EXTENDED.read_bytes())
    assert (run.returncode, run.stdout, run.stderr) == (
        0, f"ok: {len(extended)} options\n".encode(), "")
    default = read_default()
    assert len(extended) >= len(default) + 3
    assert list(extended["option_id"][:3]) == DEFAULT_IDS
    assert_frame_equal(extended.head(len(default)), default)
    # Byte for byte too: the extended file starts with the default file.
    assert EXTENDED.read_text(encoding="utf-8").startswith(DEFAULT.read_text(encoding="utf-8"))


def test_extended_table_offers_the_routes_the_spec_welcomes():
    extended = read_table(EXTENDED.read_bytes()).set_index("option_id")
    assert {"consumer_vpn", "cloud_ccn", "pilot_zone_channel"} <= set(extended.index)
    assert extended.loc["consumer_vpn", "legal_status"] == "unauthorised"
    assert extended.loc["consumer_vpn", "per_user_usd"] == 15  # Global Times, 2014
    assert extended.loc["cloud_ccn", "legal_status"] == "authorised"
    assert extended.loc["pilot_zone_channel", "legal_status"] == "pilot"
    for option_id in set(extended.index) - set(DEFAULT_IDS):
        row = extended.loc[option_id]
        # Every added route says where its numbers come from and which are estimates.
        assert re.search(r"\[S", row["sources"]), option_id
        assert re.search(r"ESTIMATES? \[G\]", row["sources"]), option_id
        assert re.search(r"ESTIMATES? \[G\]", row["notes"]), option_id
        # Sourced by title and date, so a year must appear.
        assert re.search(r"\b20[0-2]\d\b", row["sources"]), option_id


def test_compare_runs_on_the_extended_table():
    run = run_cli("compare", "--options", str(EXTENDED), "--trials", "1000")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    result = pd.read_csv(io.BytesIO(run.stdout), encoding="utf-8-sig")
    assert list(result["option_id"]) == list(read_table(EXTENDED.read_bytes())["option_id"])
    assert result["prob_lowest_cost"].sum() == pytest.approx(1.0)
    assert (result["expected_total_usd"] > 0).all()


# --- what we write: whole numbers plain, comments in one cell ------------------------------


def test_table_download_writes_whole_numbers_without_a_decimal_point():
    from connectivity.inputs.table import template_csv

    for data in (table_to_csv(read_default(), for_spreadsheet=True), template_csv()):
        text = data.decode("utf-8-sig")
        assert ",3000,800,50,0,12,8,5,25,1,4,1,4,0.01,0.1,1000,20000,0.5,4,60," in text
        assert "3000.0" not in text and ",0.0," not in text


def test_a_number_two_marks_could_read_is_written_so_only_one_can():
    table = read_default()
    table.loc[1, "per_mbps_usd"] = 80.125
    data = table_to_csv(table)
    assert b",80.1250," in data
    assert_frame_equal(read_table(data), table)


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_template_comment_lines_stay_one_cell_whatever_the_separator(sep):
    from connectivity.inputs.table import template_csv

    lines = template_csv().decode("utf-8-sig").split("\r\n")
    comments = [line for line in lines if line.startswith("# ")]
    assert len(comments) == 3
    for line in comments:
        assert list(csv.reader([line], delimiter=sep)) == [[line]]


def test_a_low_a_power_of_ten_above_its_high_names_a_decimal_mark_mix_up_not_a_swap():
    # A spreadsheet turned 0.005 into 5: swapping would give a range 100 times too high.
    rows = list(csv.reader(io.StringIO(DEFAULT.read_text(encoding="utf-8"))))
    rows[2][rows[0].index("incidents_per_year_low")] = "5"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    with pytest.raises(TableError) as caught:
        read_table(out.getvalue().encode())
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (3, "incidents_per_year_low")
    assert "100 times as much" in problem.message
    assert "decimal mark misread" in problem.message
    assert "swap" not in problem.message.lower()
