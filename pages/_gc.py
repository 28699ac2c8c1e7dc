"""What the imports made is set aside from Streamlit's garbage collection after each run.

Streamlit collects garbage after every run (runner.postScriptGC), walking every object
the process holds: with pandas, numpy and Altair's schema loaded that took most of a
rerun in which nothing changed. What the imports made lives as long as the process, so
it is set aside once (gc.freeze); each collection then walks only newer objects.
Imported by the pages' shared modules after the heavy libraries.
"""

import gc

import altair  # noqa: F401  (loaded before the freeze, so its schema is set aside too)
import pandas  # noqa: F401
import streamlit  # noqa: F401

import connectivity  # noqa: F401

gc.freeze()
