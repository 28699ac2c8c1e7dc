"""The connectivity options calculator's core: no Streamlit here.

Read an options table, turn a scenario into the comparison of three (or more)
routes on cost and on risk, and write it as CSV.
"""

from .compare import OUTPUT_COLUMNS, Result, compare
from .export import comparison_csv
from .problems import Problem, TableError
from .scenario import Notice, Scenario, parse_query
from .table import read_default, read_table

__all__ = [
    "OUTPUT_COLUMNS", "Notice", "Problem", "Result", "Scenario", "TableError",
    "compare", "comparison_csv", "parse_query", "read_default", "read_table",
]
