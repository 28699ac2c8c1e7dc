"""Risk: coming in the next issue."""

import streamlit as st

st.title("Risk")
st.info("This page is being built.")
