"""Formula payloads in a downloaded options table: inert in Excel, intact on re-upload."""

import csv
import io

import pytest

from connectivity import read_default
from connectivity.inputs.formulas import FORMULA_STARTS, neutralise, restore
from connectivity.inputs.table import read_table, table_to_csv

PAYLOADS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "＝1", "＋1", "－1", "＠1", "  =1",
            '=HYPERLINK("http://x")']


@pytest.mark.parametrize("payload", PAYLOADS)
def test_neutralise_and_restore_are_inverse(payload):
    inert = neutralise(payload)
    assert inert.startswith("'")
    assert restore(inert) == payload


@pytest.mark.parametrize("text", ["Approved VPN", "'quoted'", "a=b", "1-2"])
def test_plain_text_is_left_alone(text):
    assert neutralise(text) == text and restore(text) == text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_table_download_is_inert_and_reuploads_unchanged(payload):
    table = read_default()
    table.loc[0, "name"] = payload.strip()
    table.loc[1, "notes"] = payload.strip()
    data = table_to_csv(table, for_spreadsheet=True)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    for cell in (rows[0]["name"], rows[1]["notes"]):
        assert not cell.lstrip(" ").startswith(FORMULA_STARTS)
    back = read_table(data)
    assert back.loc[0, "name"] == payload.strip()
    assert back.loc[1, "notes"] == payload.strip()
    # Numbers stay numbers.
    assert float(rows[0]["monthly_usd"]) == table.loc[0, "monthly_usd"]


def test_the_link_encoding_keeps_text_exact():
    table = read_default()
    table.loc[0, "name"] = "=1+1"
    assert "'=1+1" not in table_to_csv(table).decode("utf-8-sig")
