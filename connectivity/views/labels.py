"""Route names and colours, money formats: shared by every chart and sentence."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ..schema.palette import PALETTE

MONEY = "$,.0f"
AXIS_MONEY = "$.2~s"


def route_labels(table: pd.DataFrame) -> list[str]:
    """Display names, made unique (the table only promises unique ids)."""
    names = list(table["name"])
    return [n if names.count(n) == 1 else f"{n} ({i})" for n, i in zip(names, table["option_id"])]


def route_colors(table: pd.DataFrame) -> dict[str, str]:
    """option_id → colour, by position in the table."""
    return {oid: PALETTE[i % len(PALETTE)] for i, oid in enumerate(table["option_id"])}


def route_scale(table: pd.DataFrame) -> alt.Scale:
    labels = route_labels(table)
    return alt.Scale(domain=labels, range=[PALETTE[i % len(PALETTE)] for i in range(len(labels))])


def route_color(table: pd.DataFrame, legend: bool = True) -> alt.Color:
    return alt.Color("route:N", scale=route_scale(table), sort=route_labels(table),
                     title=None, legend=alt.Legend(orient="bottom", direction="horizontal",
                                                   labelLimit=260) if legend else None)
