"""What pages compute and draw once per scenario, kept in Streamlit's caches.

Streamlit records the elements a cached function draws and, on a hit, sends the
recorded messages again without running it: a table or chart is then neither rebuilt
nor converted to Arrow. Each function has a cache of its own, keyed by what Streamlit
names a function by (its module, name and source, so an edit under `streamlit run`
shows) and by every argument it is given (so nothing a caller forgets can replay
another call's output). KEYS says how the app's own objects enter a key cheaply.
"""

from __future__ import annotations

import hashlib
import types
import weakref
from collections.abc import Callable
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from connectivity import Result, Scenario, compare, read_default
from connectivity.model.sensitivity import Tornado, tornado
from pages import _gc  # noqa: F401  (the freeze, once the heavy imports are loaded)
from pages._text import plain


def name(function: Callable) -> str:
    """A function's name in a cache key. Streamlit runs each page as `__main__`, so a
    page's own functions are told apart by their file."""
    code = getattr(function, "__code__", None)
    where = f" in {code.co_filename}" if function.__module__ == "__main__" and code else ""
    return f"{function.__module__}.{function.__qualname__}{where}"


def identity(function: Callable) -> str:
    """A function as an argument of a cached one: its name and its compiled code, so
    two functions of one name, or one function edited, make different keys."""
    code = getattr(function, "__code__", None)
    body = repr((code.co_code, code.co_consts, code.co_names)) if code else ""
    return name(function) + hashlib.sha256(body.encode()).hexdigest()[:16]


# A scenario by its repr, which names every field exactly (floats in full, the overrides,
# the table), at a hundredth of the cost of Streamlit's generic hashing. A comparison or
# a tornado is worked out from one scenario and the default table, which never changes
# while the server runs.
KEYS: dict[Any, Callable[[Any], object]] = {
    Scenario: repr,
    Result: lambda r: repr(r.scenario),
    Tornado: repr,
    types.FunctionType: identity,
}


@st.cache_data(max_entries=4, show_spinner=False)
def default_table() -> pd.DataFrame:
    return read_default()


# The cached functions below take the process's default table with a leading underscore,
# so Streamlit leaves it out of the cache key: it never changes while the server runs, and
# the scenario names any other table (scenario.table). Hashing the frame on every call
# costs more than the lookup it guards (bench/results.md, "Figures behind the code").

# Bounded: an entry holds every simulated total (app_trial_cap bounds its size).
@st.cache_data(max_entries=16, ttl=3600, show_spinner=False, hash_funcs=KEYS)
def cached_compare(_table: pd.DataFrame, scenario: Scenario) -> Result:
    return compare(_table, scenario, keep_components=False)


@st.cache_data(max_entries=16, show_spinner=False, hash_funcs=KEYS)
def cached_tornado(_table: pd.DataFrame, scenario: Scenario) -> Tornado:
    return tornado(_table, scenario)


# A page's functions are made anew on each run (Streamlit runs the page's file again);
# their caches outlive them in Streamlit, keyed as above.
_OWN: weakref.WeakKeyDictionary[Callable, Callable] = weakref.WeakKeyDictionary()


def cached(function: Callable) -> Callable:
    """`function` with a cache of its own (bounded: an entry is a small frame or a drawn
    element; a chart's message holds its data, a small table's worth)."""
    own = _OWN.get(function)
    if own is None:
        if function.__module__ == "__main__":
            # Streamlit keys a cache by module and name: name a page's function by its file.
            function.__module__ = name(function)
        own = st.cache_data(function, max_entries=32, ttl=3600, show_spinner=False,
                            hash_funcs=KEYS)
        _OWN[function] = own
    return own


def computed(compute: Callable, *args: object) -> object:
    """`compute(*args)`, once per distinct args (a Result counts as its scenario)."""
    return cached(compute)(*args)


def drawn(draw: Callable[..., None], *args: object) -> None:
    """Draw `draw(*args)` once per distinct args; reruns replay what it drew. Only
    elements: no widgets."""
    cached(draw)(*args)


ChartBuilder = Callable[..., alt.TopLevelMixin]


def _draw_chart(build: ChartBuilder, args: tuple, summary: str | tuple, alt_text: str) -> None:
    # Specs skip Altair's schema validation (slow, bench/results.md has the figure); the
    # chart tests validate every builder.
    st.vega_lite_chart(build(*args).to_dict(validate=False), width="stretch", alt=alt_text)
    if isinstance(summary, tuple):
        words, *more = summary
        summary = words(*more)
    st.caption(plain(summary))


def chart(figure: tuple, summary: str | tuple, alt_text: str) -> None:
    """A chart, `(builder, *args)`, with its one-sentence summary in words under it.

    Built, serialised and drawn once per distinct builder and args; every rerun after
    replays the drawn chart: building and converting the charts was most of the cost of
    a rerun in which nothing changed. The summary is a sentence or `(function, *args)`
    making one (then made only when drawn).
    """
    build, *args = figure
    drawn(_draw_chart, build, tuple(args), summary, alt_text)
