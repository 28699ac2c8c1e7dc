"""The pages' own Altair charts, sized for paper and drawn to PNG by vl-convert.

vl-convert runs Vega in an embedded JavaScript engine: no browser, and no
network (the specs carry their data inline and use system fonts).
"""

from __future__ import annotations

from typing import Any

import altair as alt
import vl_convert

PX_PER_MM = 720 / 184  # a chart spans 720 px across the A4 text width
SCALE = 2  # PNG pixels per chart pixel: about 200 dpi on paper
LEGEND_LABEL_PX = 170  # a longer route name ends in an ellipsis in the legend

PRINT_CONFIG = {
    "font": "Liberation Sans, DejaVu Sans, Noto Sans CJK SC, sans-serif",
    "title": {"fontSize": 13, "anchor": "start", "offset": 6},
    "axis": {"labelFontSize": 11, "titleFontSize": 11},
    "axisX": {"labelOverlap": True, "tickCount": 8},
    "legend": {"labelFontSize": 10.5, "titleFontSize": 11, "symbolSize": 90, "rowPadding": 1},
    "view": {"stroke": None},
}


def _legends_right(node: Any) -> None:
    """Every legend of the spec at the right, one entry a line: the page is wider than tall."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "legend" and isinstance(value, dict):
                value.update(orient="right", direction="vertical", labelLimit=LEGEND_LABEL_PX)
                value.pop("columns", None)
            else:
                _legends_right(value)
    elif isinstance(node, list):
        for item in node:
            _legends_right(item)


def png(chart: alt.TopLevelMixin, width_mm: float, height_mm: float) -> bytes:
    """The chart as a PNG whose whole area (title, axes, legend) is width × height mm."""
    spec = chart.properties(
        width=round(width_mm * PX_PER_MM), height=round(height_mm * PX_PER_MM),
        autosize=alt.AutoSizeParams(type="fit", contains="padding"), padding=12,
    ).to_dict(validate=False)
    _legends_right(spec)
    # A title split in lines for a phone's width reads as one line across the page.
    for node in [spec, *spec.get("layer", [])]:
        title = node.get("title")
        if isinstance(title, dict) and isinstance(title.get("text"), list):
            title["text"] = " ".join(title["text"])
        elif isinstance(title, list):
            node["title"] = " ".join(title)
    spec["config"] = {**spec.get("config", {}), **PRINT_CONFIG}
    return vl_convert.vegalite_to_png(spec, scale=SCALE)
