"""`included_mbps`: the monthly charge covers that many Mbps, only the rest is billed per Mbps.

Expected service charges are worked out here by hand (months × the monthly bill).
"""

from __future__ import annotations

import io

import pytest

from connectivity import Scenario, compare, read_default
from connectivity.inputs.problems import TableError
from connectivity.inputs.table import read_table, table_to_csv
from connectivity.model.expected import expected_components
from harness.tables import make_table, route


def _service(included: float, mbps: float, sites: int = 2) -> float:
    # One status-quo route billed for the whole horizon: no lead time, no term.
    table = make_table(route("quote", monthly_usd=6200 / 7.2, per_mbps_usd=90 / 7.2,
                             included_mbps=included))
    s = Scenario(status_quo="quote", mbps=mbps, sites=sites, horizon_months=12)
    return float(expected_components(table, s).loc["quote", "service"])


@pytest.mark.parametrize("included, mbps, extra", [
    (30, 50, 20),   # 20 Mbps above what the charge covers
    (30, 30, 0),    # exactly what it covers: no per-Mbps charge
    (30, 10, 0),    # less than it covers: never a credit
    (0, 50, 50),    # nothing included: every Mbps is billed, as before the column
])
def test_only_the_mbps_above_the_included_ones_are_billed(included, mbps, extra) -> None:
    monthly = (6200 / 7.2 + 90 / 7.2 * extra) * 2
    assert _service(included, mbps) == pytest.approx(monthly * 12, rel=1e-12)


def test_the_quote_of_the_issue_costs_what_the_supplier_said() -> None:
    # "30 Mbps included, then ¥90 per extra Mbps" at 50 Mbps: ¥6,200 + 20 × ¥90 = ¥8,000.
    assert _service(30, 50, sites=1) / 12 * 7.2 == pytest.approx(8000, rel=1e-12)


def test_a_table_without_the_column_reads_as_zero_and_is_written_without_it() -> None:
    default = read_default()
    assert (default["included_mbps"] == 0).all()
    data = table_to_csv(default)
    assert b"included_mbps" not in data.splitlines()[0]
    assert table_to_csv(read_table(data)) == data


def test_an_empty_cell_is_zero_and_a_used_column_is_written() -> None:
    text = table_to_csv(read_default()).decode("utf-8-sig").splitlines()
    header = text[0] + ",included_mbps"
    rows = [text[1] + ",30", text[2] + ",", text[3] + ","]
    table = read_table("\r\n".join([header, *rows]).encode())
    assert list(table["included_mbps"]) == [30.0, 0.0, 0.0]
    again = read_table(table_to_csv(table))
    assert list(again["included_mbps"]) == [30.0, 0.0, 0.0]
    assert b"included_mbps" in table_to_csv(table).splitlines()[0]


def test_out_of_range_is_refused_naming_line_and_column() -> None:
    text = table_to_csv(read_default()).decode("utf-8-sig").splitlines()
    data = "\r\n".join([text[0] + ",included_mbps", text[1] + ",20000",
                        text[2] + ",", text[3] + ","]).encode()
    with pytest.raises(TableError) as info:
        read_table(data)
    assert "line 2, column included_mbps" in str(info.value.problems[0])


def test_old_links_give_the_same_numbers() -> None:
    default = read_default()
    s = Scenario(mbps=50)
    before = compare(default, s).comparison
    csv = io.BytesIO(table_to_csv(default))
    assert compare(read_table(csv.getvalue()), s).comparison.equals(before)


def test_a_link_override_bills_above_it() -> None:
    default = read_default()
    plain = compare(default, Scenario(mbps=50, status_quo="approved_vpn")).expected
    covered = compare(default, Scenario(mbps=50, status_quo="approved_vpn",
                                        overrides=(("approved_vpn", "included_mbps", 30.0),)))
    saved = (plain.loc["approved_vpn", "service"]
             - covered.expected.loc["approved_vpn", "service"])
    assert saved == pytest.approx(50 * 30 * 36, rel=1e-12)  # $50 a Mbps, 30 Mbps, 36 months
