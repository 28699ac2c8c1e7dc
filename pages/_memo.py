"""The decision memo's download, beside the CSV's on Compare.

The PDF is built only when the button is clicked (Streamlit runs a callable
`data` then), so drawing the page costs nothing more than before.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from connectivity import Result
from connectivity.export.memo import memo_pdf, today  # light: the PDF tools load on click

PAPER_NAMES = {"A4": "a4", "US Letter": "letter"}


def memo_download(result: Result, link: Callable[[], str]) -> None:
    """The button, with the paper size; the memo carries `link()` (asked when it is built:
    the short link is stored then) in full and as a QR code."""
    paper = st.radio("Memo paper size", list(PAPER_NAMES), horizontal=True, key="memo_paper")
    day = today()  # the same date the command line prints by default

    def build() -> bytes:
        return memo_pdf(result, link(), PAPER_NAMES[paper], day)

    st.download_button("Download the memo (PDF)", build, file_name=f"connectivity-memo-{day}.pdf",
                       mime="application/pdf", on_click="ignore",
                       icon=":material/picture_as_pdf:")
    st.caption("One page to forward: the answer, the charts and the link; the assumptions "
               "on page 2.")
