"""`python -m connectivity link`, and short links read by `compare` and `memo` (SPEC 6, 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from connectivity.inputs.table import read_table
from connectivity.inputs.tablelink import encode_table
from harness.cli import run_cli as cli
from harness.server import ROOT

FAST = ["--trials", "1000"]
EXTENDED = str(ROOT / "data" / "options_extended.csv")


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'links.sqlite3'}"
    monkeypatch.setenv("CONNECTIVITY_STORE", url)
    return url


def _link(*args: str) -> str:
    done = cli("link", *args)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return done.stdout.decode().strip()


def test_a_short_link_gives_the_bytes_of_the_full_one(store: str) -> None:
    short = _link(*FAST, "--users", "70", "--set", "approved_vpn.monthly_usd=950",
                  "--app-url", "https://calc.example/")
    assert short.startswith("https://calc.example/?s=") and len(short.split("s=")[1]) == 16
    assert _link(*FAST, "--users", "70", "--set", "approved_vpn.monthly_usd=950",
                 "--app-url", "https://calc.example/") == short  # same scenario, same id
    full = cli("compare", *FAST, "--users", "70", "--set", "approved_vpn.monthly_usd=950")
    via_short = cli("compare", "--query", short)
    assert via_short.returncode == 0, via_short.stderr
    assert via_short.stdout == full.stdout
    # Flags still win over --query, a short one too.
    assert cli("compare", "--query", short, "--users", "20").stdout == cli(
        "compare", *FAST, "--users", "20", "--set", "approved_vpn.monthly_usd=950").stdout


def test_a_short_link_keeps_a_table_of_ones_own(store: str) -> None:
    short = _link(*FAST, "--options", EXTENDED)
    own = encode_table(read_table(Path(EXTENDED).read_bytes()))
    full = cli("compare", *FAST, "--query", f"table={own}")  # the full link, its table inside
    assert full.returncode == 0, full.stderr
    assert cli("compare", "--query", short).stdout == full.stdout


def test_memo_reads_a_short_link(store: str, tmp_path: Path) -> None:
    short = _link(*FAST, "--users", "33")
    done = cli("memo", "--query", short, "--out", str(tmp_path / "memo.pdf"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "memo.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("bad", ["AAAAAAAAAAAAAAAA", "'; DROP TABLE links; --", "A" * 10_000,
                                 "数据数据", ""])
def test_an_unknown_or_hostile_short_link_is_one_clear_line(store: str, bad: str) -> None:
    done = cli("compare", "--query", f"s={bad}")
    assert done.returncode == 2 and done.stdout == b""
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("error: --query: s=") and "give the full link" in line
    assert len(line) < 250 and "Traceback" not in done.stderr


def test_with_the_store_off_the_error_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONNECTIVITY_STORE", "off")
    done = cli("compare", "--query", "s=AAAAAAAAAAAAAAAA")
    assert done.returncode == 2
    assert "the link store is off" in done.stderr and "give the full link" in done.stderr
    made = cli("link", *FAST, "--users", "5")
    assert made.returncode == 2 and "link store is off" in made.stderr
    assert "?sites=1&users=5&" in made.stderr  # the full link, to use instead


def test_an_unreachable_store_is_named_without_its_password(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONNECTIVITY_STORE",
                       "postgresql+psycopg://u:hunter2@127.0.0.1:1/links?connect_timeout=2")
    for args in (["compare", "--query", "s=AAAAAAAAAAAAAAAA"], ["link", *FAST]):
        done = cli(*args)
        assert done.returncode == 2 and "cannot be reached" in done.stderr
        assert "hunter2" not in done.stderr and "127.0.0.1:1" in done.stderr


def test_a_memo_of_a_short_link_carries_that_short_link(store: str, tmp_path: Path) -> None:
    from harness.memo import squeezed, text_of

    short = _link(*FAST, "--users", "33", "--app-url", "https://calc.example/")
    out = tmp_path / "memo.pdf"
    assert cli("memo", "--query", short, "--out", str(out)).returncode == 0
    assert squeezed(short) in squeezed(text_of(out.read_bytes()))
    changed = tmp_path / "changed.pdf"
    assert cli("memo", "--query", short, "--users", "34", "--out", str(changed)).returncode == 0
    assert squeezed(short) not in squeezed(text_of(changed.read_bytes()))  # not its scenario
