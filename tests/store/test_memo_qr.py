"""The six-route memo with a short link: 2 pages, a QR code that decodes (zbarimg) to the
short link, which reopens the same CSV bytes as the full link with its table."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from connectivity.inputs.table import read_table
from connectivity.inputs.tablelink import encode_table
from harness.cli import run_cli as cli
from harness.memo import pages_of, render
from harness.server import ROOT

EXTENDED = ROOT / "data" / "options_extended.csv"


def test_the_six_route_memo_has_a_qr_of_its_short_link(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch):
    assert shutil.which("zbarimg"), "zbarimg is missing: `make test` installs zbar-tools"
    monkeypatch.setenv("CONNECTIVITY_STORE", f"sqlite:///{tmp_path / 'links.sqlite3'}")
    made = cli("link", "--options", str(EXTENDED), "--app-url", "https://calc.example/")
    assert made.returncode == 0, made.stderr
    short = made.stdout.decode().strip()
    out = tmp_path / "memo.pdf"
    done = cli("memo", "--query", short, "--out", str(out))
    assert done.returncode == 0, done.stderr
    pdf = out.read_bytes()
    assert pages_of(pdf) == 2
    first = render(pdf, "memo_six_routes_short", dpi=150, page=1)[0]
    read = subprocess.run(["zbarimg", "-q", "--raw", str(first)], capture_output=True,
                          text=True, timeout=60, check=False)
    assert read.stdout.strip() == short
    own = encode_table(read_table(EXTENDED.read_bytes()))
    full = cli("compare", "--query", f"https://calc.example/?table={own}")
    assert full.returncode == 0 and cli("compare", "--query", short).stdout == full.stdout
