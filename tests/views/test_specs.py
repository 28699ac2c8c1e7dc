"""The chart builders' plain pieces (views/spec.py) write what Altair's own calls write.

The builders skip Altair's chained calls for speed; these tests hold them to the
spec those calls produce, keys in the same order (the memo's PNGs and the pages'
cached specs stay byte for byte the same), so an Altair upgrade that changed
either side shows here rather than as a subtly different chart.
"""

from __future__ import annotations

import json

import altair as alt
import numpy as np
import pandas as pd
import pytest

from connectivity.views.labels import route_color, route_scale
from connectivity.views.spec import InLayer, chart, field, inline, layered, mark

TABLE = pd.DataFrame({"option_id": ["a", "b", "c"], "name": ["VPN", "Circuit", "VPN"]})


def same(a: dict, b: dict) -> bool:
    """Equal, and equal as JSON text: the same keys in the same order."""
    return a == b and json.dumps(a) == json.dumps(b)


@pytest.mark.parametrize(("ours", "altairs"), [
    (field("route:N", sort=["x", "y"], title=None, axis={"labelLimit": 160}),
     alt.Y("route:N", sort=["x", "y"], title=None, axis=alt.Axis(labelLimit=160))),
    (field("sum(usd):Q", title="Cost (USD)", axis={"tickCount": 5, "format": "$.2~s"}),
     alt.X("sum(usd):Q", title="Cost (USD)", axis=alt.Axis(format="$.2~s", tickCount=5))),
    (field("share:Q", stack=None, axis={"format": "%"}, scale=alt.Undefined),
     alt.Y("share:Q", stack=None, axis=alt.Axis(format="%"))),
    (field("p90"), alt.Y2("p90:Q")),
    (field("usd:Q", title="Total", format="$,.0f"),
     alt.Tooltip("usd:Q", title="Total", format="$,.0f")),
    (field("what:N", legend=None, scale={"range": [[1, 0], [4, 4]]}),
     alt.StrokeDash("what:N", legend=None, scale=alt.Scale(range=[[1, 0], [4, 4]]))),
    (field("component:N", legend={"orient": "bottom", "columns": 2, "labelLimit": 150},
           scale={"domain": ["a"], "range": ["#000"]}),
     alt.Color("component:N", legend=alt.Legend(orient="bottom", columns=2, labelLimit=150),
               scale=alt.Scale(domain=["a"], range=["#000"]))),
])
def test_a_channel_is_what_altair_writes(ours, altairs):
    encoded = alt.Chart().mark_point().encode(altairs).to_dict()["encoding"]
    assert same(ours, next(iter(encoded.values())))


def test_route_colour_is_the_channel_of_route_scale():
    for legend in (True, False):
        theirs = alt.Color("route:N", scale=route_scale(TABLE), sort=["VPN (a)", "Circuit",
                                                                        "VPN (c)"],
                           title=None, legend=alt.Legend(
                               orient="bottom", columns=alt.ExprRef("width < 340 ? 1 : 2"),
                               labelLimit=150) if legend else None)
        encoded = alt.Chart().mark_point().encode(color=theirs).to_dict()["encoding"]
        assert same(route_color(TABLE, legend), encoded["color"])


def test_a_mark_is_what_altair_writes():
    x = {"x": field("x:Q")}
    ours = chart(alt.Undefined, mark("point", size=140, shape="diamond", filled=True), x)
    theirs = alt.Chart().mark_point(shape="diamond", size=140, filled=True).encode(x="x:Q")
    assert same(ours.to_dict(), theirs.to_dict())
    assert same(chart(alt.Undefined, mark("bar"), x).to_dict(),
                alt.Chart().mark_bar().encode(x="x:Q").to_dict())


FRAME = pd.DataFrame({
    "route": ["VPN", None, "Circuit"],
    "usd": [1.5, np.nan, np.inf],
    "month": [0, 1, 2],
    "chosen": [True, False, True],
    "value": ["12", 3.5, None],
})


def test_inline_rows_are_the_rows_altair_writes_for_a_frame():
    encoding = {"x": field("usd:Q"), "y": field("route:N")}
    ours = chart(inline(FRAME), mark("point"), encoding).to_dict()
    theirs = alt.Chart(FRAME).mark_point().encode(x="usd:Q", y="route:N").to_dict()
    assert same(ours, theirs)
    rows = next(iter(ours["datasets"].values()))
    assert rows[1] == {"route": None, "usd": None, "month": 1, "chosen": False, "value": 3.5}


def test_money_columns_are_converted_as_the_frame_would_be():
    ours = inline(FRAME.iloc[:1], ["usd"], 7.1).to_dict()["values"]
    assert ours == [{"route": "VPN", "usd": 1.5 * 7.1, "month": 0, "chosen": True,
                     "value": "12"}]


def test_inline_keeps_altairs_row_limit():
    big = pd.DataFrame({"x": np.arange(5001.0)})
    with pytest.raises(alt.MaxRowsError):
        inline(big)
    with alt.data_transformers.disable_max_rows():
        assert len(inline(big).to_dict()["values"]) == 5001


def test_layered_is_alt_layer_with_its_properties():
    shared = pd.DataFrame({"x": [1.0, 2.0], "route": ["a", "b"]})
    own = pd.DataFrame({"x": [3], "route": ["c"]})
    config = {"locale": {"number": {"decimal": ".", "thousands": ",", "grouping": [3],
                                    "currency": ["¥", ""]}}}
    # Every layer on one frame: alt.layer lifts it to the top, where `data` puts it.
    ours = layered(chart(alt.Undefined, mark("rule"), {"x": field("x:Q")}, title="T"),
                   chart(alt.Undefined, mark("point"),
                         {"x": field("x:Q"), "color": field("route:N")}, title="T"),
                   data=inline(shared), height=300, config=config)
    base = alt.Chart(shared, title="T")
    theirs = alt.layer(base.mark_rule().encode(x="x:Q"),
                       base.mark_point().encode(x="x:Q", color="route:N"),
                       ).properties(height=300).configure(**config)
    assert same(ours.to_dict(), theirs.to_dict())
    # As the memo sizes it for paper: the copy Altair makes keeps the spec.
    paper = {"width": 700, "height": 200, "padding": 12}
    assert same(ours.properties(**paper).to_dict(), theirs.properties(**paper).to_dict())
    # Each layer on its own rows: a frame's go to the datasets, a few literal rows stay.
    ours = layered(chart(inline(own), mark("point"), {"x": field("x:Q")}, title="T"),
                   chart(InLayer(values=[{"x": 0.0}]), mark("rule"), {"x": field("x:Q")}),
                   height=300, config=config)
    theirs = alt.layer(alt.Chart(own, title="T").mark_point().encode(x="x:Q"),
                       alt.Chart(alt.Data(values=[{"x": 0.0}])).mark_rule().encode(x="x:Q"),
                       ).properties(height=300).configure(**config)
    assert same(ours.to_dict(), theirs.to_dict())
    assert same(ours.properties(**paper).to_dict(), theirs.properties(**paper).to_dict())
