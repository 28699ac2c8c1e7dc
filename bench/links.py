"""Short links (SPEC 7): creating one on SQLite, and opening one against the full link.

- create: the median time of `Store.save` for new scenarios in a fresh SQLite file
  (WAL, synchronous FULL: each write is on disk when it returns), under 20 ms;
- open: the app under AppTest opened by the full link and by its short link, side by
  side in turns, each with Streamlit's data cache emptied first (a colleague's
  first visit; the server's open store and engine stay): the short link may cost at
  most 1.1x the full one.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from .report import Row, progress, verdict

CREATIONS = 60
TURNS = 5
CREATE_TARGET_MS = 20.0
OPEN_TARGET = 1.1


def run() -> list[Row]:
    import streamlit as st

    from connectivity import Scenario, read_default
    from connectivity.inputs.tablelink import encode_table
    from connectivity.store import open_store
    from connectivity.store.db import ENV
    from harness.apptest import run as open_app

    folder = Path(tempfile.mkdtemp(prefix="bench-links-"))
    url = f"sqlite:///{folder / 'links.sqlite3'}"
    before = os.environ.get(ENV)
    os.environ[ENV] = url
    try:
        store = open_store(url)
        code = encode_table(read_default())
        times = []
        for n in range(CREATIONS):
            start = time.perf_counter()
            store.save_scenario(Scenario(users=100 + n), code, session=f"s{n}", address=f"a{n}")
            times.append(time.perf_counter() - start)
        create_ms = statistics.median(times) * 1000
        progress(f"links: create median {create_ms:.1f} ms")
        scenario = Scenario(users=77, sites=2)
        link_id = store.save_scenario(scenario, code)
        full, short = [], []
        for _ in range(TURNS):
            for query, into in ((scenario.query_dict(), full), ({"s": link_id}, short)):
                st.cache_data.clear()  # the comparison; the open store stays, as on a server
                start = time.perf_counter()
                open_app(query)
                into.append(time.perf_counter() - start)
        ratio = statistics.median(short) / statistics.median(full)
        progress(f"links: open full {statistics.median(full):.2f} s, short "
                 f"{statistics.median(short):.2f} s ({ratio:.2f}x)")
    finally:
        if before is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = before
    return [
        Row("links", "create a short link (SQLite, new scenario)", f"{create_ms:.1f} ms",
            target=f"< {CREATE_TARGET_MS:.0f} ms", verdict=verdict(create_ms < CREATE_TARGET_MS),
            notes=f"median of {CREATIONS}; synchronous FULL, WAL"),
        Row("links", "open ?s=<id> vs the full link (AppTest, data cache empty)",
            f"{statistics.median(short):.2f} s", ratio=f"{ratio:.2f}x",
            target=f"<= {OPEN_TARGET}x", verdict=verdict(ratio <= OPEN_TARGET),
            notes=f"full link {statistics.median(full):.2f} s; {TURNS} turns side by side"),
    ]
