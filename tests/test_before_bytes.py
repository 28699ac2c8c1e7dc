"""Comparison CSV bytes for the default scenario and 20 random links are pinned
(tests/fixtures/comparison_before.json), so no figure moves by accident.

The file was first written before the core was split into layers, which changed no
figure. A deliberate change of the model or the columns regenerates it, and says so
in the commit message:

    python -m tests.test_before_bytes

It was regenerated when the status quo's service charges during a new route's lead
time joined SPEC section 4.
"""

import json
from pathlib import Path

import pytest

from connectivity import compare, comparison_csv, parse_query, read_default

FIXTURE = Path(__file__).parent / "fixtures" / "comparison_before.json"
CASES = json.loads(FIXTURE.read_text())


def comparison_text(link: str) -> str:
    table = read_default()
    scenario, _ = parse_query(link, table)
    return comparison_csv(compare(table, scenario).comparison).decode("utf-8-sig")


def regenerate() -> None:
    """Rewrite the pinned bytes for the same links with the model as it is now."""
    cases = [{"link": case["link"], "csv": comparison_text(case["link"])} for case in CASES]
    FIXTURE.write_text(json.dumps(cases, indent=1) + "\n")


@pytest.mark.parametrize("case", CASES, ids=[f"link{i}" for i in range(len(CASES))])
def test_comparison_bytes_unchanged(case: dict) -> None:
    assert comparison_text(case["link"]) == case["csv"]


if __name__ == "__main__":
    regenerate()
