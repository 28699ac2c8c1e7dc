"""A CLI export made from `--options FILE` carries that table in its link (SPEC 5), and the
address its links start with comes from --app-url, CONNECTIVITY_APP_URL or a whole link."""

from __future__ import annotations

from openpyxl import load_workbook

from connectivity.cli import APP_URL_ENV, DEFAULT_APP_URL
from connectivity.views.address import LOCAL_NOTE, is_local
from harness.cli import run_cli as cli
from harness.memo import squeezed, text_of
from tests.test_cli import FAST, rows

EXTENDED = "data/options_extended.csv"
APP = "https://calculator.example/"


def _ok(*args: str) -> bytes:
    done = cli(*args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _link_in_workbook(path) -> str:
    sheet = load_workbook(path)["Scenario"]
    heading = "Share link (opens this exact comparison)"
    found = [row for row in sheet.iter_rows(values_only=True) if row[0] == heading]
    assert len(found) == 1
    return found[0][1]


def test_the_csv_link_of_an_options_file_reopens_the_same_bytes():
    first = _ok("compare", "--options", EXTENDED, *FAST, "--users", "30")
    link = rows(first)[0]["scenario"]
    assert "table=" in link
    assert len(rows(first)) == 6  # the file's six routes, not the default three
    again = _ok("compare", "--query", link)
    assert again == first
    # Without the table the link would reopen the default comparison: other numbers.
    plain = "&".join(p for p in link.split("&") if not p.startswith("table="))
    assert _ok("compare", "--query", plain) != first


def test_the_workbook_link_of_an_options_file_reopens_the_same_bytes(tmp_path):
    out = tmp_path / "six.xlsx"
    _ok("compare", "--options", EXTENDED, *FAST, "--app-url", APP, "--out", str(out))
    link = _link_in_workbook(out)
    assert link.startswith(APP + "?") and "table=" in link
    assert _ok("compare", "--query", link) == _ok("compare", "--options", EXTENDED, *FAST)
    sheet = load_workbook(out)["Scenario"]
    scenario = {row[0]: row[1] for row in sheet.iter_rows(values_only=True)}
    assert scenario["Options table"] == "an uploaded table (carried in the link)"


def test_the_address_comes_from_the_flag_then_the_environment(tmp_path, monkeypatch):
    out = tmp_path / "c.xlsx"
    _ok("compare", *FAST, "--out", str(out))
    assert _link_in_workbook(out).startswith(DEFAULT_APP_URL + "?")
    monkeypatch.setenv(APP_URL_ENV, "https://office.example/calc/")
    _ok("compare", *FAST, "--out", str(out))
    assert _link_in_workbook(out).startswith("https://office.example/calc/?")
    _ok("compare", *FAST, "--app-url", APP, "--out", str(out))
    assert _link_in_workbook(out).startswith(APP + "?")  # the flag wins


def test_a_memo_says_when_its_link_opens_only_where_it_was_made(tmp_path, monkeypatch):
    monkeypatch.delenv(APP_URL_ENV, raising=False)
    local, shared = tmp_path / "local.pdf", tmp_path / "shared.pdf"
    _ok("memo", *FAST, "--date", "2026-03-31", "--out", str(local))
    monkeypatch.setenv(APP_URL_ENV, APP)
    _ok("memo", *FAST, "--date", "2026-03-31", "--out", str(shared))
    assert squeezed(LOCAL_NOTE) in squeezed(text_of(local.read_bytes()))
    text = text_of(shared.read_bytes())
    assert squeezed(LOCAL_NOTE) not in squeezed(text)
    assert squeezed(APP + "?") in squeezed(text)


def test_which_hosts_are_this_machine():
    for link in ("http://localhost:8501/?a=1", "http://127.0.0.1:8501/", "http://[::1]/",
                 "http://0.0.0.0:8501/", "http://app.localhost/"):
        assert is_local(link), link
    for link in ("https://calculator.example/?a=1", "http://10.0.0.5:8501/", "not a link",
                 "http://[bad/"):
        assert not is_local(link), link
