"""A table without the attrition columns (every table made before them) gives the figures
it gave before talent loss was modelled: tests/fixtures/comparison_without_talent.json holds
the comparison CSVs of the default scenario and 20 random links as they were then.

Today's CSV has one more column (talent_loss_usd, 0.00 for such a table) and one more
parameter in each link (replacement_months); without those two, every byte must match.
"""

import csv
import io
import json
from pathlib import Path

import pytest

from connectivity import compare, comparison_csv, parse_query
from connectivity.inputs.table import DEFAULT_PATH, read_table

FIXTURE = Path(__file__).parent / "fixtures" / "comparison_without_talent.json"
CASES = json.loads(FIXTURE.read_text())


def table_without_attrition():
    """The default file with its two attrition columns cut out, read as an upload is."""
    rows = list(csv.reader(io.StringIO(DEFAULT_PATH.read_text(encoding="utf-8-sig"))))
    keep = [i for i, name in enumerate(rows[0]) if not name.startswith("attrition_pct")]
    assert len(keep) == len(rows[0]) - 2
    out = io.StringIO()
    csv.writer(out).writerows([[row[i] for i in keep] for row in rows])
    return read_table(out.getvalue().encode())


def without_talent(text: str) -> str:
    """The CSV without the talent_loss_usd column and the replacement_months parameter."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    cut = rows[0].index("talent_loss_usd")
    for row in rows[1:]:
        assert row[cut] == "0.00"
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows([r[:cut] + r[cut + 1:] for r in rows])
    return out.getvalue().replace("&replacement_months=4", "")


@pytest.fixture(scope="module")
def table():
    return table_without_attrition()


def test_the_cut_table_counts_no_attrition(table):
    assert (table["attrition_pct_low"] == 0).all() and (table["attrition_pct_high"] == 0).all()


@pytest.mark.parametrize("case", CASES, ids=[f"link{i}" for i in range(len(CASES))])
def test_figures_without_attrition_are_those_of_before(table, case: dict) -> None:
    scenario, _ = parse_query(case["link"], table)
    text = comparison_csv(compare(table, scenario).comparison).decode("utf-8-sig")
    assert without_talent(text) == case["csv"]
