"""Every test starts with Streamlit's caches empty and leaves them empty.

Streamlit's caches live as long as the process: without this an AppTest test could
be answered from an entry another test made, and pass or fail by the order tests ran.
And no test writes into the project's own link store (var/): the suite has one of its
own, set before any test runs, so servers and processes the tests start inherit it.
"""

import os
import tempfile
from collections.abc import Iterator

import pytest
import streamlit as st

from connectivity.store.db import ENV

if not os.environ.get(ENV):
    os.environ[ENV] = f"sqlite:///{tempfile.mkdtemp(prefix='links-')}/links.sqlite3"


@pytest.fixture(autouse=True)
def _empty_streamlit_caches() -> Iterator[None]:
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
