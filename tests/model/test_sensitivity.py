"""One-at-a-time swings, sweeps and crossovers, checked against an independent model.

`exact_totals` below re-derives SPEC section 4's expected totals from the
formulas (lognormal 90% ranges, the capped mean of the lost share, lead time,
minimum term, the status quo's losses and charges meanwhile) without using connectivity's
model code.
"""

from __future__ import annotations

import math
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from connectivity import Scenario, read_default, read_table
from connectivity.inputs.tablelink import encode_table
from connectivity.model.expected import component_matrix
from connectivity.model.sensitivity import sweep, tornado
from connectivity.schema.params import PARAM_BY_NAME
from connectivity.views.labels import route_labels, route_scale
from connectivity.views.sensitivity import crossovers, sweep_chart, swing_words, tornado_chart

N = NormalDist()
Z = N.inv_cdf(0.95)
STEMS = ("productivity_loss_pct", "outages_per_year", "outage_hours", "incidents_per_year",
         "incident_cost_usd", "attrition_pct")
POINTS = ("setup_usd", "monthly_usd", "per_mbps_usd", "per_user_usd", "min_term_months",
          "lead_time_weeks")
POINT_HIGH = {"setup_usd": 1e9, "monthly_usd": 1e9, "per_mbps_usd": 1e9, "per_user_usd": 1e9,
              "min_term_months": 120, "lead_time_weeks": 104}
INPUTS = ("sites", "users", "mbps", "hourly_usd", "hours_month", "dependency_pct",
          "horizon_months")


# -- an independent model -------------------------------------------------------------------


def _mean(low: float, high: float, cap: float = math.inf) -> float:
    """E[min(X, cap)] for X lognormal with 5th percentile `low`, 95th `high`."""
    if low == high:
        return min(low, cap)
    mu = (math.log(low) + math.log(high)) / 2
    sigma = (math.log(high) - math.log(low)) / (2 * Z)
    full = math.exp(mu + sigma**2 / 2)
    if cap == math.inf:
        return full
    c = math.log(cap)
    return full * N.cdf((c - mu - sigma**2) / sigma) + cap * (1 - N.cdf((c - mu) / sigma))


def _monthly_losses(row: dict, s: Scenario) -> float:
    exposure = s.users * s.dependency_pct / 100 * s.hourly_usd
    share = _mean(row["productivity_loss_pct_low"] / 100, row["productivity_loss_pct_high"] / 100,
                  cap=1.0)
    outages = _mean(row["outages_per_year_low"], row["outages_per_year_high"]) / 12
    hours = _mean(row["outage_hours_low"], row["outage_hours_high"])
    incidents = _mean(row["incidents_per_year_low"], row["incidents_per_year_high"]) / 12
    cost = _mean(row["incident_cost_usd_low"], row["incident_cost_usd_high"])
    leaving = _mean(row.get("attrition_pct_low", 0) / 100, row.get("attrition_pct_high", 0) / 100,
                    cap=1.0)
    talent = s.users * s.replacement_months * s.hourly_usd * s.hours_month * leaving / 12
    return (exposure * s.hours_month * share + exposure * outages * hours + incidents * cost
            + talent)


def exact_totals(rows: list[dict], s: Scenario) -> np.ndarray:
    h = s.horizon_months
    sq = next(r for r in rows if r["option_id"] == s.status_quo)
    out = []
    for row in rows:
        per_month = ((row["monthly_usd"] + row["per_mbps_usd"] * s.mbps) * s.sites
                     + row["per_user_usd"] * s.users)
        if row["option_id"] == s.status_quo:
            out.append(per_month * h + _monthly_losses(row, s) * h)
            continue
        lead = row["lead_time_weeks"] * 12 / 52
        active = max(0.0, h - lead)
        billed = max(active, row["min_term_months"]) if active > 0 else 0.0
        sq_month = ((sq["monthly_usd"] + sq["per_mbps_usd"] * s.mbps) * s.sites
                    + sq["per_user_usd"] * s.users)
        # While waiting, the status quo serves: its losses and its charges count.
        out.append(row["setup_usd"] * s.sites + per_month * billed
                   + (_monthly_losses(sq, s) + sq_month) * min(lead, h)
                   + _monthly_losses(row, s) * active)
    return np.array(out)


def _records(table: pd.DataFrame) -> list[dict]:
    return table.to_dict("records")


@pytest.fixture(scope="module")
def table():
    return read_default()


def test_the_independent_model_agrees_with_component_matrix(table):
    for s in (Scenario(), Scenario(users=400, sites=3, horizon_months=6, status_quo="approved_vpn"),
              Scenario(horizon_months=1, dependency_pct=100, hours_month=744)):
        rows = _records(table)
        assert exact_totals(rows, s) == pytest.approx(component_matrix(rows, s).sum(axis=1),
                                                      rel=1e-12)


# -- tornado --------------------------------------------------------------------------------


def _margin(rows: list[dict], s: Scenario, winner: int, runner: int) -> float:
    t = exact_totals(rows, s)
    return float(t[runner] - t[winner])


def _changed(rows: list[dict], i: int, **cells: float) -> list[dict]:
    out = [dict(r) for r in rows]
    out[i].update(cells)
    return out


def _swing(t, name: str, option_id: str = ""):
    found = [w for w in t.swings if (w.name, w.option_id) == (name, option_id)]
    assert len(found) == 1, (name, option_id)
    return found[0]


@pytest.mark.parametrize("s", [Scenario(), Scenario(users=40, sites=2, status_quo="approved_vpn")])
def test_tornado_winner_and_base_margin_follow_the_exact_totals(table, s):
    t = tornado(table, s)
    totals = exact_totals(_records(table), s)
    order = sorted(range(len(totals)), key=lambda i: totals[i])
    assert (t.winner, t.runner_up) == (order[0], order[1])
    assert t.base_margin == pytest.approx(totals[order[1]] - totals[order[0]], rel=1e-9)
    assert t.base_margin >= 0


def test_tornado_swings_users_to_half_and_one_and_a_half(table):
    s = Scenario(users=40)
    t = tornado(table, s)
    rows = _records(table)
    w = _swing(t, "users")
    assert (w.low, w.high, w.columns) == (20, 60, ("users",))
    assert swing_words(w) == (PARAM_BY_NAME["users"].label, "20", "60")
    assert w.low_margin == pytest.approx(
        _margin(rows, s.with_values(users=20), t.winner, t.runner_up), rel=1e-9)
    assert w.high_margin == pytest.approx(
        _margin(rows, s.with_values(users=60), t.winner, t.runner_up), rel=1e-9)
    # Costs are affine in users: the margin moves by the same amount either way.
    assert w.high_margin - t.base_margin == pytest.approx(t.base_margin - w.low_margin, rel=1e-9)


def test_tornado_sets_a_range_to_each_of_its_ends(table):
    s = Scenario()
    t = tornado(table, s)
    rows = _records(table)
    i = 0  # Approved VPN, lost share 5% to 25%
    w = _swing(t, "productivity_loss_pct", rows[i]["option_id"])
    assert (w.low, w.high, w.route) == (5, 25, rows[i]["name"])
    assert w.columns == ("productivity_loss_pct_low", "productivity_loss_pct_high")
    assert swing_words(w) == (f"{rows[i]['name']}: lost share of work", "5%", "25%")
    ends = []
    for v in (5.0, 25.0):
        changed = _changed(rows, i, productivity_loss_pct_low=v, productivity_loss_pct_high=v)
        ends.append(_margin(changed, s, t.winner, t.runner_up))
    assert [w.low_margin, w.high_margin] == pytest.approx(ends, rel=1e-9)
    # A fixed 5% loses less than the 5–25% range, a fixed 25% more.
    assert w.low_margin < t.base_margin < w.high_margin


def test_tornado_moves_a_point_column_by_half(table):
    s = Scenario()
    t = tornado(table, s)
    rows = _records(table)
    i = 1  # Leased private circuit, 1000 a month
    w = _swing(t, "monthly_usd", rows[i]["option_id"])
    assert (w.low, w.high, w.columns) == (500, 1500, ("monthly_usd",))
    assert swing_words(w) == (f"{rows[i]['name']}: monthly charge per office (USD)",
                              "$500", "$1,500")
    ends = [_margin(_changed(rows, i, monthly_usd=v), s, t.winner, t.runner_up)
            for v in (500.0, 1500.0)]
    assert [w.low_margin, w.high_margin] == pytest.approx(ends, rel=1e-9)
    # The circuit is the winner: a dearer circuit shrinks its margin by 500 × billed months.
    assert t.winner == i
    lead = rows[i]["lead_time_weeks"] * 12 / 52
    billed = max(s.horizon_months - lead, rows[i]["min_term_months"])
    assert w.low_margin - w.high_margin == pytest.approx(1000 * billed * s.sites, rel=1e-9)


def _expected_swings(rows: list[dict], s: Scenario):
    """Every swing the tornado should hold: (input, route id, low, high, change function)."""
    out = []
    for name in INPUTS:
        p = PARAM_BY_NAME[name]
        v = getattr(s, name)
        lo, hi = max(p.low, v * 0.5), min(p.high, v * 1.5)
        if p.kind == "int":
            lo, hi = math.floor(lo + 0.5), math.floor(hi + 0.5)  # halves round up
        if lo != hi:
            out.append((name, "", lo, hi,
                        lambda x, name=name, p=p: (rows, s.with_values(
                            **{name: int(x) if p.kind == "int" else x}))))
    for i, row in enumerate(rows):
        for stem in STEMS:
            lo, hi = row[f"{stem}_low"], row[f"{stem}_high"]
            if lo == hi:
                lo, hi = lo * 0.5, hi * 1.5
            if lo != hi:
                out.append((stem, row["option_id"], lo, hi, lambda x, i=i, stem=stem: (
                    _changed(rows, i, **{f"{stem}_low": x, f"{stem}_high": x}), s)))
        for column in POINTS:
            lo, hi = row[column] * 0.5, min(row[column] * 1.5, POINT_HIGH[column])
            if lo != hi:
                out.append((column, row["option_id"], lo, hi, lambda x, i=i, column=column: (
                    _changed(rows, i, **{column: x}), s)))
    return out


@pytest.mark.parametrize("s", [Scenario(), Scenario(users=40, mbps=100, horizon_months=12)])
def test_every_swing_is_a_recomputation_with_one_input_changed(table, s):
    t = tornado(table, s)
    rows = _records(table)
    expected = _expected_swings(rows, s)
    assert len(t.swings) == len(expected)
    remaining = list(t.swings)
    for name, option_id, lo, hi, change in expected:
        lo_margin = _margin(*change(lo), t.winner, t.runner_up)
        hi_margin = _margin(*change(hi), t.winner, t.runner_up)
        match = [w for w in remaining
                 if (w.name, w.option_id) == (name, option_id)
                 and w.low == pytest.approx(lo) and w.high == pytest.approx(hi)
                 and w.low_margin == pytest.approx(lo_margin, rel=1e-9, abs=1e-6)
                 and w.high_margin == pytest.approx(hi_margin, rel=1e-9, abs=1e-6)]
        assert match, (name, option_id, lo, hi, lo_margin, hi_margin)
        remaining.remove(match[0])
    assert remaining == []


def test_swings_are_sorted_widest_first(table):
    t = tornado(table, Scenario())
    widths = [abs(w.high_margin - w.low_margin) for w in t.swings]
    assert widths == sorted(widths, reverse=True)
    assert [w.width for w in t.swings] == widths
    assert widths[0] > widths[-1]


def test_a_table_with_one_route_has_no_tornado(table):
    one = table[table["option_id"] == "do_nothing"].reset_index(drop=True)
    t = tornado(one, Scenario())
    assert t.swings == ()
    assert t.base_margin == 0.0


def test_tornado_uses_overrides_and_the_links_table(table):
    s = Scenario(overrides=(("leased_circuit", "monthly_usd", 20_000.0),))
    t = tornado(table, s)
    rows = _changed(_records(table), 1, monthly_usd=20_000.0)
    totals = exact_totals(rows, s)
    order = np.argsort(totals)
    assert (t.winner, t.runner_up) == (order[0], order[1])
    assert t.base_margin == pytest.approx(totals[order[1]] - totals[order[0]], rel=1e-9)
    # A table carried in the scenario replaces the default one passed in.
    two = table.iloc[[0, 2]].reset_index(drop=True)
    linked = tornado(table, Scenario(table=encode_table(two)))
    totals = exact_totals(_records(two), Scenario())
    assert linked.base_margin == pytest.approx(abs(totals[1] - totals[0]), rel=1e-9)
    assert {linked.winner, linked.runner_up} == {0, 1}


# -- sweep ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name,values", [
    ("users", np.array([1, 10, 25, 100, 1000])),
    ("horizon_months", np.arange(1, 61, 7)),
    ("hourly_usd", np.array([0.0, 12.5, 40.0, 200.0])),
])
def test_sweep_rows_are_the_exact_totals_at_each_value(table, name, values):
    s = Scenario()
    curves = sweep(table, s, name, values)
    assert curves.shape == (len(values), len(table))
    rows = _records(table)
    for row, v in zip(curves, values.tolist()):
        at = s.with_values(**{name: v})
        assert row == pytest.approx(component_matrix(rows, at).sum(axis=1), rel=1e-12)
        assert row == pytest.approx(exact_totals(rows, at), rel=1e-9)


def test_sweep_is_linear_in_users(table):
    values = np.arange(1, 202, 10)
    curves = sweep(table, Scenario(), "users", values)
    second = np.diff(curves, n=2, axis=0)
    assert np.abs(second).max() <= 1e-9 * np.abs(curves).max()
    # …and not trivially flat: every route costs more with more users.
    assert (np.diff(curves, axis=0) > 0).all()


def test_sweep_applies_overrides(table):
    s = Scenario(overrides=(("approved_vpn", "per_user_usd", 30.0),))
    values = np.array([5, 50])
    curves = sweep(table, s, "users", values)
    rows = _changed(_records(table), 0, per_user_usd=30.0)
    for row, v in zip(curves, values.tolist()):
        assert row == pytest.approx(exact_totals(rows, s.with_values(users=v)), rel=1e-9)


# -- crossovers -----------------------------------------------------------------------------

HEADER = ("option_id,name,legal_status,reach,setup_usd,monthly_usd,per_mbps_usd,per_user_usd,"
          "min_term_months,lead_time_weeks,productivity_loss_pct_low,productivity_loss_pct_high,"
          "outages_per_year_low,outages_per_year_high,outage_hours_low,outage_hours_high,"
          "incidents_per_year_low,incidents_per_year_high,incident_cost_usd_low,"
          "incident_cost_usd_high,latency_ms,sources,notes")
# A fixed-cost circuit with one fixed incident a year, against per-seat licences that lose
# a fixed 5% of the abroad-dependent time.
SETUP, MONTHLY, INCIDENTS, INCIDENT_COST = 2000.0, 1000.0, 1.0, 600.0
SEAT, LOST = 10.0, 5.0
TWO_ROUTES = "\r\n".join([
    HEADER,
    f"circuit,Circuit,authorised,hq_only,{SETUP},{MONTHLY},0,0,0,0,0,0,0,0,0,0,"
    f"{INCIDENTS},{INCIDENTS},{INCIDENT_COST},{INCIDENT_COST},,,",
    f"seats,Seats,unauthorised,open_internet,0,0,0,{SEAT},0,0,{LOST},{LOST},0,0,0,0,0,0,0,0,,,",
]).encode()
TWO = Scenario(horizon_months=12, status_quo="seats")


@pytest.fixture(scope="module")
def two():
    return read_table(TWO_ROUTES)


def _crossing_users(s: Scenario) -> float:
    h = s.horizon_months
    circuit = SETUP * s.sites + MONTHLY * s.sites * h + INCIDENTS * INCIDENT_COST * h / 12
    per_user = (SEAT + s.dependency_pct / 100 * s.hourly_usd * s.hours_month * LOST / 100) * h
    return circuit / per_user


def test_crossover_is_at_the_closed_form_number_of_users(two):
    users = _crossing_users(TWO)
    assert 11 < users < 12  # 14,600 / 1,272 = 11.48
    values = np.arange(1, 101)
    curves = sweep(two, TWO, "users", values)
    assert curves[:, 0] == pytest.approx([14_600.0] * 100)
    assert curves[:, 1] == pytest.approx(1272.0 * values)
    found = crossovers(values, curves, route_labels(two), "users")
    assert found == [f"above {math.floor(users)} users, Circuit costs less than Seats"]


def test_crossover_follows_the_inputs(two):
    s = TWO.with_values(hourly_usd=10.0, sites=2)
    users = _crossing_users(s)
    values = np.arange(1, 301)
    found = crossovers(values, sweep(two, s, "users", values), route_labels(two), "users")
    assert found == [f"above {math.floor(users)} users, Circuit costs less than Seats"]
    assert math.floor(users) != math.floor(_crossing_users(TWO))


def test_no_crossing_gives_no_sentence(two):
    values = np.arange(1, 6)  # the circuit stays dearer below 11 users
    assert crossovers(values, sweep(two, TWO, "users", values), route_labels(two),
                      "users") == []
    values = np.arange(20, 40)  # and cheaper above 12
    assert crossovers(values, sweep(two, TWO, "users", values), route_labels(two),
                      "users") == []


def test_crossovers_are_listed_in_order_of_the_swept_value():
    values = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    curves = np.array([[1, 2], [3, 2], [1, 2], [1, 2], [5, 2]], dtype=float)
    found = crossovers(values, curves, ["A", "B"], "months")
    assert found == ["above 0 months, B costs less than A",
                     "above 1 month, A costs less than B",
                     "above 3 months, B costs less than A"]


# -- charts ---------------------------------------------------------------------------------


def _rows(spec: dict, layer: dict) -> list[dict]:
    data = layer.get("data") or spec.get("data")
    return data["values"] if "values" in data else spec["datasets"][data["name"]]


def test_tornado_chart_draws_bars_from_the_base_margin(table):
    t = tornado(table, Scenario())
    labels = route_labels(table)
    spec = tornado_chart(t, labels, top=10).to_dict()
    bars, names, rules = spec["layer"]  # each input's name is written above its bar
    assert bars["mark"]["type"] == "bar" and rules["mark"]["type"] == "rule"
    assert names["mark"]["type"] == "text" and names["encoding"]["text"]["field"] == "input"
    words = [swing_words(w) for w in t.swings[:10]]
    assert [r["input"] for r in _rows(spec, names)] == [label for label, _, _ in words]
    assert bars["encoding"]["x"]["field"] == "base"
    assert bars["encoding"]["x2"]["field"] == "margin"
    assert bars["encoding"]["y"]["sort"] == [label for label, _, _ in words]
    rows = _rows(spec, bars)
    assert len(rows) == 20
    for w, (label, low, _) in zip(t.swings[:10], words):
        mine = {r["end"]: r for r in rows if r["input"] == label}
        assert mine["low end"]["margin"] == w.low_margin
        assert mine["high end"]["margin"] == w.high_margin
        assert mine["low end"]["value"] == low
        assert all(r["base"] == t.base_margin for r in mine.values())
    lines = {r["what"]: r["x"] for r in _rows(spec, rules)}
    assert lines == {"as entered": t.base_margin, "winner changes": 0.0}
    title = " ".join(bars["title"])
    assert labels[t.winner] in title and labels[t.runner_up] in title
    assert bars["encoding"]["tooltip"] and rules["encoding"]["tooltip"]


def test_sweep_chart_marks_the_current_value(table):
    values = np.arange(5, 60, 5)
    curves = sweep(table, Scenario(), "users", values)
    spec = sweep_chart(table, values, curves, "Users", "Staff", 25).to_dict()
    lines, now = spec["layer"]
    assert lines["mark"]["type"] == "line" and now["mark"]["type"] == "rule"
    assert _rows(spec, now) == [{"x": 25}]
    rows = _rows(spec, lines)
    labels = route_labels(table)
    assert len(rows) == len(values) * len(labels)
    for r in rows:
        k, i = list(values).index(r["x"]), labels.index(r["route"])
        assert r["usd"] == curves[k, i]
    colour = lines["encoding"]["color"]
    scale = route_scale(table).to_dict()
    assert colour["scale"]["domain"] == scale["domain"]
    assert colour["scale"]["range"] == scale["range"]
    assert lines["encoding"]["tooltip"] and now["encoding"]["tooltip"]


@pytest.mark.parametrize("routes", [6, 50])
def test_a_long_sweep_of_many_routes_fits_a_chart_and_keeps_both_ends(table, routes):
    many = pd.concat([table] * (routes // len(table) + 1), ignore_index=True)[:routes]
    many["option_id"] = [*table["option_id"], *(f"r{i}" for i in range(3, routes))]
    many["name"] = [f"Route {i}" for i in range(routes)]
    values = np.arange(1, 1001)
    curves = sweep(many, Scenario(), "users", values)
    spec = sweep_chart(many, values, curves, "Users", "Staff", 25).to_dict()  # validates
    rows = _rows(spec, spec["layer"][0])
    assert 3000 <= len(rows) <= 5000  # thinned under the limit, not emptied
    kept = sorted({r["x"] for r in rows})
    assert kept[0] == 1 and kept[-1] == 1000
    for r in rows:  # every point kept is exact
        k, i = int(r["x"]) - 1, int(r["route"].split()[-1])
        assert r["usd"] == curves[k, i]
