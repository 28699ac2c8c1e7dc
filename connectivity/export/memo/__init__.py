"""The decision memo: the comparison on one page a manager can forward, its assumptions
on the next.

`memo_pdf(result, link, paper, day)` gives the PDF's bytes. The same arguments
give the same bytes, so the app's download and `python -m connectivity memo`
agree: nothing in the file comes from the clock. The PDF's creation date is
midnight UTC of `day`, the date the memo prints, and fpdf2's file identifier
is a hash of the content. `day` defaults to today in UTC (`today()`), which is
what both the app and the command line pass; `--date` on the command line
reprints the memo of an earlier day byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from ...model.compare import Result

PAPERS = {"a4": "A4", "letter": "Letter"}


@dataclass(frozen=True)
class Memo:
    pdf: bytes
    pages: int
    qr_box: tuple[int, float, float, float] | None  # page, x, y, side in mm; None: no code
    undrawn: tuple[str, ...]  # option_ids of routes whose names hold characters no font drew


def today() -> date:
    """The memo's date when none is given: today in UTC, the same for the app and the CLI."""
    return datetime.now(UTC).date()


def build(result: Result, link: str, paper: str = "a4", day: date | None = None) -> Memo:
    """The memo for a comparison and the link that reopens it."""
    from .page import Document  # fpdf2 and vl-convert load on the first memo, not before

    doc = Document(result, link, PAPERS[paper], day or today())
    doc.compose()
    return Memo(bytes(doc.output()), doc.pages_count, doc.qr_box, tuple(doc.undrawn))


def memo_pdf(result: Result, link: str, paper: str = "a4", day: date | None = None) -> bytes:
    return build(result, link, paper, day).pdf


__all__ = ["PAPERS", "Memo", "build", "memo_pdf", "today"]
