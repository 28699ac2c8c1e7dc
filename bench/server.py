"""Servers of our own for the browser and memory figures (the harness starts them)."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from harness.chromium import VIEWPORT, app_only, chromium
from harness.server import ENTRY, ROOT, streamlit_server

__all__ = ["ENTRY", "ROOT", "chromium", "elements_app", "hello_app", "new_page", "streamlit",
           "temp_app"]


@contextlib.contextmanager
def streamlit(script: str, cwd: Path) -> Iterator[tuple[str, int]]:
    """`streamlit run script` in cwd on a free port: yields (url, pid); stops it after."""
    with tempfile.TemporaryDirectory(prefix="bench-") as folder, \
            streamlit_server(Path(folder) / "server.log", script, cwd) as served:
        yield served


HELLO = 'import streamlit as st\nst.write("hello")\n'

# The same kinds of element as the Compare page (a title, a 3-row table, 3 small
# Altair charts), with nothing of ours: what Streamlit's own chart and table
# code costs a first visit.
ELEMENTS = """import altair as alt
import pandas as pd
import streamlit as st

frame = pd.DataFrame({"route": ["a", "b", "c"], "usd": [1.0, 2.0, 3.0]})
st.title("Elements")
st.dataframe(frame)
for mark in ("bar", "point", "line"):
    st.altair_chart(getattr(alt.Chart(frame), f"mark_{mark}")().encode(x="route", y="usd"))
"""


@contextlib.contextmanager
def temp_app(code: str) -> Iterator[tuple[str, int]]:
    """A one-file Streamlit app in a temporary folder, served."""
    with tempfile.TemporaryDirectory(prefix="bench-app-") as folder:
        Path(folder, "streamlit_app.py").write_text(code)
        with streamlit("streamlit_app.py", Path(folder)) as served:
            yield served


def hello_app() -> contextlib.AbstractContextManager[tuple[str, int]]:
    """The framework's floor: a one-line Streamlit app."""
    return temp_app(HELLO)


def elements_app() -> contextlib.AbstractContextManager[tuple[str, int]]:
    """Streamlit's floor for the Compare page's kinds of element."""
    return temp_app(ELEMENTS)


def new_page(browser, url: str):
    """A page in a fresh context (its own session) that reaches only the app's host."""
    context = browser.new_context(viewport=VIEWPORT)
    context.route("**/*", app_only(url))
    return context, context.new_page()
