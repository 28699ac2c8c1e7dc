"""Words every page shares, and user text made safe for Streamlit's Markdown."""

from __future__ import annotations

import re

FAILURE_KEY = "app_failure"
FAILURE_TEXT = ("Something went wrong while drawing this page, and it has been logged. "
                "Your scenario is safe in the address bar: reload the page, or change a "
                "value in the sidebar.")

# Streamlit's Markdown would otherwise read these in user text as formatting,
# links, images, LaTeX or colour directives.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def plain(text: object) -> str:
    """User text made inert for st.markdown: every formatting character escaped."""
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("\n", " ")
