"""Shared by the memo tests: tables with hostile names, reading a memo PDF back."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

from connectivity import read_table

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
LONG_NAME = "Very long route name " + "x" * 55 + " end"  # 80 characters, the most allowed
HOSTILE_NAMES = {
    "approved_vpn": "专线 跨境 VPN（上海）",
    "leased_circuit": LONG_NAME,
    "do_nothing": "<script>alert(1)</script> =cmd|' /C calc'!A0",
}


def hostile_table():
    """The default table with names an upload may carry: Chinese, HTML, formula, 80 chars."""
    text = (ROOT / "data" / "options.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        row["name"] = HOSTILE_NAMES[row["option_id"]]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    assert len(LONG_NAME) == 80
    return read_table(out.getvalue().encode("utf-8"))


FOOTER = "Decision memo, prepared"


def text_of(pdf: bytes) -> str:
    """The memo's text as pypdf extracts it, without the page footers.

    pypdf puts a NUL before each character it reads from the CJK face (a CFF font);
    poppler's pdftotext reads the same file without them, so they are dropped here.
    """
    pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]
    lines = "\n".join(pages).replace("\x00", "").splitlines()
    return "\n".join(line for line in lines if not line.startswith(FOOTER))


def squeezed(text: str) -> str:
    """Text without whitespace: a wrapped line or link reads as one piece."""
    return "".join(text.split())


def pages_of(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _saved(pdf: bytes, name: str) -> Path:
    """The PDF as tests/artifacts/<name>.pdf, for poppler to read (and a person to open)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    source = ARTIFACTS / f"{name}.pdf"
    source.write_bytes(pdf)
    return source


def render(pdf: bytes, name: str, dpi: int = 100, page: int | None = None) -> list[Path]:
    """The memo's pages (or only `page`) as tests/artifacts/<name>-<page>.png, drawn by
    poppler's pdftoppm."""
    assert shutil.which("pdftoppm"), "pdftoppm is missing: `make test` installs poppler-utils"
    source = _saved(pdf, name)
    for old in ARTIFACTS.glob(f"{name}-*.png"):
        old.unlink()
    only = [] if page is None else ["-f", str(page), "-l", str(page)]
    subprocess.run(["pdftoppm", "-r", str(dpi), *only, "-png", str(source),
                    str(ARTIFACTS / name)],
                   check=True, capture_output=True, timeout=120)
    return sorted(ARTIFACTS.glob(f"{name}-*.png"))


MM_PER_INCH = 25.4


def read_qr(memo, name: str, dpi: int = 400, margin_mm: float = 4) -> str:
    """What a phone's reader (zbarimg) reads from the memo's printed code: only the code's
    square (and a margin) is drawn, at `dpi`, as tests/artifacts/<name>-qr.png."""
    assert shutil.which("zbarimg"), "zbarimg is missing: `make test` installs zbar-tools"
    assert memo.qr_box is not None, "the memo prints no code"
    page, x, y, side = memo.qr_box
    px = dpi / MM_PER_INCH
    source = _saved(memo.pdf, name)
    out = ARTIFACTS / f"{name}-qr"
    crop = [round((x - margin_mm) * px), round((y - margin_mm) * px),
            round((side + 2 * margin_mm) * px)]
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png",
                    "-singlefile", "-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]),
                    "-H", str(crop[2]), str(source), str(out)],
                   check=True, capture_output=True, timeout=120)
    done = subprocess.run(["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable",
                           f"{out}.png"], capture_output=True, text=True, timeout=60,
                          check=False)
    return done.stdout.strip()
