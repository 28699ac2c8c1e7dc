"""Eight routes (three of the table and five added quotes) in every per-route chart: eight
colours, none repeated, legends that wrap to one column on a narrow plot, and specs that
render."""

from __future__ import annotations

import json

import pytest
import vl_convert

from connectivity import compare, parse_query, read_default
from connectivity.schema.palette import PALETTE
from connectivity.views.compare import breakdown_chart, cost_risk_chart, cumulative_chart
from connectivity.views.labels import LEGEND, route_labels
from connectivity.views.risk import (
    cheapest_chart,
    distribution_chart,
    exceedance_chart,
    loss_spread_chart,
)

QUOTES = "&".join(f"q{i}.copy_of={src}&q{i}.name=Quote {i}&q{i}.monthly_usd={700 + 50 * i}"
                  for i, src in enumerate(["approved_vpn"] * 3 + ["leased_circuit"] * 2))


@pytest.fixture(scope="module")
def eight():
    table = read_default()
    s, notices = parse_query(f"currency=HKD&trials=2000&{QUOTES}", table)
    assert notices == []
    return compare(table, s)


def _colour_scales(spec: object) -> list[dict]:
    """Every colour channel in a spec (layers and nested parts included)."""
    found = []
    if isinstance(spec, dict):
        color = spec.get("encoding", {}).get("color")
        if isinstance(color, dict) and color.get("field") == "route":
            found.append(color)
        for value in spec.values():
            found += _colour_scales(value)
    elif isinstance(spec, list):
        for value in spec:
            found += _colour_scales(value)
    return found


CHARTS = {
    "cost_risk": cost_risk_chart, "cumulative": cumulative_chart,
    "distribution": distribution_chart, "cheapest": cheapest_chart,
    "loss_spread": loss_spread_chart,
    "exceedance": lambda r: exceedance_chart(r, float(r.comparison["p50_usd"].median())),
}


@pytest.mark.parametrize("name", list(CHARTS))
def test_each_route_has_its_own_colour_and_the_legend_wraps(eight, name) -> None:
    assert len(eight.table) == 8
    spec = CHARTS[name](eight).to_dict()
    scales = _colour_scales(spec)
    assert scales, "a per-route chart colours its routes"
    for color in scales:
        assert color["scale"]["domain"] == route_labels(eight.table)
        assert color["scale"]["range"] == list(PALETTE)
        assert len(set(color["scale"]["range"])) == 8
    legends = [c["legend"] for c in scales if c.get("legend")]
    assert all(legend == LEGEND for legend in legends)
    svg = vl_convert.vegalite_to_svg(json.dumps(spec))
    for label in route_labels(eight.table):
        assert label in svg


def test_the_breakdown_names_all_eight_and_speaks_the_currency(eight) -> None:
    spec = breakdown_chart(eight).to_dict()
    svg = vl_convert.vegalite_to_svg(json.dumps(spec))
    for label in route_labels(eight.table):
        assert label in svg
    assert "HK$" in svg and "(HKD)" in svg
