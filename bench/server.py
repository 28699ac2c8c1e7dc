"""A Streamlit server of our own for the browser and memory figures, and Chromium."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from tests.appserver import CHROMIUM, CHROMIUM_ARGS, ROOT, streamlit_server

__all__ = ["ROOT", "chromium", "elements_app", "hello_app", "new_page", "streamlit", "temp_app"]

VIEWPORT = {"width": 1400, "height": 1000}


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


@contextlib.contextmanager
def chromium():
    """Debian's headless Chromium under playwright (never a browser download)."""
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        raise RuntimeError(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser, url: str):
    """A page in a fresh context (its own session) that reaches only the app's host."""
    host = urlsplit(url).netloc
    context = browser.new_context(viewport=VIEWPORT)
    context.route("**/*", lambda route: route.continue_()
                  if urlsplit(route.request.url).netloc == host else route.abort())
    return context, context.new_page()
