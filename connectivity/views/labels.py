"""Route names and colours, money formats: shared by every chart and sentence."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from ..schema.columns import RANGES, WORDS, words
from ..schema.palette import PALETTE, ink
from .format import Speaks, symbol
from .spec import field

# d3 formats: "$" prints the chart's currency symbol, set per scenario by `speak`.
MONEY = "$,.0f"
AXIS_MONEY = "$.2~s"

LEGAL_WORDS = {"authorised": "Licensed (authorised)", "unauthorised": "Not authorised",
               "pilot": "Pilot scheme"}
REACH_WORDS = {"hq_only": "Head office only", "open_internet": "Open internet",
               "domestic_only": "No legal route abroad"}


def money_title(text: str, s: Speaks) -> str:
    """An axis title naming the currency: 'Expected cost (CNY)'."""
    return f"{text} ({s.currency})"


def speak(s: Speaks) -> dict[str, Any]:
    """A chart's config: number formats in the scenario's currency (the "$" of MONEY)."""
    return {"locale": {"number": {
        "decimal": ".", "thousands": ",", "grouping": [3], "currency": [symbol(s), ""]}}}


def route_labels(table: pd.DataFrame) -> list[str]:
    """Display names, made unique (the table only promises unique ids)."""
    names = list(table["name"])
    return [n if names.count(n) == 1 else f"{n} ({i})" for n, i in zip(names, table["option_id"])]


def route_colors(table: pd.DataFrame) -> dict[str, str]:
    """option_id → colour, by position in the table."""
    return {oid: PALETTE[i % len(PALETTE)] for i, oid in enumerate(table["option_id"])}


def route_inks(table: pd.DataFrame) -> dict[str, str]:
    """option_id → the route's colour as text on white: its chart colour, darkened if light."""
    return {oid: ink(colour) for oid, colour in route_colors(table).items()}


def route_scale(table: pd.DataFrame) -> alt.Scale:
    labels = route_labels(table)
    return alt.Scale(domain=labels, range=list(route_colors(table).values()))


# Two columns of names under a chart, one where the plot is narrow (a phone): a name is
# never cut off at the chart's right edge.
LEGEND = {"orient": "bottom", "columns": {"expr": "width < 340 ? 1 : 2"}, "labelLimit": 150}


def route_color(table: pd.DataFrame, legend: bool = True) -> dict[str, Any]:
    """The colour channel of every per-route chart (a plain dict: see spec.py)."""
    labels = route_labels(table)
    return field("route:N", sort=labels, title=None,
                 scale={"domain": labels, "range": list(route_colors(table).values())},
                 legend=LEGEND if legend else None)


# The options table's columns as a person reads them (the codes stay in files and links).
COLUMN_WORDS: dict[str, str] = {
    "option_id": "Route id",
    "name": "Display name",
    "legal_status": "Legal status",
    "reach": "Reach abroad",
    **{c: words(c) for c in ("setup_usd", "monthly_usd", "per_mbps_usd", "per_user_usd",
                             "min_term_months", "lead_time_weeks")},
    **{f"{stem}_{end}": f"{words(stem, unit=False)}, {end}"
       + (f" ({WORDS[stem][1]})" if WORDS[stem][1] else "")
       for stem, _, _ in RANGES for end in ("low", "high")},
    "included_mbps": words("included_mbps"),
    "latency_ms": words("latency_ms"),
    "sources": "Sources",
    "notes": "Notes",
}
COLUMN_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Prices (US dollars, the table's unit)",
     ("setup_usd", "monthly_usd", "per_mbps_usd", "included_mbps", "per_user_usd")),
    ("Timing", ("min_term_months", "lead_time_weeks", "latency_ms")),
    ("Risks: each a low and a high guess (a 90% range)",
     tuple(f"{stem}_{end}" for stem, _, _ in RANGES for end in ("low", "high"))),
    ("Route, legal status, sources", ("name", "legal_status", "reach", "sources", "notes")),
)


def group_of(column: str) -> int:
    """The Assumptions grid (by position in COLUMN_GROUPS) that shows `column`."""
    return next(g for g, (_, columns) in enumerate(COLUMN_GROUPS) if column in columns)
