"""Charts made of plain Vega-Lite pieces, with Altair objects only at the top.

Chained the usual way (`alt.Chart(frame).mark_*(...).encode(alt.X(...))`, layered
with `alt.layer(...).properties(...)`), a chart is slow to build and serialise
(bench/results.md, "Figures behind the code"): Altair deep-copies every object it
holds on each method call and again when layering, validates each `alt.Scale`,
`alt.Axis` or `alt.Data` against the schema as it is made, and sanitises a DataFrame
through pandas on every `to_dict`. The helpers here write the same pieces as the dicts
Altair would produce for the same arguments, keys in its order, so the spec comes out
unchanged (pinned by tests/views/test_specs.py) for a fraction of the time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from typing import Any

import altair as alt
import numpy as np
import pandas as pd

TYPES = {"N": "nominal", "O": "ordinal", "Q": "quantitative", "T": "temporal"}
_AGGREGATE = re.compile(r"(\w+)\((\w*)\)")
MAX_ROWS = 5000  # Altair's default row limit for a DataFrame
# Every chart's top-level autosize. Streamlit's default ("fit") squeezes the title, axes
# and legend into the chart's height, so on a phone, where a legend wraps to more rows,
# the plot itself shrank to a sliver. "fit-x" fits the width and gives `height` to the
# plot: the legend adds below it.
FIT_WIDTH = {"type": "fit-x", "contains": "padding"}


def _ordered(value: Any) -> Any:
    """Keys in alphabetical order, as Altair writes the properties of its schema classes."""
    if isinstance(value, dict):
        return {k: _ordered(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [_ordered(v) for v in value]
    return value


def field(shorthand: str, **props: Any) -> dict[str, Any]:
    """An encoding channel as `alt.X(shorthand, **props)` writes it: "sum(usd):Q" gives
    aggregate, field and type. A secondary channel (x2, y2) takes no type: no ":Q"."""
    name, _, code = shorthand.partition(":")
    spec = {k: v for k, v in props.items() if v is not alt.Undefined}
    if match := _AGGREGATE.fullmatch(name):
        spec["aggregate"], name = match.groups()
    spec["field"] = name
    if code:
        spec["type"] = TYPES[code]
    return _ordered(spec)


def mark(kind: str, **props: Any) -> dict[str, Any]:
    """A mark as `.mark_<kind>(**props)` writes it: its type first, then the rest."""
    return {"type": kind, **_ordered(props)}


def _plain(array: np.ndarray) -> list[Any]:
    """A column as Python values, missing or infinite numbers as None (as Altair does)."""
    if array.dtype.kind == "f":
        items = array.tolist()
        if np.isfinite(array).all():
            return items
        return [v if math.isfinite(v) else None for v in items]
    if array.dtype.kind in "biu":
        return array.tolist()
    if array.dtype.kind == "O":
        items = array.tolist()
        missing = pd.isna(array)
        return [None if m else v for v, m in zip(items, missing)] if missing.any() else items
    raise TypeError(f"no chart column of dtype {array.dtype}")


class Rows(alt.InlineData):
    """A chart's rows, written out once: Altair moves them to the spec's datasets as
    it does a DataFrame's rows.

    Altair re-runs LayerChart's constructor on every copy, to_dict's included, and
    that deep-copies each layer: rows in a plain dict or list would be copied row by
    row each time (a DataFrame was not). The rows are never changed, so copies share
    them; and they are not validated as they are wrapped (the chart tests validate).
    """

    _class_is_valid_at_instantiation = False

    def __deepcopy__(self, memo: Any) -> Rows:
        return self


def inline(frame: pd.DataFrame, money: Collection[str] = (), rate: float = 1.0) -> Rows:
    """A tidy frame as the rows Altair would write for it; `money` columns times `rate`
    (US dollars to the scenario's currency).

    Altair sanitises a DataFrame column by column through pandas on every to_dict;
    this reads each column once with numpy. Its row limit still applies, as it did.
    """
    columns = {}
    for name in frame.columns:
        array = frame[name].to_numpy()
        columns[name] = _plain(array * rate if name in money else array)
    rows = [dict(zip(columns, row)) for row in zip(*columns.values())]
    alt.limit_rows({"values": rows},
                   max_rows=alt.data_transformers.options.get("max_rows", MAX_ROWS))
    return Rows(values=rows)


class InLayer(alt.Data):
    """A few rows kept in their layer as written, as `alt.Data(values=...)` keeps them,
    without its schema validation on construction (the chart tests validate)."""

    _class_is_valid_at_instantiation = False


def chart(data: Any, kind: dict[str, Any], encoding: dict[str, Any], **props: Any,
          ) -> alt.Chart:
    """`alt.Chart(data).mark_*(...).encode(...).properties(**props)` in one step."""
    return alt.Chart(data, mark=kind, encoding=alt.FacetedEncoding(**encoding), **props)


def layered(*layers: alt.Chart, data: Any = alt.Undefined, **props: Any) -> alt.LayerChart:
    """`alt.layer(*layers).properties(**props)` without its copies.

    LayerChart's constructor copies each layer twice to lift params, facets and
    sizes to the top; these layers have none. Data shared by every layer goes in
    `data`, where alt.layer would have lifted it.
    """
    top = alt.LayerChart(data=data, **props)
    top.layer = list(layers)
    return top
