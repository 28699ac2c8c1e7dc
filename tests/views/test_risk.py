"""The Risk page's core: spread, exceedance and loss frames, their sentences and charts.

Expected values are recomputed here straight from the simulated totals and
components (numpy on the raw arrays), never through the functions under test.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from connectivity import Scenario, compare, read_default, read_table
from connectivity.model.routes import COMPONENTS
from connectivity.views.labels import route_labels, route_scale
from connectivity.views.risk import (
    cheapest_chart,
    cheapest_summary,
    distribution_chart,
    distribution_frame,
    distribution_summary,
    exceed_chances,
    exceedance_chart,
    exceedance_frame,
    exceedance_summary,
    loss_spread_chart,
    loss_spread_frame,
    loss_spread_summary,
    percentile_frame,
)

LOSS_NAMES = {"productivity_loss": "Lost productivity", "outage_loss": "Outages",
              "incident_loss": "Enforcement incidents"}


@pytest.fixture(scope="module")
def result():
    return compare(read_default(), Scenario(trials=20_000, seed=7))


@pytest.fixture(scope="module")
def labels(result):
    return route_labels(result.table)


# -- frames ---------------------------------------------------------------------------------


def test_distribution_shares_are_the_futures_inside_common_bins(result, labels):
    frame = distribution_frame(result, bins=40)
    assert list(frame["route"].unique()) == labels
    pooled = result.simulation.totals.ravel()
    lo, hi = np.percentile(pooled, [0.5, 99.5])
    bins = None
    for i, label in enumerate(labels):
        part = frame[frame["route"] == label]
        assert len(part) == 40
        # The shares add up to the route's futures inside the middle 99% span.
        totals = result.simulation.totals[i]
        inside = ((totals >= lo) & (totals <= hi)).mean()
        assert part["share"].sum() == pytest.approx(inside, abs=1e-12)
        assert (part["share"] >= 0).all()
        edges = list(zip(part["usd_from"], part["usd_to"]))
        bins = bins or edges
        assert edges == bins  # the very same bins for every route
    # Adjacent, increasing bins; each mid point between its edges.
    lows, highs = np.array(bins).T
    assert (highs > lows).all() and np.allclose(lows[1:], highs[:-1])
    assert np.allclose(frame["usd"], (frame["usd_from"] + frame["usd_to"]) / 2)
    # The bins cover the pooled 0.5th to 99.5th percentile of every simulated total.
    pooled = result.simulation.totals.ravel()
    assert lows[0] == pytest.approx(np.percentile(pooled, 0.5))
    assert highs[-1] == pytest.approx(np.percentile(pooled, 99.5))


def test_distribution_share_of_an_inner_bin_is_the_share_of_totals_in_it(result, labels):
    frame = distribution_frame(result, bins=30)
    totals = result.simulation.totals
    for i, label in enumerate(labels):
        part = frame[frame["route"] == label].reset_index(drop=True)
        for k in (5, 15, 24):  # inner bins: no clipped tail lands there
            lo, hi = part.loc[k, "usd_from"], part.loc[k, "usd_to"]
            inside = np.count_nonzero((totals[i] >= lo) & (totals[i] < hi)) / totals.shape[1]
            assert part.loc[k, "share"] == pytest.approx(inside, abs=1e-12)


def test_distribution_of_a_riskless_single_route_still_sums_to_one():
    # One route with no risk at all: every simulated total is the same number.
    header = read_default().columns
    row = {c: 0 for c in header} | {
        "option_id": "only", "name": "Only route", "legal_status": "authorised",
        "reach": "hq_only", "monthly_usd": 100, "latency_ms": "", "sources": "", "notes": ""}
    data = pd.DataFrame([row], columns=header).to_csv(index=False).encode()
    r = compare(read_table(data), Scenario(status_quo="only", trials=1000))
    assert np.ptp(r.simulation.totals) == 0
    frame = distribution_frame(r, bins=10)
    assert frame["share"].sum() == pytest.approx(1.0)
    assert (frame["usd_to"] > frame["usd_from"]).all()
    chances = exceed_chances(r, 100 * 36 - 1)
    assert chances.tolist() == [1.0]
    assert exceed_chances(r, 100 * 36).tolist() == [0.0]


def test_percentile_frame_matches_the_comparison_and_the_simulation(result, labels):
    frame = percentile_frame(result)
    assert len(frame) == 3 * len(labels)
    c = result.comparison
    for i, label in enumerate(labels):
        part = frame[frame["route"] == label].set_index("percentile")["usd"]
        assert list(part.index) == ["10th percentile", "median", "90th percentile"]
        assert part.tolist() == [c["p10_usd"][i], c["p50_usd"][i], c["p90_usd"][i]]
        direct = np.percentile(result.simulation.totals[i], [10, 50, 90])
        assert np.allclose(part.to_numpy(), direct, atol=0.005)
        assert part.iloc[0] <= part.iloc[1] <= part.iloc[2]


def test_exceedance_curve_falls_from_one_to_zero(result, labels):
    frame = exceedance_frame(result, points=101)
    totals = result.simulation.totals
    n = totals.shape[1]
    for i, label in enumerate(labels):
        part = frame[frame["route"] == label].sort_values("usd", kind="stable")
        chance = part["chance"].to_numpy()
        assert len(part) == 101
        assert chance[0] == 1.0 and chance[-1] == 0.0
        assert (np.diff(chance) <= 0).all()
        assert part["usd"].min() == totals[i].min() and part["usd"].max() == totals[i].max()
        # Each point says what share of the simulated totals lies above its usd.
        for x, p in zip(part["usd"], chance):
            assert np.count_nonzero(totals[i] > x) / n == pytest.approx(p, abs=2.0 / n)


def test_exceed_chances_is_the_share_of_totals_above_the_threshold(result):
    totals = result.simulation.totals
    for threshold in (150_000.0, float(np.median(totals)), 400_000.0, 777_777.77):
        expected = [sum(1 for v in route if v > threshold) / len(route) for route in totals]
        assert exceed_chances(result, threshold).tolist() == pytest.approx(expected, abs=1e-15)
    assert exceed_chances(result, totals.min() - 1.0).tolist() == [1.0] * len(totals)
    assert exceed_chances(result, totals.max() + 1.0).tolist() == [0.0] * len(totals)
    assert exceed_chances(result, totals.max()).tolist() == [0.0] * len(totals)


def test_loss_spread_is_the_simulated_component_spread(result, labels):
    frame = loss_spread_frame(result)
    assert len(frame) == 4 * len(labels)
    components = result.simulation.components
    # The components are what the totals are made of.
    assert np.allclose(components.sum(axis=1), result.simulation.totals)
    for i, label in enumerate(labels):
        for name, shown in LOSS_NAMES.items():
            values = components[i, COMPONENTS.index(name)]
            row = frame[(frame["route"] == label) & (frame["component"] == shown)]
            assert len(row) == 1
            row = row.iloc[0]
            assert row["mean"] == pytest.approx(values.sum() / values.size, rel=1e-12)
            assert [row["p10"], row["p90"]] == pytest.approx(
                np.percentile(values, [10, 90]).tolist(), rel=1e-12, abs=1e-9)
            assert row["p10"] <= row["p90"]


def test_loss_means_sit_near_the_exact_expectations(result, labels):
    frame = loss_spread_frame(result)
    for i, label in enumerate(labels):
        for name, shown in LOSS_NAMES.items():
            values = result.simulation.component(name)[i]
            exact = result.expected[name].iloc[i]
            sim = frame[(frame["route"] == label) & (frame["component"] == shown)]["mean"].item()
            se = values.std() / np.sqrt(values.size)
            assert abs(sim - exact) <= 4 * se + 1e-9


# -- sentences ------------------------------------------------------------------------------

_MONEY = r"\$([\d,]+)"


def _dollars(text: str) -> float:
    return float(text.replace(",", ""))


def _percent(text: str) -> tuple[float, float]:
    """The interval a shown percentage stands for."""
    if text == "under 1%":
        return 0.0, 0.01
    if text == "over 99%":
        return 0.99, 1.0
    value = int(text.rstrip("%")) / 100
    return value - 0.005 - 1e-12, value + 0.005 + 1e-12


_PCT = r"(under 1%|over 99%|\d+%)"


def test_distribution_summary_names_every_route_with_its_percentiles(result, labels):
    text = distribution_summary(result)
    c = result.comparison
    for i, label in enumerate(labels):
        m = re.search(re.escape(label) + rf" {_MONEY} to {_MONEY} \(median {_MONEY}\)", text)
        assert m, (label, text)
        p10, p90, p50 = (_dollars(g) for g in m.groups())
        assert p10 == pytest.approx(c["p10_usd"][i], abs=0.5)
        assert p50 == pytest.approx(c["p50_usd"][i], abs=0.5)
        assert p90 == pytest.approx(c["p90_usd"][i], abs=0.5)
    assert "80% range" in text and "8 simulated futures in 10" in text  # p10 to p90


@pytest.mark.parametrize("route", [0, 1, 2])
def test_exceedance_summary_at_a_routes_median_says_about_half(result, labels, route):
    threshold = float(np.median(result.simulation.totals[route]))
    text = exceedance_summary(result, threshold)
    assert f"${threshold:,.0f}" in text
    totals = result.simulation.totals
    for i, label in enumerate(labels):
        m = re.search(re.escape(label) + " " + _PCT, text)
        assert m, (label, text)
        lo, hi = _percent(m.group(1))
        share = np.count_nonzero(totals[i] > threshold) / totals.shape[1]
        assert lo <= share <= hi
        if i == route:
            assert m.group(1) == "50%"


def test_exceedance_summary_below_and_above_everything(result, labels):
    totals = result.simulation.totals
    low = exceedance_summary(result, float(totals.min()) - 1)
    high = exceedance_summary(result, float(totals.max()) + 1)
    for label in labels:
        assert f"{label} 100%" in low
        assert f"{label} 0%" in high


def test_cheapest_summary_gives_each_routes_share(result, labels):
    text = cheapest_summary(result)
    totals = result.simulation.totals
    cheapest = totals == totals.min(axis=0)
    shares = (cheapest / cheapest.sum(axis=0)).mean(axis=1)
    for label, share in zip(labels, shares):
        m = re.search(re.escape(label) + " in " + _PCT, text)
        assert m, (label, text)
        lo, hi = _percent(m.group(1))
        assert lo - 1e-4 <= share <= hi + 1e-4  # the comparison rounds to 4 decimals


def test_loss_spread_summary_names_the_widest_spread(result, labels):
    text = loss_spread_summary(result)
    best = None
    for i, label in enumerate(labels):
        for name, shown in LOSS_NAMES.items():
            p10, p90 = np.percentile(result.simulation.component(name)[i], [10, 90])
            if best is None or p90 - p10 > best[0]:
                best = (p90 - p10, label, shown, p10, p90)
    _, label, shown, p10, p90 = best
    assert f"{shown.lower()} on {label}:" in text
    found = [_dollars(g) for g in re.findall(_MONEY, text)]
    assert found == pytest.approx([p10, p90], abs=0.5)


# -- charts ---------------------------------------------------------------------------------


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def _rows(spec: dict, layer: dict) -> list[dict]:
    data = layer.get("data") or spec.get("data")
    if "values" in data:
        return data["values"]
    return spec["datasets"][data["name"]]


def _assert_route_colours(spec: dict, result) -> None:
    scale = route_scale(result.table).to_dict()
    coloured = [layer for layer in _layers(spec)
                if layer["encoding"].get("color", {}).get("field") == "route"]
    assert coloured
    for layer in coloured:
        colour = layer["encoding"]["color"]
        assert colour["scale"]["domain"] == scale["domain"] == route_labels(result.table)
        assert colour["scale"]["range"] == scale["range"]


def _assert_tooltips(spec: dict) -> None:
    for layer in _layers(spec):
        assert layer["encoding"].get("tooltip"), layer["mark"]


def test_distribution_chart_has_areas_and_percentile_rules(result, labels):
    spec = distribution_chart(result).to_dict()
    areas, rules = _layers(spec)
    assert areas["mark"]["type"] == "area" and rules["mark"]["type"] == "rule"
    area_rows = _rows(spec, areas)
    # Together the routes' bins hold 99% of the pooled futures (the middle span).
    assert sum(r["share"] for r in area_rows) == pytest.approx(0.99 * len(labels), abs=2e-3)
    rule_rows = _rows(spec, rules)
    assert len(rule_rows) == 3 * len(labels)
    assert {r["percentile"] for r in rule_rows} == {"10th percentile", "median",
                                                    "90th percentile"}
    c = result.comparison
    for i, label in enumerate(labels):
        marked = {r["percentile"]: r["usd"] for r in rule_rows if r["route"] == label}
        assert marked == {"10th percentile": c["p10_usd"][i], "median": c["p50_usd"][i],
                          "90th percentile": c["p90_usd"][i]}
    assert rules["encoding"]["x"]["field"] == "usd"
    assert rules["encoding"]["strokeDash"]["field"] == "percentile"
    _assert_route_colours(spec, result)
    _assert_tooltips(spec)


def test_exceedance_chart_marks_the_appetite(result, labels):
    threshold = 321_000.0
    spec = exceedance_chart(result, threshold).to_dict()
    lines, appetite = _layers(spec)
    assert lines["mark"]["type"] == "line" and appetite["mark"]["type"] == "rule"
    assert _rows(spec, appetite) == [{"usd": threshold}]
    assert appetite["encoding"]["x"]["field"] == "usd"
    rows = _rows(spec, lines)
    assert {r["route"] for r in rows} == set(labels)
    assert min(r["chance"] for r in rows) == 0.0 and max(r["chance"] for r in rows) == 1.0
    assert lines["encoding"]["y"]["field"] == "chance"
    _assert_route_colours(spec, result)
    _assert_tooltips(spec)


def test_cheapest_chart_is_on_a_zero_to_one_scale(result, labels):
    spec = cheapest_chart(result).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["field"] == "prob_lowest_cost"
    assert spec["encoding"]["x"]["scale"]["domain"] == [0, 1]
    rows = _rows(spec, spec)
    assert [r["route"] for r in rows] == labels
    assert [r["prob_lowest_cost"] for r in rows] == result.comparison["prob_lowest_cost"].tolist()
    assert sum(r["prob_lowest_cost"] for r in rows) == pytest.approx(1.0, abs=1e-9)
    _assert_route_colours(spec, result)
    _assert_tooltips(spec)


def test_loss_spread_chart_has_bars_and_whiskers(result, labels):
    spec = loss_spread_chart(result).to_dict()
    bars, whiskers = _layers(spec)
    assert bars["mark"]["type"] == "bar" and whiskers["mark"]["type"] == "rule"
    assert bars["encoding"]["y"]["field"] == "mean"
    assert whiskers["encoding"]["y"]["field"] == "p10"
    assert whiskers["encoding"]["y2"]["field"] == "p90"
    rows = _rows(spec, bars)
    assert len(rows) == 4 * len(labels)
    assert all(r["p10"] <= r["p90"] for r in rows)
    frame = loss_spread_frame(result)
    assert [r["mean"] for r in rows] == pytest.approx(frame["mean"].tolist())
    _assert_route_colours(spec, result)
    _assert_tooltips(spec)


def test_route_colours_follow_the_table_order_on_another_table():
    # A different table (routes reordered) gets its colours by position, as everywhere.
    table = read_default().iloc[[2, 0, 1]].reset_index(drop=True)
    r = compare(table, Scenario(trials=1000))
    for spec in (distribution_chart(r).to_dict(), exceedance_chart(r, 1e5).to_dict(),
                 cheapest_chart(r).to_dict(), loss_spread_chart(r).to_dict()):
        _assert_route_colours(spec, r)
