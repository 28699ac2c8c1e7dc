"""Sensitivity: coming in the next issue."""

import streamlit as st

st.title("Sensitivity")
st.info("This page is being built.")
