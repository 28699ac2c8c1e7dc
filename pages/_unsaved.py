"""Figures typed into a quote form but not saved: said next to the button, guarded in the browser.

A Streamlit form sends nothing until it is submitted, so the server cannot know what
is typed; the browser can. A small script (no user text in it) marks a quote field
as unsaved once its text differs from what the form drew, asks before the app's own
page links leave with such a field, and lets the browser ask before a reload or
closing the tab. Browser Back cannot be held (Streamlit follows it without asking).
"""

from __future__ import annotations

import json

import streamlit as st
import streamlit.components.v1 as components

CAPTION = ("Not saved yet: figures typed here reach the comparison and the link only when "
           "you press Save. Leaving the page first asks before dropping them.")

ASK = ("Figures typed on Your quotes are not saved yet. Leave and drop them? "
       "(Cancel, then press Save.)")

# Installed once into the app's own window (the component's frame goes with the page).
_GUARD = """
(function () {
  const w = window.parent, d = w.document;
  if (w.__quoteGuard) return;
  w.__quoteGuard = true;
  const drawn = new WeakMap();
  const isQuote = el => {
    const form = el.closest && el.closest("[data-testid='stForm']");
    return !!form && (form.textContent || "").includes("Save the quote for");
  };
  d.addEventListener("focusin", e => {
    const el = e.target;
    if (el.tagName === "INPUT" && isQuote(el) && !drawn.has(el)) drawn.set(el, el.value);
  }, true);
  const unsaved = () => Array.from(d.querySelectorAll("[data-testid='stForm'] input"))
    .some(el => drawn.has(el) && el.value !== drawn.get(el));
  w.__quoteUnsaved = unsaved;
  w.addEventListener("beforeunload", e => {
    if (unsaved()) { e.preventDefault(); e.returnValue = ""; }
  });
  d.addEventListener("click", e => {
    const link = e.target.closest && e.target.closest("a[href]");
    if (!link || !unsaved()) return;
    if (!w.confirm(ASK)) { e.preventDefault(); e.stopImmediatePropagation(); }
  }, true);
})();
"""


def guard() -> None:
    """Put the browser's guard on the page (an invisible, zero-height frame)."""
    code = _GUARD.replace("ASK", json.dumps(ASK))
    components.html(
        "<script>const s = window.parent.document.createElement('script');"
        f"s.textContent = {json.dumps(code)};"
        "window.parent.document.head.appendChild(s);</script>", height=0)


def caption() -> None:
    """Next to a quote form's save button: what is typed is not saved yet."""
    st.caption(CAPTION)
