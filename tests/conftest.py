"""Every test starts with Streamlit's caches empty and leaves them empty.

Streamlit's caches live as long as the process: without this an AppTest test could
be answered from an entry another test made, and pass or fail by the order tests ran.
"""

from collections.abc import Iterator

import pytest
import streamlit as st


@pytest.fixture(autouse=True)
def _empty_streamlit_caches() -> Iterator[None]:
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
