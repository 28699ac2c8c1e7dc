"""Chart builders checked through their Vega-Lite specs, without pixels."""

import pytest

from connectivity import Scenario, compare, read_default
from connectivity.schema.palette import PALETTE
from connectivity.views.compare import (
    breakdown_chart,
    breakeven_frame,
    caveat,
    cost_risk_chart,
    cumulative_chart,
    cumulative_summary,
    headline,
)
from connectivity.views.labels import route_labels


@pytest.fixture(scope="module")
def result():
    return compare(read_default(), Scenario(trials=2000))


def _datasets(spec: dict) -> list[list[dict]]:
    return list(spec["datasets"].values())


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


def test_breakdown_stacks_every_component_of_every_route(result):
    spec = breakdown_chart(result).to_dict()
    assert spec["mark"]["type"] == "bar"
    assert spec["encoding"]["x"]["aggregate"] == "sum"
    rows = _datasets(spec)[0]
    assert len(rows) == 6 * len(result.table)
    # The bars add up to each route's exact expected total.
    for label, total in zip(route_labels(result.table), result.expected["total"]):
        assert sum(r["usd"] for r in rows if r["route"] == label) == pytest.approx(total)
    assert {t["title"] for t in spec["encoding"]["tooltip"]} >= {"Route", "Component"}


def test_route_colours_are_the_same_on_every_chart(result):
    labels = route_labels(result.table)
    for chart in (cost_risk_chart(result), cumulative_chart(result)):
        colour = _layers(chart.to_dict())[0]["encoding"]["color"]
        assert colour["scale"]["domain"] == labels
        assert colour["scale"]["range"] == list(PALETTE[: len(labels)])


def test_cost_risk_spread_spans_p10_to_p90_of_losses(result):
    spec = cost_risk_chart(result).to_dict()
    rule, points = _layers(spec)
    assert rule["mark"]["type"] == "rule" and points["mark"]["type"] == "point"
    rows = _datasets(spec)[0]
    c = result.comparison
    for row, (_, r) in zip(rows, c.iterrows()):
        direct = r["setup_usd"] + r["service_usd"]
        assert row["losses_p90"] == pytest.approx(max(0, r["p90_usd"] - direct))
        assert row["losses_p10"] <= row["losses"] + 1e-6 or row["losses_p10"] == 0
    assert all("tooltip" in layer["encoding"] for layer in (rule, points))


def test_cumulative_chart_ends_at_each_expected_total_and_marks_break_even(result):
    spec = cumulative_chart(result).to_dict()
    lines = [d for d in _datasets(spec) if d and "month" in d[0] and "route" in d[0]
             and "event" not in d[0]][0]
    for label, total in zip(route_labels(result.table), result.expected["total"]):
        last = max((r for r in lines if r["route"] == label), key=lambda r: r["month"])
        assert last["usd"] == pytest.approx(total)
    marks = breakeven_frame(result)
    assert len(marks) >= 1
    assert all(0 < m <= result.scenario.horizon_months for m in marks["month"])
    assert "Break-even" in cumulative_summary(result)


def test_headline_names_the_rank_one_route_and_the_caveat_its_reach(result):
    best = result.comparison.sort_values("rank").iloc[0]
    assert headline(result).startswith(best["name"])
    if best["reach"] == "hq_only":
        assert "head office" in caveat(result)


def test_regret_line_names_the_winners_regret_and_when_the_choice_is_robust():
    from connectivity import compare, parse_query, read_default
    from connectivity.views.compare import regret_line
    from connectivity.views.format import money

    table = read_default()
    for query, robust in (("trials=5000", True), ("users=5&trials=5000&currency=CNY", False)):
        s, _ = parse_query(query, table)
        result = compare(table, s)
        c = result.comparison
        best = int(c["rank"].idxmin())
        evpi = c.at[best, "expected_regret_usd"]
        assert evpi == c["expected_regret_usd"].min()  # the winner's regret is the EVPI
        line = regret_line(result)
        assert money(evpi, s) in line
        assert ("choice is robust" in line) == robust
        assert robust == (evpi < 0.01 * c.at[best, "expected_total_usd"])
