"""`python -m connectivity memo`: the decision memo from the command line, strict as ever."""

from __future__ import annotations

from datetime import date

from connectivity import compare, parse_query, read_default, read_table
from connectivity.cli import DEFAULT_APP_URL
from connectivity.export.memo import memo_pdf
from connectivity.inputs.tablelink import encode_table
from harness.memo import ROOT, pages_of, squeezed, text_of
from tests.test_cli import assert_clean_failure, cli

LINK = "https://calculator.example/?users=40&sites=2&trials=1000"


def test_memo_bytes_equal_the_core_for_the_same_link(tmp_path):
    out = tmp_path / "memo.pdf"
    done = cli("memo", "--query", LINK, "--mbps", "25", "--date", "2026-03-31",
               "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == b""
    table = read_default()
    scenario, notices = parse_query(LINK + "&mbps=25", table)
    assert notices == []
    link = f"https://calculator.example/?{scenario.query()}"  # flags win, as for compare
    expected = memo_pdf(compare(table, scenario), link, "a4", date(2026, 3, 31))
    assert out.read_bytes() == expected
    assert squeezed(link) in squeezed(text_of(expected))


def test_a_query_without_an_address_gets_the_local_app_and_letter_paper(tmp_path):
    out = tmp_path / "memo.pdf"
    done = cli("memo", "--query", "users=40&trials=1000", "--paper", "letter",
               "--out", str(out))
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and pages_of(data) == 2
    assert b"/MediaBox [0 0 612.00 792.00]" in data  # US Letter in points
    assert squeezed(DEFAULT_APP_URL + "?sites=1&users=40") in squeezed(text_of(data))


def test_options_file_travels_in_the_memos_link(tmp_path):
    out = tmp_path / "memo.pdf"
    path = ROOT / "data" / "options_extended.csv"
    done = cli("memo", "--options", str(path), "--trials", "1000", "--out", str(out))
    assert done.returncode == 0, done.stderr
    text = text_of(out.read_bytes())
    assert "a table of your own (6 routes)" in text
    code = encode_table(read_table(path.read_bytes()))
    assert squeezed(f"table={code}") in squeezed(text)  # the link reopens this table


def test_bad_memo_arguments_fail_cleanly(tmp_path):
    assert_clean_failure(cli("memo", "--date", "2026-02-30", "--out", str(tmp_path / "m.pdf")),
                         1)
    assert_clean_failure(cli("memo", "--users", "40"), 1)  # --out is required
    assert_clean_failure(cli("memo", "--paper", "a3", "--out", str(tmp_path / "m.pdf")), 1)
    assert_clean_failure(cli("memo", "--users", "-1", "--out", str(tmp_path / "m.pdf")), 1)
    assert not (tmp_path / "m.pdf").exists()
