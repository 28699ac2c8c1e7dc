"""Methodology: coming in the next issue."""

import streamlit as st

st.title("Methodology")
st.info("This page is being built.")
