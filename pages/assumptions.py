"""Assumptions: coming in the next issue."""

import streamlit as st

st.title("Assumptions")
st.info("This page is being built.")
