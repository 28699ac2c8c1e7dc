"""The connectivity options calculator's core: no Streamlit here.

Read an options table, turn a scenario into the comparison of three (or more)
routes on cost and on risk, and write it as CSV.
"""

from .export.csv import comparison_csv
from .inputs.problems import Problem, TableError
from .inputs.scenario import Notice, Scenario, parse_query
from .inputs.table import read_default, read_table
from .model.compare import Result, compare
from .schema.outputs import OUTPUT_COLUMNS

__all__ = [
    "OUTPUT_COLUMNS", "Notice", "Problem", "Result", "Scenario", "TableError",
    "compare", "comparison_csv", "parse_query", "read_default", "read_table",
]
