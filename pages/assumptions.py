"""Assumptions: coming in the next issue."""

import streamlit as st

from pages import _ui

_ui.require_entrypoint()

st.title("Assumptions")
st.info("This page is being built.")
