"""Page 2's cells: every assumption in the memo's currency, labels and units, rounded as
people write them (no column codes, at most two decimals)."""

from __future__ import annotations

import csv
import io
import math

from ...model.compare import Result
from ...schema.columns import RANGES, WORDS, words
from ...schema.params import PARAMS
from ...views.format import Speaks, amount, number, price
from ...views.labels import COLUMN_WORDS, route_labels
from ...views.story import rate_sentence
from ..csv import comparison_csv

# The results a reader checks against the CSV, as the CSV writes them (two decimals).
CSV_FIGURES = (("expected_total_usd", "Expected total (USD, as in the CSV)"),
               ("npv_usd", "NPV (USD, as in the CSV)"))
POINTS = ("setup_usd", "monthly_usd", "per_mbps_usd", "per_user_usd", "included_mbps",
          "min_term_months", "lead_time_weeks")
STEMS = {stem for stem, _, _ in RANGES}
EDITED = "*"
PER_CENTURY = 100  # a yearly rate too small for two decimals is written per 100 years


def _unit(key: str, s: Speaks) -> str:
    unit = WORDS[key][1]
    return s.currency if unit == "USD" else unit


def _label(key: str, s: Speaks, per_century: bool = False) -> str:
    text = words(key, unit=False)
    if per_century:
        text = text.replace(" a year", f" per {PER_CENTURY} years")
    unit = _unit(key, s)
    if key in STEMS:
        return f"{text} ({unit + ', ' if unit else ''}90% range)"
    return f"{text} ({unit})" if unit else text


def _cell(key: str, value: float, s: Speaks, scale: float = 1.0) -> str:
    if isinstance(value, float) and math.isnan(value):
        return "–"
    return amount(value, s) if key.endswith("_usd") else number(value * scale)


def _needs_century(key: str, records: list[dict]) -> bool:
    """A rate a year with a value two decimals would round (0.005 incidents a year)."""
    if not key.endswith("_per_year"):
        return False
    values = [r[f"{key}_{end}"] for r in records for end in ("low", "high")]
    return any(round(v, 2) != v for v in values)


def _rows_of(result: Result) -> list[tuple[str, float]]:
    """(key, scale) for each row the table shows."""
    records = result.table.to_dict("records")
    # A table that never uses included_mbps is written without it (inputs/table.py).
    keys = [k for k in POINTS if k in result.table.columns
            and (k != "included_mbps" or (result.table[k].fillna(0) != 0).any())]
    keys += [stem for stem, _, _ in RANGES]
    keys += [k for k in ("latency_ms",) if k in result.table.columns]
    return [(k, PER_CENTURY if _needs_century(k, records) else 1.0) for k in keys]


def assumption_rows(result: Result) -> list[tuple[str, list[str]]]:
    """Each route's options-table values, edited cells marked with EDITED."""
    s = result.scenario
    edited = {(o, c) for o, c, _ in s.overrides}
    records = result.table.to_dict("records")
    out = []
    for key, scale in _rows_of(result):
        cells = []
        for r in records:
            if key in STEMS:
                low, high = r[f"{key}_low"], r[f"{key}_high"]
                text = (_cell(key, low, s, scale) if low == high
                        else f"{_cell(key, low, s, scale)}–{_cell(key, high, s, scale)}")
                mark = {(r["option_id"], f"{key}_low"), (r["option_id"], f"{key}_high")} & edited
            else:
                text = _cell(key, r[key], s)
                mark = (r["option_id"], key) in edited
            cells.append(text + (f" {EDITED}" if mark else ""))
        out.append((_label(key, s, scale != 1.0), cells))
    return out


def _column_words(column: str) -> tuple[str, str]:
    """A cell's key and end: ("incident_cost_usd", "low") or ("setup_usd", "")."""
    for end in ("low", "high"):
        if column.endswith(f"_{end}") and column[:-len(end) - 1] in STEMS:
            return column[:-len(end) - 1], end
    return column, ""


def edits(result: Result) -> list[str]:
    """Each edited cell in words: route, what the figure is, the value in use."""
    s = result.scenario
    labels = dict(zip(result.table["option_id"], route_labels(result.table)))
    out = []
    for option, column, value in s.overrides:
        key, end = _column_words(column)
        if key not in WORDS:  # a text column, or one the memo's rows do not name
            what = COLUMN_WORDS.get(column, column.replace("_", " "))
            out.append(f"{labels.get(option, option)}: {what} = {value}")
            continue
        what = words(key, unit=False) + (f", {end} end" if end else "")
        if isinstance(value, str):
            shown = value
        elif key.endswith("_usd"):
            shown = price(float(value), s)
        else:
            unit = _unit(key, s)
            shown = number(float(value)) + (f" {unit}" if unit and unit != "%" else unit)
        out.append(f"{labels.get(option, option)}: {what} = {shown}")
    return out


def csv_figures(result: Result) -> list[tuple[str, list[str]]]:
    """Rows of each route's results exactly as the CSV download writes them (US dollars)."""
    text = comparison_csv(result.comparison).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    return [(label, [r[column] for r in rows]) for column, label in CSV_FIGURES]


def scenario_values(result: Result, status_quo_chars: int = 24) -> list[tuple[str, str]]:
    """The scenario's values by their labels, money in the memo's currency."""
    s = result.scenario
    labels = dict(zip(result.table["option_id"], route_labels(result.table)))
    pairs = []
    for p in PARAMS:
        value = getattr(s, p.name)
        label = p.label
        if p.name == "status_quo":  # a narrow cell: a long name is cut, the id is kept whole
            shown = value if value not in labels else _short(labels[value], status_quo_chars)
        elif p.name == "hourly_usd":
            label, shown = label.replace("(USD)", f"({s.currency})"), amount(value, s)
        elif p.name == "fx_rate":
            shown = number(value, 4)
        elif isinstance(value, (int, float)):
            shown = number(value)
        else:
            shown = str(value)
        pairs.append((label, shown))
    return pairs


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def table_source(result: Result) -> str:
    n = len(result.table)
    routes = f"{n} route{'' if n == 1 else 's'}"
    if result.scenario.table:
        text = (f"Options table: a table of your own ({routes}), carried in the share link, "
                "so the link reopens these figures.")
    else:
        text = f"Options table: the calculator's default table ({routes}), with sources below."
    return text + " " + rate_sentence(result.scenario)
