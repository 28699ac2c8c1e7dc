"""The Assumptions page takes .xlsx uploads, keeps the table in use when a workbook is bad,
and offers the .xlsx downloads beside the CSV ones (the Compare page too)."""

from __future__ import annotations

from pathlib import Path

import pytest

from harness import xlsx as kit
from harness.apptest import assert_healthy, run, unescape

EXTENDED = Path(__file__).resolve().parents[2] / "data" / "options_extended.csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def in_use(at) -> str:
    return next(unescape(c.value) for c in at.caption if c.value.startswith("In use: "))


def upload(at, name: str, data: bytes):
    at.file_uploader[0].set_value((name, data, XLSX))
    at.run()
    assert_healthy(at)
    return at


@pytest.fixture(scope="module")
def loaded():
    at = run(page="assumptions")
    assert ".xlsx" in at.file_uploader[0].allowed_type
    upload(at, "our-quotes.xlsx", kit.options_workbook(EXTENDED, title="options"))
    assert any("Loaded our-quotes.xlsx: 6 routes" in unescape(s.value) for s in at.success)
    assert "your uploaded table, 6 routes" in in_use(at)
    return at


BAD = {
    "formula.xlsx": (lambda: kit.with_formula(kit.options_workbook(), "E2", "1+1", None),
                     "cell E2, column setup_usd: holds a formula"),
    "macros-renamed.xlsx": (lambda: kit.as_xlsm(kit.options_workbook()), ".xlsm"),
    "bomb.xlsx": (kit.zip_bomb, "unpacks to"),
    "broken.xlsx": (lambda: kit.corrupted()["cut in half"], "damaged"),
}


@pytest.mark.parametrize("name", list(BAD))
def test_a_bad_workbook_is_refused_and_the_table_in_use_stays(loaded, name):
    make, phrase = BAD[name]
    before = in_use(loaded)
    upload(loaded, name, make())
    errors = [unescape(e.value) for e in loaded.error]
    (error,) = [e for e in errors if f"{name} was not loaded" in e]
    assert "the table in use is unchanged" in error and phrase in error
    assert "Traceback" not in error
    assert in_use(loaded) == before


def test_xlsx_downloads_sit_beside_the_csv_ones():
    at = run(page="assumptions")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download the table in use", "Table in use as Excel (.xlsx)",
                      "Download a blank template", "Blank template as Excel (.xlsx)"]
    at = run(page="compare")
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download the comparison (CSV)", "Download the comparison (Excel)",
                      "Download the memo (PDF)"]
