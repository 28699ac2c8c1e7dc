"""The share link as a QR code (segno: pure Python), drawn as vector squares."""

from __future__ import annotations

import segno
from fpdf import FPDF

MAX_VERSION = 25  # above this (about 1,000 characters) a printed code is too dense to scan
QUIET = 4  # modules of white border the QR standard asks for
ERROR = "m"  # 15% of the code may be lost and it still reads
FALLBACK = "l"  # 7%: a long link (several added routes) still gets a code, one less robust


def qr_code(link: str) -> segno.QRCode | None:
    """The link's code at M, or at L when M would be too dense; None when neither fits."""
    for level in (ERROR, FALLBACK):
        try:
            code = segno.make(link, error=level, micro=False, boost_error=False)
        except segno.DataOverflowError:
            continue
        if code.version <= MAX_VERSION:
            return code
    return None


def qr_matrix(link: str) -> tuple[tuple[bool, ...], ...] | None:
    """The code's modules (True = dark), without border; None when the link is too long."""
    code = qr_code(link)
    if code is None:
        return None
    return tuple(tuple(bool(v) for v in row) for row in code.matrix)


def draw(pdf: FPDF, matrix: tuple[tuple[bool, ...], ...], x: float, y: float, side: float,
         ) -> None:
    """The code with its quiet zone inside the square (x, y, side); dark runs as rectangles."""
    n = len(matrix)
    unit = side / (n + 2 * QUIET)
    pdf.set_fill_color(0, 0, 0)
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            pdf.rect(x + (QUIET + start) * unit, y + (QUIET + r) * unit, (c - start) * unit,
                     unit, style="F")
