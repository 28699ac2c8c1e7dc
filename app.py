"""Entrypoint: navigation over the pages; the scenario form lives in the sidebar."""

import streamlit as st

from connectivity import compare, read_default
from connectivity.scenario import Scenario

st.set_page_config(page_title="Connectivity options calculator", layout="wide")
st.title("Connectivity options calculator")
st.dataframe(compare(read_default(), Scenario()).comparison, hide_index=True)
