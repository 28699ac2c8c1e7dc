""".xlsx in: a manager's workbook reads like the CSV, and every bad workbook gets one clear
message (through read_table and through `validate`); .xlsx out: what we write opens with
typed numbers, inert text and the share link as a hyperlink."""

from __future__ import annotations

import io
import subprocess
import sys
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import openpyxl
import openpyxl.xml
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from connectivity import compare, comparison_csv, parse_query, read_default, read_table
from connectivity.export.xlsx import comparison_xlsx, table_xlsx, template_xlsx
from connectivity.inputs.problems import TableError
from connectivity.inputs.table import table_to_csv
from connectivity.schema.outputs import OUTPUTS
from harness import xlsx as kit

ROOT = Path(__file__).resolve().parents[2]
EXTENDED = ROOT / "data" / "options_extended.csv"
QUERY = "users=60&horizon_months=24&trials=2000"


def refused(data: bytes) -> list[str]:
    with pytest.raises(TableError) as caught:
        read_table(data)
    problems = [str(p) for p in caught.value.problems]
    assert problems and all("Traceback" not in p for p in problems)
    return problems


def validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "connectivity", "validate", str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


# --- reading ---------------------------------------------------------------------------------


def test_openpyxl_reads_xml_through_defusedxml():
    assert openpyxl.xml.DEFUSEDXML


@pytest.mark.parametrize("source", [kit.DEFAULT, EXTENDED])
def test_a_workbook_of_the_csv_gives_byte_identical_comparison_csv(source):
    from_csv = read_table(source.read_bytes())
    from_xlsx = read_table(kit.options_workbook(source))
    assert_frame_equal(from_xlsx, from_csv)
    scenario, _ = parse_query(QUERY, from_csv)
    assert (comparison_csv(compare(from_xlsx, scenario).comparison)
            == comparison_csv(compare(from_csv, scenario).comparison))


def test_the_sheet_named_options_wins_over_the_first():
    data = kit.options_workbook(title="Options ", before=("Notes", "Prices"))
    assert_frame_equal(read_table(data), read_default())
    # Without a sheet named options the first sheet is read, and named in the refusal.
    problems = refused(kit.options_workbook(title="Table", before=("Notes",)))
    assert all(p.startswith("sheet 'Notes', row 1") for p in problems), problems


def test_cached_values_of_formulas_are_read():
    data = kit.with_formula(kit.options_workbook(), "E2", "1000*3", "3000")
    data = kit.with_formula(data, "Q3", "1/200", "5.0000000000000001E-3")
    assert_frame_equal(read_table(data), read_default())


def test_a_formula_without_a_saved_result_is_refused_naming_its_cell():
    data = kit.with_formula(kit.options_workbook(title="options"), "F3", "B9*2", None)
    (problem,) = refused(data)
    assert problem.startswith("sheet 'options', cell F3, column monthly_usd: ")
    assert "formula (=B9*2) without a saved result" in problem


def test_cell_problems_are_named_as_excel_names_cells():
    rows = kit.csv_rows()
    book = [rows[0], *[[kit.typed(c) for c in r] for r in rows[1:]]]
    book[2][4] = "lots"  # E3
    book[3][2] = "grey"  # C4
    book[1][22] = None
    problems = refused(kit.workbook(book, title="options"))
    assert problems[0].startswith("sheet 'options', cell E3, column setup_usd: 'lots'")
    assert problems[1].startswith("sheet 'options', cell C4, column legal_status: 'grey'")


def test_text_cells_holding_numbers_get_the_careful_reader():
    rows = kit.csv_rows()
    book = [rows[0], *[[kit.typed(c) for c in r] for r in rows[1:]]]
    book[1][4] = "3,000"  # typed as text; the typed 0.01 elsewhere proves nothing about text
    (problem,) = refused(kit.workbook(book))
    assert problem.startswith("sheet 'Sheet1', cell E2, column setup_usd: '3,000' could be 3 ")
    assert "3000" in problem
    book[2][16] = "0.005"  # a text cell that proves the decimal point settles it
    assert read_table(kit.workbook(book)).loc[0, "setup_usd"] == 3000


def test_a_number_turned_into_a_date_is_refused():
    import datetime

    rows = kit.csv_rows()
    book = [rows[0], *[[kit.typed(c) for c in r] for r in rows[1:]]]
    book[1][16] = datetime.datetime(2024, 1, 1)
    (problem,) = refused(kit.workbook(book))
    assert "cell Q2" in problem and "2024-01-01" in problem and "a date" in problem


def test_cells_outside_the_table_are_refused_before_reading_them():
    rows = kit.csv_rows()
    book = [rows[0], *[[kit.typed(c) for c in r] for r in rows[1:]]]
    book[1] = book[1] + [None, "stray"]
    (problem,) = refused(kit.workbook(book))
    assert "cell AA2" in problem and "stray" in problem

    far = openpyxl.load_workbook(io.BytesIO(kit.options_workbook()))
    far.active["XFD1048576"] = 1
    out = io.BytesIO()
    far.save(out)
    (problem,) = refused(out.getvalue())
    assert "XFD1048576" in problem


@pytest.fixture(scope="module")
def bad_workbooks(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """name -> (file, a phrase its one message must hold)."""
    folder = tmp_path_factory.mktemp("bad")
    good = kit.options_workbook()
    files = {
        "formula without a result": (kit.with_formula(good, "E2", "1+1", None),
                                     "cell E2, column setup_usd: holds a formula"),
        "macro-enabled (.xlsm)": (kit.as_xlsm(good), "macro-enabled workbook (.xlsm)"),
        "zip bomb": (kit.zip_bomb(), "unpacks to 996,170,499 bytes"),
        "encrypted": (openpyxl_ole(encrypted=True), "protected by a password"),
        "old .xls": (openpyxl_ole(encrypted=False), "Excel 97-2003 (.xls)"),
        **{name: (data, "damaged") for name, data in kit.corrupted().items()
           if name != "empty zip"},
        "empty zip": (kit.corrupted()["empty zip"], "not an Excel workbook"),
    }
    paths = {}
    for index, (name, (data, phrase)) in enumerate(files.items()):
        path = folder / f"bad{index}.xlsx"
        path.write_bytes(data)
        paths[name] = (path, phrase)
    return paths


def openpyxl_ole(encrypted: bool) -> bytes:
    """The first bytes of an OLE compound file, as Excel writes a password-protected
    .xlsx or an .xls (the directory names its streams in UTF-16)."""
    stream = "EncryptionInfo" if encrypted else "Workbook"
    return (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + stream.encode("utf-16-le")
            + b"\0" * 2000)


BAD = ["formula without a result", "macro-enabled (.xlsm)", "zip bomb", "encrypted", "old .xls",
       "cut in half", "sheet bytes flipped", "zip header then garbage", "empty zip"]


@pytest.mark.parametrize("name", BAD)
def test_a_bad_workbook_gets_one_clear_message(name, bad_workbooks):
    path, phrase = bad_workbooks[name]
    (problem,) = refused(path.read_bytes())
    assert phrase in problem


@pytest.mark.parametrize("name", BAD)
def test_validate_refuses_a_bad_workbook_in_one_line(name, bad_workbooks):
    path, phrase = bad_workbooks[name]
    run = validate(path)
    assert (run.returncode, run.stdout) == (2, "")
    assert "Traceback" not in run.stderr
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"error: {path}: ") and phrase in line


def test_a_zip_bomb_is_refused_before_it_is_unpacked(bad_workbooks):
    data = bad_workbooks["zip bomb"][0].read_bytes()
    assert len(data) < 1_000_000
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sum(i.file_size for i in archive.infolist()) > 990_000_000
    tracemalloc.start()
    try:
        refused(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000  # nothing near the gigabyte is ever held


def test_a_bomb_under_the_size_limit_or_lying_about_its_size_is_refused():
    zeros = b"\0" * 900_000
    good = []
    with zipfile.ZipFile(io.BytesIO(kit.options_workbook())) as archive:
        for info in archive.infolist():
            body = archive.read(info)
            good.append((info.filename, kit._deflated(body), zlib.crc32(body), len(body)))
    packed = kit._deflated(zeros)
    ratio = kit._zip([*good, ("xl/media/a.bin", packed, zlib.crc32(zeros), len(zeros))])
    (problem,) = refused(ratio)
    assert "possible zip bomb" in problem
    lying = kit._zip([*good, ("xl/media/a.bin", packed, zlib.crc32(zeros), 1000)])
    (problem,) = refused(lying)
    assert "damaged" in problem


# --- writing ---------------------------------------------------------------------------------

PAYLOADS = ["=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0", '=HYPERLINK("http://evil","x")',
            "北京专线 – 上海"]


@pytest.fixture(scope="module")
def hostile_result():
    table = read_default()
    extra = table.iloc[[0, 1]].assign(option_id=["extra_one", "extra_two"])
    table = pd.concat([table, extra], ignore_index=True)
    table["name"] = PAYLOADS
    table.loc[0, "sources"] = "-2+3"
    scenario, _ = parse_query(QUERY, table)
    return compare(table, scenario)


@pytest.fixture(scope="module")
def workbook(hostile_result) -> tuple[openpyxl.Workbook, str]:
    link = "https://calc.example.org/?" + hostile_result.scenario.query()
    data = comparison_xlsx(hostile_result.comparison, hostile_result.table,
                           hostile_result.scenario, link)
    return openpyxl.load_workbook(io.BytesIO(data)), link


def test_no_cell_of_the_workbook_is_a_formula(workbook):
    book, _ = workbook
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert len(cells) > 100
    assert not [c.coordinate for c in cells if c.data_type == "f"]


def test_payload_names_are_text_and_chinese_names_intact(workbook):
    book, _ = workbook
    sheet = book["Comparison"]
    names = [sheet.cell(row=r, column=2) for r in range(3, 3 + len(PAYLOADS))]
    assert [c.value for c in names] == PAYLOADS
    assert all(c.data_type == "s" for c in names)
    assert book["Sources"]["C2"].value == "-2+3" and book["Sources"]["C2"].data_type == "s"


def test_numbers_are_numbers_with_formats_and_labels_head_the_columns(workbook, hostile_result):
    book, _ = workbook
    sheet = book["Comparison"]
    assert [c.value for c in sheet[2]] == [o.name for o in OUTPUTS]
    assert sheet["K1"].value == "Expected total (USD)"
    assert sheet.freeze_panes == "C3"
    expected = hostile_result.comparison
    for column, output in enumerate(OUTPUTS, start=1):
        for row in range(len(expected)):
            cell = sheet.cell(row=row + 3, column=column)
            if output.unit == "text":
                continue
            assert cell.data_type == "n" and isinstance(cell.value, (int, float)), output.name
            assert cell.value == pytest.approx(expected.loc[row, output.name])
            assert {"money": "$", "share": "%", "count": "0"}[output.unit] in cell.number_format


def test_the_scenario_sheet_carries_the_share_link_as_a_hyperlink(workbook):
    book, link = workbook
    sheet = book["Scenario"]
    cells = [c for row in sheet.iter_rows() for c in row if c.hyperlink is not None]
    (cell,) = cells
    assert cell.hyperlink.target == link and cell.value == link and cell.data_type == "s"
    labels = {row[0].value: row[1].value for row in sheet.iter_rows() if row[0].value}
    assert labels["Staff who need services abroad"] == 60
    assert labels["Comparison horizon (months)"] == 24


def test_cli_writes_the_workbook_by_suffix(tmp_path):
    out = tmp_path / "comparison.xlsx"
    run = subprocess.run([sys.executable, "-m", "connectivity", "compare", "--query", QUERY,
                          "--out", str(out), "--app-url", "https://calc.example.org/"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (run.returncode, run.stderr) == (0, "")
    book = openpyxl.load_workbook(out)
    table = read_default()
    scenario, _ = parse_query(QUERY, table)
    expected = compare(table, scenario).comparison
    values = [[c.value for c in row] for row in book["Comparison"].iter_rows(min_row=3)]
    assert [row[0] for row in values] == list(expected["option_id"])
    assert [row[10] for row in values] == pytest.approx(list(expected["expected_total_usd"]))
    (link,) = [c for row in book["Scenario"].iter_rows() for c in row if c.hyperlink]
    assert link.hyperlink.target == f"https://calc.example.org/?{scenario.query()}"


def test_the_table_workbook_uploads_back_unchanged(hostile_result):
    table = hostile_result.table
    table.loc[1, "per_mbps_usd"] = 80.125
    back = read_table(table_xlsx(table))
    assert_frame_equal(back, read_table(table_to_csv(table)))
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx(table)))
    assert book["options"]["B2"].value == "=1+1" and book["options"]["B2"].data_type == "s"
    assert book["options"]["G3"].value == 80.125


def test_the_template_workbook_has_no_route_until_the_example_is_uncommented():
    data = template_xlsx()
    assert "no routes" in refused(data)[0]
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["options"]
    example = [c for c in sheet["A"] if str(c.value).startswith("#approved_vpn")]
    (cell,) = example
    cell.value = "approved_vpn"
    out = io.BytesIO()
    book.save(out)
    assert_frame_equal(read_table(out.getvalue()), read_default().iloc[:1])


@pytest.mark.parametrize("link", ["https://calc.example.org/?" + "a" * 2100,
                                  "javascript:alert(1)", "=HYPERLINK(\"x\")"])
def test_a_link_excel_cannot_open_safely_stays_text(hostile_result, link):
    data = comparison_xlsx(hostile_result.comparison, hostile_result.table,
                           hostile_result.scenario, link)
    cells = [c for row in openpyxl.load_workbook(io.BytesIO(data))["Scenario"].iter_rows()
             for c in row]
    (cell,) = [c for c in cells if c.value == link]
    assert cell.hyperlink is None and cell.data_type == "s"


def test_another_currency_adds_converted_columns_beside_the_usd_ones():
    table = read_default()
    scenario, _ = parse_query(QUERY + "&currency=CNY&fx_rate=7.2", table)
    result = compare(table, scenario)
    data = comparison_xlsx(result.comparison, result.table, scenario, "https://x.example/")
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Comparison"]
    headers = [c.value for c in sheet[1]]
    usd = headers.index("Expected total (USD)") + 1
    cny = headers.index("Expected total (CNY)") + 1
    assert usd <= len(OUTPUTS) < cny
    for row in range(3, 3 + len(table)):
        assert sheet.cell(row, cny).value == pytest.approx(sheet.cell(row, usd).value * 7.2)
        assert "¥" in sheet.cell(row, cny).number_format
        assert sheet.cell(row, usd).number_format == '"$"#,##0.00'


def test_cli_compare_reads_a_workbook_as_options(tmp_path):
    book = tmp_path / "quotes.xlsx"
    book.write_bytes(kit.options_workbook(EXTENDED, title="options"))

    def cli(options: Path) -> bytes:
        done = subprocess.run([sys.executable, "-m", "connectivity", "compare", "--options",
                               str(options), "--query", QUERY], cwd=ROOT, capture_output=True,
                              timeout=120)
        assert done.returncode == 0 and done.stderr == b"", done.stderr
        return done.stdout

    assert cli(book) == cli(EXTENDED)
