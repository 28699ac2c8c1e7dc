"""Comparison CSV bytes for the default scenario and 20 random links are pinned
(tests/fixtures/comparison_before.json), so no figure moves by accident; so are the
values of their comparison workbooks and the text of their memos
(tests/fixtures/exports_before.json), so no word or number format moves either.

The file was first written before the core was split into layers, which changed no
figure. A deliberate change of the model or the columns regenerates it, and says so
in the commit message:

    python -m tests.test_before_bytes

It was regenerated when the status quo's service charges during a new route's lead
time joined SPEC section 4, its memo texts when memo page 2 moved to the memo's
currency and words, and all of it when talent loss joined (a new column, a new link
parameter and the default table's attrition ranges; tests/test_without_talent.py holds
the figures from before and checks that a table without attrition still gives them).
Its memo texts again when swing ends became people numbers (2026-12-03): 29.55, not
29.549999999999997, and US-dollar ends as prices ($20 to $60), the cost per incident's
range in the scenario's currency too; no CSV byte or workbook value moved.
"""

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from connectivity import compare, comparison_csv, parse_query, read_default
from connectivity.cli import DEFAULT_APP_URL
from connectivity.export.memo import memo_pdf
from connectivity.export.xlsx import comparison_xlsx
from harness.memo import text_of

# Left out of `make test-fast` (processes, servers or many memos); `make test` runs it.
pytestmark = pytest.mark.slow

FIXTURE = Path(__file__).parent / "fixtures" / "comparison_before.json"
EXPORTS = Path(__file__).parent / "fixtures" / "exports_before.json"
CASES = json.loads(FIXTURE.read_text())
EXPORT_CASES = json.loads(EXPORTS.read_text())
MEMO_DAY = dt.date(2026, 1, 1)  # the memo prints its date; a fixed one keeps the text fixed


def _compared(link: str):
    table = read_default()
    scenario, _ = parse_query(link, table)
    return scenario, compare(table, scenario)


def comparison_text(link: str) -> str:
    return comparison_csv(_compared(link)[1].comparison).decode("utf-8-sig")


def _share_link(scenario) -> str:
    return f"{DEFAULT_APP_URL}?{scenario.query()}"  # what `python -m connectivity` writes


def workbook_values(link: str) -> dict[str, list[list]]:
    """Every sheet's cell values (numbers as numbers, text as text), row by row.

    Values, not bytes: the file's zip and XML may change without any cell changing."""
    scenario, result = _compared(link)
    data = comparison_xlsx(result.comparison, result.table, scenario, _share_link(scenario))
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book}


def memo_text(link: str) -> str:
    """The memo's words as a reader of the PDF gets them (both pages, without footers).

    Whitespace is one space: where pypdf breaks lines depends on how the PDF's text
    objects are laid down (a table's cells on one line or one a line), not on what it says.
    """
    scenario, result = _compared(link)
    return " ".join(text_of(memo_pdf(result, _share_link(scenario), "a4", MEMO_DAY)).split())


def regenerate() -> None:
    """Rewrite the pinned bytes, values and text for the same links as things are now."""
    cases = [{"link": case["link"], "csv": comparison_text(case["link"])} for case in CASES]
    FIXTURE.write_text(json.dumps(cases, indent=1) + "\n")
    exports = [{"link": case["link"], "workbook": workbook_values(case["link"]),
                "memo": memo_text(case["link"])} for case in CASES]
    EXPORTS.write_text(json.dumps(exports, indent=1, ensure_ascii=False) + "\n")


@pytest.mark.parametrize("case", CASES, ids=[f"link{i}" for i in range(len(CASES))])
def test_comparison_bytes_unchanged(case: dict) -> None:
    assert comparison_text(case["link"]) == case["csv"]


def test_every_pinned_link_pins_its_exports_too() -> None:
    assert [case["link"] for case in EXPORT_CASES] == [case["link"] for case in CASES]


@pytest.mark.parametrize("case", EXPORT_CASES, ids=[f"link{i}" for i in range(len(CASES))])
def test_workbook_values_unchanged(case: dict) -> None:
    # Through JSON, as pinned: a tuple reads back as a list, a float exactly as written.
    assert json.loads(json.dumps(workbook_values(case["link"]))) == case["workbook"]


@pytest.mark.parametrize("case", EXPORT_CASES, ids=[f"link{i}" for i in range(len(CASES))])
def test_memo_text_unchanged(case: dict) -> None:
    assert memo_text(case["link"]) == case["memo"]


if __name__ == "__main__":
    regenerate()
