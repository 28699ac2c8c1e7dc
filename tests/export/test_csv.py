"""The comparison CSV (SPEC section 5): BOM, one header line, formula payloads neutralised."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from connectivity.export.csv import comparison_csv
from connectivity.inputs.problems import TableError
from connectivity.inputs.scenario import Scenario
from connectivity.inputs.table import read_default, read_table, table_to_csv
from connectivity.model.compare import compare

# Written out from SPEC section 5, not imported, so a drift in the code fails here.
SPEC_COLUMNS = (
    "option_id,name,legal_status,reach,setup_usd,service_usd,productivity_loss_usd,"
    "outage_loss_usd,incident_loss_usd,talent_loss_usd,expected_total_usd,npv_usd,p10_usd,"
    "p50_usd,p90_usd,prob_lowest_cost,expected_regret_usd,usd_per_user_month,rank,scenario"
).split(",")
TEXT = ("option_id", "name", "legal_status", "reach", "scenario")
NUMBERS = [c for c in SPEC_COLUMNS if c not in TEXT]
# What makes a spreadsheet run a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
BASE_PAYLOADS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "＝1+1", "＋SUM(A1)", "－2+3", "＠cmd",
                 '=HYPERLINK("http://example.com","x")', "-", "=", "@"]
CONTROL_PAYLOADS = ["\t=1+1", "\rSUM(A1)", "\n@cmd", "\tplain", "\r\n=1"]
# Each payload also after leading spaces.
ALL_PAYLOADS = [p for base in BASE_PAYLOADS + CONTROL_PAYLOADS
                for p in (base, "  " + base, " " + base)]
SAFE_NAMES = ["Approved VPN", "Café – 北京 office ☕", "a=b", "1-2 sites", "VPN (+ backup)",
              "'already quoted"]
TRIALS = 1000


def assert_neutralised(cell: str, original: str) -> None:
    assert not cell.lstrip(" ").startswith(FORMULA_STARTS), repr(cell)
    assert not cell.startswith(FORMULA_STARTS), repr(cell)
    assert cell == "'" + original, (cell, original)


def read_back_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def read_back_pandas(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False,
                       dtype={c: str for c in TEXT})


def hand_built(names: list[str], **numbers: list[float]) -> pd.DataFrame:
    """A comparison frame as `compare` returns it, with chosen names and numbers."""
    n = len(names)
    frame = pd.DataFrame({
        "option_id": [f"route_{i}" for i in range(n)],
        "name": names,
        "legal_status": ["authorised"] * n,
        "reach": ["hq_only"] * n,
        **{c: [float(i) * 1000.5 for i in range(n)] for c in NUMBERS},
        "rank": list(range(1, n + 1)),
        "prob_lowest_cost": [1 / n] * n,
        "scenario": ["sites=1&users=25"] * n,
    })
    for column, values in numbers.items():
        frame[column] = values
    return frame[SPEC_COLUMNS]


@pytest.fixture(scope="module")
def default_export() -> bytes:
    result = compare(read_default(), Scenario(trials=TRIALS))
    return comparison_csv(result.comparison)


def table_with_names(names: list[str]) -> pd.DataFrame:
    """The default routes repeated, one per name, read through the upload validator."""
    default = read_default()
    rows = []
    for i, name in enumerate(names):
        row = default.iloc[i % len(default)].copy()
        row["option_id"] = f"route_{i:02d}"
        row["name"] = name
        rows.append(row)
    status_quo = default.iloc[-1].copy()
    rows.append(status_quo)  # do_nothing, the default status quo
    frame = pd.DataFrame(rows).reset_index(drop=True)
    return read_table(table_to_csv(frame))


# --- shape of the file ---------------------------------------------------------------------


def test_bom_comma_separated_one_header_line(default_export):
    assert default_export.startswith(b"\xef\xbb\xbf")
    assert not default_export[3:].startswith(b"\xef\xbb\xbf")
    text = default_export[3:].decode("utf-8")
    lines = text.splitlines()
    assert lines[0] == ",".join(SPEC_COLUMNS)
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert len(records) == 1 + 3
    assert [r for r in records if r == SPEC_COLUMNS] == [SPEC_COLUMNS]
    assert all(len(r) == len(SPEC_COLUMNS) for r in records)
    assert [r[0] for r in records[1:]] == ["approved_vpn", "leased_circuit", "do_nothing"]


def test_pandas_reads_the_header_and_numbers(default_export):
    frame = pd.read_csv(io.BytesIO(default_export), encoding="utf-8-sig")
    assert list(frame.columns) == SPEC_COLUMNS
    for column in NUMBERS:
        assert pd.api.types.is_numeric_dtype(frame[column]), column
    assert frame["prob_lowest_cost"].sum() == pytest.approx(1.0, abs=1e-9)
    assert sorted(frame["rank"]) == [1, 2, 3]


def test_number_cells_have_the_spec_decimals(default_export):
    for record in read_back_csv(default_export):
        for column in NUMBERS:
            cell = record[column]
            float(cell)
            if column == "rank":
                assert cell.isdigit()
            elif column == "prob_lowest_cost":
                assert len(cell.split(".")[1]) == 4, cell
            else:
                assert len(cell.split(".")[1]) == 2, (column, cell)
        assert record["scenario"].startswith("sites=")


# --- formula payloads ----------------------------------------------------------------------


def test_validator_lets_no_control_character_into_a_name():
    # Why tab/CR/LF payloads are tested on a hand-built comparison below.
    assert table_with_names(["\t=1+1\r\n"])["name"][0] == "=1+1"  # stripped
    with pytest.raises(TableError):
        table_with_names(["=1\n+1"])


def test_payload_names_through_an_uploaded_table_are_neutralised():
    names = BASE_PAYLOADS + ["  " + p for p in BASE_PAYLOADS[:4]]
    table = table_with_names(names)
    stored = list(table["name"][: len(names)])  # as the validator keeps them
    data = comparison_csv(compare(table, Scenario(trials=TRIALS)).comparison)
    via_csv = read_back_csv(data)
    via_pandas = read_back_pandas(data)
    for i, original in enumerate(stored):
        assert_neutralised(via_csv[i]["name"], original)
        assert_neutralised(via_pandas.loc[i, "name"], original)
    assert via_csv[-1]["name"] == table["name"].iloc[-1]  # an ordinary name is left alone


@pytest.mark.parametrize("reader", ["csv", "pandas"])
def test_every_payload_is_neutralised_in_a_hand_built_comparison(reader):
    data = comparison_csv(hand_built(ALL_PAYLOADS))
    if reader == "csv":
        cells = [r["name"] for r in read_back_csv(data)]
    else:
        cells = list(read_back_pandas(data)["name"])
    assert len(cells) == len(ALL_PAYLOADS)
    for cell, original in zip(cells, ALL_PAYLOADS):
        assert_neutralised(cell, original)


def test_payloads_in_other_text_columns_are_neutralised():
    frame = hand_built(["ok", "ok"])
    frame["option_id"] = ["=cmd|' /C calc'!A0", "route"]
    frame["reach"] = ["hq_only", "+reach"]
    frame["scenario"] = ["-sites=1", "sites=1"]
    rows = read_back_csv(comparison_csv(frame))
    assert_neutralised(rows[0]["option_id"], "=cmd|' /C calc'!A0")
    assert_neutralised(rows[1]["reach"], "+reach")
    assert_neutralised(rows[0]["scenario"], "-sites=1")
    assert rows[1]["scenario"] == "sites=1"


def test_safe_text_is_left_alone():
    rows = read_back_csv(comparison_csv(hand_built(SAFE_NAMES)))
    assert [r["name"] for r in rows] == SAFE_NAMES


# --- numbers and non-ASCII -----------------------------------------------------------------


def test_numbers_stay_numbers_even_when_negative():
    frame = hand_built(["a", "b"], setup_usd=[-1234.5, 0.0], npv_usd=[-0.004, 1e7],
                       usd_per_user_month=[-7.125, 3.0])
    data = comparison_csv(frame)
    rows = read_back_csv(data)
    assert rows[0]["setup_usd"] == "-1234.50"
    assert float(rows[0]["npv_usd"]) == 0.0
    assert rows[1]["npv_usd"] == "10000000.00"
    for row in rows:
        for column in NUMBERS:
            assert not row[column].startswith("'"), (column, row[column])
            float(row[column])
    parsed = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert parsed.loc[0, "setup_usd"] == -1234.5
    assert parsed.loc[0, "usd_per_user_month"] == pytest.approx(-7.12, abs=0.011)
    assert pd.api.types.is_float_dtype(parsed["setup_usd"])


def test_non_ascii_names_survive_as_utf8():
    name = "Café – 北京 office ☕"
    table = table_with_names([name])
    data = comparison_csv(compare(table, Scenario(trials=TRIALS)).comparison)
    assert name.encode("utf-8") in data
    assert read_back_csv(data)[0]["name"] == name
    assert read_back_pandas(data).loc[0, "name"] == name
